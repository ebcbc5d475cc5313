#!/usr/bin/env node
// Fills a JV Tracker database with production-scale data for the list benchmarks (tools/scale/bench.mjs).
//
//   DATABASE_URL=postgres://postgres:jv-embedded@127.0.0.1:54400/jv_tracker \
//     node tools/scale/generate.mjs [--scale 0.01]
//
// The database must already be migrated and seeded with the demo data (start the app on it once): the
// generated rows reference the demo partners, models, units, repair workshops, workshop users and
// components. Component requests (with their moves and deliveries) and the partners' monthly supply plans
// come on top. Everything is generated server-side (INSERT … SELECT … FROM generate_series) in one
// transaction, chunked for progress; a failure leaves nothing behind. Generated systems carry serials
// `SC-nnnnnn`; a second run is refused unless --force, which first deletes the previous generated rows.
import { parseArgs } from 'node:util';
import pg from 'pg';

const HELP = `Usage: DATABASE_URL=… node tools/scale/generate.mjs [options]

  --systems N         systems to create                      (default 20000)
  --usage-reports N   usage reports, ≤ 1 per system and day  (default 2000000)
  --jobs N            repair jobs (≤ 1 open per system)       (default 300000)
  --work-logs N       work logs over the jobs that were worked (default 3000000)
  --requests N        component requests                     (default 300000)
  --deliveries N      deliveries over the requests that received any (default 600000; about that many)
  --scale F           multiplies every count above (e.g. 0.01 for a trial run; default 1)
  --open-share F      share of systems whose last job is still open (default 0.04)
  --usage-days N      usage reports spread over the last N days (default 730)
  --job-days N        jobs spread over the last N days (default: 730, more when a year would pass
                      RJ-YYYY-99999 at the given job count)
  --request-days N    requests spread over the last N days (default: 730, more when a year would pass
                      CR-YYYY-99999 at the given request count)
  --plan-months N     months of supply plans per partner, up to this month (default 24; not scaled)
  --personnel N       personnel (service number SX-nnnnnn)   (default 100000)
  --cohorts N         cohorts at generated training bases    (default 10000)
  --enrollments N     enrollments, ≤ 1 per person and slot    (default 300000)
  --training-days N   cohorts spread over the last N days, plus 182 days ahead (default 1460)
  --chunk N           rows per INSERT statement (default 200000)
  --force             delete the rows of a previous run (SC- systems and everything hanging off them) first
  --no-vacuum         skip VACUUM (ANALYZE) at the end (ANALYZE still runs)
`;

