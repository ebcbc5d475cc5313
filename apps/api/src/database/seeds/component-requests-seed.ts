import { type ComponentRequestPriority, type ComponentRequestStatus, formatRequestNumber } from '@jv/domain';
import type { EntityManager } from 'typeorm';

/*
 * Demo component requests and supply plans, on top of the demo systems and repair jobs:
 * - a year of requests supplied by the co-lead partners (FR, LV) for a few components each, delivered in
 *   one to three deliveries within their month, some after their needed-by date;
 * - open requests in every state (draft, submitted, approved, ordered, shipped) with partial deliveries,
 *   some overdue, and closed ones (rejected, cancelled) with their comments;
 * - requests for the jobs waiting for parts: every other one with all its parts delivered (parts ready),
 *   the others still waiting for a shipment;
 * - raised by workshop@jv.example (to its workshop) and logistics@jv.example (to the depots and the other
 *   workshop), approved, ordered and shipped by logistics2@jv.example (four eyes);
 * - the co-lead partners' supply plans for the last 12 months (this one included): component lines near
 *   what was delivered, model lines near the systems they handed over (`delivered_on`).
 * number_sequences ('CR') continue after the last seeded number of each year. Deterministic (seeded PRNG).
 * Does nothing without systems or without the demo accounts. Everything is invented.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PLAN_MONTHS = 12;

/** Components each co-lead partner supplies in the demo year (by part number). */
const SUPPLIED: Record<string, string[]> = {
  FR: ['BRL-155-52-A', 'RCL-BUF-155', 'FCS-BCM-002', 'HYD-HSE-003'],
  LV: ['BRL-081-M-A', 'RCL-SEAL-01', 'ELC-BAT-002', 'OTH-TLK-002'],
};

const JUSTIFICATIONS = [
  'Stock for the next rotation of systems through the workshop',
  'Replacement for parts worn out in the spring campaign',
  'Spare parts kit for the field repair teams',
  'Depot stock below the minimum level',
  'Scheduled replenishment agreed with the partner',
];

type Move = { to: ComponentRequestStatus; at: number; actor: string; comment: string | null };

