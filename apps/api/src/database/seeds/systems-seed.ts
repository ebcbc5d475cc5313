import type { SystemStatus } from '@jv/domain';
import type { EntityManager } from 'typeorm';

/*
 * Demo artillery systems: 13 per model (130), donated by several partners, operated by units that fit
 * the model's kind, in every status, with six months of daily usage reports ending today. Serial
 * numbers (`TH155-0001`), barrel serials and reasons are invented. Usage rows come from one
 * INSERT … SELECT over generate_series, and the EFC counters are then set from the usage sums, so the
 * counters, the wear and the forecasts agree with the reports. Each system has the day it was handed
 * over (`delivered_on`): up to two weeks before it was registered, or for the fleet registered when the
 * tracking started, spread over the year before that.
 */

const PER_MODEL = 13;
const USAGE_DAYS = 182;
const DAY_MS = 86_400_000;

/** Statuses in a repeating pattern of 20: mostly operational, some degraded/repair/parts, a few transit/written off. */
const STATUS_PATTERN: SystemStatus[] = [
  'operational',
  'operational',
  'degraded',
  'operational',
  'in_repair',
  'operational',
  'operational',
  'awaiting_parts',
  'operational',
  'operational',
  'operational',
  'degraded',
  'operational',
  'in_transit',
  'operational',
  'in_repair',
  'operational',
  'operational',
  'written_off',
  'operational',
];

const REASONS: Partial<Record<SystemStatus, string[]>> = {
  degraded: [
    'Fire control display intermittent',
    'Recoil fluid seep, firing with restrictions',
    'Elevation drive slow',
  ],
  in_repair: [
    'Recoil buffer leak found on inspection',
    'Breech block damaged, sent to workshop',
    'Hydraulic pump failure',
  ],
  awaiting_parts: [
    'Waiting for a recuperator cylinder',
    'Waiting for a ballistic computer module',
    'Waiting for a track link set',
  ],
  in_transit: ['Moving to the new operating unit', 'Returning from the workshop'],
  written_off: ['Battle damage beyond economic repair', 'Hull cracked, written off by commission'],
};

/** Units by model kind (invented unit codes from the demo seed). */
const UNITS_BY_KIND: Record<string, string[]> = {
  towed_howitzer: ['ART-101', 'ART-102', 'ART-103', 'ART-104'],
  self_propelled_howitzer: ['ART-211', 'ART-212', 'ART-103'],
  mlrs: ['RKT-301', 'RKT-302'],
  mortar: ['MOR-401', 'MOR-402', 'TRG-501'],
};

/** A small deterministic PRNG (mulberry32), so every demo database looks the same. */
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

/** `TH-155/52 towed howitzer` → `TH155`, `SPH-155/52W …` → `SPH155W`, `MT-120 …` → `MT120`. */
export function serialPrefix(designation: string): string {
  const m = /^([A-Z]+)-(\d+)(?:\/\d+([A-Z]?))?/.exec(designation);
  return m
    ? `${m[1]}${m[2]}${m[3] ?? ''}`
    : designation
        .replace(/[^A-Za-z0-9]/g, '')
        .slice(0, 8)
        .toUpperCase();
}

interface Ref {
  id: string;
  code: string;
}

