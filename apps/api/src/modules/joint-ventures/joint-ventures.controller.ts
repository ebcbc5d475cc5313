import { Body, Controller, Get, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import {
  type CreateJointVentureInput, createJointVentureInputSchema, idParamSchema, type ListJointVenturesQuery, listJointVenturesQuerySchema,
  type UpdateJointVentureInput, updateJointVentureInputSchema,
} from '@jv/contracts';
import { Allow } from '../../common/auth.decorators';
import { zodPipe } from '../../common/zod-validation.pipe';
import { JointVenturesService } from './joint-ventures.service';

@Controller('v1/joint-ventures')
export class JointVenturesController {
  constructor(@Inject(JointVenturesService) private readonly jointVentures: JointVenturesService) {}

  @Get()
  @Allow('referenceData', 'read')
  list(@Query(zodPipe(listJointVenturesQuerySchema)) q: ListJointVenturesQuery) {
    return this.jointVentures.list(q);
  }

  @Get(':id')
  @Allow('referenceData', 'read')
  get(@Param(zodPipe(idParamSchema)) { id }: { id: string }) {
    return this.jointVentures.get(id);
  }

  @Post()
  @Allow('referenceData', 'write')
  create(@Body(zodPipe(createJointVentureInputSchema)) body: CreateJointVentureInput) {
    return this.jointVentures.create(body);
  }

  @Patch(':id')
  @Allow('referenceData', 'write')
  update(@Param(zodPipe(idParamSchema)) { id }: { id: string }, @Body(zodPipe(updateJointVentureInputSchema)) body: UpdateJointVentureInput) {
    return this.jointVentures.update(id, body);
  }
}
