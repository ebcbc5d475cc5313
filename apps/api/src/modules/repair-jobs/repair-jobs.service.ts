import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreateRepairJobInput,
  CurrentUser,
  ExportRepairJobsQuery,
  ListRepairJobsQuery,
  Page,
  RepairJobDetail,
  RepairJobResponse,
  RepairJobTransitionInput,
  SignOffRequestInput,
  SignOffRequestResponse,
  TechnicianList,
  UpdateRepairJobInput,
} from '@jv/contracts';
import {
  checkTransition,
  isOpen,
  isRepeatedSignOffRequest,
  repairJobDueAt,
  repairJobPriorityRank,
  SIGN_OFF_STATE,
  type RepairJobStatus,
  type SystemStatus,
  systemStatusForJob,
  timeInStates,
} from '@jv/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { Conflict, Forbidden, NotFound, StaleVersion, ValidationFailed } from '../../common/errors';
import { updateVersioned } from '../../common/optimistic';
import { componentRequestScope, repairJobScope, worksAt } from '../../common/scope';
import { containsPattern, SqlParams, whereSql } from '../../common/sql';
import { AuditService } from '../audit/audit.service';
import { notifySignOffRequested } from '../notifications/request-events';
import { changeSystemStatus } from '../systems/system-status';
import { openRepairJob } from './repair-job-opening';
import {
  CLOSED_STATUSES_SQL,
  decodeJobCursor,
  encodeJobCursor,
  JOB_COLUMNS,
  JOB_DETAIL_COLUMNS,
  JOB_JOINS,
  type JobDetailRow,
  type JobRequestRow,
  type JobRow,
  mayOpenJobOn,
  partsReadySql,
  technicianErrors,
  toJobDetailHead,
  toJobRequest,
  toJobResponse,
  toTransition,
  transitionError,
  type TransitionRow,
  workshopToday,
} from './repair-jobs.rules';

/** The job row as locked for a change. */
interface LockedJob {
  id: string;
  number: string;
  facility_id: string;
  system_id: string;
  kind: string;
  priority: RepairJobResponse['priority'];
  status: RepairJobStatus;
  reported_fault: string;
  diagnosis: string | null;
  technician_ids: string[];
  system_status_before: SystemStatus;
  opened_at: Date;
  due_at: Date;
  version: number;
}

interface LockedSystem {
  id: string;
  status: SystemStatus;
  barrel_serial: string | null;
  barrel_efc: string;
  total_efc: string;
}

/** Rows per batch of the CSV export. */
const EXPORT_BATCH = 1000;

const jobClosed = (number: string) =>
  new Conflict('JOB_CLOSED', `Job ${number} is closed and can no longer change`, { jobNumber: number });

/**
 * Repair jobs at JV facilities: open, list, read, edit and move through the workflow. Every change
 * runs in one transaction with its audit rows; the system follows the job's state in the same one.
 */
