import type { SystemStatus } from '@jv/domain';
import type { EntityManager } from 'typeorm';
import { Conflict, NotFound } from '../../common/errors';
import { returnedRows } from '../../common/optimistic';
import { type AuditRecord, recordAudit } from '../audit/audit.service';

/*
 * THE ONLY WRITER of a system's status and facility (and of its status history). Every other
 * module — repair jobs opening, moving, completing and cancelling, the CSV import, the seeds, and later
 * deliveries and write-off — calls these functions inside its own transaction, passing the transaction's
 * EntityManager; none of them writes the `systems` or `system_status_history` tables itself
 * (apps/api/src/modules/systems/system-status.spec.ts checks the source for it).
 *
 * - `registerSystems`: new systems in their initial status, each with its first history row (null → status).
 * - `changeSystemStatus`: a change of status and/or facility (and the barrel fitted by a completed
 *   barrel change): locks the row, writes it with a version bump, then exactly one history row when
 *   the status changes and exactly one audit row; a request that changes nothing writes nothing.
 */

type Manager = Pick<EntityManager, 'query'>;

/** A system as it is registered (the columns of `systems` that a registration sets). */
export interface NewSystem {
  modelId: string;
  serialNumber: string;
  donorPartnerId: string;
  unitId: string | null;
  facilityId: string | null;
  status: SystemStatus;
  totalEfc: number;
  barrelEfc: number;
  barrelSerial: string | null;
  notes: string | null;
  /** the day it was handed over to Ukraine (default null) */
  deliveredOn?: string | null;
}

/**
 * Inserts the systems (one multi-row INSERT: callers keep a batch under PostgreSQL's 65 535
 * parameters, 11 per system) and their first status history rows (null → initial status, `reason`).
 * The audit row is the caller's: one per system when registered by hand, one summary for an import.
 * Returns the new ids in the order of `systems`.
 */
export async function registerSystems(
  m: Manager,
  systems: readonly NewSystem[],
  history: { reason: string; actorId: string | null },
): Promise<string[]> {
  if (systems.length === 0) return [];
  const params: unknown[] = [];
  const values = systems.map((r) => {
    const cols = [
      r.modelId,
      r.serialNumber,
      r.donorPartnerId,
      r.unitId,
      r.facilityId,
      r.status,
      r.totalEfc,
      r.barrelEfc,
      r.barrelSerial,
      r.notes,
      r.deliveredOn ?? null,
    ];
    return `(${cols
      .map((v) => {
        params.push(v);
        return `$${params.length}`;
      })
      .join(', ')})`;
  });
  const inserted: Array<{ id: string }> = await m.query(
    `INSERT INTO systems (model_id, serial_number, donor_partner_id, unit_id, facility_id, status,
                          total_efc, barrel_efc, barrel_serial, notes, delivered_on)
     VALUES ${values.join(', ')} RETURNING id`,
    params,
  );
  const ids = inserted.map((r) => r.id);
  await m.query(
    `INSERT INTO system_status_history (system_id, from_status, to_status, reason, actor_id)
     SELECT x.id, NULL, x.status, $3::text, $4::uuid FROM unnest($1::uuid[], $2::text[]) AS x(id, status)`,
    [ids, systems.map((s) => s.status), history.reason, history.actorId],
  );
  return ids;
}

/** What a change asks for; a field left out stays as it is. */
export interface SystemStatusChange {
  systemId: string;
  /** the new status */
  status?: SystemStatus;
  /** the new facility (null: at none) */
  facilityId?: string | null;
  /** a new barrel fitted (a completed barrel change): the barrel serial is set and the barrel EFC restarts at 0 */
  newBarrelSerial?: string;
  /** why, on the history row and in the audit row: the user's reason, or the number of the repair job that moved it */
  reason: string | null;
  /** who, on the history row (null: the scheduler or a script) */
  actorId: string | null;
  /** the audit row's actor when there is no signed-in user (scheduler, seeds); defaults to the request's user */
  auditActor?: AuditRecord['actor'];
  /** when the change happened, for seeds that replay the past; default now (the transaction's time) */
  at?: Date;
}

/** The columns a change may touch, as locked before it and as written by it. */
export interface SystemStatusState {
  status: SystemStatus;
  facilityId: string | null;
  barrelSerial: string | null;
  barrelEfc: number;
  totalEfc: number;
  version: number;
}

