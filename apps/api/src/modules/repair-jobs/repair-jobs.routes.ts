import {
  createPartUsedInputSchema, createPreventivePlanInputSchema, createRepairJobInputSchema, createWorkLogInputSchema,
  exportRepairJobsQuerySchema, idParamSchema, listPreventivePlansQuerySchema, listRepairJobsQuerySchema, pageSchema, partUsedListSchema,
  partUsedResponseSchema,
  preventivePlanResponseSchema, preventiveRunResultSchema, repairJobDetailSchema, repairJobMetricsQuerySchema, repairJobMetricsSchema,
  repairJobResponseSchema, repairJobTransitionInputSchema, updatePreventivePlanInputSchema, updateRepairJobInputSchema,
  workLogListSchema, workLogResponseSchema, listTechniciansQuerySchema, technicianListSchema,
} from '@jv/contracts';
import { rolesFor } from '@jv/domain';
import type { RouteDoc } from '../../openapi/route';

const tag = 'repair-jobs';
const read = rolesFor('repairJobs', 'read');
const write = rolesFor('repairJobs', 'write');
const plans = 'preventive-plans';

export const repairJobsRoutes: RouteDoc[] = [
  { method: 'get', path: '/v1/repair-jobs', tag, summary: 'Repair jobs, urgent first then oldest; filters: facility, status (one or many), kind, priority, system, technician, opened from/to, overdue, open, q (number or serial). Workshop users see their facilities, partner users jobs on their country\'s systems (no technicians)', query: listRepairJobsQuerySchema, response: pageSchema(repairJobResponseSchema), roles: read },
  { method: 'get', path: '/v1/repair-jobs/export.csv', tag, summary: 'Every job matching the list\'s filters, in the list\'s order, as CSV (text/csv, attachment, UTF-8 with BOM): number, facility_code, system_serial, model, kind, priority, status, opened_at, due_at, closed_at, overdue, total_hours, technicians (names joined with "; "; empty for partner users), reported_fault, diagnosis. Same scope as the list', query: exportRepairJobsQuerySchema, roles: read },
  { method: 'get', path: '/v1/repair-jobs/technicians', tag, summary: 'Active workshop staff of a facility, to assign to jobs (workshop users: their own facilities only)', query: listTechniciansQuerySchema, response: technicianListSchema, roles: rolesFor('repairJobs', 'write') },
  { method: 'get', path: '/v1/repair-jobs/metrics', tag, summary: 'Backlog per facility and state, turnaround (median, p90 hours) and time awaiting parts of jobs completed in the period, completed per week, overdue open jobs. Period defaults to the last 90 days (UTC dates)', query: repairJobMetricsQuerySchema, response: repairJobMetricsSchema, roles: rolesFor('repairMetrics', 'read') },
  { method: 'get', path: '/v1/repair-jobs/{id}', tag, summary: 'One job with its transitions and the time spent in each state', params: idParamSchema, response: repairJobDetailSchema, roles: read },
  { method: 'post', path: '/v1/repair-jobs', tag, summary: 'Open a job at a repair workshop (accepts Idempotency-Key): number RJ-YYYY-NNNNN, due date from the priority, the system moves to in_repair. 409 OPEN_JOB_EXISTS when the system has an open job, SYSTEM_NOT_REPAIRABLE when it is written off or in transit', body: createRepairJobInputSchema, response: repairJobResponseSchema, roles: write },
  { method: 'patch', path: '/v1/repair-jobs/{id}', tag, summary: 'Change priority, fault, diagnosis or technicians of an open job; send the version you edited (409 STALE_VERSION; 409 JOB_CLOSED once closed)', params: idParamSchema, body: updateRepairJobInputSchema, response: repairJobResponseSchema, roles: write },
  { method: 'post', path: '/v1/repair-jobs/{id}/transitions', tag, status: 200, summary: 'Move the job: 409 INVALID_TRANSITION with `allowed`, 400 COMMENT_REQUIRED to cancel, 409 WORK_LOG_REQUIRED / FOUR_EYES to complete; completing a barrel_change needs newBarrelSerial. The system follows (cancel restores its status before the job)', params: idParamSchema, body: repairJobTransitionInputSchema, response: repairJobResponseSchema, roles: write },
  { method: 'get', path: '/v1/repair-jobs/{id}/work-logs', tag, summary: 'Work logs of a job and their total hours (no technician names for partner users)', params: idParamSchema, response: workLogListSchema, roles: read },
  { method: 'post', path: '/v1/repair-jobs/{id}/work-logs', tag, summary: 'Log your own hours on an open job (0.25–24 in quarter hours, not dated in the future)', params: idParamSchema, body: createWorkLogInputSchema, response: workLogResponseSchema, roles: write },
  { method: 'get', path: '/v1/repair-jobs/{id}/parts-used', tag, summary: 'Parts fitted on a job', params: idParamSchema, response: partUsedListSchema, roles: read },
  { method: 'post', path: '/v1/repair-jobs/{id}/parts-used', tag, summary: 'Record a part fitted on an open job (only components compatible with the system\'s model)', params: idParamSchema, body: createPartUsedInputSchema, response: partUsedResponseSchema, roles: write },
  { method: 'get', path: '/v1/preventive-plans', tag: plans, summary: 'Preventive maintenance plans, by name (filters: model, active)', query: listPreventivePlansQuerySchema, response: pageSchema(preventivePlanResponseSchema), roles: rolesFor('preventivePlans', 'read') },
  { method: 'get', path: '/v1/preventive-plans/{id}', tag: plans, summary: 'One preventive plan', params: idParamSchema, response: preventivePlanResponseSchema, roles: rolesFor('preventivePlans', 'read') },
  { method: 'post', path: '/v1/preventive-plans', tag: plans, summary: 'Add a plan for a system model: every N days and/or every N EFC', body: createPreventivePlanInputSchema, response: preventivePlanResponseSchema, roles: rolesFor('preventivePlans', 'write') },
  { method: 'patch', path: '/v1/preventive-plans/{id}', tag: plans, summary: 'Change a plan; send the version you edited (409 STALE_VERSION otherwise)', params: idParamSchema, body: updatePreventivePlanInputSchema, response: preventivePlanResponseSchema, roles: rolesFor('preventivePlans', 'write') },
  { method: 'post', path: '/v1/preventive-plans/run', tag: plans, status: 200, summary: 'Run the preventive scheduler now: opens a preventive job for each system whose plan is due and that has no open job (it also runs daily)', response: preventiveRunResultSchema, roles: rolesFor('preventivePlans', 'write') },
];