interface SeedRequest {
  componentId: string;
  quantity: number;
  priority: ComponentRequestPriority;
  neededBy: string;
  facilityId: string;
  repairJobId: string | null;
  systemId: string | null;
  justification: string;
  requesterId: string;
  supplierId: string | null;
  expectedOn: string | null;
  moves: Move[];
  deliveries: Array<{ quantity: number; on: string; at: number; receiverId: string; waybill: string }>;
  number?: string;
  id?: string;
}

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function insertRows(
  m: EntityManager,
  table: string,
  columns: string[],
  rows: unknown[][],
  returning = '',
): Promise<Array<Record<string, string>>> {
  if (rows.length === 0) return [];
  const params: unknown[] = [];
  const values = rows
    .map(
      (r) =>
        `(${r
          .map((v) => {
            params.push(v);
            return `$${params.length}`;
          })
          .join(', ')})`,
    )
    .join(', ');
  return m.query(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}${returning ? ` RETURNING ${returning}` : ''}`,
    params,
  );
}

const iso = (ms: number) => new Date(ms).toISOString();
const dateOf = (ms: number) => iso(ms).slice(0, 10);
const dayMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
const addDays = (date: string, days: number) => dateOf(dayMs(date) + days * DAY);
/** The first day of the month `offset` months from the month of `date` (YYYY-MM-DD). */
const monthStart = (date: string, offset = 0) => {
  const d = new Date(dayMs(date));
  return dateOf(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1));
};

/**
 * The seed's "now": the last whole hour but one, so that every seeded moment lies safely in the past. Its UTC date
 * is the seed's today (the supply plans run up to its month): in the first hour of a UTC day that is still yesterday.
 */
export const seedNow = (nowMs = Date.now()) => Math.floor(nowMs / HOUR) * HOUR - HOUR;

export async function seedComponentRequestsDemo(m: EntityManager): Promise<void> {
  const [{ n: systemCount }] = await m.query(`SELECT count(*)::int AS n FROM systems`);
  if (systemCount === 0) return;
  const users: Array<{ id: string; email: string }> = await m.query(
    `SELECT id, email FROM users
      WHERE email IN ('workshop@jv.example', 'logistics@jv.example', 'logistics2@jv.example')`,
  );
  const user = (email: string) => users.find((u) => u.email === email)?.id;
  const workshopUser = user('workshop@jv.example');
  const logistics = user('logistics@jv.example');
  const approver = user('logistics2@jv.example');
  if (!workshopUser || !logistics || !approver) return;
  const [workshopFacility]: Array<{ id: string }> = await m.query(
    `SELECT facility_ids[1] AS id FROM users WHERE id = $1`,
    [workshopUser],
  );
  const facilities: Array<{ id: string; code: string; kind: string }> = await m.query(
    `SELECT id, code, kind FROM facilities WHERE kind IN ('repair_workshop', 'depot') ORDER BY kind DESC, code`,
  );
  const ownWorkshop = workshopFacility.id;
  /** where logistics raises requests: the depots and the other workshops */
  const elsewhere = facilities.filter((f) => f.id !== ownWorkshop).map((f) => f.id);
  if (elsewhere.length === 0) return;
  const components: Array<{ id: string; part_number: string }> = await m.query(
    `SELECT id, part_number FROM components ORDER BY part_number`,
  );
  const componentId = (pn: string) => components.find((c) => c.part_number === pn)?.id;
  const partners: Array<{ id: string; code: string; role: string }> = await m.query(
    `SELECT id, code, role FROM partners WHERE role <> 'host' ORDER BY code`,
  );
  const coLeads = partners.filter((p) => p.role === 'co_lead');
  if (partners.length === 0 || components.length === 0) return;

  const rnd = prng(20_251_101);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const between = (a: number, b: number) => a + rnd() * (b - a);
  const int = (a: number, b: number) => Math.floor(between(a, b + 1));
  const now = seedNow();
  const today = dateOf(now);
  const requests: SeedRequest[] = [];
  let waybill = 0;
  const nextWaybill = () => `WB-${String(++waybill).padStart(5, '0')}`;

  /** The moves from draft to `path`'s last state, spread evenly over [from, to]. */
  const movesOver = (path: ComponentRequestStatus[], from: number, to: number, requester: string): Move[] =>
    path.map((s, i) => ({
      to: s,
      at: from + ((to - from) * i) / Math.max(1, path.length - 1),
      actor: s === 'draft' || s === 'submitted' || s === 'cancelled' ? requester : approver,
      comment:
        s === 'rejected'
          ? pick(['Not a stock item for this facility', 'Duplicate of an earlier request', 'Covered by depot stock'])
          : s === 'cancelled'
            ? pick(['No longer needed: the system was sent to the manufacturer', 'Raised for the wrong facility'])
            : null,
    }));
  /**
   * Deliveries of `quantity`, one per time in `times` (never later than an hour ago); with `complete`, the
   * last one makes the request delivered (actor: the receiver, comment: the waybill, as the API does).
   */
  const deliver = (r: SeedRequest, quantity: number, times: number[], complete: boolean) => {
    const receiverId = r.facilityId === ownWorkshop ? workshopUser : logistics;
    let left = quantity;
    times.forEach((t, i) => {
      const q = i === times.length - 1 ? left : Math.max(1, Math.floor(left / (times.length - i)));
      left -= q;
      const at = Math.min(t, now - HOUR);
      r.deliveries.push({ quantity: q, on: dateOf(at), at, receiverId, waybill: nextWaybill() });
    });
    if (complete) {
      const last = r.deliveries[r.deliveries.length - 1];
      r.moves.push({ to: 'delivered', at: last.at, actor: last.receiverId, comment: last.waybill });
    }
  };

  // 1. a year of deliveries from the co-lead partners, month by month
  const firstMonth = monthStart(today, -(PLAN_MONTHS - 1));
  const months = Array.from({ length: PLAN_MONTHS }, (_, i) => monthStart(firstMonth, i));
  for (const partner of coLeads) {
    const supplied = (SUPPLIED[partner.code] ?? components.slice(0, 4).map((c) => c.part_number))
      .map(componentId)
      .filter((id): id is string => Boolean(id));
    for (const month of months) {
      const lastDay = Math.min(dayMs(monthStart(month, 1)) - DAY, dayMs(today));
      for (const [k, cid] of supplied.entries()) {
        if (rnd() < 0.25) continue; // nothing of it this month
        const atOwn = (k + months.indexOf(month)) % 2 === 0;
        const requester = atOwn ? workshopUser : logistics;
        const quantity = int(2, 12);
        const parts = quantity >= 6 ? int(1, 3) : 1;
        const days = Array.from(
          { length: parts },
          () => dayMs(month) + int(0, (lastDay - dayMs(month)) / DAY) * DAY + 10 * HOUR,
        ).sort((a, b) => a - b);
        const shipped = days[0] - between(2, 6) * DAY;
        const created = shipped - between(8, 20) * DAY;
        const r: SeedRequest = {
          componentId: cid,
          quantity,
          priority: pick(['routine', 'routine', 'priority', 'urgent'] as const),
          // most arrive in time, some after their needed-by date
          neededBy: addDays(dateOf(days[days.length - 1]), rnd() < 0.75 ? int(0, 20) : -int(3, 12)),
          facilityId: atOwn ? ownWorkshop : pick(elsewhere),
          repairJobId: null,
          systemId: null,
          justification: pick(JUSTIFICATIONS),
          requesterId: requester,
          supplierId: partner.id,
          expectedOn: dateOf(shipped + 4 * DAY),
          moves: movesOver(['draft', 'submitted', 'approved', 'ordered', 'shipped'], created, shipped, requester),
          deliveries: [],
        };
        deliver(r, quantity, days, true);
        requests.push(r);
      }
    }
  }

  // 2. open and closed requests of the last weeks, in every state
  const OPEN: ReadonlyArray<
    [ComponentRequestStatus, createdDaysAgo: number, neededInDays: number, byWorkshop: boolean, partial: boolean]
  > = [
    ['draft', 1, 30, true, false],
    ['draft', 3, 14, false, false],
    ['draft', 0.3, 45, true, false],
    ['submitted', 2, 20, true, false],
    ['submitted', 5, 10, false, false],
    ['submitted', 12, -2, true, false],
    ['submitted', 1, 25, false, false],
    ['approved', 8, 15, true, false],
    ['approved', 20, -5, false, false],
    ['approved', 4, 40, false, false],
    ['ordered', 15, 10, true, false],
    ['ordered', 30, -10, false, true],
    ['ordered', 10, 20, false, false],
    ['shipped', 18, 5, true, true],
    ['shipped', 25, -3, false, false],
    ['shipped', 9, 12, true, false],
    ['rejected', 14, 10, true, false],
    ['rejected', 40, -20, false, false],
    ['cancelled', 6, 20, true, false],
    ['cancelled', 22, 5, false, false],
  ];
  const PATHS: Record<string, ComponentRequestStatus[]> = {
    draft: ['draft'],
    submitted: ['draft', 'submitted'],
    approved: ['draft', 'submitted', 'approved'],
    ordered: ['draft', 'submitted', 'approved', 'ordered'],
    shipped: ['draft', 'submitted', 'approved', 'ordered', 'shipped'],
    rejected: ['draft', 'submitted', 'rejected'],
  };
  for (const [i, [status, ago, neededIn, byWorkshop, partial]] of OPEN.entries()) {
    const requester = byWorkshop ? workshopUser : logistics;
    const created = now - ago * DAY;
    const path =
      status === 'cancelled'
        ? i % 2 === 0
          ? (['draft', 'cancelled'] as ComponentRequestStatus[])
          : (['draft', 'submitted', 'approved', 'cancelled'] as ComponentRequestStatus[])
        : PATHS[status];
    const quantity = partial ? int(4, 10) : int(1, 8);
    const moves = movesOver(path, created, created + (now - created) * 0.7, requester);
    const supplier = path.includes('approved') ? partners[(i * 5) % partners.length] : null;
    const r: SeedRequest = {
      componentId: components[(i * 7 + 3) % components.length].id,
      quantity,
      priority: (['routine', 'priority', 'urgent'] as const)[i % 3],
      neededBy: addDays(today, neededIn),
      facilityId: byWorkshop ? ownWorkshop : elsewhere[i % elsewhere.length],
      repairJobId: null,
      systemId: null,
      justification: pick(JUSTIFICATIONS),
      requesterId: requester,
      supplierId: supplier?.id ?? null,
      expectedOn: supplier ? addDays(today, neededIn - 2) : null,
      moves,
      deliveries: [],
    };
    if (partial) {
      const from = moves[moves.length - 1].at;
      deliver(r, Math.floor(quantity / 2), [from + (now - from) * 0.5], false);
    }
    requests.push(r);
  }

  // 3. the jobs waiting for parts: every other one has all its parts (parts ready), the others wait
  const waiting: Array<{ id: string; facility_id: string; system_id: string; model_id: string; since: Date | null }> =
    await m.query(
      `SELECT j.id, j.facility_id, j.system_id, s.model_id,
              (SELECT max(t.at) FROM repair_job_transitions t WHERE t.job_id = j.id AND t.to_status = 'awaiting_parts')
                AS since
         FROM repair_jobs j JOIN systems s ON s.id = j.system_id
        WHERE j.status = 'awaiting_parts' ORDER BY j.number`,
    );
  const fitting: Array<{ model_id: string; component_id: string }> = await m.query(
    `SELECT csm.system_model_id AS model_id, csm.component_id FROM component_system_models csm
       JOIN components c ON c.id = csm.component_id WHERE c.category <> 'barrel' ORDER BY c.part_number`,
  );
  for (const [i, job] of waiting.entries()) {
    const fit = fitting.filter((f) => f.model_id === job.model_id).map((f) => f.component_id);
    if (fit.length === 0) continue;
    const ready = i % 2 === 0;
    const requester = job.facility_id === ownWorkshop ? workshopUser : logistics;
    const start = Math.min(job.since ? new Date(job.since).getTime() : now, now - 6 * HOUR);
    const span = now - start;
    const forJob = (k: number, quantity: number): SeedRequest => ({
      componentId: fit[(i + k * 3) % fit.length],
      quantity,
      priority: k === 0 ? 'urgent' : 'priority',
      neededBy: addDays(dateOf(start), 7 + k * 3),
      facilityId: job.facility_id,
      repairJobId: job.id,
      systemId: job.system_id,
      justification: 'Parts for the repair job: the system waits for them in the workshop',
      requesterId: requester,
      supplierId: partners[(i + k) % partners.length].id,
      expectedOn: addDays(dateOf(start), 6 + k * 3),
      moves: [],
      deliveries: [],
    });
    const first = forJob(0, int(1, 3));
    first.moves = movesOver(
      ['draft', 'submitted', 'approved', 'ordered', 'shipped'],
      start,
      start + span * 0.5,
      requester,
    );
    deliver(first, first.quantity, [start + span * 0.6], true);
    requests.push(first);
    const second = forJob(1, int(2, 4));
    second.moves = movesOver(
      ['draft', 'submitted', 'approved', 'ordered', 'shipped'],
      start,
      start + span * 0.7,
      requester,
    );
    if (ready) deliver(second, second.quantity, [start + span * 0.75, start + span * 0.85], true);
    else deliver(second, 1, [start + span * 0.8], false);
    requests.push(second);
    if (ready && fit.length > 2) {
      // a cancelled request does not hold the job back
      const third = forJob(2, 1);
      third.moves = movesOver(['draft', 'cancelled'], start, start + span * 0.3, requester);
      third.supplierId = null;
      third.expectedOn = null;
      requests.push(third);
    }
  }

  // numbers in creation order, per year (gapless, like openComponentRequest)
  const byCreation = [...requests].sort((a, b) => a.moves[0].at - b.moves[0].at);
  const lastOfYear = new Map<number, number>();
  for (const r of byCreation) {
    const year = new Date(r.moves[0].at).getUTCFullYear();
    const seq = (lastOfYear.get(year) ?? 0) + 1;
    lastOfYear.set(year, seq);
    r.number = formatRequestNumber(year, seq);
  }

  const status = (r: SeedRequest) => r.moves[r.moves.length - 1].to;
  const at = (r: SeedRequest, s: ComponentRequestStatus) => {
    const mv = r.moves.find((x) => x.to === s);
    return mv ? iso(mv.at) : null;
  };
  const lastEvent = (r: SeedRequest) => Math.max(r.moves[r.moves.length - 1].at, ...r.deliveries.map((d) => d.at));
  const inserted = await insertRows(
    m,
    'component_requests',
    [
      'number',
      'component_id',
      'quantity',
      'priority',
      'needed_by',
      'facility_id',
      'repair_job_id',
      'system_id',
      'justification',
      'status',
      'requested_by',
      'supplier_partner_id',
      'expected_on',
      'delivered_quantity',
      'submitted_at',
      'approved_at',
      'approved_by',
      'delivered_at',
      'closed_at',
      'version',
      'created_at',
      'updated_at',
    ],
    byCreation.map((r) => {
      const s = status(r);
      const closed = s === 'delivered' || s === 'rejected' || s === 'cancelled';
      // one version per move by a person and per delivery
      const version = 1 + r.moves.filter((x) => x.to !== 'draft' && x.to !== 'delivered').length + r.deliveries.length;
      return [
        r.number,
        r.componentId,
        r.quantity,
        r.priority,
        r.neededBy,
        r.facilityId,
        r.repairJobId,
        r.systemId,
        r.justification,
        s,
        r.requesterId,
        r.supplierId,
        r.expectedOn,
        r.deliveries.reduce((sum, d) => sum + d.quantity, 0),
        at(r, 'submitted'),
        at(r, 'approved'),
        at(r, 'approved') ? approver : null,
        at(r, 'delivered'),
        closed ? iso(r.moves[r.moves.length - 1].at) : null,
        version,
        iso(r.moves[0].at),
        iso(lastEvent(r)),
      ];
    }),
    'id, number',
  );
  const idByNumber = new Map(inserted.map((x) => [x['number'], x['id']]));
  for (const r of requests) r.id = idByNumber.get(r.number as string);

  await insertRows(
    m,
    'component_request_transitions',
    ['request_id', 'from_status', 'to_status', 'comment', 'actor_id', 'at'],
    requests.flatMap((r) =>
      r.moves.map((mv, i) => [r.id, i === 0 ? null : r.moves[i - 1].to, mv.to, mv.comment, mv.actor, iso(mv.at)]),
    ),
  );
  await insertRows(
    m,
    'deliveries',
    ['request_id', 'quantity', 'received_on', 'waybill', 'received_by', 'created_at'],
    requests.flatMap((r) => r.deliveries.map((d) => [r.id, d.quantity, d.on, d.waybill, d.receiverId, iso(d.at)])),
  );
  for (const [year, last] of lastOfYear) {
    await m.query(
      `INSERT INTO number_sequences (name, year, last_value) VALUES ('CR', $1, $2)
                   ON CONFLICT (name, year)
                   DO UPDATE SET last_value = greatest(number_sequences.last_value, EXCLUDED.last_value)`,
      [year, last],
    );
  }

  // 4. the co-lead partners' plans: near what arrived (deliveries, and systems by their delivered_on)
  const delivered = new Map<string, number>();
  for (const r of requests) {
    if (!r.supplierId) continue;
    for (const d of r.deliveries) {
      const key = `${r.supplierId}/${monthStart(d.on)}/c/${r.componentId}`;
      delivered.set(key, (delivered.get(key) ?? 0) + d.quantity);
    }
  }
  const handedOver: Array<{ partner_id: string; month: string; model_id: string; n: number }> = await m.query(
    `SELECT donor_partner_id AS partner_id, to_char(date_trunc('month', delivered_on), 'YYYY-MM-DD') AS month,
            model_id, count(*)::int AS n
       FROM systems WHERE delivered_on >= $1::date AND donor_partner_id = ANY($2::uuid[])
      GROUP BY 1, 2, 3`,
    [firstMonth, coLeads.map((p) => p.id)],
  );
  for (const h of handedOver) delivered.set(`${h.partner_id}/${h.month}/s/${h.model_id}`, h.n);
  const donated: Array<{ partner_id: string; model_id: string }> = await m.query(
    `SELECT DISTINCT donor_partner_id AS partner_id, model_id FROM systems WHERE donor_partner_id = ANY($1::uuid[])
      ORDER BY 1, 2`,
    [coLeads.map((p) => p.id)],
  );
  const planRows: unknown[][] = [];
  const lineRows: Array<{ key: string; componentId: string | null; modelId: string | null; quantity: number }> = [];
  for (const partner of coLeads) {
    const supplied = (SUPPLIED[partner.code] ?? components.slice(0, 4).map((c) => c.part_number))
      .map(componentId)
      .filter((id): id is string => Boolean(id));
    const models = donated.filter((d) => d.partner_id === partner.id).map((d) => d.model_id);
    for (const [k, month] of months.entries()) {
      const planned = (actual: number) =>
        actual > 0 ? Math.max(1, Math.round(actual * between(0.8, 1.35))) : rnd() < 0.5 ? int(2, 5) : 0;
      const key = `${partner.id}/${month}`;
      const made = Math.min(dayMs(month) - 15 * DAY, now - DAY);
      planRows.push([partner.id, month, logistics, iso(made), iso(made)]);
      for (const cid of supplied) {
        const q = planned(delivered.get(`${key}/c/${cid}`) ?? 0);
        if (q > 0) lineRows.push({ key, componentId: cid, modelId: null, quantity: q });
      }
      for (const [j, mid] of models.entries()) {
        const actual = delivered.get(`${key}/s/${mid}`) ?? 0;
        // a model line where systems arrived, and now and then one that is still awaited
        const q = actual > 0 ? Math.max(1, actual + int(-1, 1)) : (k + j) % 4 === 0 ? 1 : 0;
        if (q > 0) lineRows.push({ key, componentId: null, modelId: mid, quantity: q });
      }
    }
  }
  const plans = await insertRows(
    m,
    'supply_plans',
    ['partner_id', 'month', 'updated_by', 'created_at', 'updated_at'],
    planRows,
    `id, partner_id || '/' || to_char(month, 'YYYY-MM-DD') AS key`,
  );
  const planByKey = new Map(plans.map((p) => [p['key'], p['id']]));
  await insertRows(
    m,
    'supply_plan_lines',
    ['plan_id', 'component_id', 'system_model_id', 'quantity'],
    lineRows.map((l) => [planByKey.get(l.key), l.componentId, l.modelId, l.quantity]),
  );
}
