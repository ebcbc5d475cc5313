import type {
  CurrentUser,
  RepairJobDetail,
  RepairJobKindValue,
  RepairJobPriorityValue,
  RepairJobResponse,
  RepairJobTransition,
  WorkLogResponse,
} from '@jv/contracts';
import {
  allowedTransitions,
  type ComponentRequestStatus,
  isOverdue,
  isRequestOverdue,
  type RepairJobStatus,
  type TransitionCheck,
} from '@jv/domain';
import { z } from 'zod';
import { AppError, type FieldErrorInput, ValidationFailed } from '../../common/errors';
import { decodeCursor, encodeCursor } from '../../common/pagination';
import { repairJobScope, worksAt } from '../../common/scope';
import type { SqlParams } from '../../common/sql';

/** The SQL list of the states a job is closed in (for `status NOT IN …`). */
export const CLOSED_STATUSES_SQL = `('completed', 'cancelled')`;

/**
 * "Parts ready" of a job `job`, as one SQL condition: it has component requests and every one that still
 * counts (not cancelled or rejected) is delivered — two index lookups (component_requests_job_idx), no
 * query per job. The rule itself is `partsReady` in libs/domain.
 */
export const partsReadySql = (job = 'j') => {
  if (!/^[a-z_][a-z0-9_]*$/.test(job)) throw new Error(`partsReadySql: bad alias ${job}`);
  return `(EXISTS (SELECT 1 FROM component_requests pr WHERE pr.repair_job_id = ${job}.id
                     AND pr.status NOT IN ('cancelled', 'rejected'))
    AND NOT EXISTS (SELECT 1 FROM component_requests pr WHERE pr.repair_job_id = ${job}.id
                     AND pr.status NOT IN ('cancelled', 'rejected', 'delivered')))`;
};

