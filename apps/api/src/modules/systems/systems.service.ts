import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ChangeSystemStatusInput,
  CreateSystemInput,
  CurrentUser,
  ExportSystemsQuery,
  ListSystemsQuery,
  Page,
  ReadinessSummaryResponse,
  SystemHistoryEntry,
  SystemResponse,
  UpdateSystemInput,
} from '@jv/contracts';
import {
  canChangeStatus,
  changedFields,
  FORECAST_WINDOW_DAYS,
  manualChangeNeedsJob,
  writeOffStep,
  openRepairJobStatuses,
  summarizeReadiness,
  type SystemStatus,
  systemStatuses,
} from '@jv/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { Conflict, type FieldErrorInput, NotFound, StaleVersion, ValidationFailed } from '../../common/errors';
import { updateVersioned } from '../../common/optimistic';
import { columnsOf, pick } from '../../common/patch';
import { withConstraintErrors } from '../../common/pg-errors';
import { systemScope } from '../../common/scope';
import { SqlParams, whereSql } from '../../common/sql';
import { AuditService } from '../audit/audit.service';
import { changeSystemStatus, registerSystems } from './system-status';
import {
  encodeSystemCursor,
  filterConditions,
  keyset,
  sortKeyOf,
  SYSTEM_SELECT,
  type SystemRow,
  toSystemResponse,
  withVisibleOpenJob,
  USAGE_WINDOW_SQL,
  type UsageWindowRow,
  utcToday,
} from './systems.query';

type Actor = Pick<CurrentUser, 'id' | 'role' | 'partnerId' | 'facilityIds'>;
type Manager = Pick<EntityManager, 'query'>;

/** A unique (model, serial) violation names the serial number, the field the user typed. */
export const SYSTEM_CONSTRAINT_FIELDS = { 'model_id, serial_number': 'serialNumber' };
const COLUMNS = {
  serialNumber: 'serial_number',
  donorPartnerId: 'donor_partner_id',
  unitId: 'unit_id',
  facilityId: 'facility_id',
  barrelSerial: 'barrel_serial',
  notes: 'notes',
  deliveredOn: 'delivered_on',
} as const;
export const EXPORT_BATCH = 1000;

interface HistoryRow {
  kind: SystemHistoryEntry['kind'];
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  from_status: SystemStatus | null;
  to_status: SystemStatus | null;
  reason: string | null;
  /** the facility of the repair job named by `reason`, when a job made the change */
  reason_job_facility_id: string | null;
  old_barrel_serial: string | null;
  new_barrel_serial: string | null;
  barrel_efc_at_change: string | null;
  date: string | null;
  rounds: number | null;
  efc: string | null;
}

const num = (v: string | null) => (v === null ? null : Number(v));

/**
 * A status change made by a repair job names the job; a workshop user reads that number only for jobs at
 * its own facilities (another facility's job is 404 to it, so its number is not shown either).
 */
export function visibleReason(
  row: { reason: string | null; reason_job_facility_id: string | null },
  user: Pick<Actor, 'role' | 'facilityIds'>,
): string | null {
  if (user.role !== 'workshop' || !row.reason_job_facility_id) return row.reason;
  return user.facilityIds.includes(row.reason_job_facility_id) ? row.reason : null;
}

