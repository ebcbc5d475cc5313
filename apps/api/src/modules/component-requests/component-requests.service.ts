import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ComponentRequestDetail,
  ComponentRequestMetrics,
  ComponentRequestResponse,
  ComponentRequestTransitionInput,
  CreateComponentRequestInput,
  CreateDeliveryInput,
  CurrentUser,
  DeliveryResponse,
  ExportComponentRequestsQuery,
  ListComponentRequestsQuery,
  Page,
  UpdateComponentRequestInput,
} from '@jv/contracts';
import {
  can,
  checkDelivery,
  checkRequestMove,
  type ComponentRequestPriority,
  type ComponentRequestStatus,
  openComponentRequestStatuses,
} from '@jv/domain';
import type { DataSource, EntityManager } from 'typeorm';
import {
  AppError,
  Forbidden,
  type FieldErrorInput,
  NotFound,
  StaleVersion,
  ValidationFailed,
} from '../../common/errors';
import { returnedRows, updateVersioned } from '../../common/optimistic';
import { componentRequestScope, repairJobScope, worksAt } from '../../common/scope';
import { containsPattern, SqlParams, whereSql } from '../../common/sql';
import { queryReplica } from '../../database/read-replica';
import { AuditService } from '../audit/audit.service';
import { notifyJobPartsReady, notifyRequestMove } from '../notifications/request-events';
import { CLOSED_STATUSES_SQL, workshopToday } from '../repair-jobs/repair-jobs.rules';
import { openComponentRequest } from './component-request-opening';
import {
  APPROVAL_MOVES,
  decodeRequestCursor,
  DELIVERY_SELECT,
  type DeliveryRow,
  encodeRequestCursor,
  OPEN_REQUEST_STATUSES_SQL,
  REQUEST_COLUMNS,
  REQUEST_JOINS,
  requestMoveError,
  type RequestRow,
  type RequestTransitionRow,
  roundDays,
  toDelivery,
  toRequestResponse,
  toRequestTransition,
} from './component-requests.rules';

/** Rows per batch of the CSV export. */
const EXPORT_BATCH = 1000;

/** Facility kinds a request may be delivered to. */
const DESTINATION_KINDS = ['repair_workshop', 'depot'];

/** The request row as locked for a change. */
interface LockedRequest {
  id: string;
  number: string;
  status: ComponentRequestStatus;
  quantity: number;
  delivered_quantity: number;
  priority: ComponentRequestPriority;
  needed_by: string;
  justification: string;
  requested_by: string | null;
  supplier_partner_id: string | null;
  expected_on: string | null;
  repair_job_id: string | null;
  version: number;
}

const requestLocked = (status: ComponentRequestStatus) =>
  new AppError('REQUEST_LOCKED', { requestStatus: status }, `A ${status} request can no longer be edited`);

/**
 * Component requests: raise, edit while draft, move through the workflow, receive deliveries, list,
 * export and measure. Every change runs in one transaction with its audit row; the request row is locked
 * (`FOR UPDATE`) before a move or a delivery, so concurrent ones see each other's result.
 */
