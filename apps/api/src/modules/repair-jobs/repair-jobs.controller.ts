import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  type CreatePartUsedInput, createPartUsedInputSchema, type CreateRepairJobInput, createRepairJobInputSchema, type CreateWorkLogInput,
  createWorkLogInputSchema, type CurrentUser as CurrentUserShape, type ExportRepairJobsQuery, exportRepairJobsQuerySchema, idParamSchema, type ListRepairJobsQuery, listRepairJobsQuerySchema,
  type RepairJobMetricsQuery, repairJobMetricsQuerySchema, type RepairJobTransitionInput, repairJobTransitionInputSchema,
  type UpdateRepairJobInput, updateRepairJobInputSchema, type ListTechniciansQuery, listTechniciansQuerySchema,
} from '@jv/contracts';
import type { Response } from 'express';
import { Allow, CurrentUser } from '../../common/auth.decorators';
import { sendCsv } from '../../common/csv';
import { zodPipe } from '../../common/zod-validation.pipe';
import { repairJobExportColumns, toJobExportRecord } from './repair-jobs-export';
import { RepairJobWorkService } from './repair-job-work.service';
import { RepairJobsService } from './repair-jobs.service';
import { RepairMetricsService } from './repair-metrics.service';

@Controller('v1/repair-jobs')
export class RepairJobsController {
  constructor(
    @Inject(RepairJobsService) private readonly jobs: RepairJobsService,
    @Inject(RepairJobWorkService) private readonly work: RepairJobWorkService,
    @Inject(RepairMetricsService) private readonly metricsService: RepairMetricsService,
  ) {}

  @Get()
  @Allow('repairJobs', 'read')
  list(@Query(zodPipe(listRepairJobsQuerySchema)) q: ListRepairJobsQuery, @CurrentUser() user: CurrentUserShape) {
    return this.jobs.list(q, user);
  }

  /** declared before `:id`; every match of the list's filters as CSV, streamed 1 000 rows at a time in the list's order */
  @Get('export.csv')
  @Allow('repairJobs', 'read')
  async export(@Query(zodPipe(exportRepairJobsQuerySchema)) q: ExportRepairJobsQuery, @CurrentUser() user: CurrentUserShape, @Res() res: Response) {
    await sendCsv(res, {
      filename: 'repair-jobs.csv', columns: repairJobExportColumns, batches: this.jobs.exportBatches(q, user),
      toCells: toJobExportRecord, what: 'repair jobs',
    });
  }

  /** declared before `:id` so "metrics" is never read as an id */
  @Get('metrics')
  @Allow('repairMetrics', 'read')
  metrics(@Query(zodPipe(repairJobMetricsQuerySchema)) q: RepairJobMetricsQuery, @CurrentUser() user: CurrentUserShape) {
    return this.metricsService.metrics(q, user);
  }

  /** declared before `:id`; the people who may be assigned to jobs at one facility */
  @Get('technicians')
  @Allow('repairJobs', 'write')
  technicians(@Query(zodPipe(listTechniciansQuerySchema)) q: ListTechniciansQuery, @CurrentUser() user: CurrentUserShape) {
    return this.jobs.technicians(q.facilityId, user);
  }

  @Get(':id')
  @Allow('repairJobs', 'read')
  get(@Param(zodPipe(idParamSchema)) { id }: { id: string }, @CurrentUser() user: CurrentUserShape) {
    return this.jobs.detail(id, user);
  }

  @Post()
  @Allow('repairJobs', 'write')
  create(@Body(zodPipe(createRepairJobInputSchema)) body: CreateRepairJobInput, @CurrentUser() user: CurrentUserShape) {
    return this.jobs.create(body, user);
  }

  @Patch(':id')
  @Allow('repairJobs', 'write')
  update(
    @Param(zodPipe(idParamSchema)) { id }: { id: string },
    @Body(zodPipe(updateRepairJobInputSchema)) body: UpdateRepairJobInput,
    @CurrentUser() user: CurrentUserShape,
  ) {
    return this.jobs.update(id, body, user);
  }

  @Post(':id/transitions')
  @Allow('repairJobs', 'write')
  @HttpCode(200)
  transition(
    @Param(zodPipe(idParamSchema)) { id }: { id: string },
    @Body(zodPipe(repairJobTransitionInputSchema)) body: RepairJobTransitionInput,
    @CurrentUser() user: CurrentUserShape,
  ) {
    return this.jobs.transition(id, body, user);
  }

  @Get(':id/work-logs')
  @Allow('repairJobs', 'read')
  workLogs(@Param(zodPipe(idParamSchema)) { id }: { id: string }, @CurrentUser() user: CurrentUserShape) {
    return this.work.listWorkLogs(id, user);
  }

  @Post(':id/work-logs')
  @Allow('repairJobs', 'write')
  addWorkLog(
    @Param(zodPipe(idParamSchema)) { id }: { id: string },
    @Body(zodPipe(createWorkLogInputSchema)) body: CreateWorkLogInput,
    @CurrentUser() user: CurrentUserShape,
  ) {
    return this.work.addWorkLog(id, body, user);
  }

  @Get(':id/parts-used')
  @Allow('repairJobs', 'read')
  partsUsed(@Param(zodPipe(idParamSchema)) { id }: { id: string }, @CurrentUser() user: CurrentUserShape) {
    return this.work.listPartsUsed(id, user);
  }

  @Post(':id/parts-used')
  @Allow('repairJobs', 'write')
  addPartUsed(
    @Param(zodPipe(idParamSchema)) { id }: { id: string },
    @Body(zodPipe(createPartUsedInputSchema)) body: CreatePartUsedInput,
    @CurrentUser() user: CurrentUserShape,
  ) {
    return this.work.addPartUsed(id, body, user);
  }
}