/** Artillery systems: the registry, status changes with their history, the readiness summary and export. */
@Injectable()
export class SystemsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /** One query for the page (joins for names), one aggregate for the page's forecast inputs. */
  async list(q: ListSystemsQuery, user: Actor): Promise<Page<SystemResponse>> {
    const { rows, nextCursor } = await this.page(q, q.cursor, q.limit, user, this.db.manager);
    return { items: await this.withForecasts(rows, this.db.manager), nextCursor };
  }

  /** Every match of the list's filters, in batches of EXPORT_BATCH by keyset (never OFFSET). */
  async *exportBatches(
    q: ExportSystemsQuery,
    user: Actor,
  ): AsyncGenerator<Array<{ row: SystemRow; system: SystemResponse }>> {
    let cursor: string | undefined;
    do {
      const page = await this.page(q, cursor, EXPORT_BATCH, user, this.db.manager);
      const systems = await this.withForecasts(page.rows, this.db.manager);
      yield page.rows.map((row, i) => ({ row, system: systems[i] }));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  async get(id: string, user: Actor, m: Manager = this.db.manager): Promise<SystemResponse> {
    const [row] = await this.findRows(m, id, user);
    if (!row) throw new NotFound('System');
    return (await this.withForecasts([row], m))[0];
  }

  create(input: CreateSystemInput, user: Actor): Promise<SystemResponse> {
    return withConstraintErrors(
      () =>
        this.db.transaction(async (m) => {
          await this.checkReferences(m, input);
          const [id] = await registerSystems(
            m,
            [
              {
                modelId: input.modelId,
                serialNumber: input.serialNumber,
                donorPartnerId: input.donorPartnerId,
                unitId: input.unitId ?? null,
                facilityId: input.facilityId ?? null,
                status: input.status ?? 'operational',
                totalEfc: input.totalEfc ?? 0,
                barrelEfc: input.barrelEfc ?? 0,
                barrelSerial: input.barrelSerial ?? null,
                notes: input.notes ?? null,
                deliveredOn: input.deliveredOn ?? null,
              },
            ],
            { reason: 'registered', actorId: user.id },
          );
          const after = await this.get(id, user, m);
          await this.audit.record({ action: 'create', entityType: 'system', entityId: id, after: stored(after) }, m);
          return after;
        }),
      SYSTEM_CONSTRAINT_FIELDS,
    );
  }

  /** Edits the registry fields (never the status) with optimistic locking. */
  update(id: string, { version, ...patch }: UpdateSystemInput, user: Actor): Promise<SystemResponse> {
    return withConstraintErrors(
      () =>
        this.db.transaction(async (m) => {
          const before = await this.get(id, user, m);
          if (before.version !== version) throw new StaleVersion(before.version);
          const changed = changedFields(before, patch);
          if (changed.length === 0) return before;
          await this.checkReferences(m, {
            donorPartnerId: changed.includes('donorPartnerId') ? patch.donorPartnerId : undefined,
            unitId: changed.includes('unitId') ? patch.unitId : undefined,
            facilityId: changed.includes('facilityId') ? patch.facilityId : undefined,
          });
          await updateVersioned(m, 'systems', id, version, columnsOf(patch, changed, COLUMNS), 'System');
          const after = await this.get(id, user, m);
          const names = { donorPartnerId: 'donorPartnerCode', unitId: 'unitName', facilityId: 'facilityCode' } as const;
          const keys: Array<keyof SystemResponse> = [...changed, 'version'];
          for (const k of changed) if (k in names) keys.push(names[k as keyof typeof names]);
          await this.audit.record(
            {
              action: 'update',
              entityType: 'system',
              entityId: id,
              before: pick(before, keys),
              after: pick(after, keys),
            },
            m,
          );
          return after;
        }),
      SYSTEM_CONSTRAINT_FIELDS,
    );
  }

  /**
   * An explicit status change: written_off is final and the same status is no change (409
   * INVALID_STATUS_CHANGE with the allowed targets); while a repair job is open the status follows the job
   * (409 STATUS_FOLLOWS_JOB). Workshop users only for systems at their facilities.
   */
  changeStatus(id: string, input: ChangeSystemStatusInput, user: Actor): Promise<SystemResponse> {
    return this.db.transaction(async (m) => {
      const current = await this.lockForAction(m, id, user);
      if (input.version !== undefined && current.version !== input.version) throw new StaleVersion(current.version);
      if (!canChangeStatus(current.status, input.status)) {
        const allowed = systemStatuses.filter((s) => canChangeStatus(current.status, s));
        throw new Conflict(
          'INVALID_STATUS_CHANGE',
          current.status === 'written_off'
            ? 'A written-off system is final; its status cannot change'
            : `The system is already ${current.status}`,
          { from: current.status, to: input.status, allowed },
        );
      }
      // while a repair job is open the status follows the job (its transitions set it), never a hand edit
      const [openJob]: Array<{ number: string }> = await m.query(
        `SELECT number FROM repair_jobs WHERE system_id = $1 AND status = ANY($2::text[])`,
        [id, openRepairJobStatuses],
      );
      if (openJob) {
        throw new Conflict(
          'STATUS_FOLLOWS_JOB',
          `Repair job ${openJob.number} is open: the system's status follows the job; ` +
            'move, complete or cancel the job instead',
          { jobNumber: openJob.number, allowed: [] },
        );
      }
      // four eyes: back into service only through a repair job and its second-person sign-off
      if (manualChangeNeedsJob(current.status, input.status))
        throw new Conflict(
          'STATUS_NEEDS_REPAIR_JOB',
          `A ${current.status} system returns to operational through a repair job: open one and complete it ` +
            '(signed off by a second person)',
          { from: current.status, to: input.status },
        );
      if (input.status === 'written_off') {
        // four eyes: the first person asks, a second one confirms by writing it off too
        const [pending]: Array<{ by: string | null; reason: string | null }> = await m.query(
          `SELECT write_off_requested_by AS by, write_off_reason AS reason FROM systems WHERE id = $1`,
          [id],
        );
        const step = writeOffStep(pending?.by ?? null, user.id);
        if (step === 'FOUR_EYES')
          throw new Conflict('FOUR_EYES', 'A second person must confirm the write-off you asked for', {});
        if (step === 'request') {
          await m.query(
            `UPDATE systems SET write_off_requested_by = $2, write_off_requested_at = now(), write_off_reason = $3,
                    version = version + 1, updated_at = now()
              WHERE id = $1`,
            [id, user.id, input.reason],
          );
          await this.audit.record(
            { action: 'update', entityType: 'system', entityId: id, after: { writeOffRequested: input.reason } },
            m,
          );
          return this.get(id, user, m);
        }
      }
      await changeSystemStatus(m, { systemId: id, status: input.status, reason: input.reason, actorId: user.id });
      return this.get(id, user, m);
    });
  }

  /**
   * The system's record card, newest first: status changes, barrel changes and the last 200 usage
   * reports, with the actors' names from one join. Partner users get no names (personal data).
   */
  async history(id: string, user: Actor): Promise<SystemHistoryEntry[]> {
    await this.assertVisible(id, user);
    const rows: HistoryRow[] = await this.db.query(
      `WITH events AS (
         SELECT 'status' AS kind, h.at, h.actor_id, h.from_status, h.to_status, h.reason,
                NULL::text AS old_barrel_serial, NULL::text AS new_barrel_serial, NULL::numeric AS barrel_efc_at_change,
                NULL::text AS date, NULL::int AS rounds, NULL::numeric AS efc, h.id AS seq,
                rj.facility_id AS reason_job_facility_id
           FROM system_status_history h
           -- a move made by a repair job names the job's number: whose facility it is decides who may read it
           LEFT JOIN repair_jobs rj ON rj.number = h.reason
          WHERE h.system_id = $1
         UNION ALL
         SELECT 'barrel_change', b.at, b.actor_id, NULL, NULL, NULL,
                b.old_barrel_serial, b.new_barrel_serial, b.barrel_efc_at_change, NULL, NULL, NULL, b.id, NULL
           FROM barrel_changes b WHERE b.system_id = $1
         UNION ALL
         SELECT 'usage', r.created_at, r.reported_by, NULL, NULL, NULL,
                NULL, NULL, NULL, r.date::text, r.rounds, r.efc, r.id, NULL
           FROM (SELECT * FROM usage_reports WHERE system_id = $1 ORDER BY date DESC LIMIT 200) r
       )
       SELECT e.*, u.display_name AS actor_name FROM events e LEFT JOIN users u ON u.id = e.actor_id
        ORDER BY e.at DESC, e.seq DESC`,
      [id],
    );
    const personal = user.role !== 'partner';
    return rows.map((r) => ({
      kind: r.kind,
      at: r.at.toISOString(),
      actorId: personal ? r.actor_id : null,
      actorName: personal ? r.actor_name : null,
      ...(r.kind === 'status'
        ? { fromStatus: r.from_status, toStatus: r.to_status, reason: visibleReason(r, user) }
        : {}),
      ...(r.kind === 'barrel_change'
        ? {
            oldBarrelSerial: r.old_barrel_serial,
            newBarrelSerial: r.new_barrel_serial,
            barrelEfcAtChange: num(r.barrel_efc_at_change),
          }
        : {}),
      ...(r.kind === 'usage' ? { date: r.date, rounds: r.rounds, efc: num(r.efc) } : {}),
    }));
  }

  /** Readiness counts per model, donor partner or unit, from one GROUP BY (partner users: their country only). */
  async readiness(groupBy: ReadinessSummaryResponse['groupBy'], user: Actor): Promise<ReadinessSummaryResponse> {
    const p = new SqlParams();
    const group = {
      model: { key: 'm.id', label: 'm.designation', join: 'JOIN system_models m ON m.id = s.model_id' },
      donorPartner: { key: 'dp.id', label: 'dp.code', join: 'JOIN partners dp ON dp.id = s.donor_partner_id' },
      unit: { key: 'un.id', label: `coalesce(un.name, '')`, join: 'LEFT JOIN units un ON un.id = s.unit_id' },
    }[groupBy];
    const rows: Array<{ key: string | null; label: string; status: SystemStatus; n: number }> = await this.db.query(
      `SELECT ${group.key} AS key, ${group.label} AS label, s.status, count(*)::int AS n
         FROM systems s ${group.join} ${whereSql(systemScope(user, p))}
        GROUP BY 1, 2, 3`,
      p.values,
    );
    const groups = new Map<
      string,
      { key: string | null; label: string; counts: Partial<Record<SystemStatus, number>> }
    >();
    const overall: Partial<Record<SystemStatus, number>> = {};
    for (const r of rows) {
      const g = groups.get(String(r.key)) ?? { key: r.key, label: r.label, counts: {} };
      g.counts[r.status] = (g.counts[r.status] ?? 0) + r.n;
      overall[r.status] = (overall[r.status] ?? 0) + r.n;
      groups.set(String(r.key), g);
    }
    return {
      groupBy,
      overall: summarizeReadiness(overall),
      groups: [...groups.values()]
        .sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : a.label.localeCompare(b.label)))
        .map((g) => ({ key: g.key, label: g.label, ...summarizeReadiness(g.counts) })),
    };
  }

  /** 404 unless the system exists and the user may read it. */
  async assertVisible(id: string, user: Actor, m: Manager = this.db.manager): Promise<void> {
    const p = new SqlParams();
    const where = [`s.id = ${p.add(id)}::uuid`, ...systemScope(user, p)];
    const [row] = await m.query(`SELECT 1 FROM systems s ${whereSql(where)}`, p.values);
    if (!row) throw new NotFound('System');
  }

  /**
   * Locks the system row for a status change or a usage report; 404 outside the user's read scope
   * and, for workshop users, outside their facilities.
   */
  async lockForAction(m: Manager, id: string, user: Actor): Promise<{ status: SystemStatus; version: number }> {
    const p = new SqlParams();
    const where = [`s.id = ${p.add(id)}::uuid`, ...systemScope(user, p, { purpose: 'act' })];
    const [row] = await m.query(`SELECT s.status, s.version FROM systems s ${whereSql(where)} FOR UPDATE`, p.values);
    if (!row) throw new NotFound('System');
    return row;
  }

  private async page(q: ExportSystemsQuery, cursor: string | undefined, limit: number, user: Actor, m: Manager) {
    const p = new SqlParams();
    const where = [...systemScope(user, p), ...filterConditions(q, p)];
    const { orderBy, after } = keyset(q.sort, q.order, cursor, p);
    if (after) where.push(after);
    const rows: SystemRow[] = await m.query(
      `${SYSTEM_SELECT} ${whereSql(where)} ${orderBy} LIMIT ${p.add(limit + 1)}`,
      p.values,
    );
    const items = rows.slice(0, limit).map((r) => withVisibleOpenJob(r, user));
    const last = items[items.length - 1];
    const nextCursor =
      rows.length > limit && last ? encodeSystemCursor(q.sort, q.order, sortKeyOf(last, q.sort), last.id) : null;
    return { rows: items, nextCursor };
  }

  private async findRows(m: Manager, id: string, user: Actor): Promise<SystemRow[]> {
    const p = new SqlParams();
    const where = [`s.id = ${p.add(id)}::uuid`, ...systemScope(user, p)];
    const rows: SystemRow[] = await m.query(`${SYSTEM_SELECT} ${whereSql(where)}`, p.values);
    return rows.map((r) => withVisibleOpenJob(r, user));
  }

  /** Wear, firing rate and forecast for the rows, from one aggregate query over their usage. */
  private async withForecasts(rows: SystemRow[], m: Manager): Promise<SystemResponse[]> {
    if (rows.length === 0) return [];
    const today = utcToday();
    const usage: UsageWindowRow[] = await m.query(USAGE_WINDOW_SQL, [
      rows.map((r) => r.id),
      today,
      FORECAST_WINDOW_DAYS,
    ]);
    const byId = new Map(usage.map((u) => [u.system_id, u]));
    return rows.map((r) => toSystemResponse(r, byId.get(r.id), today));
  }

  /** Every named reference must exist: one query, each missing one a 400 on its field. */
  private async checkReferences(
    m: Manager,
    refs: { modelId?: string; donorPartnerId?: string; unitId?: string | null; facilityId?: string | null },
  ) {
    const [found] = await m.query(
      `SELECT ($1::uuid IS NULL OR EXISTS (SELECT 1 FROM system_models WHERE id = $1)) AS "modelId",
              ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM partners WHERE id = $2)) AS "donorPartnerId",
              ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM units WHERE id = $3)) AS "unitId",
              ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM facilities WHERE id = $4)) AS "facilityId"`,
      [refs.modelId ?? null, refs.donorPartnerId ?? null, refs.unitId ?? null, refs.facilityId ?? null],
    );
    const fields = ['modelId', 'donorPartnerId', 'unitId', 'facilityId'] as const;
    const errors: FieldErrorInput[] = fields
      .filter((k) => found[k] === false)
      .map((k) => ({ path: k, code: 'not_found' }));
    if (errors.length) throw new ValidationFailed(errors);
  }
}

/** The stored fields of a system for the audit log (not the figures computed from usage on read). */
function stored(s: SystemResponse) {
  const { firingRatePerDay: _rate, barrelForecastDate: _date, wearFlagged: _flag, ...rest } = s;
  return rest;
}