@Injectable()
export class ComponentRequestsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async create(input: CreateComponentRequestInput, user: CurrentUser): Promise<ComponentRequestResponse> {
    if (!worksAt(user, input.facilityId)) throw new NotFound('Facility');
    const today = workshopToday();
    const id = await this.db.transaction(async (m) => {
      const errors: FieldErrorInput[] = [];
      if (input.neededBy < today) errors.push({ path: 'neededBy', code: 'in_past' });
      const [facility]: Array<{ kind: string }> = await m.query(`SELECT kind FROM facilities WHERE id = $1`, [
        input.facilityId,
      ]);
      if (!facility) errors.push({ path: 'facilityId', code: 'not_found' });
      else if (!DESTINATION_KINDS.includes(facility.kind))
        errors.push({ path: 'facilityId', code: 'destination_kind' });
      const [component] = await m.query(`SELECT id FROM components WHERE id = $1`, [input.componentId]);
      if (!component) errors.push({ path: 'componentId', code: 'not_found' });
      const repairJobId = input.repairJobId ?? null;
      let systemId = input.systemId ?? null;
      if (systemId && !repairJobId) {
        const [system] = await m.query(`SELECT id FROM systems WHERE id = $1`, [systemId]);
        if (!system) errors.push({ path: 'systemId', code: 'not_found' });
      }
      if (errors.length) throw new ValidationFailed(errors);

      if (repairJobId) {
        // share-locked: the job cannot close before this request commits
        const p = new SqlParams();
        const where = [`j.id = ${p.add(repairJobId)}::uuid`, ...repairJobScope(user, p, { job: 'j', system: 's' })];
        const [job]: Array<{ number: string; status: string; system_id: string; closed: boolean }> = await m.query(
          `SELECT j.number, j.status, j.system_id, j.status IN ${CLOSED_STATUSES_SQL} AS closed
             FROM repair_jobs j JOIN systems s ON s.id = j.system_id ${whereSql(where)} FOR SHARE OF j`,
          p.values,
        );
        if (!job) throw new NotFound('Repair job');
        if (job.closed) throw new AppError('JOB_CLOSED', { jobNumber: job.number }, `Job ${job.number} is closed`);
        if (systemId && systemId !== job.system_id)
          throw new ValidationFailed([{ path: 'systemId', code: 'invalid_value' }], 'Not the system of the job');
        systemId = job.system_id;
      }
      if (systemId) await this.checkCompatible(m, input.componentId, systemId);

      const opened = await openComponentRequest(
        m,
        {
          componentId: input.componentId,
          quantity: input.quantity,
          priority: input.priority ?? 'routine',
          neededBy: input.neededBy,
          facilityId: input.facilityId,
          repairJobId,
          systemId,
          justification: input.justification,
        },
        { id: user.id, email: user.email },
      );
      return opened.id;
    });
    return this.get(id, user);
  }

  /** A draft's quantity, priority, needed-by date and justification (optimistic lock on version). */
  async update(
    id: string,
    { version, ...patch }: UpdateComponentRequestInput,
    user: CurrentUser,
  ): Promise<ComponentRequestResponse> {
    await this.db.transaction(async (m) => {
      const req = await this.lock(m, id, user);
      if (req.status !== 'draft') throw requestLocked(req.status);
      if (req.version !== version) throw new StaleVersion(req.version);
      if (patch.neededBy !== undefined && patch.neededBy < workshopToday())
        throw new ValidationFailed([{ path: 'neededBy', code: 'in_past' }]);
      const set: Record<string, unknown> = {};
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      const change = (field: string, column: string, from: unknown, to: unknown) => {
        if (to === undefined || to === from) return;
        set[column] = to;
        before[field] = from;
        after[field] = to;
      };
      change('quantity', 'quantity', req.quantity, patch.quantity);
      change('priority', 'priority', req.priority, patch.priority);
      change('neededBy', 'needed_by', req.needed_by, patch.neededBy);
      change('justification', 'justification', req.justification, patch.justification);
      if (Object.keys(set).length === 0) return;
      const row = await updateVersioned<{ version: number }>(m, 'component_requests', id, version, set, 'Request');
      await this.audit.record(
        {
          action: 'update',
          entityType: 'component_request',
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
   * Moves a request through the workflow. The row is locked first, so of two concurrent moves the second
   * sees the first one's state. Workshop users only submit or cancel; the other moves need
   * `requestApproval` (403 otherwise).
   */
  async transition(
    id: string,
    input: ComponentRequestTransitionInput,
    user: CurrentUser,
  ): Promise<ComponentRequestResponse> {
    await this.db.transaction(async (m) => {
      const req = await this.lock(m, id, user);
      if (input.version !== undefined && input.version !== req.version) throw new StaleVersion(req.version);
      if (APPROVAL_MOVES.includes(input.to) && !can(user.role, 'requestApproval', 'write'))
        throw new Forbidden('Only logistics users and admins approve, reject, order or ship requests');
      const approving = input.to === 'approved';
      const supplierPartnerId = approving ? (input.supplierPartnerId ?? null) : req.supplier_partner_id;
      const check = checkRequestMove(req.status, input.to, {
        actorId: user.id,
        requesterId: req.requested_by ?? '',
        comment: input.comment,
        supplierPartnerId,
      });
      if (!check.ok) throw requestMoveError(check);
      if (approving && supplierPartnerId) {
        const [partner]: Array<{ role: string }> = await m.query(`SELECT role FROM partners WHERE id = $1`, [
          supplierPartnerId,
        ]);
        if (!partner) throw new ValidationFailed([{ path: 'supplierPartnerId', code: 'not_found' }]);
        if (partner.role === 'host')
          throw new ValidationFailed([{ path: 'supplierPartnerId', code: 'host_not_partner' }]);
      }
      const comment = input.comment?.trim() || null;
      const expectedOn = input.expectedOn ?? req.expected_on;
      const closes = input.to === 'rejected' || input.to === 'cancelled';
      await m.query(
        `INSERT INTO component_request_transitions (request_id, from_status, to_status, comment, actor_id, at)
         VALUES ($1, $2, $3, $4, $5, now())`,
        [id, req.status, input.to, comment, user.id],
      );
      const [row] = returnedRows<{ version: number; at: Date }>(
        await m.query(
          `UPDATE component_requests
            SET status = $2, supplier_partner_id = $3, expected_on = $4,
                submitted_at = CASE WHEN $2 = 'submitted' THEN now() ELSE submitted_at END,
                approved_at = CASE WHEN $2 = 'approved' THEN now() ELSE approved_at END,
                approved_by = CASE WHEN $2 = 'approved' THEN $5::uuid ELSE approved_by END,
                closed_at = CASE WHEN $6 THEN now() ELSE closed_at END,
                version = version + 1, updated_at = now()
          WHERE id = $1 RETURNING version, now() AS at`,
          [id, input.to, supplierPartnerId, expectedOn, user.id, closes],
        ),
      );
      const at = row.at;
      await this.audit.record(
        {
          action: 'update',
          entityType: 'component_request',
          entityId: id,
          before: {
            status: req.status,
            supplierPartnerId: req.supplier_partner_id,
            expectedOn: req.expected_on,
            version: req.version,
          },
          after: {
            status: input.to,
            comment,
            supplierPartnerId,
            expectedOn,
            version: row.version,
            ...(input.to === 'submitted' ? { submittedAt: at } : {}),
            ...(approving ? { approvedAt: at, approvedBy: user.id } : {}),
            ...(closes ? { closedAt: at } : {}),
          },
        },
        m,
      );
      await notifyRequestMove(m, req, input.to);
    });
    return this.get(id, user);
  }

  /**
   * Records a delivery. The request row is locked first, so concurrent deliveries queue: each sees the
   * quantity delivered before it, and what would exceed the request is refused with what remains.
   * Reaching the quantity makes the request delivered (actor: the receiver; comment: the waybill).
   */
  async addDelivery(id: string, input: CreateDeliveryInput, user: CurrentUser): Promise<DeliveryResponse> {
    return this.db.transaction(async (m) => {
      const req = await this.lock(m, id, user);
      if (input.receivedOn > workshopToday()) throw new ValidationFailed([{ path: 'receivedOn', code: 'in_future' }]);
      // a request delivered meanwhile has nothing left to receive: over-delivery, not a wrong state
      const check =
        req.status === 'delivered'
          ? ({ ok: false, code: 'OVER_DELIVERY', remaining: req.quantity - req.delivered_quantity } as const)
          : checkDelivery(req.status, req.quantity, req.delivered_quantity, input.quantity);
      if (!check.ok) {
        if (check.code === 'NOT_RECEIVING')
          throw new AppError(
            'NOT_RECEIVING',
            { requestStatus: req.status },
            `A ${req.status} request receives no deliveries`,
          );
        throw new AppError(
          'OVER_DELIVERY',
          { remaining: check.remaining },
          `Only ${check.remaining} remain to be delivered on ${req.number}`,
        );
      }
      const note = input.note?.trim() || null;
      const [{ id: deliveryId }]: Array<{ id: string }> = await m.query(
        `INSERT INTO deliveries (request_id, quantity, received_on, waybill, note, received_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [id, input.quantity, input.receivedOn, input.waybill, note, user.id],
      );
      const [row] = returnedRows<{ version: number; delivered_quantity: number; at: Date }>(
        await m.query(
          `UPDATE component_requests
            SET delivered_quantity = delivered_quantity + $2,
                status = CASE WHEN $3 THEN 'delivered' ELSE status END,
                delivered_at = CASE WHEN $3 THEN now() ELSE delivered_at END,
                closed_at = CASE WHEN $3 THEN now() ELSE closed_at END,
                version = version + 1, updated_at = now()
          WHERE id = $1 RETURNING version, delivered_quantity, now() AS at`,
          [id, input.quantity, check.completes],
        ),
      );
      if (check.completes) {
        await m.query(
          `INSERT INTO component_request_transitions (request_id, from_status, to_status, comment, actor_id, at)
           VALUES ($1, $2, 'delivered', $3, $4, now())`,
          [id, req.status, input.waybill, user.id],
        );
        await notifyRequestMove(m, req, 'delivered');
        if (req.repair_job_id) await notifyJobPartsReady(m, req.repair_job_id);
      }
      const [delivery]: DeliveryRow[] = await m.query(`${DELIVERY_SELECT} WHERE d.id = $1`, [deliveryId]);
      const response = toDelivery(delivery, user);
      await this.audit.record(
        { action: 'create', entityType: 'delivery', entityId: deliveryId, after: { ...response, receivedBy: user.id } },
        m,
      );
      await this.audit.record(
        {
          action: 'update',
          entityType: 'component_request',
          entityId: id,
          before: { status: req.status, deliveredQuantity: req.delivered_quantity, version: req.version },
          after: {
            status: check.completes ? 'delivered' : req.status,
            deliveredQuantity: row.delivered_quantity,
            version: row.version,
            deliveryId,
            ...(check.completes ? { deliveredAt: row.at, closedAt: row.at } : {}),
          },
        },
        m,
      );
      return response;
    });
  }

  /** Newest first; keyset on (created_at, id). */
  async list(q: ListComponentRequestsQuery, user: CurrentUser): Promise<Page<ComponentRequestResponse>> {
    const today = workshopToday();
    const { rows, nextCursor } = await this.page(q, q.cursor, q.limit, user, today);
    return { items: rows.map((r) => toRequestResponse(r, user, today)), nextCursor };
  }

  /** Every match of the list's filters, in the list's order, in batches of EXPORT_BATCH by keyset (never OFFSET). */
  async *exportBatches(q: ExportComponentRequestsQuery, user: CurrentUser): AsyncGenerator<ComponentRequestResponse[]> {
    const today = workshopToday();
    let cursor: string | undefined;
    do {
      const page = await this.page(q, cursor, EXPORT_BATCH, user, today);
      yield page.rows.map((r) => toRequestResponse(r, user, today));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  /** The caller's scope and the list's filters on requests `r`, as conditions to AND. */
  private filters(q: ExportComponentRequestsQuery, user: CurrentUser, p: SqlParams, today: string): string[] {
    const where = componentRequestScope(user, p, 'r');
    if (q.status) where.push(`r.status = ANY(${p.add(Array.isArray(q.status) ? q.status : [q.status])}::text[])`);
    if (q.priority) where.push(`r.priority = ${p.add(q.priority)}`);
    if (q.componentId) where.push(`r.component_id = ${p.add(q.componentId)}::uuid`);
    if (q.facilityId) where.push(`r.facility_id = ${p.add(q.facilityId)}::uuid`);
    if (q.supplierPartnerId) where.push(`r.supplier_partner_id = ${p.add(q.supplierPartnerId)}::uuid`);
    if (q.repairJobId) where.push(`r.repair_job_id = ${p.add(q.repairJobId)}::uuid`);
    if (q.systemId) where.push(`r.system_id = ${p.add(q.systemId)}::uuid`);
    // the conditions take their parameters only when used (every parameter sent must appear in the SQL)
    const overdue = () => `(r.status IN ${OPEN_REQUEST_STATUSES_SQL} AND r.needed_by < ${p.add(today)}::date)`;
    if (q.overdue) where.push(q.overdue === 'true' ? overdue() : `NOT ${overdue()}`);
    if (q.q) where.push(`r.number ILIKE ${p.add(containsPattern(q.q))}`);
    const mine = () => `r.requested_by IS NOT DISTINCT FROM ${p.add(user.id)}::uuid`;
    if (q.mine) where.push(q.mine === 'true' ? mine() : `NOT ${mine()}`);
    if (q.awaitingMyApproval) {
      // only those who approve have anything awaiting their approval
      const awaiting = () =>
        can(user.role, 'requestApproval', 'write')
          ? `(r.status = 'submitted' AND r.requested_by IS DISTINCT FROM ${p.add(user.id)}::uuid)`
          : 'false';
      where.push(q.awaitingMyApproval === 'true' ? awaiting() : `NOT ${awaiting()}`);
    }
    return where;
  }

  /** One keyset page of the list, in the caller's scope: the page is chosen first, then only its rows get names. */
  private async page(
    q: ExportComponentRequestsQuery,
    cursor: string | undefined,
    limit: number,
    user: CurrentUser,
    today: string,
  ): Promise<{ rows: RequestRow[]; nextCursor: string | null }> {
    const p = new SqlParams();
    const where = this.filters(q, user, p, today);
    if (cursor) {
      const [createdAt, id] = decodeRequestCursor(cursor);
      where.push(`(r.created_at, r.id) < (${p.add(createdAt)}::timestamptz, ${p.add(id)}::uuid)`);
    }
    const rows: RequestRow[] = await this.db.query(
      `WITH page AS (
         SELECT r.* FROM component_requests r ${whereSql(where)}
          ORDER BY r.created_at DESC, r.id DESC LIMIT ${p.add(limit + 1)}
       )
       SELECT ${REQUEST_COLUMNS} FROM page r ${REQUEST_JOINS}
        ORDER BY r.created_at DESC, r.id DESC`,
      p.values,
    );
    const kept = rows.slice(0, limit);
    const last = kept[kept.length - 1];
    return { rows: kept, nextCursor: rows.length > limit && last ? encodeRequestCursor(last) : null };
  }

  async get(id: string, user: CurrentUser, m: EntityManager = this.db.manager): Promise<ComponentRequestResponse> {
    return toRequestResponse(await this.readRow(m, id, user), user, workshopToday());
  }

  /** One request with its moves (oldest first), deliveries and linked job. */
  async detail(id: string, user: CurrentUser): Promise<ComponentRequestDetail> {
    const row = await this.readRow(this.db.manager, id, user);
    const [transitions, deliveries, jobs]: [
      RequestTransitionRow[],
      DeliveryRow[],
      Array<{ id: string; number: string; status: string; facility_code: string }>,
    ] = await Promise.all([
      this.db.query(
        `SELECT t.id, t.from_status, t.to_status, t.comment, u.display_name AS actor_name, t.at
           FROM component_request_transitions t LEFT JOIN users u ON u.id = t.actor_id
          WHERE t.request_id = $1 ORDER BY t.at, t.id`,
        [id],
      ),
      this.db.query(`${DELIVERY_SELECT} WHERE d.request_id = $1 ORDER BY d.received_on, d.created_at, d.id`, [id]),
      row.repair_job_id
        ? this.db.query(
            `SELECT j.id, j.number, j.status, f.code AS facility_code
               FROM repair_jobs j JOIN facilities f ON f.id = j.facility_id WHERE j.id = $1`,
            [row.repair_job_id],
          )
        : Promise.resolve([]),
    ]);
    const job = jobs[0];
    return {
      ...toRequestResponse(row, user, workshopToday()),
      transitions: transitions.map((t) => toRequestTransition(t, user)),
      deliveries: deliveries.map((d) => toDelivery(d, user)),
      repairJob: job ? { id: job.id, number: job.number, status: job.status, facilityCode: job.facility_code } : null,
    };
  }

  /**
   * Open requests by status, overdue, on-time rate over the last 365 days and per supplier partner the
   * median days submitted → approved and approved → delivered and the delivered count, over the requests
   * approved in the last 365 days, with every open request: a few aggregate queries, in the list's scope.
   * The medians are exact (as `percentile_cont` gives them) without sorting the window's requests: the counts
   * per supplier and bucket come from the histogram kept on write (migration 1796040100000) for the window's
   * whole UTC months and from the requests themselves for the days around them (component_requests_approved_idx);
   * the value at the median's rank is then read from the requests of its bucket alone, in value order.
   */
  async metrics(user: CurrentUser): Promise<ComponentRequestMetrics> {
    /** The caller's scope on requests `r` as `AND …`, its parameters added to `p`. */
    const scopeSql = (p: SqlParams) =>
      componentRequestScope(user, p, 'r')
        .map((c) => `AND ${c}`)
        .join(' ');
    /** A new set of parameters (each query has its own) and the scope in it. */
    const scoped = () => {
      const p = new SqlParams();
      return { p, sql: scopeSql(p) };
    };
    const open = scoped();
    const overdueOn = open.p.add(workshopToday());
    const delivered = scoped();
    const counted = new SqlParams();
    /** the window (approved in the last 365 days) and the whole UTC months `[firstMonth, thisMonth)` inside it */
    const since = `now() - interval '365 days'`;
    const firstMonth = `(date_trunc('month', (${since}) AT TIME ZONE 'UTC' - interval '1 microsecond')
                         + interval '1 month')`;
    const thisMonth = `date_trunc('month', now() AT TIME ZONE 'UTC')`;
    /** The window's requests per supplier `sp` and `bucket` of a histogram figure, in the caller's scope. */
    const windowCounts = (metric: string, bucket: string, p: SqlParams) => {
      const scope = scopeSql(p);
      const edge = (approved: string) =>
        `SELECT r.supplier_partner_id, ${bucket}, 1 FROM component_requests r
          WHERE ${approved} AND r.supplier_partner_id IS NOT NULL AND ${bucket} IS NOT NULL ${scope}`;
      return `SELECT sp, bucket, sum(n)::bigint AS n FROM (
        SELECT r.supplier_partner_id AS sp, r.bucket, r.requests AS n FROM component_request_days_histogram r
         WHERE r.metric = '${metric}' AND r.month >= ${firstMonth}::date AND r.month < ${thisMonth}::date ${scope}
        UNION ALL
        ${edge(`r.approved_at >= ${since} AND r.approved_at < ${firstMonth} AT TIME ZONE 'UTC'`)}
        UNION ALL
        ${edge(`r.approved_at >= ${thisMonth} AT TIME ZONE 'UTC'`)}
      ) x GROUP BY 1, 2`;
    };
    /**
     * Per supplier the median of a duration over the window, in percentile_cont's float8 steps: the value at
     * rank floor((n - 1) / 2) and the next one, both from the bucket holding the first (LIMIT 2) unless it is
     * that bucket's last, when the next is the first of the supplier's next bucket.
     */
    const medianSql = (d: 'submit_to_approve' | 'approve_to_deliver') => {
      const p = new SqlParams();
      const hist = windowCounts(d, `r.${d}_bucket`, p);
      const scope = componentRequestScope(user, p, 'x')
        .map((c) => `AND ${c}`)
        .join(' ');
      const values = (bucket: string, order: string, offsetLimit: string) =>
        `SELECT x.${d}_days FROM component_requests x
          WHERE x.supplier_partner_id = c.sp AND x.${d}_bucket ${bucket} AND x.approved_at >= ${since} ${scope}
          ORDER BY ${order} ${offsetLimit}`;
      const sql = `
WITH hist AS MATERIALIZED (${hist}),
cum AS (
  SELECT sp, bucket, (sum(n) OVER w - n)::bigint AS before, (sum(n) OVER w)::bigint AS upto
    FROM hist WINDOW w AS (PARTITION BY sp ORDER BY bucket)
),
ranks AS (SELECT sp, 0.5 * (sum(n) - 1)::float8 AS at_row FROM hist GROUP BY sp HAVING sum(n) > 0),
-- materialized: each supplier's bucket is read once, not once per use of v
picked AS MATERIALIZED (
  SELECT c.sp, c.bucket, c.upto, r.at_row, floor(r.at_row)::bigint AS lo_nth, ceil(r.at_row)::bigint AS hi_nth,
         ARRAY(${values('= c.bucket', `x.${d}_days`, 'OFFSET floor(r.at_row)::bigint - c.before LIMIT 2')}) AS v
    FROM ranks r JOIN cum c ON c.sp = r.sp AND c.before <= floor(r.at_row) AND floor(r.at_row) < c.upto
)
SELECT sp AS id, lo + (hi - lo) * (at_row - lo_nth) AS median
  FROM (SELECT sp, at_row, lo_nth, v[1] AS lo,
               CASE WHEN hi_nth = lo_nth THEN v[1] WHEN hi_nth < upto THEN v[2]
                    ELSE (${values('> c.bucket', `x.${d}_bucket, x.${d}_days`, 'LIMIT 1')}) END AS hi
          FROM picked c) m`;
      return { sql, params: p.values };
    };
    const toApproveSql = medianSql('submit_to_approve');
    const toDeliverSql = medianSql('approve_to_deliver');
    const openBy = scoped();
    // the two medians and the counts run side by side on connections of their own
    const [byStatus, [onTime], toApprove, toDeliver, counts, openPer, partners] = await Promise.all([
      // open requests by status: component_requests_open_idx (index-only, for a scoped user too)
      queryReplica<{ status: ComponentRequestStatus; count: number; overdue: number }>(
        this.db,
        `SELECT r.status, count(*)::int AS count,
                count(*) FILTER (WHERE r.needed_by < ${overdueOn}::date)::int AS overdue
           FROM component_requests r WHERE r.status IN ${OPEN_REQUEST_STATUSES_SQL} ${open.sql}
          GROUP BY r.status`,
        open.p.values,
      ),
      // on time: delivered on or before the needed-by date, the workshops' day (Europe/Kyiv), kept on the row
      // (delivered_on_time); component_requests_delivered_idx covers it, the facility and the supplier
      queryReplica<{ delivered: number; on_time: number }>(
        this.db,
        `SELECT count(*)::int AS delivered,
                count(*) FILTER (WHERE r.delivered_on_time)::int AS on_time
           FROM component_requests r
          WHERE r.status = 'delivered' AND r.delivered_at >= now() - interval '365 days' ${delivered.sql}`,
        delivered.p.values,
      ),
      queryReplica<{ id: string; median: number | null }>(this.db, toApproveSql.sql, toApproveSql.params),
      queryReplica<{ id: string; median: number | null }>(this.db, toDeliverSql.sql, toDeliverSql.params),
      // the window's requests per supplier and how many of them are delivered (the histogram's `approved`: 1 if so)
      queryReplica<{ id: string; delivered: number }>(
        this.db,
        `SELECT sp AS id, coalesce(sum(n) FILTER (WHERE bucket = 1), 0)::int AS delivered
           FROM (${windowCounts('approved', `(r.status = 'delivered')::int`, counted)}) w
          GROUP BY sp HAVING sum(n) > 0`,
        counted.values,
      ),
      // open requests per supplier: component_requests_open_idx, index-only
      queryReplica<{ id: string; open: number }>(
        this.db,
        `SELECT r.supplier_partner_id AS id, count(*)::int AS open FROM component_requests r
          WHERE r.status IN ${OPEN_REQUEST_STATUSES_SQL} AND r.supplier_partner_id IS NOT NULL ${openBy.sql}
          GROUP BY r.supplier_partner_id`,
        openBy.p.values,
      ),
      queryReplica<{ id: string; code: string }>(this.db, `SELECT id, code FROM partners`),
    ]);
    // a supplier with requests in the window or open ones, by code
    const toApproveMedian = new Map(toApprove.map((r) => [r.id, r.median]));
    const toDeliverMedian = new Map(toDeliver.map((r) => [r.id, r.median]));
    const openCount = new Map(openPer.map((r) => [r.id, r.open]));
    const windowed = new Map(counts.map((r) => [r.id, r.delivered]));
    const perSupplier = partners
      .filter((sp) => windowed.has(sp.id) || openCount.has(sp.id))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((sp) => ({
        id: sp.id,
        code: sp.code,
        submit_to_approve: toApproveMedian.get(sp.id) ?? null,
        approve_to_deliver: toDeliverMedian.get(sp.id) ?? null,
        delivered: windowed.get(sp.id) ?? 0,
        open: openCount.get(sp.id) ?? 0,
      }));
    const openByStatus: Record<string, number> = Object.fromEntries(openComponentRequestStatuses.map((s) => [s, 0]));
    for (const r of byStatus) openByStatus[r.status] = r.count;
    return {
      openByStatus,
      overdue: byStatus.reduce((sum, r) => sum + r.overdue, 0),
      onTimeRate: onTime.delivered ? Math.round((onTime.on_time / onTime.delivered) * 1000) / 1000 : null,
      perSupplier: perSupplier.map((s) => ({
        supplierPartnerId: s.id,
        supplierPartnerCode: s.code,
        medianSubmitToApproveDays: roundDays(s.submit_to_approve),
        medianApproveToDeliverDays: roundDays(s.approve_to_deliver),
        delivered: s.delivered,
        open: s.open,
      })),
    };
  }

  /** A request in the caller's scope, with its names; 404 otherwise. */
  private async readRow(m: EntityManager, id: string, user: CurrentUser): Promise<RequestRow> {
    const p = new SqlParams();
    const where = [`r.id = ${p.add(id)}::uuid`, ...componentRequestScope(user, p, 'r')];
    const [row]: RequestRow[] = await m.query(
      `SELECT ${REQUEST_COLUMNS} FROM component_requests r ${REQUEST_JOINS} ${whereSql(where)}`,
      p.values,
    );
    if (!row) throw new NotFound('Component request');
    return row;
  }

  /** Locks a request in the caller's scope for a change; 404 otherwise. */
  private async lock(m: EntityManager, id: string, user: CurrentUser): Promise<LockedRequest> {
    const p = new SqlParams();
    const where = [`r.id = ${p.add(id)}::uuid`, ...componentRequestScope(user, p, 'r')];
    const [row]: LockedRequest[] = await m.query(
      `SELECT r.id, r.number, r.status, r.quantity, r.delivered_quantity, r.priority, r.needed_by::text AS needed_by,
              r.justification, r.requested_by, r.supplier_partner_id, r.expected_on::text AS expected_on,
              r.repair_job_id, r.version
         FROM component_requests r ${whereSql(where)} FOR UPDATE`,
      p.values,
    );
    if (!row) throw new NotFound('Component request');
    return row;
  }

  /** With a job or a system, the component must fit the system's model (409 INCOMPATIBLE_COMPONENT). */
  private async checkCompatible(m: EntityManager, componentId: string, systemId: string): Promise<void> {
    const [{ fits }]: Array<{ fits: boolean }> = await m.query(
      `SELECT EXISTS (SELECT 1 FROM component_system_models csm JOIN systems s ON s.model_id = csm.system_model_id
                       WHERE csm.component_id = $1 AND s.id = $2) AS fits`,
      [componentId, systemId],
    );
    if (!fits) throw new AppError('INCOMPATIBLE_COMPONENT', {}, "The component does not fit the system's model");
  }
}
