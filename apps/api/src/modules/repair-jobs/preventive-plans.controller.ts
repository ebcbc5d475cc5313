import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import {
  type CreatePreventivePlanInput, createPreventivePlanInputSchema, idParamSchema, type ListPreventivePlansQuery,
  listPreventivePlansQuerySchema, type UpdatePreventivePlanInput, updatePreventivePlanInputSchema,
} from '@jv/contracts';
import { Allow } from '../../common/auth.decorators';
import { zodPipe } from '../../common/zod-validation.pipe';
import { PreventivePlansService } from './preventive-plans.service';
import { PreventiveSchedulerService } from './preventive-scheduler.service';

@Controller('v1/preventive-plans')
export class PreventivePlansController {
  constructor(
    @Inject(PreventivePlansService) private readonly plans: PreventivePlansService,
    @Inject(PreventiveSchedulerService) private readonly scheduler: PreventiveSchedulerService,
  ) {}

  @Get()
  @Allow('preventivePlans', 'read')
  list(@Query(zodPipe(listPreventivePlansQuerySchema)) q: ListPreventivePlansQuery) {
    return this.plans.list(q);
  }

  @Post()
  @Allow('preventivePlans', 'write')
  create(@Body(zodPipe(createPreventivePlanInputSchema)) body: CreatePreventivePlanInput) {
    return this.plans.create(body);
  }

  /** runs the scheduler now (it also runs daily by itself) */
  @Post('run')
  @Allow('preventivePlans', 'write')
  @HttpCode(200)
  run() {
    return this.scheduler.run();
  }

  @Get(':id')
  @Allow('preventivePlans', 'read')
  get(@Param(zodPipe(idParamSchema)) { id }: { id: string }) {
    return this.plans.get(id);
  }

  @Patch(':id')
  @Allow('preventivePlans', 'write')
  update(@Param(zodPipe(idParamSchema)) { id }: { id: string }, @Body(zodPipe(updatePreventivePlanInputSchema)) body: UpdatePreventivePlanInput) {
    return this.plans.update(id, body);
  }
}