const { values: args } = parseArgs({
  options: {
    systems: { type: 'string', default: '20000' },
    'usage-reports': { type: 'string', default: '2000000' },
    jobs: { type: 'string', default: '300000' },
    'work-logs': { type: 'string', default: '3000000' },
    requests: { type: 'string', default: '300000' },
    deliveries: { type: 'string', default: '600000' },
    'request-days': { type: 'string' },
    'plan-months': { type: 'string', default: '24' },
    personnel: { type: 'string', default: '100000' },
    cohorts: { type: 'string', default: '10000' },
    enrollments: { type: 'string', default: '300000' },
    'training-days': { type: 'string', default: '1460' },
    scale: { type: 'string', default: '1' },
    'open-share': { type: 'string', default: '0.04' },
    'usage-days': { type: 'string', default: '730' },
    'job-days': { type: 'string' },
    chunk: { type: 'string', default: '200000' },
    force: { type: 'boolean', default: false },
    'no-vacuum': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});
if (args.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

function num(name, { min = 0, integer = true } = {}) {
  const v = Number(args[name]);
  if (!Number.isFinite(v) || v < min || (integer && !Number.isInteger(v))) {
    console.error(`--${name}: expected ${integer ? 'an integer' : 'a number'} ≥ ${min}, got ${args[name]}`);
    process.exit(2);
  }
  return v;
}
const scale = num('scale', { integer: false });
if (scale <= 0 || scale > 10) {
  console.error('--scale must be in (0, 10]');
  process.exit(2);
}
const scaled = (name) => Math.max(1, Math.round(num(name) * scale));
const N_SYSTEMS = scaled('systems');
const N_USAGE = scaled('usage-reports');
const N_JOBS = scaled('jobs');
const N_WORK_LOGS = scaled('work-logs');
const N_REQUESTS = scaled('requests');
const N_DELIVERIES = scaled('deliveries');
const PLAN_MONTHS = Math.min(120, num('plan-months', { min: 1 }));
const N_PERSONNEL = scaled('personnel');
const N_COHORTS = scaled('cohorts');
const N_ENROLLMENTS = scaled('enrollments');
const TRAINING_DAYS = num('training-days', { min: 14 });
/** Cohorts run inside 14-day slots: cohorts of different slots never overlap, so one enrollment per person and slot */
const SLOT_DAYS = 14;
/** seats of a generated course and cohort; a generated base holds BASE_COHORTS such cohorts at once */
const COHORT_SEATS = 40;
const BASE_COHORTS = 6;
const OPEN_SHARE = num('open-share', { integer: false });
const CHUNK = Math.max(1000, num('chunk'));
let USAGE_DAYS = num('usage-days', { min: 1 });
// RJ-YYYY-NNNNN has five digits: spread the jobs over enough years to stay under 99,999 per year
const JOB_DAYS = args['job-days'] ? num('job-days', { min: 1 }) : Math.max(730, Math.ceil(N_JOBS / 80_000) * 365);
const SEQUENCE_NAME = 'RJ'; // the name openRepairJob() uses in number_sequences
// CR-YYYY-NNNNN likewise
const REQUEST_DAYS = args['request-days']
  ? num('request-days', { min: 1 })
  : Math.max(730, Math.ceil(N_REQUESTS / 80_000) * 365);
/** generated requests carry this justification (and --force finds them by it) */
const REQUEST_NOTE = 'Stock replenishment (generated)';
const GEN_LOCK = 74_610_777;

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is required (a migrated database with the demo seed). See tools/scale/README.md.');
  process.exit(2);
}

const client = new pg.Client({ connectionString: url, application_name: 'jv-scale-generate' });
const t0 = performance.now();
const secs = (from) => ((performance.now() - from) / 1000).toFixed(1);
const fmt = (n) => n.toLocaleString('en-US');
const log = (msg) => console.log(`[${secs(t0).padStart(6)}s] ${msg}`);

/** Runs `stmt(from, to)` over [0, total) in chunks, printing progress; returns the rows inserted. */
async function chunked(label, total, stmt, chunk = CHUNK) {
  const start = performance.now();
  let inserted = 0;
  for (let from = 0; from < total; from += chunk) {
    const to = Math.min(total, from + chunk);
    const r = await stmt(from, to);
    inserted += r.rowCount ?? 0;
    const rate = inserted / Math.max(0.001, (performance.now() - start) / 1000);
    log(`  ${label}: ${fmt(to)}/${fmt(total)} (${Math.round((to / total) * 100)}%), ${fmt(Math.round(rate))} rows/s`);
  }
  return inserted;
}

const timings = [];
async function step(table, fn) {
  const start = performance.now();
  log(`${table} …`);
  const rows = await fn();
  const s = Number(secs(start));
  timings.push({ table, rows, seconds: s });
  log(`${table}: ${fmt(rows)} rows in ${s}s`);
}

/** When each move of a generated request happens, as a share of the request's span. */
const MOVE_AT = {
  draft: 0,
  submitted: 0.05,
  approved: 0.2,
  ordered: 0.35,
  shipped: 0.5,
  delivered: 1,
  rejected: 0.2,
  cancelled: 0.1,
};

async function main() {
  await client.connect();
  const q = (sql, params) => client.query(sql, params);

  const [{ ok }] = (
    await q(
      `SELECT to_regclass('public.repair_jobs') IS NOT NULL AND to_regclass('public.usage_reports') IS NOT NULL AS ok`,
    )
  ).rows;
  if (!ok) throw new Error('The schema is missing: start the app once on this database (it migrates and seeds it).');

  // ---- reference data (demo seed) ------------------------------------------------------------------
  const models = (await q(`SELECT id, barrel_life_efc FROM system_models ORDER BY designation`)).rows;
  const partners = (await q(`SELECT id FROM partners WHERE role <> 'host' ORDER BY code`)).rows;
  const units = (await q(`SELECT id FROM units ORDER BY code`)).rows;
  const workshops = (await q(`SELECT id, code FROM facilities WHERE kind = 'repair_workshop' ORDER BY code`)).rows;
  const workshopUsers = (
    await q(`SELECT id, facility_ids FROM users WHERE role = 'workshop' AND active ORDER BY email`)
  ).rows;
  const [admin] = (await q(`SELECT id FROM users WHERE role = 'admin' AND active ORDER BY email LIMIT 1`)).rows;
  const logisticsUsers = (await q(`SELECT id FROM users WHERE role = 'logistics' AND active ORDER BY email`)).rows;
  const destinations = (
    await q(`SELECT id FROM facilities WHERE kind IN ('repair_workshop', 'depot') ORDER BY kind DESC, code`)
  ).rows;
  const missing = [
    !models.length && 'system models',
    !partners.length && 'partners',
    !units.length && 'units',
    !workshops.length && 'repair workshops',
    !workshopUsers.length && 'workshop users',
    !admin && 'an admin user',
    !logisticsUsers.length && 'logistics users',
  ].filter(Boolean);
  if (missing.length)
    throw new Error(
      `Reference data missing (${missing.join(', ')}): seed the demo data first (first start of the app).`,
    );

  const [{ n: previous }] = (await q(`SELECT count(*)::int AS n FROM systems WHERE serial_number LIKE 'SC-%'`)).rows;
  if (previous > 0 && !args.force) {
    console.error(
      `This database already has ${fmt(previous)} generated systems (serial SC-…). ` +
        'Use --force to delete them and generate again.',
    );
    process.exitCode = 3;
    return;
  }

  const usagePerSystem = Math.ceil(N_USAGE / N_SYSTEMS);
  if (usagePerSystem > USAGE_DAYS) {
    USAGE_DAYS = usagePerSystem;
    log(`--usage-days raised to ${USAGE_DAYS}: ${usagePerSystem} reports per system need as many distinct days`);
  }
  const jobsPerSystem = Math.ceil(N_JOBS / N_SYSTEMS);
  log(
    `target: ${fmt(N_SYSTEMS)} systems, ` +
      `${fmt(N_USAGE)} usage reports (${usagePerSystem}/system over ${USAGE_DAYS} days), ` +
      `${fmt(N_JOBS)} jobs (${jobsPerSystem}/system over ${JOB_DAYS} days), ` +
      `${fmt(N_WORK_LOGS)} work logs, ${fmt(N_REQUESTS)} requests (over ${REQUEST_DAYS} days) with about ` +
      `${fmt(N_DELIVERIES)} deliveries, ${PLAN_MONTHS} months of supply plans; scale ${scale}`,
  );

  await q(`SET synchronous_commit = off`);
  await q(`SET work_mem = '64MB'`);
  await q(`SET statement_timeout = 0`);
  await q('BEGIN');
  await q('SELECT pg_advisory_xact_lock($1)', [GEN_LOCK]);

  if (previous > 0) {
    await step('delete previous run', async () => {
      const deliveries = await q(
        `DELETE FROM deliveries WHERE request_id IN (SELECT id FROM component_requests WHERE justification = $1)`,
        [REQUEST_NOTE],
      );
      const requests = await q(`DELETE FROM component_requests WHERE justification = $1`, [REQUEST_NOTE]);
      // generated plans name no editor (the API and the demo seed always do)
      const plans = await q(`DELETE FROM supply_plans WHERE updated_by IS NULL`);
      const jobs = await q(
        `DELETE FROM repair_jobs WHERE system_id IN (SELECT id FROM systems WHERE serial_number LIKE 'SC-%')`,
      );
      const systems = await q(`DELETE FROM systems WHERE serial_number LIKE 'SC-%'`);
      // training: generated cohorts (GX-…, with their enrollments), courses, bases (TB-GX-…), personnel (SX-…)
      const training = [];
      for (const sql of [
        `DELETE FROM qualifications WHERE cohort_id IN (SELECT id FROM cohorts WHERE code LIKE 'GX-%')`,
        `DELETE FROM cohorts WHERE code LIKE 'GX-%'`,
        `DELETE FROM courses WHERE code LIKE 'GX-%'`,
        `DELETE FROM facilities WHERE code LIKE 'TB-GX-%'`,
        `DELETE FROM personnel WHERE service_number LIKE 'SX-%'`,
      ])
        training.push(await q(sql));
      return [deliveries, requests, plans, jobs, systems, ...training].reduce((sum, r) => sum + (r.rowCount ?? 0), 0);
    });
  }

  // ---- reference tables for the session ------------------------------------------------------------
  await q(`CREATE TEMP TABLE ref_ws (n int PRIMARY KEY, id uuid, techs uuid[]) ON COMMIT DROP`);
  const allTechs = workshopUsers.map((u) => u.id);
  for (const [i, w] of workshops.entries()) {
    const here = workshopUsers.filter((u) => u.facility_ids.includes(w.id)).map((u) => u.id);
    await q(`INSERT INTO ref_ws VALUES ($1, $2, $3::uuid[])`, [i, w.id, here.length ? here : allTechs]);
  }
  await q(`CREATE TEMP TABLE ref_model_components ON COMMIT DROP AS
    SELECT csm.system_model_id AS model_id,
           (row_number() OVER (PARTITION BY csm.system_model_id ORDER BY c.part_number) - 1)::int AS idx,
           count(*) OVER (PARTITION BY csm.system_model_id)::int AS cnt, c.id AS component_id
      FROM component_system_models csm JOIN components c ON c.id = csm.component_id`);
  await q(`CREATE INDEX ON ref_model_components (model_id, idx)`);

  // ---- systems -----------------------------------------------------------------------------------
  await step('systems', async () => {
    await q(
      `CREATE TEMP TABLE scale_sys ON COMMIT DROP AS
      SELECT g - 1 AS n, gen_random_uuid() AS id,
             ($1::uuid[])[1 + (g - 1) % $2] AS model_id, ($3::int[])[1 + (g - 1) % $2] AS life,
             ($4::uuid[])[1 + floor(random() * $5)::int] AS donor,
             ($6::uuid[])[1 + floor(random() * $7)::int] AS unit_id,
             (g - 1) % $8 AS ws,
             0.1 + random() * 1.4 AS intensity,
             round((random() * 300)::numeric, 2) AS pre_efc,
             random() < $9 AS has_open,
             now() - make_interval(days => greatest($10::int, $11::int) + 30 + floor(random() * 200)::int) AS created_at
        FROM generate_series(1, $12::int) g`,
      [
        models.map((m) => m.id),
        models.length,
        models.map((m) => m.barrel_life_efc),
        partners.map((p) => p.id),
        partners.length,
        units.map((u) => u.id),
        units.length,
        workshops.length,
        OPEN_SHARE,
        USAGE_DAYS,
        JOB_DAYS,
        N_SYSTEMS,
      ],
    );
    await q(`ALTER TABLE scale_sys ADD PRIMARY KEY (n)`);
    await q(`CREATE UNIQUE INDEX ON scale_sys (id)`);
    await q(`ANALYZE scale_sys`);
    return chunked(
      'systems',
      N_SYSTEMS,
      (from, to) =>
        q(
          `
      INSERT INTO systems (id, model_id, serial_number, donor_partner_id, unit_id, facility_id, status,
                           status_changed_at, total_efc, barrel_efc, barrel_serial, notes, created_at, updated_at,
                           delivered_on)
      SELECT id, model_id, 'SC-' || lpad((n + 1)::text, 6, '0'), donor, unit_id, NULL, 'operational', created_at,
             pre_efc, pre_efc, 'SCB-' || lpad((n + 1)::text, 6, '0') || '-0', 'generated by tools/scale/generate.mjs',
             created_at, created_at, (created_at AT TIME ZONE 'UTC')::date
        FROM scale_sys WHERE n >= $1 AND n < $2 ORDER BY n`,
          [from, to],
        ),
      50_000,
    );
  });

  // ---- usage reports: system-major; report k of a system falls in day slot k (distinct days, ≤ today) --
  await step('usage_reports', async () => {
    const spacing = USAGE_DAYS / usagePerSystem;
    return chunked('usage_reports', N_USAGE, (from, to) =>
      q(
        `
      INSERT INTO usage_reports (system_id, date, rounds, efc, reported_by, created_at)
      SELECT s.id, x.d, greatest(1, least(10000, round(x.efc * (1 + random() * 0.6))))::int, x.efc, $5::uuid,
             x.d + time '18:00'
        FROM generate_series($1::bigint, $2::bigint - 1) i
        JOIN scale_sys s ON s.n = (i / $3)
        CROSS JOIN LATERAL (
          SELECT current_date - (floor((i % $3) * $4::float8) + floor(random() * floor($4::float8)))::int AS d,
                 least(10000, round((s.life * s.intensity / $3 * (0.3 + random() * 1.4))::numeric, 2)) AS efc
                 OFFSET 0) x
       ORDER BY i`,
        [from, to, usagePerSystem, spacing, admin.id],
      ),
    );
  });

  // ---- repair jobs: staged in a temp table so numbers can be assigned per year ------------------------
  await step('repair_jobs', async () => {
    const slotSeconds = (JOB_DAYS * 86_400) / jobsPerSystem;
    await q(
      `CREATE TEMP TABLE scale_jobs ON COMMIT DROP AS
      WITH base AS (
        SELECT i AS n, s.id AS system_id, s.model_id, s.has_open, w.id AS facility_id, w.techs,
               (i % $2)::int AS k, (i % $2) = least($2::bigint, $1::bigint - (i / $2) * $2) - 1 AS is_last,
               now() - make_interval(secs => $3::float8 * $2)
                 + make_interval(secs => (i % $2) * $3::float8 + random() * 0.3 * $3::float8) AS opened_at,
               random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5
          FROM generate_series(0, $1::bigint - 1) i
          JOIN scale_sys s ON s.n = i / $2
          JOIN ref_ws w ON w.n = s.ws
      ), st AS (
        SELECT b.*,
               CASE WHEN b.is_last AND b.has_open THEN
                      CASE WHEN r1 < 0.15 THEN 'reported' WHEN r1 < 0.30 THEN 'diagnosing'
                           WHEN r1 < 0.55 THEN 'awaiting_parts' WHEN r1 < 0.90 THEN 'in_repair'
                           ELSE 'quality_check' END
                    WHEN r1 < 0.92 THEN 'completed' ELSE 'cancelled' END AS status,
               CASE WHEN r3 < 0.25 THEN 'preventive' WHEN r3 < 0.65 THEN 'corrective'
                    WHEN r3 < 0.85 THEN 'battle_damage' WHEN r3 < 0.90 THEN 'overhaul'
                    ELSE 'barrel_change' END AS kind,
               CASE WHEN r4 < 0.15 THEN 'urgent' WHEN r4 < 0.45 THEN 'priority' ELSE 'routine' END AS priority
          FROM base b
      )
      SELECT st.n, gen_random_uuid() AS id, st.system_id, st.model_id, st.facility_id, st.techs, st.kind, st.priority,
             CASE st.priority WHEN 'urgent' THEN 0 WHEN 'priority' THEN 1 ELSE 2 END::smallint AS priority_rank,
             st.status, st.opened_at,
             st.opened_at
               + make_interval(days => CASE st.priority WHEN 'urgent' THEN 3 WHEN 'priority' THEN 10 ELSE 30 END)
               AS due_at,
             CASE WHEN st.status IN ('completed', 'cancelled')
                  THEN least(st.opened_at + make_interval(secs => 7200 + st.r5 * 0.6 * $3::float8),
                             st.opened_at + (now() - st.opened_at) * 0.95) END AS closed_at,
             CASE WHEN st.r2 < 0.7 THEN 'operational' ELSE 'degraded' END AS status_before,
             CASE st.status
               WHEN 'completed' THEN
                 CASE WHEN st.r2 < 0.6 THEN '{reported,diagnosing,in_repair,quality_check,completed}'
                      ELSE '{reported,diagnosing,awaiting_parts,in_repair,quality_check,completed}' END
               WHEN 'cancelled' THEN
                 CASE WHEN st.r2 < 0.5 THEN '{reported,cancelled}' ELSE '{reported,diagnosing,cancelled}' END
               WHEN 'reported' THEN '{reported}'
               WHEN 'diagnosing' THEN '{reported,diagnosing}'
               WHEN 'awaiting_parts' THEN '{reported,diagnosing,awaiting_parts}'
               WHEN 'in_repair' THEN CASE WHEN st.r2 < 0.6 THEN '{reported,diagnosing,in_repair}'
                                          ELSE '{reported,diagnosing,awaiting_parts,in_repair}' END
               ELSE '{reported,diagnosing,in_repair,quality_check}' END::text[] AS path,
             (ARRAY['Hydraulic leak at the elevation cylinder', 'Recoil buffer does not return to battery',
                    'Breech fails to close fully', 'Fire-control computer reboots under load',
                    'Scheduled maintenance due', 'Fragment damage to the cradle and wiring',
                    'Muzzle velocity drift above tolerance', 'Engine overheating on the move'])
               [1 + floor(st.r3 * 8)::int] AS reported_fault,
             extract(year FROM st.opened_at AT TIME ZONE 'UTC')::int AS year,
             NULL::text AS number
        FROM st`,
      [N_JOBS, jobsPerSystem, slotSeconds],
    );
    await q(`ALTER TABLE scale_jobs ADD PRIMARY KEY (n)`);
    await q(`ANALYZE scale_jobs`);

    // numbers continue after what the year already has (demo jobs, sequence rows), per UTC year like openRepairJob()
    await q(
      `CREATE TEMP TABLE scale_years ON COMMIT DROP AS
      SELECT y.year, greatest(
               coalesce((SELECT max(substring(r.number FROM 9)::int) FROM repair_jobs r
                          WHERE r.number ~ ('^RJ-' || y.year || '-[0-9]+$')), 0),
               coalesce((SELECT ns.last_value FROM number_sequences ns
                          WHERE ns.name = $1 AND ns.year = y.year), 0)) AS base
        FROM (SELECT DISTINCT year FROM scale_jobs) y`,
      [SEQUENCE_NAME],
    );
    await q(`UPDATE scale_jobs j
                SET number = 'RJ-' || j.year || '-'
                             || CASE WHEN x.seq < 100000 THEN lpad(x.seq::text, 5, '0') ELSE x.seq::text END
               FROM (SELECT sj.n, y.base + row_number() OVER (PARTITION BY sj.year ORDER BY sj.opened_at, sj.n) AS seq
                       FROM scale_jobs sj JOIN scale_years y USING (year)) x
              WHERE x.n = j.n`);
    const over = (await q(`SELECT year, count(*)::int AS n FROM scale_jobs WHERE length(number) > 13 GROUP BY year`))
      .rows;
    if (over.length)
      log(`  warning: numbers past 99,999 in ${over.map((r) => `${r.year} (${r.n})`).join(', ')}; raise --job-days`);

    const rows = await chunked('repair_jobs', N_JOBS, (from, to) =>
      q(
        `
      INSERT INTO repair_jobs (id, number, facility_id, system_id, kind, priority, priority_rank, status,
                               reported_fault, diagnosis, technician_ids, system_status_before, opened_at, due_at,
                               closed_at, opened_by, created_at, updated_at)
      SELECT id, number, facility_id, system_id, kind, priority, priority_rank, status, reported_fault,
             CASE WHEN cardinality(path) > 2 THEN 'Confirmed on inspection (generated)' END,
             techs, status_before, opened_at, due_at, closed_at, techs[1], opened_at, coalesce(closed_at, opened_at)
        FROM scale_jobs WHERE n >= $1 AND n < $2 ORDER BY n`,
        [from, to],
      ),
    );

    await q(
      `INSERT INTO number_sequences (name, year, last_value)
             SELECT $1, y.year, y.base + count(*) FROM scale_jobs j JOIN scale_years y USING (year)
              GROUP BY y.year, y.base
             ON CONFLICT (name, year)
             DO UPDATE SET last_value = greatest(number_sequences.last_value, EXCLUDED.last_value)`,
      [SEQUENCE_NAME],
    );
    return rows;
  });

  // ---- transitions: the job's path, timestamps spread evenly from opened_at to closed_at (or towards now) --
  await step('repair_job_transitions', () =>
    chunked(
      'repair_job_transitions',
      N_JOBS,
      (from, to) =>
        q(
          `
    INSERT INTO repair_job_transitions (job_id, from_status, to_status, comment, actor_id, at)
    SELECT j.id, j.path[(p.i - 1)::int], p.to_status,
           CASE p.to_status WHEN 'cancelled' THEN 'Cancelled: raised twice for the same fault (generated)'
                            WHEN 'completed' THEN 'Quality check passed (generated)' END,
           CASE WHEN p.to_status = 'completed' THEN $3::uuid ELSE coalesce(j.techs[1], $3::uuid) END,
           CASE WHEN p.i = 1 THEN j.opened_at
                WHEN j.closed_at IS NOT NULL
                  THEN j.opened_at + (j.closed_at - j.opened_at) * ((p.i - 1)::float8 / (cardinality(j.path) - 1))
                ELSE j.opened_at + (now() - j.opened_at) * 0.9 * ((p.i - 1)::float8 / cardinality(j.path)) END
      FROM scale_jobs j CROSS JOIN LATERAL unnest(j.path) WITH ORDINALITY AS p(to_status, i)
     WHERE j.n >= $1 AND j.n < $2
     ORDER BY j.n, p.i`,
          [from, to, admin.id],
        ),
      Math.max(1000, Math.floor(CHUNK / 6)),
    ),
  );

  // ---- work logs: over the jobs that reached in_repair, by their technicians, dated within the job --------
  await step('work_logs', async () => {
    await q(`CREATE TEMP TABLE scale_worked ON COMMIT DROP AS
      SELECT (row_number() OVER (ORDER BY n) - 1) AS m, id, techs, (opened_at AT TIME ZONE 'UTC')::date AS d0,
             (coalesce(closed_at, now()) AT TIME ZONE 'UTC')::date AS d1
        FROM scale_jobs WHERE 'in_repair' = ANY(path)`);
    await q(`ALTER TABLE scale_worked ADD PRIMARY KEY (m)`);
    await q(`ANALYZE scale_worked`);
    const [{ n: worked }] = (await q(`SELECT count(*)::int AS n FROM scale_worked`)).rows;
    if (!worked) return 0;
    log(`  ${fmt(worked)} worked jobs, ${(N_WORK_LOGS / worked).toFixed(1)} work logs each on average`);
    return chunked('work_logs', N_WORK_LOGS, (from, to) =>
      q(
        `
      INSERT INTO work_logs (job_id, technician_id, date, hours, note, created_at)
      SELECT w.id, w.techs[1 + floor(random() * cardinality(w.techs))::int], x.d, (1 + floor(random() * 32)) * 0.25,
             CASE WHEN random() < 0.3 THEN 'Disassembly, inspection and repair (generated)' END, x.d + time '17:00'
        FROM generate_series($1::bigint, $2::bigint - 1) i
        JOIN scale_worked w ON w.m = i * $3 / $4 AND w.m BETWEEN $1::bigint * $3 / $4 AND ($2::bigint - 1) * $3 / $4
        CROSS JOIN LATERAL (SELECT least(w.d1, w.d0 + floor(random() * (w.d1 - w.d0 + 1))::int) AS d OFFSET 0) x
       ORDER BY i`,
        [from, to, worked, N_WORK_LOGS],
      ),
    );
  });

  // ---- parts used: about half of the completed non-preventive jobs, a component of the system's model -----
  await step('parts_used', () =>
    q(`
    INSERT INTO parts_used (job_id, component_id, quantity, recorded_by, created_at)
    SELECT j.id, c.component_id, 1 + floor(random() * 4)::int, j.techs[1], j.closed_at - interval '1 hour'
      FROM scale_jobs j
      JOIN LATERAL (SELECT cnt FROM ref_model_components WHERE model_id = j.model_id LIMIT 1) mc ON true
      JOIN ref_model_components c ON c.model_id = j.model_id AND c.idx = mod(j.n * 7919, mc.cnt)
     WHERE j.status = 'completed' AND j.kind <> 'preventive' AND random() < 0.5`).then((r) => r.rowCount ?? 0),
  );

  // ---- barrel changes: every completed barrel_change job, with the EFC fired through the old barrel --------
  await step('barrel_changes', async () => {
    await q(`CREATE TEMP TABLE scale_barrels ON COMMIT DROP AS
      SELECT j.id AS job_id, j.system_id, j.closed_at AS at, j.techs[1] AS actor,
             'SCB-' || substring(j.number FROM 4) AS new_serial,
             lag(j.closed_at) OVER w AS prev_at, lag('SCB-' || substring(j.number FROM 4)) OVER w AS prev_serial
        FROM scale_jobs j WHERE j.kind = 'barrel_change' AND j.status = 'completed'
      WINDOW w AS (PARTITION BY j.system_id ORDER BY j.closed_at)`);
    await q(`UPDATE repair_jobs r SET new_barrel_serial = b.new_serial FROM scale_barrels b WHERE r.id = b.job_id`);
    const r = await q(`
      INSERT INTO barrel_changes (system_id, old_barrel_serial, new_barrel_serial, barrel_efc_at_change,
                                  total_efc_at_change, repair_job_id, actor_id, at)
      SELECT b.system_id, coalesce(b.prev_serial, sys.barrel_serial), b.new_serial,
             CASE WHEN b.prev_at IS NULL THEN sys.pre_efc ELSE 0 END + coalesce(u.barrel, 0),
             sys.pre_efc + coalesce(u.total, 0),
             b.job_id, b.actor, b.at
        FROM scale_barrels b
        JOIN (SELECT s.id, s.barrel_serial, ss.pre_efc FROM systems s JOIN scale_sys ss ON ss.id = s.id) sys
          ON sys.id = b.system_id
        LEFT JOIN LATERAL (
          SELECT sum(ur.efc) AS total,
                 sum(ur.efc) FILTER (WHERE b.prev_at IS NULL OR ur.date > (b.prev_at AT TIME ZONE 'UTC')::date)
                   AS barrel
            FROM usage_reports ur WHERE ur.system_id = b.system_id AND ur.date <= (b.at AT TIME ZONE 'UTC')::date
        ) u ON true
       ORDER BY b.at`);
    return r.rowCount ?? 0;
  });

  // ---- systems: EFC counters from usage, status from the open job, history rows ---------------------------
  await step('systems (counters and status)', async () => {
    await q(`CREATE TEMP TABLE scale_final ON COMMIT DROP AS
      SELECT ss.id, ss.n, ss.pre_efc, ss.created_at,
             lb.at AS last_barrel_at, lb.new_serial AS last_barrel_serial,
             oj.status AS open_status, oj.facility_id AS open_facility, oj.opened_at AS open_at,
             lc.closed_at AS last_closed_at,
             CASE WHEN r < 0.80 THEN 'operational' WHEN r < 0.90 THEN 'degraded' WHEN r < 0.94 THEN 'in_transit'
                  ELSE 'written_off' END AS idle_status
        FROM (SELECT *, random() AS r FROM scale_sys OFFSET 0) ss
        LEFT JOIN (SELECT DISTINCT ON (system_id) system_id, at, new_serial FROM scale_barrels
                    ORDER BY system_id, at DESC) lb ON lb.system_id = ss.id
        LEFT JOIN (SELECT system_id, status, facility_id, opened_at FROM scale_jobs WHERE closed_at IS NULL) oj
          ON oj.system_id = ss.id
        LEFT JOIN (SELECT system_id, max(closed_at) AS closed_at FROM scale_jobs GROUP BY system_id) lc
          ON lc.system_id = ss.id`);
    await q(`ALTER TABLE scale_final ADD PRIMARY KEY (id)`);
    const r = await q(`
      UPDATE systems s SET
             total_efc = f.pre_efc + coalesce(u.total, 0),
             barrel_efc = CASE WHEN f.last_barrel_at IS NULL THEN f.pre_efc ELSE 0 END + coalesce(u.barrel, 0),
             barrel_serial = coalesce(f.last_barrel_serial, s.barrel_serial),
             status = CASE WHEN f.open_status = 'awaiting_parts' THEN 'awaiting_parts'
                           WHEN f.open_status IS NOT NULL THEN 'in_repair' ELSE f.idle_status END,
             facility_id = f.open_facility,
             status_changed_at = CASE WHEN f.open_status IS NOT NULL THEN f.open_at
                                      ELSE greatest(f.created_at, f.last_closed_at) + interval '1 hour' END,
             updated_at = now()
        FROM scale_final f
        LEFT JOIN (SELECT ur.system_id, sum(ur.efc) AS total,
                          sum(ur.efc) FILTER (WHERE f2.last_barrel_at IS NULL
                                                 OR ur.date > (f2.last_barrel_at AT TIME ZONE 'UTC')::date) AS barrel
                     FROM usage_reports ur JOIN scale_final f2 ON f2.id = ur.system_id GROUP BY ur.system_id) u
          ON u.system_id = f.id
       WHERE s.id = f.id`);
    return r.rowCount ?? 0;
  });

  await step('system_status_history', async () => {
    const a = await q(
      `INSERT INTO system_status_history (system_id, from_status, to_status, reason, actor_id, at)
      SELECT id, NULL, 'operational', 'Delivered (generated)', $1::uuid, created_at FROM scale_sys ORDER BY n`,
      [admin.id],
    );
    const b = await q(`INSERT INTO system_status_history (system_id, from_status, to_status, reason, actor_id, at)
      SELECT j.system_id, e.from_status, e.to_status, j.number, j.techs[1], e.at
        FROM scale_jobs j
        CROSS JOIN LATERAL (VALUES (j.status_before, 'in_repair', j.opened_at),
                                   ('in_repair',
                                    CASE j.status WHEN 'completed' THEN 'operational' ELSE j.status_before END,
                                    j.closed_at)) e(from_status, to_status, at)
       WHERE e.at IS NOT NULL AND e.from_status <> e.to_status
       ORDER BY j.n`);
    const c = await q(
      `INSERT INTO system_status_history (system_id, from_status, to_status, reason, actor_id, at)
      SELECT s.id, 'operational', s.status, 'Status report (generated)', $1::uuid, s.status_changed_at
        FROM systems s JOIN scale_final f ON f.id = s.id
       WHERE f.open_status IS NULL AND s.status <> 'operational'`,
      [admin.id],
    );
    return (a.rowCount ?? 0) + (b.rowCount ?? 0) + (c.rowCount ?? 0);
  });

  // ---- component requests: staged in a temp table (numbers per year, moves and deliveries from it) ----------
  await step('component_requests', async () => {
    await q(`CREATE TEMP TABLE ref_requesters ON COMMIT DROP AS
      SELECT (row_number() OVER (ORDER BY u.email) - 1)::int AS n, u.id, u.role = 'workshop' AS workshop,
             u.facility_ids[1] AS facility_id
        FROM users u
       WHERE u.active AND (u.role = 'logistics' OR (u.role = 'workshop' AND u.facility_ids[1] IS NOT NULL))`);
    const [{ n: requesters }] = (await q(`SELECT count(*)::int AS n FROM ref_requesters`)).rows;
    await q(`CREATE TEMP TABLE ref_components ON COMMIT DROP AS
      SELECT (row_number() OVER (ORDER BY part_number) - 1)::int AS n, id FROM components`);
    const [{ n: componentCount }] = (await q(`SELECT count(*)::int AS n FROM ref_components`)).rows;
    // the moves of each final state and when each happens, as a share of the request's life
    await q(
      `CREATE TEMP TABLE scale_req ON COMMIT DROP AS
      WITH base AS (
        SELECT i AS n, gen_random_uuid() AS id,
               now() - interval '1 hour' - make_interval(secs => $2::float8 * 86400 * (1 - (i + random()) / $1::float8))
                 AS created_at,
               random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6
          FROM generate_series(0, $1::bigint - 1) i
      ), st AS (
        SELECT b.*, rq.id AS requester, rq.workshop, rq.facility_id AS own_facility,
               CASE WHEN b.created_at > now() - interval '60 days' THEN
                      CASE WHEN r1 < 0.10 THEN 'draft' WHEN r1 < 0.28 THEN 'submitted' WHEN r1 < 0.44 THEN 'approved'
                           WHEN r1 < 0.60 THEN 'ordered' WHEN r1 < 0.76 THEN 'shipped' WHEN r1 < 0.80 THEN 'rejected'
                           WHEN r1 < 0.84 THEN 'cancelled' ELSE 'delivered' END
                    ELSE
                      CASE WHEN r1 < 0.004 THEN 'ordered' WHEN r1 < 0.008 THEN 'shipped' WHEN r1 < 0.06 THEN 'cancelled'
                           WHEN r1 < 0.10 THEN 'rejected' ELSE 'delivered' END
               END AS status
          FROM base b JOIN ref_requesters rq ON rq.n = floor(b.r2 * $3)::int
      ), lived AS (
        SELECT st.*,
               CASE WHEN st.status IN ('draft', 'submitted', 'approved', 'ordered', 'shipped')
                    THEN (now() - st.created_at) * 0.9
                    ELSE least(interval '60 days' * (0.3 + st.r4), (now() - st.created_at) * 0.95) END AS span,
               CASE st.status
                 WHEN 'draft' THEN '{draft}'
                 WHEN 'submitted' THEN '{draft,submitted}'
                 WHEN 'approved' THEN '{draft,submitted,approved}'
                 WHEN 'ordered' THEN '{draft,submitted,approved,ordered}'
                 WHEN 'shipped' THEN '{draft,submitted,approved,ordered,shipped}'
                 WHEN 'delivered' THEN '{draft,submitted,approved,ordered,shipped,delivered}'
                 WHEN 'rejected' THEN '{draft,submitted,rejected}'
                 ELSE CASE WHEN st.r3 < 0.5 THEN '{draft,cancelled}' ELSE '{draft,submitted,cancelled}' END
               END::text[] AS path
          FROM st
      )
      SELECT l.n, l.id, l.created_at, l.status, l.path, l.requester, l.span,
             CASE WHEN l.workshop THEN l.own_facility
                  ELSE ($4::uuid[])[1 + floor(l.r3 * cardinality($4::uuid[]))::int] END AS facility_id,
             sys.id AS system_id, coalesce(mc.component_id, c.id) AS component_id,
             1 + floor(random() * 20)::int AS quantity,
             CASE WHEN l.r5 < 0.15 THEN 'urgent' WHEN l.r5 < 0.5 THEN 'priority' ELSE 'routine' END AS priority,
             (l.created_at AT TIME ZONE 'UTC')::date + 7 + floor(random() * 50)::int AS needed_by,
             CASE WHEN 'approved' = ANY(l.path)
                  THEN ($5::uuid[])[1 + floor(random() * cardinality($5::uuid[]))::int] END AS supplier_id,
             CASE WHEN 'approved' = ANY(l.path)
                  THEN coalesce(nullif(($6::uuid[])[1 + floor(l.r4 * cardinality($6::uuid[]))::int], l.requester),
                                $7::uuid)
                  END AS approver,
             extract(year FROM l.created_at AT TIME ZONE 'UTC')::int AS year, NULL::text AS number,
             0 AS delivered_quantity, 0 AS parts
        FROM lived l
        -- three in ten are for a system: a generated one, with a component that fits its model
        LEFT JOIN scale_sys sys ON l.r6 < 0.3 AND sys.n = floor(l.r6 / 0.3 * $8)::int
        LEFT JOIN LATERAL (SELECT cnt FROM ref_model_components WHERE model_id = sys.model_id LIMIT 1) mcc ON true
        LEFT JOIN ref_model_components mc ON mc.model_id = sys.model_id AND mc.idx = mod(l.n * 7919, mcc.cnt)
        JOIN ref_components c ON c.n = mod(l.n * 104729, $9)`,
      [
        N_REQUESTS,
        REQUEST_DAYS,
        requesters,
        destinations.map((d) => d.id),
        partners.map((p) => p.id),
        logisticsUsers.map((u) => u.id),
        admin.id,
        N_SYSTEMS,
        componentCount,
      ],
    );
    await q(`ALTER TABLE scale_req ADD PRIMARY KEY (n)`);
    // delivered in full, or in part while ordered or shipped; deliveries per request so that they add up to
    // about --deliveries (never more than the quantity: each delivery brings at least one)
    await q(`UPDATE scale_req SET delivered_quantity = CASE WHEN status = 'delivered' THEN quantity
                                                            ELSE floor(random() * quantity)::int END
              WHERE status IN ('delivered', 'ordered', 'shipped')`);
    const [{ n: receiving }] = (await q(`SELECT count(*)::int AS n FROM scale_req WHERE delivered_quantity > 0`)).rows;
    const perRequest = receiving ? N_DELIVERIES / receiving : 0;
    await q(
      `UPDATE scale_req SET parts = least(delivered_quantity, greatest(1, floor($1::float8 + random())::int))
        WHERE delivered_quantity > 0`,
      [perRequest],
    );
    // requests of one item cap their deliveries at one: spread the difference over requests that have room
    const [{ total }] = (await q(`SELECT coalesce(sum(parts), 0)::int AS total FROM scale_req`)).rows;
    if (total !== N_DELIVERIES && receiving > 0)
      await q(
        `UPDATE scale_req SET parts = parts + sign($1::int)::int
          WHERE n IN (SELECT n FROM scale_req
                       WHERE CASE WHEN $1::int > 0 THEN parts > 0 AND parts < delivered_quantity ELSE parts > 1 END
                       ORDER BY random() LIMIT abs($1::int))`,
        [N_DELIVERIES - total],
      );
    await q(`ANALYZE scale_req`);

    await q(
      `CREATE TEMP TABLE scale_req_years ON COMMIT DROP AS
      SELECT y.year, greatest(
               coalesce((SELECT max(substring(r.number FROM 9)::int) FROM component_requests r
                          WHERE r.number ~ ('^CR-' || y.year || '-[0-9]+$')), 0),
               coalesce((SELECT ns.last_value FROM number_sequences ns WHERE ns.name = 'CR' AND ns.year = y.year), 0))
               AS base
        FROM (SELECT DISTINCT year FROM scale_req) y`,
    );
    await q(`UPDATE scale_req r
                SET number = 'CR-' || r.year || '-'
                             || CASE WHEN x.seq < 100000 THEN lpad(x.seq::text, 5, '0') ELSE x.seq::text END
               FROM (SELECT sr.n, y.base + row_number() OVER (PARTITION BY sr.year ORDER BY sr.created_at, sr.n) AS seq
                       FROM scale_req sr JOIN scale_req_years y USING (year)) x
              WHERE x.n = r.n`);

    // when each move happens: a share of the request's span (the transitions below use the same shares)
    const at = (status) => `r.created_at + r.span * ${MOVE_AT[status]}`;
    const rows = await chunked('component_requests', N_REQUESTS, (from, to) =>
      q(
        `
      INSERT INTO component_requests (id, number, component_id, quantity, priority, needed_by, facility_id, system_id,
                                      justification, status, requested_by, supplier_partner_id, expected_on,
                                      delivered_quantity, submitted_at, approved_at, approved_by, delivered_at,
                                      closed_at, version, created_at, updated_at)
      SELECT r.id, r.number, r.component_id, r.quantity, r.priority, r.needed_by, r.facility_id, r.system_id, $3,
             r.status, r.requester, r.supplier_id,
             CASE WHEN r.supplier_id IS NOT NULL THEN ((${at('shipped')}) AT TIME ZONE 'UTC')::date + 3 END,
             r.delivered_quantity,
             CASE WHEN 'submitted' = ANY(r.path) THEN ${at('submitted')} END,
             CASE WHEN 'approved' = ANY(r.path) THEN ${at('approved')} END, r.approver,
             CASE WHEN r.status = 'delivered' THEN ${at('delivered')} END,
             CASE r.status WHEN 'delivered' THEN ${at('delivered')} WHEN 'rejected' THEN ${at('rejected')}
                           WHEN 'cancelled' THEN ${at('cancelled')} END,
             cardinality(r.path) + r.parts - CASE WHEN r.status = 'delivered' THEN 1 ELSE 0 END,
             r.created_at, r.created_at + r.span
        FROM scale_req r WHERE r.n >= $1 AND r.n < $2 ORDER BY r.n`,
        [from, to, REQUEST_NOTE],
      ),
    );
    await q(
      `INSERT INTO number_sequences (name, year, last_value)
       SELECT 'CR', y.year, y.base + count(*) FROM scale_req r JOIN scale_req_years y USING (year)
        GROUP BY y.year, y.base
       ON CONFLICT (name, year) DO UPDATE SET last_value = greatest(number_sequences.last_value, EXCLUDED.last_value)`,
    );

    await chunked(
      'component_request_transitions',
      N_REQUESTS,
      (from, to) =>
        q(
          `
      INSERT INTO component_request_transitions (request_id, from_status, to_status, comment, actor_id, at)
      SELECT r.id, r.path[(p.i - 1)::int], p.to_status,
             CASE p.to_status WHEN 'rejected' THEN 'Not a stock item for this facility (generated)'
                              WHEN 'cancelled' THEN 'No longer needed (generated)' END,
             CASE WHEN p.to_status IN ('approved', 'rejected', 'ordered', 'shipped') THEN r.approver
                  ELSE r.requester END,
             r.created_at + r.span * CASE p.to_status
                                      ${Object.entries(MOVE_AT)
                                        .map(([k, v]) => `WHEN '${k}' THEN ${v}`)
                                        .join(' ')} END
        FROM scale_req r CROSS JOIN LATERAL unnest(r.path) WITH ORDINALITY AS p(to_status, i)
       WHERE r.n >= $1 AND r.n < $2
       ORDER BY r.n, p.i`,
          [from, to],
        ),
      Math.max(1000, Math.floor(CHUNK / 5)),
    );
    return rows;
  });

  // ---- deliveries: each request's delivered quantity in `parts` deliveries from its shipment (or order) on ----
  await step('deliveries', () =>
    chunked('deliveries', N_REQUESTS, (from, to) =>
      q(
        `
      INSERT INTO deliveries (request_id, quantity, received_on, waybill, received_by, created_at)
      SELECT r.id, r.delivered_quantity / r.parts + CASE WHEN k <= r.delivered_quantity % r.parts THEN 1 ELSE 0 END,
             (x.at AT TIME ZONE 'UTC')::date, 'SCW-' || (r.n + 1) || '-' || k, r.requester, x.at
        FROM scale_req r
        CROSS JOIN LATERAL generate_series(1, r.parts) k
        CROSS JOIN LATERAL (
          SELECT r.created_at + r.span * CASE WHEN r.status = 'delivered'
                                              THEN 0.5 + 0.5 * k / r.parts
                                              ELSE 0.5 + 0.45 * k / (r.parts + 1) END AS at) x
       WHERE r.n >= $1 AND r.n < $2 AND r.parts > 0
       ORDER BY r.n, k`,
        [from, to],
      ),
    ),
  );

  // ---- supply plans: every partner, PLAN_MONTHS months up to this one; lines near what the partner delivered --
  await step('supply_plans', async () => {
    const plans = await q(
      `INSERT INTO supply_plans (partner_id, month, updated_by, created_at, updated_at)
       SELECT p.id, m.month, NULL, m.month - interval '15 days', m.month - interval '15 days'
         FROM unnest($1::uuid[]) AS p(id)
        CROSS JOIN (SELECT (date_trunc('month', now() AT TIME ZONE 'UTC') - make_interval(months => g))::date AS month
                      FROM generate_series(0, $2::int - 1) g) m
       ON CONFLICT (partner_id, month) DO NOTHING`,
      [partners.map((p) => p.id), PLAN_MONTHS],
    );
    // the eight components the partner delivered most in the month (planned 80–130 % of it), and two models
    const lines = await q(
      `WITH actual AS (
         SELECT r.supplier_partner_id AS partner_id, date_trunc('month', d.received_on)::date AS month, r.component_id,
                sum(d.quantity) AS delivered
           FROM deliveries d JOIN component_requests r ON r.id = d.request_id
          WHERE r.justification = $1 AND d.received_on >= (date_trunc('month', now() AT TIME ZONE 'UTC')
                                                           - make_interval(months => $2::int - 1))::date
          GROUP BY 1, 2, 3
       ), ranked AS (
         SELECT a.*, row_number() OVER (PARTITION BY a.partner_id, a.month ORDER BY a.delivered DESC, a.component_id)
                  AS k
           FROM actual a
       )
       INSERT INTO supply_plan_lines (plan_id, component_id, system_model_id, quantity)
       SELECT sp.id, x.component_id, NULL, least(100000, greatest(1, round(x.delivered * (0.8 + random() * 0.5))))
         FROM ranked x JOIN supply_plans sp ON sp.partner_id = x.partner_id AND sp.month = x.month
        WHERE x.k <= 8 AND sp.updated_by IS NULL
       UNION ALL
       SELECT sp.id, NULL, m.id, 1 + floor(random() * 5)::int
         FROM supply_plans sp
        CROSS JOIN LATERAL (SELECT id FROM system_models ORDER BY md5(id::text || sp.id::text) LIMIT 2) m
        WHERE sp.updated_by IS NULL`,
      [REQUEST_NOTE, PLAN_MONTHS],
    );
    return (plans.rowCount ?? 0) + (lines.rowCount ?? 0);
  });

  // ---- training: personnel, cohorts by time slot, enrollments, qualifications --------------------------
  // Time is cut into 14-day slots from TRAINING_DAYS ago to 182 days ahead; every cohort lies inside one
  // slot (start = slot start + 0..2 days, 5..11 days long), so cohorts of different slots never overlap.
  // Within a slot the people enrolled are all different (consecutive person numbers), so nobody is booked
  // twice (the exclusion constraint agrees). Each generated base holds BASE_COHORTS cohorts of
  // COHORT_SEATS seats per slot, exactly its capacity.
  const slots = Math.ceil((TRAINING_DAYS + 182) / SLOT_DAYS);
  const perSlot = Math.ceil(N_COHORTS / slots);
  const perCohort = Math.ceil(N_ENROLLMENTS / N_COHORTS);
  const nBases = Math.ceil(perSlot / BASE_COHORTS);
  if (perCohort > COHORT_SEATS) throw new Error(`${perCohort} enrollments per cohort exceed ${COHORT_SEATS} seats`);
  if (perSlot * perCohort > N_PERSONNEL)
    throw new Error(`${perSlot * perCohort} people per slot needed, only ${N_PERSONNEL} personnel`);
  log(
    `training: ${slots} slots of ${SLOT_DAYS} days, ${perSlot} cohorts per slot at ${nBases} bases, ` +
      `${perCohort} enrollments per cohort`,
  );
  await step('personnel', () =>
    chunked('personnel', N_PERSONNEL, (from, to) =>
      q(
        `INSERT INTO personnel (service_number, full_name, rank, unit_id)
         SELECT 'SX-' || lpad(g::text, 6, '0'), 'Generated Person ' || g, 'Soldier',
                ($3::uuid[])[1 + g % array_length($3::uuid[], 1)]
           FROM generate_series($1::int + 1, $2::int) AS g`,
        [from, to, units.map((u) => u.id)],
      ),
    ),
  );
  await step('courses and training bases', async () => {
    const courses = await q(
      `INSERT INTO courses (code, title, kind, system_model_id, duration_days, seats)
       SELECT 'GX-' || lpad(row_number() OVER (ORDER BY sm.designation, k.n)::text, 3, '0'),
              'Generated ' || k.kind || ' course, ' || sm.designation, k.kind, sm.id,
              5 + (row_number() OVER (ORDER BY sm.designation, k.n) % 7)::int, $1
         FROM system_models sm
        CROSS JOIN unnest(ARRAY['operator', 'maintainer', 'commander', 'instructor']) WITH ORDINALITY AS k(kind, n)`,
      [COHORT_SEATS],
    );
    const bases = await q(
      `INSERT INTO facilities (code, name, kind, oblast, training_seats)
       SELECT 'TB-GX-' || lpad(g::text, 3, '0'), 'Generated training base ' || g, 'training_base', 'zhytomyrska', $2
         FROM generate_series(1, $1::int) AS g`,
      [nBases, COHORT_SEATS * BASE_COHORTS],
    );
    return (courses.rowCount ?? 0) + (bases.rowCount ?? 0);
  });
  await q(`CREATE TEMP TABLE ref_courses ON COMMIT DROP AS
    SELECT row_number() OVER (ORDER BY code)::int - 1 AS n, id, kind, system_model_id, duration_days
      FROM courses WHERE code LIKE 'GX-%'`);
  await q(`CREATE TEMP TABLE ref_bases ON COMMIT DROP AS
    SELECT row_number() OVER (ORDER BY code)::int - 1 AS n, id FROM facilities WHERE code LIKE 'TB-GX-%'`);
  await step('cohorts', async () => {
    await q(
      `CREATE TEMP TABLE scale_cohorts ON COMMIT DROP AS
       WITH base AS (
         SELECT g AS n, g / $2::int AS slot, g % $2::int AS pos,
                (current_date - $3::int + (g / $2::int) * ${SLOT_DAYS} + (g % 3))::date AS starts_on
           FROM generate_series(0, $1::int - 1) AS g
       )
       SELECT b.n, b.slot, b.pos, gen_random_uuid() AS id, c.id AS course_id, c.kind, c.system_model_id,
              f.id AS facility_id, b.starts_on, (b.starts_on + c.duration_days - 1)::date AS ends_on,
              CASE WHEN b.n % 50 = 7 THEN 'cancelled'
                   WHEN b.starts_on + c.duration_days - 1 < current_date THEN 'completed'
                   WHEN b.starts_on <= current_date THEN 'in_progress'
                   WHEN b.starts_on <= current_date + 45 THEN 'enrolling'
                   ELSE 'planned' END AS status
         FROM base b
         JOIN ref_courses c ON c.n = (b.n * 7) % (SELECT count(*) FROM ref_courses)
         JOIN ref_bases f ON f.n = b.pos / ${BASE_COHORTS}`,
      [N_COHORTS, perSlot, TRAINING_DAYS],
    );
    const r = await q(
      `INSERT INTO cohorts (id, code, course_id, facility_id, starts_on, ends_on, seats, status, created_at)
       SELECT id, 'GX-' || lpad(n::text, 6, '0'), course_id, facility_id, starts_on, ends_on, $1, status,
              least(now(), starts_on - 30)
         FROM scale_cohorts`,
      [COHORT_SEATS],
    );
    await q(
      `INSERT INTO cohort_transitions (cohort_id, from_status, to_status, at)
       SELECT id, NULL, 'planned', least(now(), starts_on - 30) FROM scale_cohorts
       UNION ALL
       SELECT id, 'planned', status, least(now(), starts_on + CASE WHEN status = 'completed' THEN 14 ELSE 0 END)
         FROM scale_cohorts WHERE status <> 'planned'`,
    );
    return r.rowCount ?? 0;
  });
  await step('enrollments', async () => {
    await q(`CREATE TEMP TABLE scale_people ON COMMIT DROP AS
      SELECT row_number() OVER (ORDER BY service_number)::int - 1 AS n, id
        FROM personnel WHERE service_number LIKE 'SX-%'`);
    await q(`ALTER TABLE scale_people ADD PRIMARY KEY (n)`);
    await q(`ALTER TABLE scale_cohorts ADD PRIMARY KEY (n)`);
    return chunked('enrollments', N_ENROLLMENTS, (from, to) =>
      q(
        `INSERT INTO enrollments (cohort_id, person_id, status, score, starts_on, ends_on, active, created_at)
         SELECT c.id, p.id, x.status,
                CASE x.status WHEN 'completed' THEN 70 + (g * 13) % 30 WHEN 'failed' THEN 40 + (g * 13) % 25 END,
                c.starts_on, c.ends_on, x.status <> 'withdrawn' AND c.status <> 'cancelled',
                least(now(), c.starts_on - 20)
           FROM generate_series($1::int, $2::int - 1) AS g
           JOIN scale_cohorts c ON c.n = g / $3::int
           JOIN scale_people p ON p.n = (c.slot * $4::int * $3::int + c.pos * $3::int + g % $3::int) % $5::int
          CROSS JOIN LATERAL (SELECT CASE
                   WHEN c.status = 'completed' AND (g * 37) % 100 < 85 THEN 'completed'
                   WHEN c.status = 'completed' AND (g * 37) % 100 < 93 THEN 'failed'
                   WHEN c.status = 'completed' THEN 'withdrawn'
                   WHEN c.status = 'in_progress' AND (g * 37) % 100 >= 97 THEN 'withdrawn'
                   ELSE 'enrolled' END AS status) x`,
        [from, to, perCohort, perSlot, N_PERSONNEL],
      ),
    );
  });
  await step('qualifications', async () => {
    // statistics first: the planner has seen none of this transaction's 300 000 enrollments
    await q(`ANALYZE enrollments`);
    await q(`ANALYZE scale_cohorts`);
    // a few hundred cohorts per statement: the statement trigger that keeps qualified_people_monthly compares the
    // inserted rows with the table's, and at scale 1 one statement of every cohort had not finished after 20
    // minutes (cancelled); 250 cohorts take about 1.5 s, with the table analysed after each
    return chunked(
      'qualifications, cohorts',
      N_COHORTS,
      async (from, to) => {
        const r = await q(
          `INSERT INTO qualifications (person_id, system_model_id, kind, granted_on, cohort_id, enrollment_id)
           SELECT e.person_id, c.system_model_id, c.kind, c.ends_on, c.id, e.id
             FROM scale_cohorts c JOIN enrollments e ON e.cohort_id = c.id
            WHERE c.n >= $1 AND c.n < $2 AND c.status = 'completed' AND e.status = 'completed'`,
          [from, to],
        );
        await q(`ANALYZE qualifications`);
        return r;
      },
      250,
    );
  });

  // ---- checks before commit -------------------------------------------------------------------------------
  const [chk] = (
    await q(`SELECT
      (SELECT count(*) FROM (SELECT system_id FROM repair_jobs WHERE status NOT IN ('completed', 'cancelled')
                              GROUP BY system_id HAVING count(*) > 1) x)::int AS two_open,
      (SELECT count(*) FROM repair_jobs WHERE status IN ('completed', 'cancelled') AND closed_at IS NULL)::int
        AS closed_without_time,
      (SELECT count(*) FROM usage_reports WHERE date > current_date)::int AS future_usage,
      (SELECT count(*) FROM systems WHERE barrel_efc > total_efc)::int AS barrel_over_total,
      (SELECT count(*) FROM component_requests r
         LEFT JOIN (SELECT request_id, sum(quantity) AS q FROM deliveries GROUP BY request_id) d ON d.request_id = r.id
        WHERE r.delivered_quantity <> coalesce(d.q, 0)
           OR (r.status = 'delivered') <> (r.delivered_quantity = r.quantity))::int AS delivered_mismatch,
      (SELECT count(*) FROM deliveries WHERE received_on > current_date)::int AS future_deliveries,
      (SELECT count(*) FROM (SELECT c.id FROM cohorts c JOIN enrollments e ON e.cohort_id = c.id
                              WHERE e.status <> 'withdrawn' GROUP BY c.id, c.seats HAVING count(*) > c.seats) x)::int
        AS cohorts_over_seats`)
  ).rows;
  if (
    chk.two_open ||
    chk.closed_without_time ||
    chk.future_usage ||
    chk.barrel_over_total ||
    chk.delivered_mismatch ||
    chk.future_deliveries ||
    chk.cohorts_over_seats
  ) {
    throw new Error(`consistency check failed: ${JSON.stringify(chk)} (rolled back)`);
  }
  await q('COMMIT');
  log('committed');

  await step(args['no-vacuum'] ? 'ANALYZE' : 'VACUUM (ANALYZE) generated tables, ANALYZE', async () => {
    if (!args['no-vacuum']) {
      for (const t of [
        'systems',
        'usage_reports',
        'repair_jobs',
        'repair_job_transitions',
        'work_logs',
        'parts_used',
        'barrel_changes',
        'system_status_history',
        'number_sequences',
        'component_requests',
        'component_request_transitions',
        'deliveries',
        'supply_plans',
        'supply_plan_lines',
        'personnel',
        'courses',
        'cohorts',
        'cohort_transitions',
        'enrollments',
        'qualifications',
      ]) {
        await q(`VACUUM (ANALYZE) ${t}`);
      }
    }
    await q('ANALYZE');
    return 0;
  });

  const counts = (
    await q(`SELECT
      (SELECT count(*) FROM systems)::int AS systems, (SELECT count(*) FROM usage_reports)::int AS usage_reports,
      (SELECT count(*) FROM repair_jobs)::int AS repair_jobs,
      (SELECT count(*) FROM repair_jobs WHERE status NOT IN ('completed', 'cancelled'))::int AS open_jobs,
      (SELECT count(*) FROM repair_job_transitions)::int AS transitions,
      (SELECT count(*) FROM work_logs)::int AS work_logs,
      (SELECT count(*) FROM parts_used)::int AS parts_used,
      (SELECT count(*) FROM barrel_changes)::int AS barrel_changes,
      (SELECT count(*) FROM component_requests)::int AS requests,
      (SELECT count(*) FROM component_requests
        WHERE status IN ('draft', 'submitted', 'approved', 'ordered', 'shipped'))::int AS open_requests,
      (SELECT count(*) FROM component_request_transitions)::int AS request_transitions,
      (SELECT count(*) FROM deliveries)::int AS deliveries,
      (SELECT count(*) FROM supply_plans)::int AS supply_plans,
      (SELECT count(*) FROM supply_plan_lines)::int AS supply_plan_lines,
      (SELECT count(*) FROM personnel)::int AS personnel, (SELECT count(*) FROM cohorts)::int AS cohorts,
      (SELECT count(*) FROM enrollments)::int AS enrollments,
      (SELECT count(*) FROM qualifications)::int AS qualifications,
      (SELECT count(*) FROM systems WHERE barrel_wear > 0.8)::int AS systems_over_80pct_wear,
      pg_size_pretty(pg_database_size(current_database())) AS database_size`)
  ).rows[0];
  console.log('\nper table:');
  console.table(timings);
  console.log('database now holds:');
  console.table([counts]);
  log('done');
}

main()
  .catch(async (e) => {
    console.error(`generate failed: ${e.message}`);
    if (e.position || e.where) console.error(e);
    process.exitCode = 1;
  })
  .finally(() => client.end().catch(() => undefined));
