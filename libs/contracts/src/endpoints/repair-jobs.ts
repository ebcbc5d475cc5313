import { idParamSchema, pageSchema } from '../common';
import { endpoint } from '../endpoint';
import {
  createPartUsedInputSchema,
  createPreventivePlanInputSchema,
  createRepairJobInputSchema,
  createWorkLogInputSchema,
  exportRepairJobsQuerySchema,
  listPreventivePlansQuerySchema,
  listRepairJobsQuerySchema,
  listTechniciansQuerySchema,
  partUsedListSchema,
  partUsedResponseSchema,
  preventivePlanResponseSchema,
  preventiveRunResultSchema,
  repairJobDetailSchema,
  repairJobMetricsQuerySchema,
  repairJobMetricsSchema,
  repairJobResponseSchema,
  repairJobTransitionInputSchema,
  signOffRequestInputSchema,
  signOffRequestResponseSchema,
  technicianListSchema,
  updatePreventivePlanInputSchema,
  updateRepairJobInputSchema,
  workLogListSchema,
  workLogResponseSchema,
} from '../repair-jobs';

const tag = 'repair-jobs';
const read = { resource: 'repairJobs', action: 'read' } as const;
const write = { resource: 'repairJobs', action: 'write' } as const;

/** Static paths (export.csv, technicians, metrics) come before `{id}` so that they are never read as an id. */
export const repairJobsEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/v1/repair-jobs',
    tag,
    permission: read,
    summary:
      'Repair jobs, urgent first then oldest; filters: facility, status (one or many), kind, priority, system, ' +
      'technician, opened from/to, overdue, open, partsReady, q (number or serial). Workshop users see their ' +
      "facilities, partner users jobs on their country's systems (no technicians)",
    query: listRepairJobsQuerySchema,
    response: pageSchema(repairJobResponseSchema),
  }),
  export: endpoint({
    method: 'GET',
    path: '/v1/repair-jobs/export.csv',
    tag,
    permission: read,
    summary:
      "Every job matching the list's filters, in the list's order, as CSV (text/csv, attachment, UTF-8 with BOM): " +
      'number, facility_code, system_serial, model, kind, priority, status, opened_at, due_at, closed_at, overdue, ' +
      'total_hours, technicians (names joined with "; "; empty for partner users), reported_fault, diagnosis. ' +
      'Same scope as the list',
    query: exportRepairJobsQuerySchema,
    output: 'csv',
  }),
  technicians: endpoint({
    method: 'GET',
    path: '/v1/repair-jobs/technicians',
    tag,
    permission: write,
    summary: 'Active workshop staff of a facility, to assign to jobs (workshop users: their own facilities only)',
    query: listTechniciansQuerySchema,
    response: technicianListSchema,
    errors: ['NOT_FOUND'],
  }),
  metrics: endpoint({
    method: 'GET',
    path: '/v1/repair-jobs/metrics',
    tag,
    permission: { resource: 'repairMetrics', action: 'read' },
    summary:
      'Backlog per facility and state, turnaround (median, p90 hours) and time awaiting parts of jobs completed ' +
      'in the period, completed per week, overdue open jobs. Period defaults to the last 90 days (UTC dates)',
    query: repairJobMetricsQuerySchema,
    response: repairJobMetricsSchema,
    errors: ['NOT_FOUND'],
  }),
  get: endpoint({
    method: 'GET',
    path: '/v1/repair-jobs/{id}',
    tag,
    permission: read,
    summary:
      'One job with its transitions, the time spent in each state, its component requests, and what its page shows ' +
      'of the system, model and facility',
    params: idParamSchema,
    response: repairJobDetailSchema,
    errors: ['NOT_FOUND'],
  }),
  create: endpoint({
    method: 'POST',
    path: '/v1/repair-jobs',
    tag,
    permission: write,
    summary:
      'Open a job at a repair workshop (accepts Idempotency-Key): number RJ-YYYY-NNNNN, due date from the priority, ' +
      'the system moves to in_repair. 409 OPEN_JOB_EXISTS when the system has an open job, ' +
      'SYSTEM_NOT_REPAIRABLE when it is written off or in transit',
    body: createRepairJobInputSchema,
    response: repairJobResponseSchema,
    idempotent: true,
    errors: ['NOT_FOUND', 'OPEN_JOB_EXISTS', 'SYSTEM_NOT_REPAIRABLE'],
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/v1/repair-jobs/{id}',
    tag,
    permission: write,
    summary:
      'Change priority, fault, diagnosis or technicians of an open job; send the version you edited ' +
      '(409 STALE_VERSION; 409 JOB_CLOSED once closed)',
    params: idParamSchema,
    body: updateRepairJobInputSchema,
    response: repairJobResponseSchema,
    errors: ['NOT_FOUND', 'STALE_VERSION', 'JOB_CLOSED'],
  }),
  transition: endpoint({
    method: 'POST',
    path: '/v1/repair-jobs/{id}/transitions',
    tag,
    permission: write,
    summary:
      'Move the job: 409 INVALID_TRANSITION with `allowed`, 400 COMMENT_REQUIRED to cancel, 409 WORK_LOG_REQUIRED / ' +
      'FOUR_EYES to complete; completing a barrel_change needs newBarrelSerial. The system follows (cancel restores ' +
      'its status before the job)',
    params: idParamSchema,
    body: repairJobTransitionInputSchema,
    response: repairJobResponseSchema,
    status: 200,
    errors: ['NOT_FOUND', 'STALE_VERSION', 'INVALID_TRANSITION', 'COMMENT_REQUIRED', 'WORK_LOG_REQUIRED', 'FOUR_EYES'],
  }),
  requestSignOff: endpoint({
    method: 'POST',
    path: '/v1/repair-jobs/{id}/sign-off-requests',
    tag,
    permission: write,
    summary:
      "Ask for a job's quality sign-off (accepts Idempotency-Key): notifies the other workshop users of the job's " +
      'facility who logged no work on it. Only a job in quality_check (409 NOT_AWAITING_SIGN_OFF); a request ' +
      'within 10 minutes of the last one notifies nobody again (`repeated`)',
    params: idParamSchema,
    body: signOffRequestInputSchema,
    response: signOffRequestResponseSchema,
    status: 200,
    idempotent: true,
    errors: ['NOT_FOUND', 'STALE_VERSION', 'NOT_AWAITING_SIGN_OFF'],
  }),
  workLogs: endpoint({
    method: 'GET',
    path: '/v1/repair-jobs/{id}/work-logs',
    tag,
    permission: read,
    summary: 'Work logs of a job and their total hours (no technician names for partner users)',
    params: idParamSchema,
    response: workLogListSchema,
    errors: ['NOT_FOUND'],
  }),
  createWorkLog: endpoint({
    method: 'POST',
    path: '/v1/repair-jobs/{id}/work-logs',
    tag,
    permission: write,
    summary:
      'Log your own hours on an open job (0.25–24 in quarter hours, dated from the day the job was opened up to today)',
    params: idParamSchema,
    body: createWorkLogInputSchema,
    response: workLogResponseSchema,
    idempotent: true,
    errors: ['NOT_FOUND', 'JOB_CLOSED'],
  }),
  partsUsed: endpoint({
    method: 'GET',
    path: '/v1/repair-jobs/{id}/parts-used',
    tag,
    permission: read,
    summary: 'Parts fitted on a job',
    params: idParamSchema,
    response: partUsedListSchema,
    errors: ['NOT_FOUND'],
  }),
  createPartUsed: endpoint({
    method: 'POST',
    path: '/v1/repair-jobs/{id}/parts-used',
    tag,
    permission: write,
    summary:
      "Record a part fitted on an open job (only components compatible with the system's model); taken from a " +
      'component request of this job for the same component, no more than delivered on it and not yet used (409 ' +
      'PARTS_EXCEED_DELIVERED with `available`)',
    params: idParamSchema,
    body: createPartUsedInputSchema,
    response: partUsedResponseSchema,
    idempotent: true,
    errors: ['NOT_FOUND', 'JOB_CLOSED', 'PARTS_EXCEED_DELIVERED'],
  }),
};

