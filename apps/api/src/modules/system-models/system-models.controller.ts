import { Body, Controller, Get, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import {
  type CreateSystemModelInput, createSystemModelInputSchema, idParamSchema, type ListSystemModelsQuery, listSystemModelsQuerySchema,
  type UpdateSystemModelInput, updateSystemModelInputSchema,
} from '@jv/contracts';
import { Allow } from '../../common/auth.decorators';
import { zodPipe } from '../../common/zod-validation.pipe';
import { SystemModelsService } from './system-models.service';

@Controller('v1/system-models')
export class SystemModelsController {
  constructor(@Inject(SystemModelsService) private readonly models: SystemModelsService) {}

  @Get()
  @Allow('referenceData', 'read')
  list(@Query(zodPipe(listSystemModelsQuerySchema)) q: ListSystemModelsQuery) {
    return this.models.list(q);
  }

  @Get(':id')
  @Allow('referenceData', 'read')
  get(@Param(zodPipe(idParamSchema)) { id }: { id: string }) {
    return this.models.get(id);
  }

  @Post()
  @Allow('referenceData', 'write')
  create(@Body(zodPipe(createSystemModelInputSchema)) body: CreateSystemModelInput) {
    return this.models.create(body);
  }

  @Patch(':id')
  @Allow('referenceData', 'write')
  update(@Param(zodPipe(idParamSchema)) { id }: { id: string }, @Body(zodPipe(updateSystemModelInputSchema)) body: UpdateSystemModelInput) {
    return this.models.update(id, body);
  }
}