@Injectable()
export class RepairJobsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async create(input: CreateRepairJobInput, user: CurrentUser): Promise<RepairJobResponse> {
    if (!worksAt(user, input.facilityId)) throw new NotFound('Facility');
    const technicianIds = [...new Set(input.technicianIds ?? [])];
    const id = await this.db.transaction(async (m) => {
      const [facility]: Array<{ kind: string }> = await m.query(`SELECT kind FROM facilities WHERE id = $1`, [
        input.facilityId,
      ]);
      if (!facility) throw new ValidationFailed([{ path: 'facilityId', code: 'not_found' }]);
      if (facility.kind !== 'repair_workshop')
        throw new ValidationFailed([{ path: 'facilityId', code: 'repair_workshop_only' }]);
      const [where]: Array<{ facility_id: string | null; kind: string | null }> = await m.query(
        `SELECT s.facility_id, f.kind FROM systems s LEFT JOIN facilities f ON f.id = s.facility_id
          WHERE s.id = $1 FOR UPDATE OF s`,
        [input.systemId],
      );
      if (where && !mayOpenJobOn(user, { facilityId: where.facility_id, facilityKind: where.kind }))
        throw new Forbidden('A workshop user opens jobs only on systems in the field, at their facility or a depot');
      await this.checkTechnicians(m, input.facilityId, input.technicianIds ?? []);
      const opened = await openRepairJob(m, this.audit, {
        facilityId: input.facilityId,
        systemId: input.systemId,
        kind: input.kind,
        priority: input.priority ?? 'routine',
        reportedFault: input.reportedFault,
        technicianIds,
        openedById: user.id,
      });
      return (opened as { id: string }).id;
    });
    return this.get(id, user);
  }

  /** The queue: priority first (urgent → routine), then age; keyset on (priority_rank, opened_at, id). */
  async list(q: ListRepairJobsQuery, user: CurrentUser): Promise<Page<RepairJobResponse>> {
    const now = new Date();
    const { rows, nextCursor } = await this.page(q, q.cursor, q.limit, user);
    return { items: rows.map((r) => toJobResponse(r, user, now)), nextCursor };
  }

  /** Every match of the list's filters, in the list's order, in batches of EXPORT_BATCH by keyset (never OFFSET). */
  async *exportBatches(q: ExportRepairJobsQuery, user: CurrentUser): AsyncGenerator<RepairJobResponse[]> {
    const now = new Date();
    let cursor: string | undefined;
    do {
      const page = await this.page(q, cursor, EXPORT_BATCH, user);
      yield page.rows.map((r) => toJobResponse(r, user, now));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  /** One keyset page of the queue, in the caller's scope. */
  private async page(
    q: ExportRepairJobsQuery,
    cursor: string | undefined,
    limit: number,
    user: CurrentUser,
  ): Promise<{ rows: JobRow[]; nextCursor: string | null }> {
    const p = new SqlParams();
    const where = repairJobScope(user, p, { job: 'j', system: 's' });
    if (q.facilityId) where.push(`j.facility_id = ${p.add(q.facilityId)}::uuid`);
    if (q.status) where.push(`j.status = ANY(${p.add(Array.isArray(q.status) ? q.status : [q.status])}::text[])`);
    if (q.kind) where.push(`j.kind = ${p.add(q.kind)}`);
    if (q.priority) where.push(`j.priority_rank = ${p.add(repairJobPriorityRank[q.priority])}`);
    if (q.systemId) where.push(`j.system_id = ${p.add(q.systemId)}::uuid`);
    if (q.technicianId) where.push(`j.technician_ids @> ARRAY[${p.add(q.technicianId)}]::uuid[]`);
    if (q.openedFrom) where.push(`j.opened_at >= (${p.add(q.openedFrom)}::date)::timestamp AT TIME ZONE 'UTC'`);
    if (q.openedTo) where.push(`j.opened_at < (${p.add(q.openedTo)}::date + 1)::timestamp AT TIME ZONE 'UTC'`);
    const overdue = `(j.status NOT IN ${CLOSED_STATUSES_SQL} AND j.due_at < now())`;
    if (q.overdue) where.push(q.overdue === 'true' ? overdue : `NOT ${overdue}`);
    if (q.open) where.push(`j.status ${q.open === 'true' ? 'NOT IN' : 'IN'} ${CLOSED_STATUSES_SQL}`);
    if (q.partsReady) where.push(q.partsReady === 'true' ? partsReadySql('j') : `NOT ${partsReadySql('j')}`);
    if (q.q) {
      const s = p.add(containsPattern(q.q));
      where.push(`(j.number ILIKE ${s} OR s.serial_number ILIKE ${s})`);
    }
    if (cursor) {
      const [rank, openedAt, id] = decodeJobCursor(cursor);
      where.push(
        `(j.priority_rank, j.opened_at, j.id) >
         (${p.add(rank)}::smallint, ${p.add(openedAt)}::timestamptz, ${p.add(id)}::uuid)`,
      );
    }
    // the page is chosen first (index on the sort key), then only its rows get names and totals
    const rows: JobRow[] = await this.db.query(
      `WITH page AS (
         SELECT j.* FROM repair_jobs j JOIN systems s ON s.id = j.system_id
          ${whereSql(where)}
          ORDER BY j.priority_rank, j.opened_at, j.id LIMIT ${p.add(limit + 1)}
       )
       SELECT ${JOB_COLUMNS} FROM page j ${JOB_JOINS}
        ORDER BY j.priority_rank, j.opened_at, j.id`,
      p.values,
    );
    const kept = rows.slice(0, limit);
    const last = kept[kept.length - 1];
    return { rows: kept, nextCursor: rows.length > limit && last ? encodeJobCursor(last) : null };
  }

  /** Active workshop staff of a facility, by name; workshop users ask only for their own facilities (else 404). */
  async technicians(facilityId: string, user: CurrentUser): Promise<TechnicianList> {
    if (!worksAt(user, facilityId)) throw new NotFound('Facility');
    const items: TechnicianList['items'] = await this.db.query(
      `SELECT id, display_name AS "displayName" FROM users
        WHERE active AND role = 'workshop' AND facility_ids @> ARRAY[$1]::uuid[] ORDER BY display_name, id`,
      [facilityId],
    );
    return { items };
  }

  async get(id: string, user: CurrentUser, m: EntityManager = this.db.manager): Promise<RepairJobResponse> {
    return toJobResponse(await this.readRow(m, id, user), user);
  }

  async detail(id: string, user: CurrentUser): Promise<RepairJobDetail> {
    const row = await this.readRow<JobDetailRow>(this.db.manager, id, user, JOB_DETAIL_COLUMNS);
    const requests = new SqlParams();
    const requestsWhere = [`r.repair_job_id = ${requests.add(id)}::uuid`, ...componentRequestScope(user, requests)];
    const [transitions, componentRequests]: [TransitionRow[], JobRequestRow[]] = await Promise.all([
      this.db.query(
        `SELECT t.id::text AS id, t.from_status, t.to_status, t.comment, t.actor_id, u.display_name AS actor_name, t.at
           FROM repair_job_transitions t LEFT JOIN users u ON u.id = t.actor_id
          WHERE t.job_id = $1 ORDER BY t.at, t.id`,
        [id],
      ),
      this.db.query(
        `SELECT r.id, r.number, r.status, c.part_number, c.name AS component_name, r.quantity, r.delivered_quantity,
                r.expected_on::text AS expected_on, r.needed_by::text AS needed_by
           FROM component_requests r JOIN components c ON c.id = r.component_id
          ${whereSql(requestsWhere)} ORDER BY r.created_at, r.id`,
        requests.values,
      ),
    ]);
    const now = new Date();
    return {
      ...toJobDetailHead(row, user, now),
      transitions: transitions.map((t) => toTransition(t, user)),
      timeInStates: timeInStates(
        transitions.map((t) => ({ to: t.to_status, at: new Date(t.at).toISOString() })),
        now.toISOString(),
      ) as Record<string, number>,
      componentRequests: componentRequests.map((r) => toJobRequest(r, workshopToday(now))),
    };
  }

  /** Priority, fault, diagnosis and technicians of an open job (optimistic lock on version). */
  async update(id: string, { version, ...patch }: UpdateRepairJobInput, user: CurrentUser): Promise<RepairJobResponse> {
    await this.db.transaction(async (m) => {
      const job = await this.lockJob(m, id, user);
      if (!isOpen(job.status)) throw jobClosed(job.number);
      if (job.version !== version) throw new StaleVersion(job.version);
      const set: Record<string, unknown> = {};
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      const change = (field: string, column: string, from: unknown, to: unknown) => {
        set[column] = to;
        before[field] = from;
        after[field] = to;
      };
      if (patch.priority !== undefined && patch.priority !== job.priority) {
        change('priority', 'priority', job.priority, patch.priority);
        set['priority_rank'] = repairJobPriorityRank[patch.priority];
        change('dueAt', 'due_at', job.due_at, repairJobDueAt(new Date(job.opened_at), patch.priority));
      }
      if (patch.reportedFault !== undefined && patch.reportedFault !== job.reported_fault)
        change('reportedFault', 'reported_fault', job.reported_fault, patch.reportedFault);
      if (patch.diagnosis !== undefined) {
        const diagnosis = patch.diagnosis === '' ? null : patch.diagnosis;
        if (diagnosis !== job.diagnosis) change('diagnosis', 'diagnosis', job.diagnosis, diagnosis);
      }
      if (patch.technicianIds !== undefined) {
        const ids = [...new Set(patch.technicianIds)];
        const same = ids.length === job.technician_ids.length && ids.every((t) => job.technician_ids.includes(t));
        if (!same) {
          await this.checkTechnicians(m, job.facility_id, patch.technicianIds);
          change('technicianIds', 'technician_ids', job.technician_ids, ids);
        }
      }
      if (Object.keys(set).length === 0) return;
      const row = await updateVersioned<{ version: number }>(m, 'repair_jobs', id, version, set, 'Repair job');
      await this.audit.record(
        {
          action: 'update',
          entityType: 'repair_job',
          entityId: id,
          before: { ...before, version },
          after: { ...after, version: row.version },
        },
        m,
      );
    });
    return this.get(id, user);
  }

  /**
   * Moves a job through the workflow. The job row is locked first, so of two concurrent moves the
   * second sees the first one's state and is refused by the table. The system follows in the same
   * transaction; completing a barrel change records the new barrel and resets the barrel EFC.
   */
  async transition(id: string, input: RepairJobTransitionInput, user: CurrentUser): Promise<RepairJobResponse> {
    await this.db.transaction(async (m) => {
      const job = await this.lockJob(m, id, user);
      if (input.version !== undefined && input.version !== job.version) throw new StaleVersion(job.version);
      const [{ authors }]: Array<{ authors: string[] }> = await m.query(
        `SELECT coalesce(array_agg(DISTINCT technician_id), '{}') AS authors FROM work_logs WHERE job_id = $1`,
        [id],
      );
      const check = checkTransition(job.status, input.to, {
        workLogAuthors: authors,
        actorId: user.id,
        comment: input.comment,
      });
      if (!check.ok) throw transitionError(check);
      const changesBarrel = input.to === 'completed' && job.kind === 'barrel_change';
      if (changesBarrel && !input.newBarrelSerial) {
        throw new ValidationFailed([{ path: 'newBarrelSerial', code: 'barrel_serial_required' }]);
      }
      if (!changesBarrel && input.newBarrelSerial !== undefined) {
        throw new ValidationFailed([{ path: 'newBarrelSerial', code: 'barrel_serial_not_expected' }]);
      }
      const comment = input.comment?.trim() || null;
      const closes = input.to === 'completed' || input.to === 'cancelled';

      await m.query(
        `INSERT INTO repair_job_transitions (job_id, from_status, to_status, comment, actor_id, at)
         VALUES ($1, $2, $3, $4, $5, now())`,
        [id, job.status, input.to, comment, user.id],
      );
      const [updated]: Array<{ version: number; closed_at: Date | null }> = (
        await m.query(
          `UPDATE repair_jobs SET status = $2, closed_at = CASE WHEN $3 THEN now() ELSE closed_at END,
                new_barrel_serial = coalesce($4, new_barrel_serial), version = version + 1, updated_at = now()
          WHERE id = $1 RETURNING version, closed_at`,
          [id, input.to, closes, changesBarrel ? input.newBarrelSerial : null],
        )
      )[0];
      await this.audit.record(
        {
          action: 'update',
          entityType: 'repair_job',
          entityId: id,
          before: { status: job.status, version: job.version },
          after: {
            status: input.to,
            comment,
            version: updated.version,
            ...(closes ? { closedAt: updated.closed_at } : {}),
            ...(changesBarrel ? { newBarrelSerial: input.newBarrelSerial } : {}),
          },
        },
        m,
      );

      await this.syncSystem(m, job, input.to, user, changesBarrel ? (input.newBarrelSerial ?? null) : null);
    });
    return this.get(id, user);
  }

  /**
   * Asks the facility's colleagues who may sign the job off (four eyes: they logged no work on it) to do so.
   * The job row is locked first, so of two requests at once the second sees the first one's time and, within
   * the quiet window, notifies nobody again. The job's version does not change: asking is not an edit.
   */
  async requestSignOff(id: string, input: SignOffRequestInput, user: CurrentUser): Promise<SignOffRequestResponse> {
    return this.db.transaction(async (m) => {
      const job = await this.lockJob(m, id, user);
      if (input.version !== undefined && input.version !== job.version) throw new StaleVersion(job.version);
      if (job.status !== SIGN_OFF_STATE) {
        throw new Conflict('NOT_AWAITING_SIGN_OFF', `Job ${job.number} is ${job.status}, not awaiting sign-off`, {
          jobStatus: job.status,
        });
      }
      const [row]: Array<{ last: Date | null; now: Date; authors: string[] }> = await m.query(
        `SELECT j.sign_off_requested_at AS last, now() AS now,
                (SELECT coalesce(array_agg(DISTINCT w.technician_id), '{}') FROM work_logs w WHERE w.job_id = j.id)
                  AS authors
           FROM repair_jobs j WHERE j.id = $1`,
        [id],
      );
      if (isRepeatedSignOffRequest(row.last, row.now)) {
        return { notified: 0, repeated: true, requestedAt: new Date(row.last!).toISOString() };
      }
      await m.query(`UPDATE repair_jobs SET sign_off_requested_at = $2 WHERE id = $1`, [id, row.now]);
      const notified = await notifySignOffRequested(m, job, user.id, row.authors);
      await this.audit.record(
        {
          action: 'update',
          entityType: 'repair_job',
          entityId: id,
          before: { signOffRequestedAt: row.last },
          after: { signOffRequestedAt: row.now, notified },
        },
        m,
      );
      return { notified, repeated: false, requestedAt: new Date(row.now).toISOString() };
    });
  }

  /**
   * The system follows the job: its status and, on a completed barrel change, the new barrel (recorded
   * here as a barrel change; the systems row itself is written by the systems module, with the history
   * and audit rows).
   */
  private async syncSystem(
    m: EntityManager,
    job: LockedJob,
    to: RepairJobStatus,
    user: CurrentUser,
    newBarrelSerial: string | null,
  ): Promise<void> {
    const [system]: LockedSystem[] = await m.query(
      `SELECT id, status, barrel_serial, barrel_efc, total_efc FROM systems WHERE id = $1 FOR UPDATE`,
      [job.system_id],
    );
    // a system written off meanwhile stays written off
    const target = system.status === 'written_off' ? system.status : systemStatusForJob(to, job.system_status_before);
    if (newBarrelSerial) {
      await m.query(
        `INSERT INTO barrel_changes (system_id, old_barrel_serial, new_barrel_serial, barrel_efc_at_change,
                                    total_efc_at_change, repair_job_id, actor_id, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now())`,
        [system.id, system.barrel_serial, newBarrelSerial, system.barrel_efc, system.total_efc, job.id, user.id],
      );
    }
    // nothing is written when neither the status nor the barrel changes
    await changeSystemStatus(m, {
      systemId: system.id,
      status: target,
      newBarrelSerial: newBarrelSerial ?? undefined,
      reason: job.number,
      actorId: user.id,
    });
  }

  /**
   * A job in the caller's scope, with names and totals; 404 otherwise. `columns` over JOB_JOINS:
   * JOB_COLUMNS for a JobRow, JOB_DETAIL_COLUMNS for a JobDetailRow.
   */
  private async readRow<R extends JobRow = JobRow>(
    m: EntityManager,
    id: string,
    user: CurrentUser,
    columns = JOB_COLUMNS,
  ): Promise<R> {
    const p = new SqlParams();
    const where = [`j.id = ${p.add(id)}::uuid`, ...repairJobScope(user, p, { job: 'j', system: 's' })];
    const [row]: R[] = await m.query(`SELECT ${columns} FROM repair_jobs j ${JOB_JOINS} ${whereSql(where)}`, p.values);
    if (!row) throw new NotFound('Repair job');
    return row;
  }

  /** Locks a job in the caller's scope for a change; 404 otherwise. */
  async lockJob(
    m: EntityManager,
    id: string,
    user: CurrentUser,
    mode: 'UPDATE' | 'SHARE' = 'UPDATE',
  ): Promise<LockedJob> {
    const p = new SqlParams();
    const where = [`j.id = ${p.add(id)}::uuid`, ...repairJobScope(user, p, { job: 'j', system: 's' })];
    const [job]: LockedJob[] = await m.query(
      `SELECT j.id, j.number, j.facility_id, j.system_id, j.kind, j.priority, j.status, j.reported_fault, j.diagnosis,
              j.technician_ids, j.system_status_before, j.opened_at, j.due_at, j.version
         FROM repair_jobs j JOIN systems s ON s.id = j.system_id ${whereSql(where)} FOR ${mode} OF j`,
      p.values,
    );
    if (!job) throw new NotFound('Repair job');
    return job;
  }

  /** Assigned technicians must be active workshop users at the job's facility (`technicianIds.N`). */
  private async checkTechnicians(m: EntityManager, facilityId: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const rows: Array<{ id: string }> = await m.query(
      `SELECT id FROM users
        WHERE id = ANY($1::uuid[]) AND active AND role = 'workshop' AND $2::uuid = ANY(facility_ids)`,
      [ids, facilityId],
    );
    const errors = technicianErrors(ids, new Set(rows.map((r) => r.id)));
    if (errors.length) throw new ValidationFailed(errors);
  }
}