/** A job as read with JOB_COLUMNS. */
export interface JobRow {
  id: string;
  number: string;
  facility_id: string;
  facility_code: string;
  system_id: string;
  system_serial: string;
  model_designation: string;
  kind: RepairJobKindValue;
  priority: RepairJobPriorityValue;
  priority_rank: number;
  status: RepairJobStatus;
  reported_fault: string;
  diagnosis: string | null;
  technician_ids: string[] | null;
  technicians: Array<{ id: string; displayName: string }> | null;
  opened_at: Date;
  /** opened_at with microseconds, for the keyset cursor (a JS Date keeps only milliseconds) */
  opened_at_key: string;
  due_at: Date;
  closed_at: Date | null;
  total_hours: string | number | null;
  new_barrel_serial: string | null;
  preventive_plan_id: string | null;
  parts_ready: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/**
 * Columns of a job with its names and totals, read from `<source> j` joined by JOB_JOINS: facility code,
 * system serial, model designation, technician names (one subselect over users = ANY(technician_ids))
 * and total hours (one lateral sum) — never one query per job.
 */
export const JOB_COLUMNS = `j.id, j.number, j.facility_id, f.code AS facility_code,
  j.system_id, s.serial_number AS system_serial, sm.designation AS model_designation,
  j.kind, j.priority, j.priority_rank, j.status, j.reported_fault, j.diagnosis,
  j.technician_ids, tech.list AS technicians,
  j.opened_at, to_char(j.opened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS opened_at_key,
  j.due_at, j.closed_at, wl.hours AS total_hours, j.new_barrel_serial, j.preventive_plan_id,
  ${partsReadySql('j')} AS parts_ready, j.version, j.created_at, j.updated_at`;

export const JOB_JOINS = `JOIN facilities f ON f.id = j.facility_id
  JOIN systems s ON s.id = j.system_id
  JOIN system_models sm ON sm.id = s.model_id
  LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object('id', u.id, 'displayName', u.display_name) ORDER BY u.display_name, u.id) AS list
      FROM users u WHERE u.id = ANY(j.technician_ids)
  ) tech ON true
  LEFT JOIN LATERAL (SELECT sum(w.hours) AS hours FROM work_logs w WHERE w.job_id = j.id) wl ON true`;

/** A job as its page reads it: JOB_COLUMNS and what the page shows besides (model id, facility name). */
export interface JobDetailRow extends JobRow {
  model_id: string;
  facility_name: string;
}

/** The columns of one job's page, over the same JOB_JOINS: its page needs no other request for them. */
export const JOB_DETAIL_COLUMNS = `${JOB_COLUMNS}, s.model_id, f.name AS facility_name`;

/** Partner users see no personal data: no technicians, no names. */
export const seesPeople = (user: Pick<CurrentUser, 'role'>) => user.role !== 'partner';

export function toJobResponse(r: JobRow, user: Pick<CurrentUser, 'role'>, now = new Date()): RepairJobResponse {
  const people = seesPeople(user);
  return {
    id: r.id,
    number: r.number,
    facilityId: r.facility_id,
    facilityCode: r.facility_code,
    systemId: r.system_id,
    systemSerial: r.system_serial,
    modelDesignation: r.model_designation,
    kind: r.kind,
    priority: r.priority,
    status: r.status,
    reportedFault: r.reported_fault,
    diagnosis: r.diagnosis,
    technicianIds: people ? (r.technician_ids ?? []) : [],
    technicians: people ? (r.technicians ?? []) : [],
    openedAt: new Date(r.opened_at).toISOString(),
    dueAt: new Date(r.due_at).toISOString(),
    closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
    overdue: isOverdue(r.status, new Date(r.due_at), now),
    partsReady: r.parts_ready === true,
    allowedTransitions: allowedTransitions(r.status),
    totalHours: Number(r.total_hours ?? 0),
    newBarrelSerial: r.new_barrel_serial,
    preventivePlanId: r.preventive_plan_id,
    version: r.version,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** The job as its page shows it, without its transitions: the response and its model id and facility name. */
export function toJobDetailHead(
  r: JobDetailRow,
  user: Pick<CurrentUser, 'role'>,
  now = new Date(),
): Omit<RepairJobDetail, 'transitions' | 'timeInStates' | 'componentRequests'> {
  return { ...toJobResponse(r, user, now), modelId: r.model_id, facilityName: r.facility_name };
}

/** A component request linked to a job, as the job's page lists it. */
export interface JobRequestRow {
  id: string;
  number: string;
  status: ComponentRequestStatus;
  part_number: string;
  component_name: string;
  quantity: number;
  delivered_quantity: number;
  expected_on: string | null;
  needed_by: string;
}

export const toJobRequest = (r: JobRequestRow, today: string): RepairJobDetail['componentRequests'][number] => ({
  id: r.id,
  number: r.number,
  status: r.status,
  componentPartNumber: r.part_number,
  componentName: r.component_name,
  quantity: r.quantity,
  deliveredQuantity: r.delivered_quantity,
  remaining: r.quantity - r.delivered_quantity,
  expectedOn: r.expected_on,
  neededBy: r.needed_by,
  overdue: isRequestOverdue(r.needed_by, r.status, today),
});

/**
 * The caller's scope as one SQL condition on a job `j` joined to its system `s` (null: no restriction).
 * The rule itself is `repairJobScope` in common/scope.ts; services call that directly.
 */
export function jobScopeSql(
  user: Pick<CurrentUser, 'role' | 'facilityIds' | 'partnerId'>,
  p: SqlParams,
): string | null {
  const where = repairJobScope(user, p, { job: 'j', system: 's' });
  return where.length ? where.join(' AND ') : null;
}

/** Whether the caller may act at a facility (workshop users only at theirs): common/scope.ts. */
export { worksAt };

/**
 * Whether the caller may open a job on a system where it stands: a workshop user only on a system in
 * the field (no facility), at (or in transit to) one of their facilities, or at a depot; never on one
 * standing at another workshop or plant. Other roles that may open jobs: anywhere.
 */
export function mayOpenJobOn(
  user: Pick<CurrentUser, 'role' | 'facilityIds'>,
  system: { facilityId: string | null; facilityKind: string | null },
): boolean {
  if (user.role !== 'workshop' || system.facilityId === null) return true;
  return user.facilityIds.includes(system.facilityId) || system.facilityKind === 'depot';
}

const cursorSchema = z.tuple([z.number().int().min(0).max(9), z.iso.datetime({ offset: true }), z.uuid()]);

/** Keyset cursor of the job queue: (priority_rank, opened_at with microseconds, id). */
export function encodeJobCursor(r: Pick<JobRow, 'priority_rank' | 'opened_at_key' | 'id'>): string {
  return encodeCursor([r.priority_rank, r.opened_at_key, r.id]);
}

export function decodeJobCursor(cursor: string): [number, string, string] {
  const parsed = cursorSchema.safeParse(decodeCursor(cursor));
  if (!parsed.success) throw new ValidationFailed([{ path: 'cursor', code: 'invalid_cursor' }]);
  return parsed.data;
}

/** The refusal that goes with a failed workflow check. */
export function transitionError(check: Exclude<TransitionCheck, { ok: true }>): AppError {
  switch (check.code) {
    case 'INVALID_TRANSITION':
      return new AppError(
        'INVALID_TRANSITION',
        { from: check.from, to: check.to, allowed: check.allowed },
        check.message,
      );
    case 'COMMENT_REQUIRED':
      return new AppError('COMMENT_REQUIRED', {}, check.message, {
        errors: [{ path: 'comment', code: 'comment_required', message: check.message }],
      });
    default:
      return new AppError(check.code, {}, check.message);
  }
}

/**
 * Field errors for assigned technicians: each must be an active workshop user working at the job's
 * facility. `eligible` holds the ids that are.
 */
export function technicianErrors(ids: readonly string[], eligible: ReadonlySet<string>): FieldErrorInput[] {
  return ids.flatMap((id, i) =>
    eligible.has(id) ? [] : [{ path: `technicianIds.${i}`, code: 'not_eligible_technician' }],
  );
}

/** Built once: a formatter with a time zone takes far longer to create (ICU) than to use, and lists ask per page. */
const KYIV_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Kyiv',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date (YYYY-MM-DD) where the workshops are: a work log may not be dated later. */
export function workshopToday(now = new Date()): string {
  return KYIV_DATE.format(now);
}

export interface TransitionRow {
  id: string;
  from_status: RepairJobStatus | null;
  to_status: RepairJobStatus;
  comment: string | null;
  actor_id: string | null;
  actor_name: string | null;
  at: Date;
}

export function toTransition(r: TransitionRow, user: Pick<CurrentUser, 'role'>): RepairJobTransition {
  const people = seesPeople(user);
  return {
    id: r.id,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    comment: r.comment,
    actorId: people ? r.actor_id : null,
    actorName: people ? r.actor_name : null,
    at: new Date(r.at).toISOString(),
  };
}

export interface WorkLogRow {
  id: string;
  job_id: string;
  technician_id: string;
  technician_name: string | null;
  date: string;
  hours: string | number;
  note: string | null;
  created_at: Date;
}

export function toWorkLog(r: WorkLogRow, user: Pick<CurrentUser, 'role'>): WorkLogResponse {
  const people = seesPeople(user);
  return {
    id: r.id,
    jobId: r.job_id,
    technicianId: people ? r.technician_id : null,
    technicianName: people ? r.technician_name : null,
    date: r.date,
    hours: Number(r.hours),
    note: r.note,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** Rounds hours for reporting (percentiles come back with many decimals). */
export const roundHours = (h: number | string | null): number | null =>
  h === null ? null : Math.round(Number(h) * 100) / 100;
