import { Controller, Inject, Res } from '@nestjs/common';
import { type CurrentUser as CurrentUserShape, endpoints } from '@jv/contracts';
import type { Response } from 'express';
import { CurrentUser } from '../../common/auth.decorators';
import { sendCsv } from '../../common/csv';
import { Endpoint, Input, type In } from '../../common/endpoint';
import { repairJobExportColumns, toJobExportRecord } from './repair-jobs-export';
import { RepairJobWorkService } from './repair-job-work.service';
import { RepairJobsService } from './repair-jobs.service';
import { RepairMetricsService } from './repair-metrics.service';

const ep = endpoints.repairJobs;

/** Static paths (export.csv, metrics, technicians) come before `{id}` so they are never read as an id. */
@Controller()
export class RepairJobsController {
  constructor(
    @Inject(RepairJobsService) private readonly jobs: RepairJobsService,
    @Inject(RepairJobWorkService) private readonly work: RepairJobWorkService,
    @Inject(RepairMetricsService) private readonly metricsService: RepairMetricsService,
  ) {}

  @Endpoint(ep.list)
  list(@Input() { query }: In<typeof ep.list>, @CurrentUser() user: CurrentUserShape) {
    return this.jobs.list(query, user);
  }

  /** every match of the list's filters as CSV, streamed 1 000 rows at a time in the list's order */
  @Endpoint(ep.export)
  async export(@Input() { query }: In<typeof ep.export>, @CurrentUser() user: CurrentUserShape, @Res() res: Response) {
    await sendCsv(res, {
      filename: 'repair-jobs.csv',
      columns: repairJobExportColumns,
      batches: this.jobs.exportBatches(query, user),
      toCells: toJobExportRecord,
      what: 'repair jobs',
    });
  }

  @Endpoint(ep.metrics)
  metrics(@Input() { query }: In<typeof ep.metrics>, @CurrentUser() user: CurrentUserShape) {
    return this.metricsService.metrics(query, user);
  }

  @Endpoint(ep.technicians)
  technicians(@Input() { query }: In<typeof ep.technicians>, @CurrentUser() user: CurrentUserShape) {
    return this.jobs.technicians(query.facilityId, user);
  }

  @Endpoint(ep.get)
  get(@Input() { params }: In<typeof ep.get>, @CurrentUser() user: CurrentUserShape) {
    return this.jobs.detail(params.id, user);
  }

  @Endpoint(ep.create)
  create(@Input() { body }: In<typeof ep.create>, @CurrentUser() user: CurrentUserShape) {
    return this.jobs.create(body, user);
  }

  @Endpoint(ep.update)
  update(@Input() { params, body }: In<typeof ep.update>, @CurrentUser() user: CurrentUserShape) {
    return this.jobs.update(params.id, body, user);
  }

  @Endpoint(ep.transition)
  transition(@Input() { params, body }: In<typeof ep.transition>, @CurrentUser() user: CurrentUserShape) {
    return this.jobs.transition(params.id, body, user);
  }

  @Endpoint(ep.requestSignOff)
  requestSignOff(@Input() { params, body }: In<typeof ep.requestSignOff>, @CurrentUser() user: CurrentUserShape) {
    return this.jobs.requestSignOff(params.id, body, user);
  }

  @Endpoint(ep.workLogs)
  workLogs(@Input() { params }: In<typeof ep.workLogs>, @CurrentUser() user: CurrentUserShape) {
    return this.work.listWorkLogs(params.id, user);
  }

  @Endpoint(ep.createWorkLog)
  addWorkLog(@Input() { params, body }: In<typeof ep.createWorkLog>, @CurrentUser() user: CurrentUserShape) {
    return this.work.addWorkLog(params.id, body, user);
  }

  @Endpoint(ep.partsUsed)
  partsUsed(@Input() { params }: In<typeof ep.partsUsed>, @CurrentUser() user: CurrentUserShape) {
    return this.work.listPartsUsed(params.id, user);
  }

  @Endpoint(ep.createPartUsed)
  addPartUsed(@Input() { params, body }: In<typeof ep.createPartUsed>, @CurrentUser() user: CurrentUserShape) {
    return this.work.addPartUsed(params.id, body, user);
  }
}
