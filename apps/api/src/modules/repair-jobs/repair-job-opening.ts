import type { RepairJobKindValue, RepairJobPriorityValue } from '@jv/contracts';
import {
  formatJobNumber,
  repairJobDueDays,
  repairJobPriorityRank,
  type SystemStatus,
  systemStatusForJob,
} from '@jv/domain';
import type { EntityManager } from 'typeorm';
import { Conflict, ValidationFailed } from '../../common/errors';
import type { AuditRecord, AuditService } from '../audit/audit.service';
import { changeSystemStatus } from '../systems/system-status';
import { CLOSED_STATUSES_SQL } from './repair-jobs.rules';
import { isUniqueViolation } from '../../common/pg-errors';

/** Systems in these states cannot get a repair job. */
const NOT_REPAIRABLE: readonly SystemStatus[] = ['written_off', 'in_transit'];

export interface OpenJobSpec {
  facilityId: string;
  systemId: string;
  kind: RepairJobKindValue;
  priority: RepairJobPriorityValue;
  reportedFault: string;
  technicianIds: string[];
  preventivePlanId?: string | null;
  openedById: string | null;
  /** audit actor when there is no signed-in user (scheduler, CLI) */
  actor?: AuditRecord['actor'];
  /** the scheduler skips a system that got an open job (or left service) meanwhile instead of failing */
  skipUnavailable?: boolean;
}

export const openJobExists = (number?: string) =>
  new Conflict(
    'OPEN_JOB_EXISTS',
    `The system already has an open repair job${number ? ` (${number})` : ''}`,
    number ? { jobNumber: number } : {},
  );

const isOpenJobIndexViolation = (e: unknown) => isUniqueViolation(e, 'repair_jobs_one_open_per_system_uq');

/**
 * Opens a job inside the caller's transaction: locks the system row, refuses a second open job
 * (checked here and backed by the partial unique index), takes the next gapless number, inserts the job
 * and its first transition and audit row, and has the systems module move the system to in_repair at
 * the job's facility (its history and audit rows). Returns null only with `skipUnavailable`, when the
 * system has an open job or is out of service.
 */
export async function openRepairJob(
  m: EntityManager,
  audit: AuditService,
  spec: OpenJobSpec,
): Promise<{ id: string; number: string } | null> {
  const [system]: Array<{ id: string; status: SystemStatus }> = await m.query(
    `SELECT id, status FROM systems WHERE id = $1 FOR UPDATE`,
    [spec.systemId],
  );
  if (!system) throw new ValidationFailed([{ path: 'systemId', code: 'not_found' }]);
  if (NOT_REPAIRABLE.includes(system.status)) {
    if (spec.skipUnavailable) return null;
    throw new Conflict('SYSTEM_NOT_REPAIRABLE', `A system that is ${system.status} cannot get a repair job`, {
      systemStatus: system.status,
    });
  }
  const [open]: Array<{ number: string }> = await m.query(
    `SELECT number FROM repair_jobs WHERE system_id = $1 AND status NOT IN ${CLOSED_STATUSES_SQL}`,
    [spec.systemId],
  );
  if (open) {
    if (spec.skipUnavailable) return null;
    throw openJobExists(open.number);
  }

  // gapless: the counter row is locked until commit, and a rollback undoes the increment
  const [{ year }]: Array<{ year: number }> = await m.query(
    `SELECT extract(year FROM now() AT TIME ZONE 'UTC')::int AS year`,
  );
  const [{ last_value: seq }]: Array<{ last_value: number }> = await m.query(
    `INSERT INTO number_sequences (name, year, last_value) VALUES ('RJ', $1, 1)
     ON CONFLICT (name, year) DO UPDATE SET last_value = number_sequences.last_value + 1 RETURNING last_value`,
    [year],
  );
  const number = formatJobNumber(year, seq);

  let job: { id: string; opened_at: Date; due_at: Date };
  try {
    [job] = await m.query(
      `INSERT INTO repair_jobs (number, facility_id, system_id, kind, priority, priority_rank, status, reported_fault,
                                technician_ids, system_status_before, opened_at, due_at, opened_by, preventive_plan_id)
       VALUES ($1, $2, $3, $4, $5, $6, 'reported', $7, $8::uuid[], $9, now(), now() + make_interval(days => $10),
               $11, $12)
       RETURNING id, opened_at, due_at`,
      [
        number,
        spec.facilityId,
        spec.systemId,
        spec.kind,
        spec.priority,
        repairJobPriorityRank[spec.priority],
        spec.reportedFault,
        spec.technicianIds,
        system.status,
        repairJobDueDays[spec.priority],
        spec.openedById,
        spec.preventivePlanId ?? null,
      ],
    );
  } catch (e) {
    if (isOpenJobIndexViolation(e)) throw openJobExists();
    throw e;
  }
  await m.query(
    `INSERT INTO repair_job_transitions (job_id, from_status, to_status, actor_id, at)
     VALUES ($1, NULL, 'reported', $2, now())`,
    [job.id, spec.openedById],
  );

  await audit.record(
    {
      action: 'create',
      entityType: 'repair_job',
      entityId: job.id,
      actor: spec.actor,
      after: {
        number,
        facilityId: spec.facilityId,
        systemId: spec.systemId,
        kind: spec.kind,
        priority: spec.priority,
        status: 'reported',
        reportedFault: spec.reportedFault,
        technicianIds: spec.technicianIds,
        systemStatusBefore: system.status,
        openedAt: job.opened_at,
        dueAt: job.due_at,
        preventivePlanId: spec.preventivePlanId ?? null,
        version: 1,
      },
    },
    m,
  );
  // the system moves to in_repair at the job's facility: through the systems module (history and audit rows there)
  await changeSystemStatus(m, {
    systemId: system.id,
    status: systemStatusForJob('reported', system.status),
    facilityId: spec.facilityId,
    reason: number,
    actorId: spec.openedById,
    auditActor: spec.actor,
  });
  return { id: job.id, number };
}