export interface SystemStatusResult {
  /** false when the change asked for what the system already was: nothing was written */
  changed: boolean;
  statusChanged: boolean;
  before: SystemStatusState;
  after: SystemStatusState;
}

interface LockedRow {
  status: SystemStatus;
  facility_id: string | null;
  barrel_serial: string | null;
  barrel_efc: string;
  total_efc: string;
  version: number;
}

/**
 * Changes a system's status and/or facility (see the top of this file) inside the caller's
 * transaction. The caller checks its own rules first (who may, open jobs, workflow); this refuses only
 * what no caller may do: changing the status of a written-off system (409 INVALID_STATUS_CHANGE).
 *
 * The audit row (`update` on `system`) holds, before and after, each field the change named (status,
 * facilityId, barrelSerial and barrelEfc for a new barrel) and the version, plus the reason after.
 */
export async function changeSystemStatus(m: Manager, change: SystemStatusChange): Promise<SystemStatusResult> {
  const [row]: LockedRow[] = await m.query(
    `SELECT status, facility_id, barrel_serial, barrel_efc, total_efc, version FROM systems WHERE id = $1 FOR UPDATE`,
    [change.systemId],
  );
  if (!row) throw new NotFound('System');
  const before: SystemStatusState = {
    status: row.status,
    facilityId: row.facility_id,
    barrelSerial: row.barrel_serial,
    barrelEfc: Number(row.barrel_efc),
    totalEfc: Number(row.total_efc),
    version: row.version,
  };
  const status = change.status ?? before.status;
  const facilityId = change.facilityId === undefined ? before.facilityId : change.facilityId;
  const newBarrel = change.newBarrelSerial ?? null;
  const statusChanged = status !== before.status;
  if (!statusChanged && facilityId === before.facilityId && newBarrel === null) {
    return { changed: false, statusChanged: false, before, after: before };
  }
  if (statusChanged && before.status === 'written_off') {
    throw new Conflict('INVALID_STATUS_CHANGE', 'A written-off system is final; its status cannot change', {
      from: before.status,
      to: status,
    });
  }

  const at = change.at?.toISOString() ?? null;
  const [written] = returnedRows<{ version: number }>(
    await m.query(
      `UPDATE systems SET status = $2, facility_id = $3,
            status_changed_at = CASE WHEN $4 THEN coalesce($5::timestamptz, now()) ELSE status_changed_at END,
            barrel_serial = CASE WHEN $6::text IS NULL THEN barrel_serial ELSE $6 END,
            barrel_efc = CASE WHEN $6::text IS NULL THEN barrel_efc ELSE 0 END,
            -- a status change (by hand, by a job or by confirming it) settles any pending write-off request
            write_off_requested_by = NULL, write_off_requested_at = NULL, write_off_reason = NULL,
            version = version + 1, updated_at = now()
      WHERE id = $1 RETURNING version`,
      [change.systemId, status, facilityId, statusChanged, at, newBarrel],
    ),
  );
  if (statusChanged) {
    await m.query(
      `INSERT INTO system_status_history (system_id, from_status, to_status, reason, actor_id, at)
       VALUES ($1, $2, $3, $4, $5, coalesce($6::timestamptz, now()))`,
      [change.systemId, before.status, status, change.reason, change.actorId, at],
    );
  }
  const after: SystemStatusState = {
    status,
    facilityId,
    barrelSerial: newBarrel ?? before.barrelSerial,
    barrelEfc: newBarrel === null ? before.barrelEfc : 0,
    totalEfc: before.totalEfc,
    version: written.version,
  };

  const named = <K extends keyof SystemStatusState>(s: SystemStatusState, keys: K[]) =>
    Object.fromEntries(keys.map((k) => [k, s[k]]));
  const keys: Array<keyof SystemStatusState> = [];
  if (change.status !== undefined) keys.push('status');
  if (change.facilityId !== undefined) keys.push('facilityId');
  if (newBarrel !== null) keys.push('barrelSerial', 'barrelEfc');
  keys.push('version');
  await recordAudit(m, {
    action: 'update',
    entityType: 'system',
    entityId: change.systemId,
    actor: change.auditActor,
    before: named(before, keys),
    after: { ...named(after, keys), ...(change.reason !== null ? { reason: change.reason } : {}) },
  });
  return { changed: true, statusChanged, before, after };
}
