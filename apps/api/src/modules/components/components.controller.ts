import { Body, Controller, Get, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import {
  type CreateComponentInput, createComponentInputSchema, idParamSchema, type ListComponentsQuery, listComponentsQuerySchema,
  type UpdateComponentInput, updateComponentInputSchema,
} from '@jv/contracts';
import { Allow } from '../../common/auth.decorators';
import { zodPipe } from '../../common/zod-validation.pipe';
import { ComponentsService } from './components.service';

@Controller('v1/components')
export class ComponentsController {
  constructor(@Inject(ComponentsService) private readonly components: ComponentsService) {}

  @Get()
  @Allow('referenceData', 'read')
  list(@Query(zodPipe(listComponentsQuerySchema)) q: ListComponentsQuery) {
    return this.components.list(q);
  }

  @Get(':id')
  @Allow('referenceData', 'read')
  get(@Param(zodPipe(idParamSchema)) { id }: { id: string }) {
    return this.components.get(id);
  }

  @Post()
  @Allow('referenceData', 'write')
  create(@Body(zodPipe(createComponentInputSchema)) body: CreateComponentInput) {
    return this.components.create(body);
  }

  @Patch(':id')
  @Allow('referenceData', 'write')
  update(@Param(zodPipe(idParamSchema)) { id }: { id: string }, @Body(zodPipe(updateComponentInputSchema)) body: UpdateComponentInput) {
    return this.components.update(id, body);
  }
}
