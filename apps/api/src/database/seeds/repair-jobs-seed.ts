import type { RepairJobKindValue, RepairJobPriorityValue } from '@jv/contracts';
import {
  formatJobNumber,
  repairJobDueDays,
  repairJobPriorityRank,
  type RepairJobStatus,
  type SystemStatus,
  systemStatusForJob,
} from '@jv/domain';
import type { EntityManager } from 'typeorm';
import { changeSystemStatus } from '../../modules/systems/system-status';

/*
 * Demo repair jobs at the two repair workshops, on top of the demo systems:
 * - every system the systems seed left in_repair / awaiting_parts gets an open job, in states cycling
 *   through reported → quality_check (the system's status follows the job's state, as the API would);
 * - ~4 months of completed and cancelled jobs on operational systems, with transitions at realistic
 *   times (so turnaround and time awaiting parts mean something), barrel changes among them;
 * - work logs by the demo workshop users and three invented technicians per workshop, the sign-off by a
 *   colleague who logged no work (four eyes), parts used from compatible components;
 * - number_sequences advanced to the last number of each year; preventive plans for four models
 *   (their intervals are not yet due, so the daily scheduler leaves the demo fleet alone at first).
 * Does nothing when there are no systems or no workshop accounts. Everything is invented.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const HISTORY_JOBS_PER_WORKSHOP = 28;
const HISTORY_DAYS = 120;

/** Invented technicians, three per workshop (workshop index → names). */
const TECHNICIANS: ReadonlyArray<ReadonlyArray<[emailLocal: string, displayName: string]>> = [
  [
    ['tech1.ws1', 'Технік-механік 1, майстерня №1 (демо)'],
    ['tech2.ws1', 'Технік-гідравлік 2, майстерня №1 (демо)'],
    ['tech3.ws1', 'Технік-електрик 3, майстерня №1 (демо)'],
  ],
  [
    ['tech1.ws2', 'Технік-механік 1, майстерня №2 (демо)'],
    ['tech2.ws2', 'Технік-гідравлік 2, майстерня №2 (демо)'],
    ['tech3.ws2', 'Технік-електрик 3, майстерня №2 (демо)'],
  ],
];

/** Preventive plans (model designation prefix, name, days, EFC). */
const PLANS: ReadonlyArray<[designation: string, name: string, days: number | null, efc: number | null]> = [
  ['TH-155/52', 'Annual technical service (TH-155)', 365, 3000],
  ['SPH-155/52W', 'Annual technical service (SPH-155W)', 365, 3000],
  ['MRL-122/40', 'Launcher annual inspection', 365, null],
  ['MT-120', 'Mortar annual inspection', 365, 9000],
];

const FAULTS: Record<RepairJobKindValue, string[]> = {
  corrective: [
    'Recoil buffer leaking after firing',
    'Elevation drive jerks under load',
    'Gun layer display blank',
    'Hydraulic pressure drops overnight',
    'Breech does not close fully',
  ],
  battle_damage: [
    'Shrapnel damage to the cradle and hoses',
    'Wheel and suspension hit by fragments',
    'Fire control cabling cut by fragments',
  ],
  overhaul: ['Scheduled overhaul after the winter campaign', 'Major overhaul of the recoil system'],
  barrel_change: ['Barrel at end of life, bore erosion measured', 'Barrel change: bore wear over limit'],
  preventive: ['Periodic technical service', 'Seasonal service before the summer campaign'],
};
const DIAGNOSES = [
  'Worn seals confirmed, parts ordered',
  'Damaged hose and connector',
  'Faulty module replaced from stock',
  'Wear within limits after adjustment',
  'Bearing replacement needed',
];
const NOTES = [
  'Disassembly and inspection',
  'Replaced seals and refilled fluid',
  'Test firing preparation',
  'Wiring repaired and tested',
  'Adjusted and greased',
  'Parts fitted, pressure test passed',
];

