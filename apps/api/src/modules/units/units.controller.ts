import { Body, Controller, Get, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import {
  type CreateUnitInput, createUnitInputSchema, idParamSchema, type ListUnitsQuery, listUnitsQuerySchema,
  type UpdateUnitInput, updateUnitInputSchema,
} from '@jv/contracts';
import { Allow } from '../../common/auth.decorators';
import { zodPipe } from '../../common/zod-validation.pipe';
import { UnitsService } from './units.service';

@Controller('v1/units')
export class UnitsController {
  constructor(@Inject(UnitsService) private readonly units: UnitsService) {}

  @Get()
  @Allow('referenceData', 'read')
  list(@Query(zodPipe(listUnitsQuerySchema)) q: ListUnitsQuery) {
    return this.units.list(q);
  }

  @Get(':id')
  @Allow('referenceData', 'read')
  get(@Param(zodPipe(idParamSchema)) { id }: { id: string }) {
    return this.units.get(id);
  }

  @Post()
  @Allow('referenceData', 'write')
  create(@Body(zodPipe(createUnitInputSchema)) body: CreateUnitInput) {
    return this.units.create(body);
  }

  @Patch(':id')
  @Allow('referenceData', 'write')
  update(@Param(zodPipe(idParamSchema)) { id }: { id: string }, @Body(zodPipe(updateUnitInputSchema)) body: UpdateUnitInput) {
    return this.units.update(id, body);
  }
}
