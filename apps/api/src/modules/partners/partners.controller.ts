import { Body, Controller, Get, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import {
  type CreatePartnerInput, createPartnerInputSchema, idParamSchema, type ListPartnersQuery, listPartnersQuerySchema,
  type UpdatePartnerInput, updatePartnerInputSchema,
} from '@jv/contracts';
import { Allow } from '../../common/auth.decorators';
import { zodPipe } from '../../common/zod-validation.pipe';
import { PartnersService } from './partners.service';

@Controller('v1/partners')
export class PartnersController {
  constructor(@Inject(PartnersService) private readonly partners: PartnersService) {}

  @Get()
  @Allow('referenceData', 'read')
  list(@Query(zodPipe(listPartnersQuerySchema)) q: ListPartnersQuery) {
    return this.partners.list(q);
  }

  @Get(':id')
  @Allow('referenceData', 'read')
  get(@Param(zodPipe(idParamSchema)) { id }: { id: string }) {
    return this.partners.get(id);
  }

  @Post()
  @Allow('referenceData', 'write')
  create(@Body(zodPipe(createPartnerInputSchema)) body: CreatePartnerInput) {
    return this.partners.create(body);
  }

  @Patch(':id')
  @Allow('referenceData', 'write')
  update(@Param(zodPipe(idParamSchema)) { id }: { id: string }, @Body(zodPipe(updatePartnerInputSchema)) body: UpdatePartnerInput) {
    return this.partners.update(id, body);
  }
}