interface SeedJob {
  facilityIdx: number;
  facilityId: string;
  systemId: string;
  modelId: string;
  kind: RepairJobKindValue;
  priority: RepairJobPriorityValue;
  fault: string;
  diagnosis: string | null;
  statusBefore: SystemStatus;
  moves: Array<{ to: RepairJobStatus; at: number; actor: string; comment: string | null }>;
  technicianIds: string[];
  logs: Array<{ technicianId: string; date: string; hours: number; note: string }>;
  parts: Array<{ componentId: string; quantity: number }>;
  planId: string | null;
  newBarrelSerial: string | null;
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

/** Demo repair jobs in every state at both workshops (see above). */
export async function seedRepairJobsDemo(m: EntityManager): Promise<void> {
  const [{ n: systemCount }] = await m.query(`SELECT count(*)::int AS n FROM systems`);
  if (systemCount === 0) return;
  const leads: Array<{ id: string; facility_id: string; password_hash: string }> = await m.query(
    `SELECT u.id, u.facility_ids[1] AS facility_id, u.password_hash FROM users u
      WHERE u.email IN ('workshop@jv.example', 'workshop2@jv.example') AND u.role = 'workshop'
      -- workshop No. 1 first: its technicians are tech*.ws1 ('workshop2@' sorts before 'workshop@' by email)
      ORDER BY array_position(ARRAY['workshop@jv.example', 'workshop2@jv.example']::text[], u.email)`,
  );
  if (leads.length < 2) return;
  const rnd = prng(20_250_917);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const between = (a: number, b: number) => a + rnd() * (b - a);
  const now = Math.floor(Date.now() / HOUR) * HOUR - HOUR;

  // technicians: the demo workshop user and three invented colleagues per workshop
  const teams: string[][] = [];
  for (const [i, lead] of leads.entries()) {
    const rows = await insertRows(
      m,
      'users',
      ['email', 'display_name', 'role', 'locale', 'facility_ids', 'password_hash'],
      TECHNICIANS[i].map(([local, name]) => [
        `${local}@jv.example`,
        name,
        'workshop',
        'uk',
        [lead.facility_id],
        lead.password_hash,
      ]),
      'id',
    );
    teams.push([lead.id, ...rows.map((r) => r['id'])]);
  }

  // preventive plans
  const models: Array<{ id: string; designation: string }> = await m.query(`SELECT id, designation FROM system_models`);
  const planByModel = new Map<string, string>();
  for (const [prefix, name, days, efc] of PLANS) {
    const model = models.find((x) => x.designation.startsWith(prefix));
    if (!model) continue;
    const [row] = await insertRows(
      m,
      'preventive_plans',
      ['model_id', 'name', 'interval_days', 'interval_efc'],
      [[model.id, name, days, efc]],
      'id',
    );
    planByModel.set(model.id, row['id']);
  }

  const compatible: Array<{ model_id: string; component_id: string; category: string }> = await m.query(
    `SELECT csm.system_model_id AS model_id, csm.component_id, c.category
       FROM component_system_models csm JOIN components c ON c.id = csm.component_id
      ORDER BY c.part_number`,
  );
  const partsFor = (modelId: string, kind: RepairJobKindValue) => {
    const fit = compatible.filter((c) => c.model_id === modelId);
    const out: SeedJob['parts'] = [];
    const barrel = fit.find((c) => c.category === 'barrel');
    if (kind === 'barrel_change' && barrel) out.push({ componentId: barrel.component_id, quantity: 1 });
    const others = fit.filter((c) => c.category !== 'barrel');
    for (let k = Math.floor(rnd() * 3); k > 0 && others.length; k--) {
      const c = pick(others);
      if (!out.some((p) => p.componentId === c.component_id))
        out.push({ componentId: c.component_id, quantity: 1 + Math.floor(rnd() * 4) });
    }
    return out;
  };

  /** Work logs by 1–2 of the team across [from, to], and a signer who logged none. */
  const work = (team: string[], from: number, to: number) => {
    const loggers = [pick(team)];
    if (rnd() < 0.5) {
      const second = pick(team);
      if (!loggers.includes(second)) loggers.push(second);
    }
    const logs: SeedJob['logs'] = [];
    const count = 1 + Math.floor(rnd() * 4);
    for (let k = 0; k < count; k++) {
      const at = Math.min(between(from, to), now);
      logs.push({
        technicianId: loggers[k % loggers.length],
        date: dateOf(at),
        hours: Math.round(between(1, 8) * 4) / 4,
        note: pick(NOTES),
      });
    }
    const signer = team.find((u) => !loggers.includes(u)) as string;
    return { loggers, logs, signer };
  };

  const jobs: SeedJob[] = [];
  const statusUpdates: Array<{ systemId: string; to: SystemStatus; at: number; job: SeedJob }> = [];

  // 1. open jobs for the systems in repair or waiting for parts at the workshops
  const inShop: Array<{
    id: string;
    model_id: string;
    facility_id: string;
    status: SystemStatus;
    changed: Date;
    reason: string | null;
  }> = await m.query(
    `SELECT s.id, s.model_id, s.facility_id, s.status, s.status_changed_at AS changed,
            (SELECT h.reason FROM system_status_history h WHERE h.system_id = s.id
              ORDER BY h.at DESC, h.id DESC LIMIT 1) AS reason
       FROM systems s WHERE s.status IN ('in_repair', 'awaiting_parts') AND s.facility_id = ANY($1::uuid[])
      ORDER BY s.facility_id, s.status DESC, s.status_changed_at, s.id`,
    [leads.map((l) => l.facility_id)],
  );
  const OPEN_CYCLE: RepairJobStatus[] = ['awaiting_parts', 'in_repair', 'reported', 'quality_check', 'diagnosing'];
  const seen = new Map<string, number>();
  for (const s of inShop) {
    const f = leads.findIndex((l) => l.facility_id === s.facility_id);
    const k = seen.get(s.facility_id) ?? 0;
    seen.set(s.facility_id, k + 1);
    const state = OPEN_CYCLE[k % OPEN_CYCLE.length];
    const team = teams[f];
    const opened = Math.min(new Date(s.changed).getTime(), now - 6 * HOUR);
    const kind: RepairJobKindValue = k % 7 === 3 ? 'battle_damage' : k % 7 === 5 ? 'barrel_change' : 'corrective';
    const path: RepairJobStatus[] = {
      reported: [],
      diagnosing: ['diagnosing'],
      in_repair: ['diagnosing', 'in_repair'],
      awaiting_parts: ['diagnosing', 'in_repair', 'awaiting_parts'],
      quality_check: ['diagnosing', 'in_repair', 'quality_check'],
      completed: [],
      cancelled: [],
    }[state] as RepairJobStatus[];
    const span = now - opened;
    const moves: SeedJob['moves'] = [{ to: 'reported', at: opened, actor: team[0], comment: null }];
    path.forEach((to, i) =>
      moves.push({ to, at: opened + span * 0.9 * ((i + 1) / (path.length + 1)), actor: pick(team), comment: null }),
    );
    const repairStart = moves.find((x) => x.to === 'in_repair')?.at;
    const w = repairStart
      ? work(team, repairStart, moves[moves.length - 1].to === 'in_repair' ? now : moves[moves.length - 1].at)
      : null;
    const job: SeedJob = {
      facilityIdx: f,
      facilityId: s.facility_id,
      systemId: s.id,
      modelId: s.model_id,
      kind,
      priority: k % 3 === 0 ? 'urgent' : k % 3 === 1 ? 'priority' : 'routine',
      fault: s.reason && s.reason.length >= 3 ? s.reason : pick(FAULTS[kind]),
      diagnosis: path.length > 1 ? pick(DIAGNOSES) : null,
      statusBefore: 'operational',
      moves,
      technicianIds: w ? w.loggers : [team[1]],
      logs: w ? w.logs : [],
      parts: repairStart ? partsFor(s.model_id, kind) : [],
      planId: null,
      newBarrelSerial: null,
    };
    jobs.push(job);
    const target = systemStatusForJob(state, 'operational');
    if (target !== s.status) statusUpdates.push({ systemId: s.id, to: target, at: moves[moves.length - 1].at, job });
  }

  // 2. closed jobs over the last months on operational systems (one per system)
  const pool: Array<{ id: string; model_id: string; created: Date; barrel_changed: boolean }> = await m.query(
    `SELECT s.id, s.model_id, s.created_at AS created,
            EXISTS (SELECT 1 FROM barrel_changes b WHERE b.system_id = s.id) AS barrel_changed
       FROM systems s
      WHERE s.status = 'operational' AND s.created_at < now() - interval '${HISTORY_DAYS + 10} days'
      ORDER BY s.serial_number, s.id`,
  );
  const candidates = pool.filter((_, i) => i % 2 === 0).concat(pool.filter((_, i) => i % 2 === 1));
  const barrelJobs = new Set<number>();
  let next = 0;
  for (let f = 0; f < leads.length; f++) {
    const team = teams[f];
    for (let k = 0; k < HISTORY_JOBS_PER_WORKSHOP && next < candidates.length; k++) {
      const s = candidates[next++];
      const cancelled = k % 7 === 6;
      const kind: RepairJobKindValue =
        k % 9 === 4 && !s.barrel_changed
          ? 'barrel_change'
          : k % 6 === 1 && planByModel.has(s.model_id)
            ? 'preventive'
            : pick(['corrective', 'corrective', 'battle_damage', 'overhaul'] as const);
      const priority: RepairJobPriorityValue =
        kind === 'preventive' ? 'routine' : pick(['urgent', 'priority', 'priority', 'routine'] as const);
      const opened = now - between(12, HISTORY_DAYS) * DAY;
      const moves: SeedJob['moves'] = [{ to: 'reported', at: opened, actor: team[0], comment: null }];
      let t = opened + between(2, 20) * HOUR;
      moves.push({ to: 'diagnosing', at: t, actor: pick(team), comment: null });
      let w: ReturnType<typeof work> | null = null;
      if (cancelled) {
        t += between(4, 48) * HOUR;
        moves.push({
          to: 'cancelled',
          at: t,
          actor: team[0],
          comment: pick([
            'Unit recalled the system to the front',
            'Duplicate report, fault not confirmed',
            'Sent to the manufacturer instead',
          ]),
        });
      } else {
        const waits = kind === 'barrel_change' || rnd() < 0.45;
        t += between(6, 36) * HOUR;
        if (waits) {
          moves.push({ to: 'awaiting_parts', at: t, actor: pick(team), comment: 'Parts requested from the depot' });
          t += between(2, 14) * DAY;
        }
        moves.push({ to: 'in_repair', at: t, actor: pick(team), comment: null });
        const repairStart = t;
        t += between(1, 9) * DAY;
        moves.push({ to: 'quality_check', at: t, actor: pick(team), comment: null });
        w = work(team, repairStart, t);
        t += between(3, 30) * HOUR;
        moves.push({ to: 'completed', at: t, actor: w.signer, comment: 'Checked and signed off' });
      }
      if (t > now - HOUR) continue;
      const job: SeedJob = {
        facilityIdx: f,
        facilityId: leads[f].facility_id,
        systemId: s.id,
        modelId: s.model_id,
        kind,
        priority,
        fault: pick(FAULTS[kind]),
        diagnosis: cancelled ? null : pick(DIAGNOSES),
        statusBefore: 'operational',
        moves,
        technicianIds: w ? w.loggers : [],
        logs: w ? w.logs : [],
        parts: w ? partsFor(s.model_id, kind) : [],
        planId: kind === 'preventive' ? (planByModel.get(s.model_id) ?? null) : null,
        newBarrelSerial: null,
      };
      if (kind === 'barrel_change' && !cancelled) barrelJobs.add(jobs.length);
      jobs.push(job);
    }
  }

  // numbers in opening order, per year
  const byOpening = [...jobs].sort((a, b) => a.moves[0].at - b.moves[0].at);
  const lastOfYear = new Map<number, number>();
  for (const j of byOpening) {
    const year = new Date(j.moves[0].at).getUTCFullYear();
    const seq = (lastOfYear.get(year) ?? 0) + 1;
    lastOfYear.set(year, seq);
    j.number = formatJobNumber(year, seq);
  }
  for (const idx of barrelJobs) jobs[idx].newBarrelSerial = `BNEW-${(jobs[idx].number as string).slice(3)}`;

  const status = (j: SeedJob) => j.moves[j.moves.length - 1].to;
  const closedAt = (j: SeedJob) =>
    ['completed', 'cancelled'].includes(status(j)) ? iso(j.moves[j.moves.length - 1].at) : null;
  const inserted = await insertRows(
    m,
    'repair_jobs',
    [
      'number',
      'facility_id',
      'system_id',
      'kind',
      'priority',
      'priority_rank',
      'status',
      'reported_fault',
      'diagnosis',
      'technician_ids',
      'system_status_before',
      'opened_at',
      'due_at',
      'closed_at',
      'opened_by',
      'preventive_plan_id',
      'new_barrel_serial',
      'version',
      'created_at',
      'updated_at',
    ],
    byOpening.map((j) => [
      j.number,
      j.facilityId,
      j.systemId,
      j.kind,
      j.priority,
      repairJobPriorityRank[j.priority],
      status(j),
      j.fault,
      j.diagnosis,
      j.technicianIds,
      j.statusBefore,
      iso(j.moves[0].at),
      iso(j.moves[0].at + repairJobDueDays[j.priority] * DAY),
      closedAt(j),
      j.moves[0].actor,
      j.planId,
      j.newBarrelSerial,
      j.moves.length,
      iso(j.moves[0].at),
      iso(j.moves[j.moves.length - 1].at),
    ]),
    'id, number',
  );
  const idByNumber = new Map(inserted.map((r) => [r['number'], r['id']]));
  for (const j of jobs) j.id = idByNumber.get(j.number as string);

  await insertRows(
    m,
    'repair_job_transitions',
    ['job_id', 'from_status', 'to_status', 'comment', 'actor_id', 'at'],
    jobs.flatMap((j) =>
      j.moves.map((mv, i) => [j.id, i === 0 ? null : j.moves[i - 1].to, mv.to, mv.comment, mv.actor, iso(mv.at)]),
    ),
  );
  await insertRows(
    m,
    'work_logs',
    ['job_id', 'technician_id', 'date', 'hours', 'note', 'created_at'],
    jobs.flatMap((j) => j.logs.map((l) => [j.id, l.technicianId, l.date, l.hours, l.note, `${l.date}T18:00:00Z`])),
  );
  await insertRows(
    m,
    'parts_used',
    ['job_id', 'component_id', 'quantity', 'recorded_by', 'created_at'],
    jobs.flatMap((j) =>
      j.parts.map((p) => [
        j.id,
        p.componentId,
        p.quantity,
        j.technicianIds[0] ?? j.moves[0].actor,
        iso(j.moves[j.moves.length - 1].at),
      ]),
    ),
  );
  for (const [year, last] of lastOfYear) {
    await m.query(
      `INSERT INTO number_sequences (name, year, last_value) VALUES ('RJ', $1, $2)
                   ON CONFLICT (name, year)
                   DO UPDATE SET last_value = greatest(number_sequences.last_value, EXCLUDED.last_value)`,
      [year, last],
    );
  }

  // the systems' side: status history of closed jobs, the open jobs' states, barrel changes
  const history: unknown[][] = [];
  for (const j of jobs) {
    const s = status(j);
    if (s !== 'completed' && s !== 'cancelled') continue;
    let current: SystemStatus = j.statusBefore;
    for (const mv of j.moves) {
      const target = systemStatusForJob(mv.to, j.statusBefore);
      if (target !== current) history.push([j.systemId, current, target, j.number, mv.actor, iso(mv.at)]);
      current = target;
    }
  }
  await insertRows(
    m,
    'system_status_history',
    ['system_id', 'from_status', 'to_status', 'reason', 'actor_id', 'at'],
    history,
  );
  // an open job's system follows the job's state: changed as the API does, through the systems module
  // (history and audit rows)
  for (const u of statusUpdates) {
    await changeSystemStatus(m, {
      systemId: u.systemId,
      status: u.to,
      reason: u.job.number as string,
      actorId: u.job.moves[u.job.moves.length - 1].actor,
      auditActor: { id: null, email: 'demo-seed' },
      at: new Date(u.at),
    });
  }
  const closedSystems = jobs.filter((j) => closedAt(j));
  await m.query(
    `UPDATE systems s SET status_changed_at = greatest(s.status_changed_at, x.at)
       FROM unnest($1::uuid[], $2::timestamptz[]) AS x(id, at) WHERE s.id = x.id`,
    [closedSystems.map((j) => j.systemId), closedSystems.map((j) => closedAt(j))],
  );
  for (const idx of barrelJobs) {
    const j = jobs[idx];
    const at = j.moves[j.moves.length - 1];
    await m.query(
      `WITH since AS (SELECT coalesce(sum(efc), 0) AS efc FROM usage_reports WHERE system_id = $1 AND date >= $2::date),
            s AS (SELECT total_efc, barrel_efc, barrel_serial FROM systems WHERE id = $1),
            ins AS (
              INSERT INTO barrel_changes (system_id, old_barrel_serial, new_barrel_serial, barrel_efc_at_change,
                                          total_efc_at_change, repair_job_id, actor_id, at)
              SELECT $1::uuid, s.barrel_serial, $3::text, greatest(s.barrel_efc - since.efc, 0),
                     s.total_efc - since.efc, $4::uuid, $5::uuid, $6::timestamptz
                FROM s, since)
       UPDATE systems SET barrel_efc = least((SELECT efc FROM since), total_efc), barrel_serial = $3 WHERE id = $1`,
      [j.systemId, dateOf(at.at), j.newBarrelSerial, j.id, at.actor, iso(at.at)],
    );
  }
}
