import { Body, Controller, Get, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import {
  type CreateFacilityInput, createFacilityInputSchema, idParamSchema, type ListFacilitiesQuery, listFacilitiesQuerySchema,
  type UpdateFacilityInput, updateFacilityInputSchema,
} from '@jv/contracts';
import { Allow } from '../../common/auth.decorators';
import { zodPipe } from '../../common/zod-validation.pipe';
import { FacilitiesService } from './facilities.service';

@Controller('v1/facilities')
export class FacilitiesController {
  constructor(@Inject(FacilitiesService) private readonly facilities: FacilitiesService) {}

  @Get()
  @Allow('referenceData', 'read')
  list(@Query(zodPipe(listFacilitiesQuerySchema)) q: ListFacilitiesQuery) {
    return this.facilities.list(q);
  }

  @Get(':id')
  @Allow('referenceData', 'read')
  get(@Param(zodPipe(idParamSchema)) { id }: { id: string }) {
    return this.facilities.get(id);
  }

  @Post()
  @Allow('referenceData', 'write')
  create(@Body(zodPipe(createFacilityInputSchema)) body: CreateFacilityInput) {
    return this.facilities.create(body);
  }

  @Patch(':id')
  @Allow('referenceData', 'write')
  update(@Param(zodPipe(idParamSchema)) { id }: { id: string }, @Body(zodPipe(updateFacilityInputSchema)) body: UpdateFacilityInput) {
    return this.facilities.update(id, body);
  }
}