const plans = 'preventive-plans';
const plansRead = { resource: 'preventivePlans', action: 'read' } as const;
const plansWrite = { resource: 'preventivePlans', action: 'write' } as const;

export const preventivePlansEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/v1/preventive-plans',
    tag: plans,
    permission: plansRead,
    summary: 'Preventive maintenance plans, by name (filters: model, active)',
    query: listPreventivePlansQuerySchema,
    response: pageSchema(preventivePlanResponseSchema),
  }),
  create: endpoint({
    method: 'POST',
    path: '/v1/preventive-plans',
    tag: plans,
    permission: plansWrite,
    summary: 'Add a plan for a system model: every N days and/or every N EFC',
    body: createPreventivePlanInputSchema,
    response: preventivePlanResponseSchema,
    idempotent: true,
  }),
  run: endpoint({
    method: 'POST',
    path: '/v1/preventive-plans/run',
    tag: plans,
    permission: plansWrite,
    summary:
      'Run the preventive scheduler now: opens a preventive job for each system whose plan is due and that has no ' +
      'open job (it also runs daily)',
    response: preventiveRunResultSchema,
    status: 200,
  }),
  get: endpoint({
    method: 'GET',
    path: '/v1/preventive-plans/{id}',
    tag: plans,
    permission: plansRead,
    summary: 'One preventive plan',
    params: idParamSchema,
    response: preventivePlanResponseSchema,
    errors: ['NOT_FOUND'],
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/v1/preventive-plans/{id}',
    tag: plans,
    permission: plansWrite,
    summary: 'Change a plan; send the version you edited (409 STALE_VERSION otherwise)',
    params: idParamSchema,
    body: updatePreventivePlanInputSchema,
    response: preventivePlanResponseSchema,
    errors: ['NOT_FOUND', 'STALE_VERSION'],
  }),
};