export async function seedSystemsDemo(m: EntityManager): Promise<void> {
  const models: Array<{ id: string; designation: string; kind: string; barrel_life_efc: number; origin: string }> =
    await m.query(
      `SELECT sm.id, sm.designation, sm.kind, sm.barrel_life_efc, p.code AS origin
         FROM system_models sm JOIN partners p ON p.id = sm.origin_partner_id
        ORDER BY sm.designation`,
    );
  if (models.length === 0) return;
  const partners: Ref[] = await m.query(`SELECT id, code FROM partners WHERE role <> 'host' ORDER BY code`);
  const units: Ref[] = await m.query(`SELECT id, code FROM units ORDER BY code`);
  const workshops: Ref[] = await m.query(
    `SELECT id, code FROM facilities WHERE kind = 'repair_workshop' ORDER BY code`,
  );
  const [depot]: Ref[] = await m.query(`SELECT id, code FROM facilities WHERE kind = 'depot' ORDER BY code LIMIT 1`);
  const users: Array<{ id: string; role: string }> = await m.query(`SELECT id, role FROM users ORDER BY email`);
  const actor = (role: string) => users.find((u) => u.role === role)?.id ?? users[0]?.id ?? null;
  const partnerByCode = new Map(partners.map((p) => [p.code, p.id]));
  const unitByCode = new Map(units.map((u) => [u.code, u.id]));

  const rnd = prng(20_250_601);
  // its own sequence, so the handover days leave the rest of the demo fleet as it was
  const rndDelivered = prng(20_250_602);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const todayMs = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  const day = (offset: number) => new Date(todayMs - offset * DAY_MS).toISOString().slice(0, 10);
  // a fixed share of systems come from the demo partner account's country (LV), so its view is not empty
  const donors = ['LV', 'DE', 'FR', 'PL', 'DK', 'SE', 'NO', 'CZ', 'IT', 'SK', 'LT', 'EE'].filter((c) =>
    partnerByCode.has(c),
  );

  interface Plan {
    id?: string;
    modelId: string;
    serial: string;
    donorId: string;
    unitId: string | null;
    facilityId: string | null;
    status: SystemStatus;
    /** days ago: registered (first usage), last status change, last usage day (0 = today) */
    registered: number;
    changed: number;
    lastUsage: number;
    priorTotal: number;
    priorBarrel: number;
    rate: number;
    activity: number;
    efcPerRound: number;
    barrelSerial: string;
    reason: string | null;
    /** days ago it was handed over */
    delivered: number;
  }
  const plans: Plan[] = [];
  let n = 0;
  for (const model of models) {
    const prefix = serialPrefix(model.designation);
    for (let i = 1; i <= PER_MODEL; i++, n++) {
      const status = STATUS_PATTERN[n % STATUS_PATTERN.length];
      const donorCode = rnd() < 0.35 && partnerByCode.has(model.origin) ? model.origin : donors[n % donors.length];
      const unitCode = pick(UNITS_BY_KIND[model.kind] ?? units.map((u) => u.code));
      const registered = rnd() < 0.8 ? USAGE_DAYS - 1 : 40 + Math.floor(rnd() * 120);
      const changed = status === 'operational' ? registered : 2 + Math.floor(rnd() * Math.min(45, registered - 1));
      // no usage while in the workshop, waiting for parts, moving or after the write-off
      const lastUsage = ['operational', 'degraded'].includes(status)
        ? rnd() < 0.85
          ? 0
          : 1 + Math.floor(rnd() * 5)
        : changed + 1;
      const life = model.barrel_life_efc;
      const activeDays = Math.max(1, registered - lastUsage + 1);
      // one system in eight ends close to its barrel's life (and so has a near forecast)
      const targetWear = rnd() < 0.125 ? 0.82 + rnd() * 0.14 : 0.06 + rnd() * 0.66;
      const rate = Math.min(life * (0.0006 + rnd() * 0.0035), (targetWear * life * 0.8) / activeDays);
      const priorBarrel = Math.round(Math.max(0, targetWear * life - rate * activeDays));
      const priorTotal = priorBarrel + (rnd() < 0.3 ? Math.round(life * (0.5 + rnd())) : 0);
      plans.push({
        modelId: model.id,
        serial: `${prefix}-${String(i).padStart(4, '0')}`,
        donorId: partnerByCode.get(donorCode) ?? partners[0].id,
        unitId: status === 'written_off' ? null : (unitByCode.get(unitCode) ?? null),
        facilityId:
          status === 'in_repair' || status === 'awaiting_parts'
            ? (workshops[n % Math.max(1, workshops.length)]?.id ?? null)
            : status === 'in_transit'
              ? (depot?.id ?? null)
              : null,
        status,
        registered,
        changed,
        lastUsage,
        priorTotal,
        priorBarrel,
        rate,
        activity: 0.35 + rnd() * 0.55,
        efcPerRound: 0.5 + rnd() * 0.5,
        barrelSerial: `B${prefix}-${String(1000 + n * 7).padStart(5, '0')}`,
        reason: status === 'operational' ? null : pick(REASONS[status] ?? ['Status changed']),
        delivered: registered + Math.floor(rndDelivered() * (registered >= USAGE_DAYS - 1 ? 200 : 14)),
      });
    }
  }

  const params: unknown[] = [];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const values = plans.map(
    (p) =>
      `(${[
        add(p.modelId),
        add(p.serial),
        add(p.donorId),
        add(p.unitId),
        add(p.facilityId),
        add(p.status),
        `${add(day(p.changed))}::date + time '${p.status === 'operational' ? '08:00' : '09:30'}'`,
        add(p.priorTotal),
        add(p.priorBarrel),
        add(p.barrelSerial),
        `${add(day(p.registered))}::date + time '08:00'`,
        `${add(day(p.delivered))}::date`,
      ].join(', ')})`,
  );
  const inserted: Array<{ id: string; serial_number: string; model_id: string }> = await m.query(
    `INSERT INTO systems (model_id, serial_number, donor_partner_id, unit_id, facility_id, status, status_changed_at,
                          total_efc, barrel_efc, barrel_serial, created_at, delivered_on)
     VALUES ${values.join(', ')} RETURNING id, serial_number, model_id`,
    params,
  );
  const idOf = new Map(inserted.map((r) => [`${r.model_id}/${r.serial_number}`, r.id]));
  for (const p of plans) p.id = idOf.get(`${p.modelId}/${p.serial}`);
  const ids = plans.map((p) => p.id as string);

  // status history: the registration, and the change into the current status
  const logistics = actor('logistics');
  const workshop = actor('workshop');
  await m.query(
    `INSERT INTO system_status_history (system_id, from_status, to_status, reason, actor_id, at)
     SELECT x.id, NULL, 'operational', 'registered', $3::uuid, s.created_at
       FROM unnest($1::uuid[]) AS x(id) JOIN systems s ON s.id = x.id
     UNION ALL
     SELECT x.id, 'operational', s.status, x.reason, $4::uuid, s.status_changed_at
       FROM unnest($1::uuid[], $2::text[]) AS x(id, reason) JOIN systems s ON s.id = x.id WHERE x.reason IS NOT NULL`,
    [ids, plans.map((p) => p.reason), logistics, workshop],
  );

  // six months of usage: on each active day the system fires with its own probability and volume
  await m.query(`SELECT setseed(0.31)`);
  await m.query(
    `INSERT INTO usage_reports (system_id, date, rounds, efc, reported_by, created_at)
     SELECT x.id, d.day, r.rounds, round((r.rounds * x.efc_per_round)::numeric, 2), $8::uuid, d.day + time '19:00'
       FROM unnest($1::uuid[], $2::int[], $3::int[], $4::float8[], $5::float8[], $6::float8[])
            AS x(id, first_ago, last_ago, rate, activity, efc_per_round)
       CROSS JOIN LATERAL generate_series(($7::date - x.first_ago)::timestamp, ($7::date - x.last_ago)::timestamp,
                                          interval '1 day') AS g(ts)
       -- per day (the subquery reads g, and volatile output keeps PostgreSQL from folding it into the scan of x)
       CROSS JOIN LATERAL (SELECT g.ts::date AS day, random() AS fire, random() AS size) d
       CROSS JOIN LATERAL (
             SELECT greatest(1, round(x.rate / x.activity * (0.4 + 1.2 * d.size) / x.efc_per_round))::int AS rounds) r
      WHERE d.fire < x.activity`,
    [
      ids,
      plans.map((p) => p.registered),
      plans.map((p) => p.lastUsage),
      plans.map((p) => p.rate),
      plans.map((p) => p.activity),
      plans.map((p) => p.efcPerRound),
      day(0),
      logistics,
    ],
  );

  // the counters: what was fired before the reports plus the reports' sums
  await m.query(
    `UPDATE systems s SET total_efc = s.total_efc + u.efc, barrel_efc = s.barrel_efc + u.efc
       FROM (SELECT system_id, sum(efc) AS efc FROM usage_reports WHERE system_id = ANY($1::uuid[])
              GROUP BY system_id) u
      WHERE s.id = u.system_id`,
    [ids],
  );

  // barrel changes on a few busy operational systems: the counter restarts with what was fired since
  const changedBarrels = plans
    .filter((p) => p.status === 'operational' && p.registered > 100)
    .sort((a, b) => b.rate - a.rate)
    .slice(0, 3);
  for (const [k, p] of changedBarrels.entries()) {
    const at = day(30 + k * 17);
    const newSerial = `${p.barrelSerial}-R${k + 1}`;
    await m.query(
      `WITH before AS (SELECT coalesce(sum(efc), 0) AS efc FROM usage_reports WHERE system_id = $1 AND date < $2::date),
            since AS (SELECT coalesce(sum(efc), 0) AS efc FROM usage_reports WHERE system_id = $1 AND date >= $2::date),
            s AS (SELECT total_efc, barrel_efc, barrel_serial FROM systems WHERE id = $1),
            ins AS (
              INSERT INTO barrel_changes (system_id, old_barrel_serial, new_barrel_serial, barrel_efc_at_change,
                                          total_efc_at_change, actor_id, at)
              SELECT $1::uuid, s.barrel_serial, $3::text, s.barrel_efc - since.efc, s.total_efc - since.efc, $4::uuid,
                     $2::date + time '12:00'
                FROM s, since)
       UPDATE systems SET barrel_efc = (SELECT efc FROM since), barrel_serial = $3 WHERE id = $1`,
      [p.id, at, newSerial, workshop],
    );
  }
}
