#!/usr/bin/env node
// Benchmarks the list endpoints under concurrent load, side by side with the bare limit: a plain `node:http` +
// `pg` handler (a child process with its own event loop, like the API) that runs the same SQL and writes the
// rows as JSON, and the same SQL run straight through a `pg` pool. The gap between the API and the bare handler
// is the API's own overhead (auth, validation, mapping, logging, interceptors).
//
//   BASE_URL=http://127.0.0.1:3300 DATABASE_URL=postgres://postgres:jv-embedded@127.0.0.1:54400/jv_tracker \
//     node tools/scale/bench.mjs [-n 200] [--clients 1,16] [--json out.json]
//
// The SQL side repeats what SystemsService / RepairJobsService / ComponentRequestsService / SupplyPlansService /
// CohortsService / TrainingReportsService send for their lists (copied from
// apps/api/src/modules/{systems,repair-jobs,component-requests,supply-plans,training}; keep in sync when they
// change).
// The metrics, the partner-report preview, the dashboard and a draft's PDF (rendered on every request) are measured
// on the API side only (no SQL copy: several statements over summaries kept on write): see docs/performance.md.
// Only loopback addresses are accepted. Every loop is bounded by a count and a time limit.
import { fork } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';

const HELP = `Usage: BASE_URL=… DATABASE_URL=… node tools/scale/bench.mjs [options]

  -n, --requests N     timed requests per scenario, side and client count (default 200)
  --clients 1,16       client counts (requests in flight) for the API and the bare handler (default 1,16)
  -c, --concurrency C  requests in flight and pool size of the SQL side (default 8)
  --bare-pool P        pool size of the bare handler (default 10, as the API's DB_POOL_SIZE)
  --sides a,b          sides to run: api, bare, sql (default all three)
  --api-pids p1,p2     the API's process ids (its workers under WEB_CONCURRENCY > 1): reports the CPU time the API
                       spends per request next to the bare handler's (Linux /proc; steadier than latency on a busy
                       machine)
  --warmup N           untimed requests before each side (default 5)
  --max-seconds S      time limit per scenario and side (default 60)
  --accept-encoding E  sent with every request (default identity; br or gzip to include the API's compression)
  --deep-pages P       pages walked for the deep-cursor scenarios (default 200)
  --only a,b           run only these scenarios (names as printed)
  --sql-only           the SQL side only (e.g. the app is not running): --sides sql
  --api-only           the API side only (no DATABASE_URL needed): --sides api
  --json FILE          also write the results as JSON
  --explain FILE       write EXPLAIN (ANALYZE, BUFFERS) of every SQL statement of each scenario (run once, untimed)
`;

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', short: 'n', default: '200' },
    concurrency: { type: 'string', short: 'c', default: '8' },
    clients: { type: 'string', default: '1,16' },
    'bare-pool': { type: 'string', default: '10' },
    sides: { type: 'string' },
    'api-pids': { type: 'string' },
    warmup: { type: 'string', default: '5' },
    'max-seconds': { type: 'string', default: '60' },
    'accept-encoding': { type: 'string', default: 'identity' },
    'deep-pages': { type: 'string', default: '200' },
    only: { type: 'string' },
    'sql-only': { type: 'boolean', default: false },
    'api-only': { type: 'boolean', default: false },
    json: { type: 'string' },
    explain: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});
if (args.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
const int = (name, min, max) => {
  const v = Number(args[name]);
  if (!Number.isInteger(v) || v < min || v > max) {
    console.error(`--${name}: expected an integer in [${min}, ${max}], got ${args[name]}`);
    process.exit(2);
  }
  return v;
};
const N = int('requests', 1, 100_000);
const C = int('concurrency', 1, 64);
const WARMUP = int('warmup', 0, 1000);
const MAX_MS = int('max-seconds', 1, 3600) * 1000;
// the bare handler never compresses: `identity` (the default) compares the same work; `br` or `gzip` shows what
// compressing the API's answers costs (browsers ask for it; a page of 50 systems goes from 43 KB to 6 KB)
const ACCEPT_ENCODING = args['accept-encoding'];
const DEEP_PAGES = int('deep-pages', 1, 10_000);
const BARE_POOL = int('bare-pool', 1, 200);
const list = (v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const CLIENTS = [...new Set(list(args.clients).map(Number))];
if (!CLIENTS.length || CLIENTS.some((c) => !Number.isInteger(c) || c < 1 || c > 256)) {
  console.error(`--clients: expected integers in [1, 256], got ${args.clients}`);
  process.exit(2);
}
const SIDES = new Set(
  args.sides ? list(args.sides) : args['sql-only'] ? ['sql'] : args['api-only'] ? ['api'] : ['api', 'bare', 'sql'],
);
if (
  [...SIDES].some((s) => !['api', 'bare', 'sql'].includes(s)) ||
  (args.sides && (args['sql-only'] || args['api-only']))
) {
  console.error(`--sides: expected a list of api, bare, sql (and not with --sql-only/--api-only), got ${args.sides}`);
  process.exit(2);
}
const API_PIDS = args['api-pids'] ? list(args['api-pids']).map(Number) : [];
if (API_PIDS.some((p) => !Number.isInteger(p) || p < 1)) {
  console.error(`--api-pids: expected process ids, got ${args['api-pids']}`);
  process.exit(2);
}
/** Set in the bare handler's process (forked by the bench itself). */
const BARE_CHILD = process.env.JV_BENCH_BARE_CHILD === '1';
const ONLY = args.only ? new Set(list(args.only)) : null;

const BASE_URL = (process.env.BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
const DATABASE_URL = process.env.DATABASE_URL;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
function requireLoopback(name, value) {
  let host;
  try {
    host = new URL(value).hostname;
  } catch {
    console.error(`${name} is not a URL: ${value}`);
    process.exit(2);
  }
  if (!LOOPBACK.has(host)) {
    console.error(`${name} must point at 127.0.0.1 (got ${host}): this benchmark only runs against a local instance.`);
    process.exit(2);
  }
}
if (!DATABASE_URL && (SIDES.has('sql') || SIDES.has('bare'))) {
  console.error('DATABASE_URL is required for the SQL side and the bare handler (or pass --api-only).');
  process.exit(2);
}
if (DATABASE_URL) requireLoopback('DATABASE_URL', DATABASE_URL);
if (SIDES.has('api')) requireLoopback('BASE_URL', BASE_URL);

// ---- SQL copied from the services ----------------------------------------------------------------------
// apps/api/src/modules/systems/systems.query.ts (SYSTEM_SELECT, USAGE_WINDOW_SQL, keyset())
const SYSTEM_SELECT = `SELECT s.id, s.model_id, m.designation AS model_designation, m.barrel_life_efc,
       s.serial_number,
       s.donor_partner_id, (SELECT p.code FROM partners p WHERE p.id = s.donor_partner_id) AS donor_partner_code,
       s.unit_id, (SELECT un.code FROM units un WHERE un.id = s.unit_id) AS unit_code,
       (SELECT un.name FROM units un WHERE un.id = s.unit_id) AS unit_name,
       s.facility_id, (SELECT f.code FROM facilities f WHERE f.id = s.facility_id) AS facility_code,
       s.status, s.status_changed_at,
       to_char(s.status_changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS status_changed_key,
       s.total_efc, s.barrel_efc, s.barrel_wear, s.barrel_serial, s.notes,
       s.delivered_on::text AS delivered_on, s.version, s.created_at, s.updated_at,
       oj.id AS open_job_id, oj.number AS open_job_number, oj.status AS open_job_status,
       oj.facility_id AS open_job_facility_id,
       s.write_off_requested_by,
       (SELECT wo.display_name FROM users wo WHERE wo.id = s.write_off_requested_by) AS write_off_requested_by_name,
       s.write_off_requested_at, s.write_off_reason
  FROM systems s
  JOIN system_models m ON m.id = s.model_id
  LEFT JOIN repair_jobs oj ON oj.system_id = s.id AND oj.status NOT IN ('completed', 'cancelled')`;
const USAGE_WINDOW_SQL = `SELECT x.id AS system_id,
       (SELECT min(r.date) FROM usage_reports r WHERE r.system_id = x.id)::text AS first_date,
       (SELECT coalesce(sum(r.efc), 0) FROM usage_reports r
         WHERE r.system_id = x.id AND r.date > $2::date - $3::int AND r.date <= $2::date)::float8 AS efc_window
  FROM unnest($1::uuid[]) AS x(id)`;
const FORECAST_WINDOW_DAYS = 90;
const utcToday = () => new Date().toISOString().slice(0, 10);

// apps/api/src/modules/repair-jobs/repair-jobs.rules.ts (partsReadySql, JOB_COLUMNS, JOB_JOINS) and
// repair-jobs.service.ts list()
const PARTS_READY = `(EXISTS (SELECT 1 FROM component_requests pr WHERE pr.repair_job_id = j.id
                     AND pr.status NOT IN ('cancelled', 'rejected'))
    AND NOT EXISTS (SELECT 1 FROM component_requests pr WHERE pr.repair_job_id = j.id
                     AND pr.status NOT IN ('cancelled', 'rejected', 'delivered')))`;
const JOB_COLUMNS = `j.id, j.number, j.facility_id, f.code AS facility_code, j.system_id,
  s.serial_number AS system_serial, sm.designation AS model_designation, j.kind, j.priority, j.priority_rank, j.status,
  j.reported_fault, j.diagnosis, j.technician_ids, tech.list AS technicians, j.opened_at,
  to_char(j.opened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS opened_at_key,
  j.due_at, j.closed_at, wl.hours AS total_hours, j.new_barrel_serial, j.preventive_plan_id,
  ${PARTS_READY} AS parts_ready, j.version, j.created_at, j.updated_at`;
const JOB_JOINS = `JOIN facilities f ON f.id = j.facility_id
  JOIN systems s ON s.id = j.system_id
  JOIN system_models sm ON sm.id = s.model_id
  LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object('id', u.id, 'displayName', u.display_name) ORDER BY u.display_name, u.id) AS list
      FROM users u WHERE u.id = ANY(j.technician_ids)
  ) tech ON true
  LEFT JOIN LATERAL (SELECT sum(w.hours) AS hours FROM work_logs w WHERE w.job_id = j.id) wl ON true`;
const CLOSED = `('completed', 'cancelled')`;

/** Builds `$n` placeholders like the services' SqlParams. */
class Params {
  values = [];
  add(v) {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/** One systems page (SystemsService.list): the page query, then the forecast inputs of its rows. */
async function sqlSystemsPage(db, { where = [], sort = 'serial', order = 'asc', after = null, limit = 50, build }) {
  const p = new Params();
  const conds = build ? build(p) : [...where];
  const column = { serial: 's.serial_number', wear: 's.barrel_wear', lastChange: 's.status_changed_at' }[sort];
  const type = { serial: 'text', wear: 'float8', lastChange: 'timestamptz' }[sort];
  const dir = order === 'desc' ? 'DESC' : 'ASC';
  if (after)
    conds.push(
      `(${column}, s.id) ${order === 'desc' ? '<' : '>'} (${p.add(after[0])}::${type}, ${p.add(after[1])}::uuid)`,
    );
  const whereClause = conds.length ? `WHERE ${conds.join(' AND ')}` : '';
  const sql = `${SYSTEM_SELECT} ${whereClause} ORDER BY ${column} ${dir}, s.id ${dir} LIMIT ${p.add(limit + 1)}`;
  const { rows } = await db.query(sql, p.values);
  const items = rows.slice(0, limit);
  if (items.length) await db.query(USAGE_WINDOW_SQL, [items.map((r) => r.id), utcToday(), FORECAST_WINDOW_DAYS]);
  return items.length;
}

/** One jobs page (RepairJobsService.list): page by the queue key first, then names and totals for its rows. */
async function sqlJobsPage(db, { user, facilityId, status, kind, open, after, limit = 50 }) {
  const p = new Params();
  const where = [];
  if (user.role === 'workshop') where.push(`j.facility_id = ANY(${p.add(user.facilityIds)}::uuid[])`);
  if (facilityId) where.push(`j.facility_id = ${p.add(facilityId)}::uuid`);
  if (status) where.push(`j.status = ANY(${p.add([status])}::text[])`);
  if (kind) where.push(`j.kind = ${p.add(kind)}`);
  if (open) where.push(`j.status NOT IN ${CLOSED}`);
  if (after) {
    const [rank, openedAt, id] = [p.add(after[0]), p.add(after[1]), p.add(after[2])];
    where.push(`(j.priority_rank, j.opened_at, j.id) > (${rank}::smallint, ${openedAt}::timestamptz, ${id}::uuid)`);
  }
  const { rows } = await db.query(
    `WITH page AS (
       SELECT j.* FROM repair_jobs j JOIN systems s ON s.id = j.system_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY j.priority_rank, j.opened_at, j.id LIMIT ${p.add(limit + 1)}
     )
     SELECT ${JOB_COLUMNS} FROM page j ${JOB_JOINS}
      ORDER BY j.priority_rank, j.opened_at, j.id`,
    p.values,
  );
  return Math.min(rows.length, limit);
}

// apps/api/src/modules/component-requests/component-requests.rules.ts (REQUEST_COLUMNS, REQUEST_JOINS) and
// component-requests.service.ts page()
const REQUEST_COLUMNS = `r.id, r.number, r.component_id, c.part_number AS component_part_number,
  c.name AS component_name, c.category AS component_category, r.quantity, r.delivered_quantity, r.priority,
  r.needed_by::text AS needed_by, r.facility_id, f.code AS facility_code, r.repair_job_id,
  j.number AS repair_job_number, r.system_id, s.serial_number AS system_serial, r.justification, r.status,
  r.requested_by,
  u.display_name AS requester_name, r.supplier_partner_id, sp.code AS supplier_partner_code,
  r.expected_on::text AS expected_on, r.auto_barrel, r.submitted_at, r.approved_at, r.delivered_at, r.closed_at,
  r.version, r.created_at, to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at_key,
  r.updated_at`;
const REQUEST_JOINS = `JOIN components c ON c.id = r.component_id
  JOIN facilities f ON f.id = r.facility_id
  LEFT JOIN repair_jobs j ON j.id = r.repair_job_id
  LEFT JOIN systems s ON s.id = r.system_id
  LEFT JOIN partners sp ON sp.id = r.supplier_partner_id
  LEFT JOIN users u ON u.id = r.requested_by`;
const OPEN_REQUESTS = `('draft', 'submitted', 'approved', 'ordered', 'shipped')`;
/** The workshops' day (Europe/Kyiv), as workshopToday() in repair-jobs.rules.ts (one formatter, built once). */
const KYIV_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Kyiv',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const kyivToday = () => KYIV_DATE.format(new Date());

/** One requests page (ComponentRequestsService.list) for an admin or logistics user (no scope condition). */
async function sqlRequestsPage(db, { overdue = false, awaitingBy = null, after = null, limit = 50 } = {}) {
  const p = new Params();
  const where = [];
  if (overdue) where.push(`(r.status IN ${OPEN_REQUESTS} AND r.needed_by < ${p.add(kyivToday())}::date)`);
  if (awaitingBy) where.push(`(r.status = 'submitted' AND r.requested_by IS DISTINCT FROM ${p.add(awaitingBy)}::uuid)`);
  if (after) where.push(`(r.created_at, r.id) < (${p.add(after[0])}::timestamptz, ${p.add(after[1])}::uuid)`);
  const { rows } = await db.query(
    `WITH page AS (
       SELECT r.* FROM component_requests r ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY r.created_at DESC, r.id DESC LIMIT ${p.add(limit + 1)}
     )
     SELECT ${REQUEST_COLUMNS} FROM page r ${REQUEST_JOINS}
      ORDER BY r.created_at DESC, r.id DESC`,
    p.values,
  );
  return Math.min(rows.length, limit);
}

// apps/api/src/modules/supply-plans/supply-plans.service.ts (PLAN_VS_ACTUAL_SQL; the partner check first)
const PLAN_VS_ACTUAL_SQL = `
WITH months AS (
  SELECT g::date AS month FROM generate_series($2::date, $3::date, interval '1 month') AS g
),
period AS (SELECT $2::date AS first_day, ($3::date + interval '1 month')::date AS end_day),
plan_lines AS (
  SELECT p.month, l.id, l.component_id, l.system_model_id, l.quantity
    FROM supply_plans p JOIN supply_plan_lines l ON l.plan_id = p.id
   WHERE p.partner_id = $1 AND p.month >= $2::date AND p.month <= $3::date
),
component_actual AS (
  SELECT date_trunc('month', d.received_on)::date AS month, r.component_id, sum(d.quantity)::int AS delivered
    FROM deliveries d
    JOIN component_requests r ON r.id = d.request_id
    CROSS JOIN period
   WHERE r.supplier_partner_id = $1 AND d.received_on >= period.first_day AND d.received_on < period.end_day
   GROUP BY 1, 2
),
model_actual AS (
  SELECT date_trunc('month', s.delivered_on)::date AS month, s.model_id, count(*)::int AS delivered
    FROM systems s CROSS JOIN period
   WHERE s.donor_partner_id = $1 AND s.delivered_on >= period.first_day AND s.delivered_on < period.end_day
   GROUP BY 1, 2
),
line_figures AS (
  SELECT mo.month, l.id AS line_id, l.component_id, l.system_model_id,
         coalesce(c.part_number, sm.designation) AS label, l.quantity AS planned,
         coalesce(ca.delivered, ma.delivered, CASE WHEN l.id IS NOT NULL THEN 0 END) AS delivered
    FROM months mo
    LEFT JOIN plan_lines l ON l.month = mo.month
    LEFT JOIN components c ON c.id = l.component_id
    LEFT JOIN system_models sm ON sm.id = l.system_model_id
    LEFT JOIN component_actual ca ON ca.month = mo.month AND ca.component_id = l.component_id
    LEFT JOIN model_actual ma ON ma.month = mo.month AND ma.model_id = l.system_model_id
),
with_totals AS (
  SELECT f.*,
         coalesce(sum(f.planned) OVER w, 0)::int AS month_planned,
         coalesce(sum(f.delivered) OVER w, 0)::int AS month_delivered
    FROM line_figures f
  WINDOW w AS (PARTITION BY f.month)
)
SELECT to_char(t.month, 'YYYY-MM') AS month, t.component_id, t.system_model_id, t.label, t.planned, t.delivered,
       CASE WHEN t.planned > 0 THEN round(100.0 * t.delivered / t.planned, 1)::float8 END AS fulfilment,
       t.month_planned, t.month_delivered,
       CASE WHEN t.month_planned > 0 THEN round(100.0 * t.month_delivered / t.month_planned, 1)::float8 END
         AS month_fulfilment
  FROM with_totals t
 ORDER BY t.month, t.component_id IS NULL, t.label, t.line_id`;

/** The last `n` months up to this one (UTC), as YYYY-MM. */
function lastMonths(n) {
  const d = new Date();
  const at = (k) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - k, 1)).toISOString().slice(0, 7);
  return { from: at(n - 1), to: at(0) };
}

async function sqlPlanVsActual(db, partnerId, { from, to }) {
  await db.query(`SELECT code FROM partners WHERE id = $1`, [partnerId]);
  const { rows } = await db.query(PLAN_VS_ACTUAL_SQL, [partnerId, `${from}-01`, `${to}-01`]);
  return new Set(rows.map((r) => r.month)).size;
}

// ---- training (CohortsService.list and .enroll, TrainingReportsService) ---------------------------------------
const CALENDAR_SQL = `
WITH bases AS (
  SELECT f.id, f.code, f.name, f.training_seats
    FROM facilities f
   WHERE f.kind = 'training_base' AND ($3::uuid IS NULL OR f.id = $3::uuid)
),
window_cohorts AS (
  SELECT c.id, c.code, c.facility_id, c.starts_on, c.ends_on, c.seats, c.status, co.title, co.kind
    FROM cohorts c
    JOIN bases b ON b.id = c.facility_id
    JOIN courses co ON co.id = c.course_id
   WHERE c.status <> 'cancelled' AND c.starts_on <= $2::date AND c.ends_on >= $1::date
),
taken AS (
  SELECT e.cohort_id, count(*)::int AS n
    FROM enrollments e JOIN window_cohorts wc ON wc.id = e.cohort_id
   WHERE e.status <> 'withdrawn'
   GROUP BY e.cohort_id
),
days AS (
  SELECT b.id AS facility_id, g.day, coalesce(sum(wc.seats), 0)::int AS seats
    FROM bases b
   CROSS JOIN LATERAL (SELECT d::date AS day FROM generate_series($1::date, $2::date, interval '1 day') AS d) g
    LEFT JOIN window_cohorts wc ON wc.facility_id = b.id AND g.day BETWEEN wc.starts_on AND wc.ends_on
   GROUP BY b.id, g.day
)
SELECT b.id AS facility_id, b.code AS facility_code, b.name AS facility_name, b.training_seats AS capacity,
       coalesce((
         SELECT json_agg(json_build_object(
                  'id', wc.id, 'code', wc.code, 'courseTitle', wc.title, 'courseKind', wc.kind,
                  'startsOn', to_char(wc.starts_on, 'YYYY-MM-DD'), 'endsOn', to_char(wc.ends_on, 'YYYY-MM-DD'),
                  'seats', wc.seats, 'seatsTaken', coalesce(t.n, 0), 'status', wc.status)
                ORDER BY wc.starts_on, wc.code)
           FROM window_cohorts wc LEFT JOIN taken t ON t.cohort_id = wc.id
          WHERE wc.facility_id = b.id), '[]'::json) AS cohorts,
       (SELECT json_agg(json_build_object('day', to_char(d.day, 'YYYY-MM-DD'), 'seats', d.seats) ORDER BY d.day)
          FROM days d WHERE d.facility_id = b.id) AS days
  FROM bases b
 ORDER BY b.code, b.id`;

/** TrainingReportsService.calendar for one base: the base check, then the calendar statement. */
async function sqlCalendar(db, facilityId, { from, to }) {
  await db.query(`SELECT kind FROM facilities WHERE id = $1`, [facilityId]);
  const { rows } = await db.query(CALENDAR_SQL, [from, to, facilityId]);
  return rows.reduce((n, r) => n + r.cohorts.length, 0);
}

/** crewCoverageSql for an admin (no scope, no unit). */
const CREW_COVERAGE_SQL = `
WITH in_service AS (
  SELECT s.model_id, count(*)::int AS n FROM systems s WHERE s.status <> 'written_off' GROUP BY s.model_id
),
per_kind AS (
  -- grouped like qualifications_model_kind_idx (model, kind, person): distinct people without a sort
  SELECT q.system_model_id, q.kind, count(DISTINCT q.person_id)::int AS n
    FROM qualifications q
   GROUP BY q.system_model_id, q.kind
),
qualified AS (
  SELECT system_model_id,
         max(n) FILTER (WHERE kind = 'operator') AS operator,
         max(n) FILTER (WHERE kind = 'maintainer') AS maintainer,
         max(n) FILTER (WHERE kind = 'commander') AS commander,
         max(n) FILTER (WHERE kind = 'instructor') AS instructor
    FROM per_kind
   GROUP BY system_model_id
)
SELECT sm.id AS system_model_id, sm.designation AS model_designation, sm.crew_size,
       coalesce(i.n, 0) AS systems_in_service,
       coalesce(qu.operator, 0) AS operator, coalesce(qu.maintainer, 0) AS maintainer,
       coalesce(qu.commander, 0) AS commander, coalesce(qu.instructor, 0) AS instructor
  FROM system_models sm
  LEFT JOIN in_service i ON i.model_id = sm.id
  LEFT JOIN qualified qu ON qu.system_model_id = sm.id
 ORDER BY sm.designation, sm.id`;

async function sqlCrewCoverage(db) {
  return (await db.query(CREW_COVERAGE_SQL)).rows.length;
}

/** CohortsService.list (admin, no filter): newest start first, keyset on (starts_on, id) descending. */
async function sqlCohortsPage(db, { after = null, limit = 50 } = {}) {
  const params = [limit + 1];
  const where = after ? `WHERE (c.starts_on, c.id) < ($2::date, $3::uuid)` : '';
  if (after) params.push(...after);
  const { rows } = await db.query(
    `WITH page AS (
       SELECT c.* FROM cohorts c JOIN courses co ON co.id = c.course_id ${where}
        ORDER BY c.starts_on DESC, c.id DESC LIMIT $1
     )
     SELECT c.id, c.code, c.course_id, co.code AS course_code, co.title AS course_title,
            co.kind AS course_kind, co.system_model_id, sm.designation AS model_designation, c.facility_id,
            f.code AS facility_code, c.starts_on::text AS starts_on, c.ends_on::text AS ends_on, c.seats, c.status,
            (SELECT count(*) FROM enrollments e WHERE e.cohort_id = c.id AND e.status <> 'withdrawn')::int
              AS seats_taken,
            (SELECT count(*) FROM enrollments e WHERE e.cohort_id = c.id AND e.status = 'completed')::int AS completed,
            (SELECT count(*) FROM enrollments e WHERE e.cohort_id = c.id AND e.status = 'failed')::int AS failed,
            coalesce((SELECT json_agg(json_build_object('id', p.id, 'full_name', p.full_name)
                                      ORDER BY p.full_name, p.id)
                        FROM cohort_instructors ci JOIN personnel p ON p.id = ci.person_id
                       WHERE ci.cohort_id = c.id), '[]'::json) AS instructors,
            c.version, c.created_at, c.updated_at
       FROM page c JOIN courses co ON co.id = c.course_id
       JOIN system_models sm ON sm.id = co.system_model_id JOIN facilities f ON f.id = c.facility_id
      ORDER BY c.starts_on DESC, c.id DESC`,
    params,
  );
  return Math.min(rows.length, limit);
}

/**
 * The checks of CohortsService.enroll before its INSERT (read-only here: no lock, nothing written): the
 * cohort, the person, already enrolled, seats taken, the person's overlapping cohorts.
 */
async function sqlEnrollCheck(db, cohort, personId) {
  await db.query(
    `SELECT c.id, c.status, c.seats, c.starts_on, c.ends_on, co.seats AS course_seats
       FROM cohorts c JOIN courses co ON co.id = c.course_id WHERE c.id = $1`,
    [cohort.id],
  );
  await db.query(`SELECT id FROM personnel WHERE id = ANY($1::uuid[])`, [[personId]]);
  await db.query(`SELECT id FROM enrollments WHERE cohort_id = $1 AND person_id = $2`, [cohort.id, personId]);
  await db.query(`SELECT count(*)::int AS taken FROM enrollments WHERE cohort_id = $1 AND status <> 'withdrawn'`, [
    cohort.id,
  ]);
  const { rows } = await db.query(
    `SELECT e.person_id, p.full_name, c.id AS cohort_id, c.code AS cohort_code
       FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id JOIN personnel p ON p.id = e.person_id
      WHERE e.active AND e.person_id = $1 AND e.cohort_id <> $2
        AND e.starts_on <= $4::date AND e.ends_on >= $3::date
      ORDER BY c.starts_on, c.code`,
    [personId, cohort.id, cohort.starts_on, cohort.ends_on],
  );
  return rows.length;
}

/** This month, first to last day (UTC). */
function thisMonth() {
  const d = new Date();
  const at = (month, day) => new Date(Date.UTC(d.getUTCFullYear(), month, day)).toISOString().slice(0, 10);
  return { from: at(d.getUTCMonth(), 1), to: at(d.getUTCMonth() + 1, 0) };
}

// ---- HTTP ------------------------------------------------------------------------------------------------
async function login(email) {
  const res = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: process.env.BENCH_PASSWORD ?? 'jv-demo-password' }),
    signal: AbortSignal.timeout(15_000),
  });
  if (!res.ok) throw new Error(`login as ${email}: HTTP ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('jv_session='));
  if (!cookie) throw new Error(`login as ${email}: no jv_session cookie`);
  return { cookie, user: await res.json() };
}

class HttpError extends Error {
  constructor(status, path) {
    super(`HTTP ${status} for ${path}`);
    this.status = status;
  }
}

async function apiGet(session, path) {
  const res = await fetch(`${BASE_URL}${path}`, {
    headers: { cookie: session.cookie, accept: 'application/json', 'accept-encoding': ACCEPT_ENCODING },
    signal: AbortSignal.timeout(30_000),
  });
  if (!res.ok) {
    await res.body?.cancel();
    throw new HttpError(res.status, path);
  }
  return res.json();
}

/** A binary GET (a document): its size in bytes. */
async function apiGetBytes(session, path) {
  const res = await fetch(`${BASE_URL}${path}`, {
    headers: { cookie: session.cookie, 'accept-encoding': ACCEPT_ENCODING },
    signal: AbortSignal.timeout(60_000),
  });
  if (!res.ok) {
    await res.body?.cancel();
    throw new HttpError(res.status, path);
  }
  return (await res.arrayBuffer()).byteLength;
}
async function apiPost(session, path, body) {
  const res = await fetch(`${BASE_URL}${path}`, {
    method: 'POST',
    headers: {
      cookie: session.cookie,
      accept: 'application/json',
      'content-type': 'application/json',
      'accept-encoding': ACCEPT_ENCODING,
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  if (!res.ok) {
    await res.body?.cancel();
    throw new HttpError(res.status, path);
  }
  return res.json();
}
/** The quarter that ended most recently before today (UTC), as latestEndedPeriods() in libs/domain. */
function lastEndedQuarter() {
  const d = new Date();
  const q = Math.ceil((d.getUTCMonth() + 1) / 3) - 1;
  return q === 0 ? `${d.getUTCFullYear() - 1}-Q4` : `${d.getUTCFullYear()}-Q${q}`;
}
const itemsOf = (body) =>
  Array.isArray(body?.items)
    ? body.items.length
    : body?.turnaround
      ? body.turnaround.completed
      : Array.isArray(body?.months)
        ? body.months.length
        : Array.isArray(body?.perSupplier)
          ? body.perSupplier.length
          : Array.isArray(body?.bases)
            ? body.bases.reduce((n, b) => n + (b.cohorts?.length ?? 0), 0)
            : Array.isArray(body?.models)
              ? body.models.length
              : 1;

// ---- the bare handler -----------------------------------------------------------------------------------
// One route per scenario with SQL (`GET /<scenario>?i=<n>`): runs the scenario's statements on its own pool and
// writes every statement's rows as JSON. No auth, validation, mapping or logging: the floor the API is held to.

/** In the child: serves the scenarios once the parent sent their contexts (deep cursors) over IPC. */
function serveBare(scenarios, db) {
  const byName = new Map(scenarios.filter((s) => s.sql).map((s) => [s.name, s]));
  const contexts = new Map();
  process.on('message', (m) => {
    if (m?.type !== 'ctx') return;
    contexts.set(m.name, m.ctx);
    process.send({ type: 'ctx-ok', name: m.name });
  });
  process.on('disconnect', () => process.exit(0));
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const s = byName.get(url.pathname.slice(1));
    if (req.method !== 'GET' || !s) {
      res.writeHead(404).end();
      return;
    }
    const results = [];
    const capture = {
      async query(sql, params) {
        const r = await db.query(sql, params);
        results.push(r.rows);
        return r;
      },
    };
    try {
      const rows = await s.sql(contexts.get(s.name) ?? {}, Number(url.searchParams.get('i') ?? 0), capture);
      const body = JSON.stringify({ rows, results });
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
    } catch (e) {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: e.message }));
    }
  });
  server.listen(0, '127.0.0.1', () => process.send({ type: 'listening', port: server.address().port }));
}

/** In the parent: forks the bare handler, hands it the data parameters, resolves once it listens. */
async function startBare(params) {
  const child = fork(fileURLToPath(import.meta.url), process.argv.slice(2), {
    env: { ...process.env, JV_BENCH_BARE_CHILD: '1' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Set();
  child.once('exit', (code) => {
    for (const reject of waiting) reject(new Error(`bare handler exited (${code})`));
  });
  const next = (type, timeoutMs = 60_000) =>
    new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        child.off('message', onMessage);
        waiting.delete(reject);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`bare handler: no ${type} within ${timeoutMs} ms`));
      }, timeoutMs);
      const onMessage = (m) => {
        if (m?.type !== type) return;
        done();
        resolve(m);
      };
      child.on('message', onMessage);
      waiting.add(reject);
    });
  const listening = next('listening');
  child.send({ type: 'params', params });
  const { port } = await listening;
  return {
    base: `http://127.0.0.1:${port}`,
    async setContext(name, ctx) {
      const ok = next('ctx-ok');
      child.send({ type: 'ctx', name, ctx: { sqlAfter: ctx.sqlAfter ?? null, sqlPages: ctx.sqlPages ?? null } });
      await ok;
    },
    pid: child.pid,
    stop: () => child.kill('SIGTERM'),
  };
}

/** In the child: the data parameters the parent looked up (so both sides ask for the same rows). */
const paramsFromParent = () =>
  new Promise((resolve) => {
    const onMessage = (m) => {
      if (m?.type !== 'params') return;
      process.off('message', onMessage);
      resolve(m.params);
    };
    process.on('message', onMessage);
  });

async function bareGet(base, name, i) {
  const res = await fetch(`${base}/${name}?i=${i}`, {
    headers: { accept: 'application/json', 'accept-encoding': ACCEPT_ENCODING },
    signal: AbortSignal.timeout(30_000),
  });
  if (!res.ok) {
    await res.body?.cancel();
    throw new HttpError(res.status, name);
  }
  return (await res.json()).rows;
}

// ---- the runner ------------------------------------------------------------------------------------------
function percentile(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** User + system CPU time of these processes in ms (Linux /proc; clock ticks of 10 ms), or null. */
function cpuMs(pids) {
  if (!pids?.length) return null;
  try {
    return pids.reduce((sum, pid) => {
      // the fields after the command name (which may hold spaces) start at its closing parenthesis
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return sum + (Number(fields[11]) + Number(fields[12])) * 10;
    }, 0);
  } catch {
    return null;
  }
}

/**
 * Runs `fn(i)` N times, `clients` at a time, stopping at the time limit; latencies in ms. With `pids`, also
 * the CPU time those processes spent per request while it ran.
 */
async function load(fn, clients, pids) {
  for (let i = 0; i < WARMUP; i++) await fn(i);
  const cpuBefore = cpuMs(pids);
  const latencies = [];
  const errors = [];
  let rows = null;
  let next = 0;
  const started = performance.now();
  const deadline = started + MAX_MS;
  const worker = async () => {
    while (next < N && performance.now() < deadline) {
      const i = next++;
      const t = performance.now();
      try {
        const r = await fn(i);
        latencies.push(performance.now() - t);
        rows ??= r;
      } catch (e) {
        errors.push(e.message);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  const wall = performance.now() - started;
  const cpuAfter = cpuMs(pids);
  latencies.sort((a, b) => a - b);
  return {
    count: latencies.length,
    errors: errors.length,
    firstError: errors[0] ?? null,
    rows,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: latencies.at(-1) ?? null,
    throughput: latencies.length / (wall / 1000),
    cpuPerRequest:
      cpuBefore != null && cpuAfter != null && latencies.length ? (cpuAfter - cpuBefore) / latencies.length : null,
    timedOut: next < N,
  };
}

async function main() {
  const t0 = performance.now();
  const db = DATABASE_URL
    ? new pg.Pool({
        connectionString: DATABASE_URL,
        max: BARE_CHILD ? BARE_POOL : C,
        application_name: BARE_CHILD ? 'jv-scale-bench-bare' : 'jv-scale-bench',
      })
    : null;
  const useApi = SIDES.has('api') && !BARE_CHILD;
  const useSql = SIDES.has('sql') && !BARE_CHILD && db;
  const useBare = SIDES.has('bare') && !BARE_CHILD && db;
  /** the deep-cursor scenarios look up their SQL cursors for the SQL side and the bare handler */
  const useDb = useSql || useBare;

  // sessions: admin for everything, workshop for its board, the second logistics user for its approval queue
  let admin = null;
  let workshop = null;
  let approver = null;
  if (useApi) {
    admin = await login('admin@jv.example');
    workshop = await login('workshop@jv.example');
    approver = await login('logistics2@jv.example');
  }

  // parameters from the data
  let meta = { systems: null, jobs: null };
  let sampleIds = [];
  let modelId = null;
  let workshopUser = workshop?.user ?? null;
  let approverId = approver?.user?.id ?? null;
  /** the partner that supplies the most requests, for plan vs actual */
  let supplierId = null;
  /** the partner that donated the most systems, for its partner report */
  let donorId = null;
  /** the training base with the most cohorts, and enrolling cohorts with people to try enrolling */
  let baseId = null;
  let enrolling = [];
  let personSample = [];
  if (BARE_CHILD)
    ({ meta, sampleIds, modelId, workshopUser, approverId, supplierId, donorId, baseId, enrolling, personSample } =
      await paramsFromParent());
  else if (db) {
    meta = (
      await db.query(`SELECT (SELECT count(*) FROM systems)::int AS systems,
                             (SELECT count(*) FROM repair_jobs)::int AS jobs,
                             (SELECT count(*) FROM component_requests)::int AS requests,
                             (SELECT count(*) FROM deliveries)::int AS deliveries,
                             (SELECT count(*) FROM usage_reports)::int AS usage_reports,
                             (SELECT count(*) FROM work_logs)::int AS work_logs`)
    ).rows[0];
    sampleIds = (await db.query(`SELECT id FROM systems ORDER BY random() LIMIT 500`)).rows.map((r) => r.id);
    modelId = (
      await db.query(`SELECT model_id FROM systems GROUP BY model_id ORDER BY count(*) DESC, model_id LIMIT 1`)
    ).rows[0]?.model_id;
    approverId ??= (await db.query(`SELECT id FROM users WHERE email = 'logistics2@jv.example'`)).rows[0]?.id ?? null;
    supplierId = (
      await db.query(`SELECT supplier_partner_id AS id FROM component_requests WHERE supplier_partner_id IS NOT NULL
                       GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`)
    ).rows[0]?.id;
    donorId = (
      await db.query(`SELECT donor_partner_id AS id FROM systems GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`)
    ).rows[0]?.id;
    baseId = (
      await db.query(`SELECT c.facility_id AS id FROM cohorts c JOIN facilities f ON f.id = c.facility_id
                       WHERE f.kind = 'training_base' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`)
    ).rows[0]?.id;
    enrolling = (
      await db.query(`SELECT id, starts_on::text AS starts_on, ends_on::text AS ends_on FROM cohorts
                       WHERE status = 'enrolling' ORDER BY id LIMIT 200`)
    ).rows;
    personSample = (await db.query(`SELECT id FROM personnel ORDER BY random() LIMIT 500`)).rows.map((r) => r.id);
    if (!workshopUser) {
      const [u] = (await db.query(`SELECT id, role, facility_ids FROM users WHERE email = 'workshop@jv.example'`)).rows;
      workshopUser = u ? { id: u.id, role: u.role, facilityIds: u.facility_ids } : null;
    }
  }
  if (!sampleIds.length && useApi) {
    try {
      sampleIds = (await apiGet(admin, '/api/v1/systems?limit=200')).items.map((s) => s.id);
      modelId ??= (await apiGet(admin, '/api/v1/system-models')).items?.[0]?.id ?? null;
    } catch {
      /* reported per scenario */
    }
  }
  if (!supplierId && useApi) {
    try {
      supplierId = (await apiGet(admin, '/api/v1/partners?role=co_lead')).items?.[0]?.id ?? null;
    } catch {
      /* reported per scenario */
    }
  }
  donorId ??= supplierId;
  const reportPeriod = lastEndedQuarter();
  const facilityId = workshopUser?.facilityIds?.[0] ?? null;
  const adminUser = { role: 'admin', facilityIds: [] };
  const wsUser = { role: 'workshop', facilityIds: workshopUser?.facilityIds ?? [] };
  const bare = useBare
    ? await startBare({
        meta,
        sampleIds,
        modelId,
        workshopUser,
        approverId,
        supplierId,
        donorId,
        baseId,
        enrolling,
        personSample,
      })
    : null;
  if (!BARE_CHILD) {
    console.log(`data: ${JSON.stringify(meta)}; model ${modelId}; workshop facility ${facilityId}`);
    console.log(
      `load: ${N} requests per side and client count; clients ${CLIENTS.join(',')} (API, bare handler, ` +
        `bare pool ${BARE_POOL}), ${C} (SQL side); warmup ${WARMUP}; limit ${MAX_MS / 1000}s per side\n`,
    );
  }

  /** Walks up to DEEP_PAGES pages of an API list and returns the cursor of the last page reached. */
  async function deepApiCursor(path, session = admin) {
    let cursor = null;
    let pages = 0;
    const deadline = performance.now() + MAX_MS;
    for (; pages < DEEP_PAGES && performance.now() < deadline; pages++) {
      const body = await apiGet(session, `${path}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      if (!body.nextCursor) break;
      cursor = body.nextCursor;
    }
    return { cursor, pages };
  }

  const scenarios = [
    {
      name: 'systems-first-page',
      api: () => ({ session: admin, path: '/api/v1/systems?limit=50' }),
      sql: (_ctx, _i, d = db) => sqlSystemsPage(d, {}),
    },
    {
      name: 'systems-deep-cursor',
      prepare: async (ctx) => {
        if (useApi) Object.assign(ctx, await deepApiCursor('/api/v1/systems?limit=50').catch((e) => ({ error: e })));
        if (useDb) {
          const depth = ctx.pages ?? Math.min(DEEP_PAGES, Math.max(0, Math.ceil(meta.systems / 50) - 1));
          const [row] = (
            await db.query(`SELECT serial_number, id FROM systems ORDER BY serial_number, id OFFSET $1 LIMIT 1`, [
              Math.max(0, depth * 50 - 1),
            ])
          ).rows;
          ctx.sqlAfter = depth > 0 && row ? [row.serial_number, row.id] : null;
          ctx.sqlPages = depth;
        }
      },
      api: (ctx) => ({
        session: admin,
        path: `/api/v1/systems?limit=50${ctx.cursor ? `&cursor=${encodeURIComponent(ctx.cursor)}` : ''}`,
      }),
      sql: (ctx, _i, d = db) => sqlSystemsPage(d, { after: ctx.sqlAfter }),
      note: (ctx) => `depth ${ctx.pages ?? ctx.sqlPages} pages`,
    },
    {
      name: 'systems-filtered',
      api: () => ({
        session: admin,
        path: `/api/v1/systems?limit=50&status=operational&modelId=${modelId}&wearAbove=50`,
      }),
      sql: (_ctx, _i, d = db) =>
        sqlSystemsPage(d, {
          build: (p) => [
            `s.status = ANY(${p.add(['operational'])}::text[])`,
            `s.model_id = ${p.add(modelId)}::uuid`,
            `s.barrel_wear > ${p.add(0.5)}::float8`,
          ],
        }),
    },
    {
      name: 'systems-sort-wear-desc',
      api: () => ({ session: admin, path: '/api/v1/systems?limit=50&sort=wear&order=desc' }),
      sql: (_ctx, _i, d = db) => sqlSystemsPage(d, { sort: 'wear', order: 'desc' }),
    },
    {
      name: 'system-detail',
      api: (_ctx, i) => ({ session: admin, path: `/api/v1/systems/${sampleIds[i % sampleIds.length]}` }),
      sql: async (_ctx, i, d = db) => {
        const { rows } = await d.query(`${SYSTEM_SELECT} WHERE s.id = $1::uuid`, [sampleIds[i % sampleIds.length]]);
        await d.query(USAGE_WINDOW_SQL, [rows.map((r) => r.id), utcToday(), FORECAST_WINDOW_DAYS]);
        return rows.length;
      },
    },
    {
      name: 'job-board-facility',
      api: () => ({ session: workshop, path: `/api/v1/repair-jobs?facilityId=${facilityId}&open=true&limit=200` }),
      sql: (_ctx, _i, d = db) => sqlJobsPage(d, { user: wsUser, facilityId, open: true, limit: 200 }),
    },
    {
      name: 'jobs-filtered',
      api: () => ({ session: admin, path: '/api/v1/repair-jobs?status=completed&kind=corrective&limit=50' }),
      sql: (_ctx, _i, d = db) => sqlJobsPage(d, { user: adminUser, status: 'completed', kind: 'corrective' }),
    },
    {
      name: 'jobs-deep-cursor',
      prepare: async (ctx) => {
        if (useApi)
          Object.assign(ctx, await deepApiCursor('/api/v1/repair-jobs?limit=50').catch((e) => ({ error: e })));
        if (useDb) {
          const depth = ctx.pages ?? Math.min(DEEP_PAGES, Math.max(0, Math.ceil(meta.jobs / 50) - 1));
          const [row] = (
            await db.query(
              `SELECT priority_rank,
                      to_char(opened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS opened_at_key, id
               FROM repair_jobs ORDER BY priority_rank, opened_at, id OFFSET $1 LIMIT 1`,
              [Math.max(0, depth * 50 - 1)],
            )
          ).rows;
          ctx.sqlAfter = depth > 0 && row ? [row.priority_rank, row.opened_at_key, row.id] : null;
          ctx.sqlPages = depth;
        }
      },
      api: (ctx) => ({
        session: admin,
        path: `/api/v1/repair-jobs?limit=50${ctx.cursor ? `&cursor=${encodeURIComponent(ctx.cursor)}` : ''}`,
      }),
      sql: (ctx, _i, d = db) => sqlJobsPage(d, { user: adminUser, after: ctx.sqlAfter }),
      note: (ctx) => `depth ${ctx.pages ?? ctx.sqlPages} pages`,
    },
    {
      name: 'job-metrics',
      api: () => ({ session: admin, path: '/api/v1/repair-jobs/metrics' }),
      note: () => 'API only; default 90-day window',
    },
    {
      // the longest window a request may ask for: the answer must not grow with it
      name: 'job-metrics-3y',
      api: () => {
        const to = utcToday();
        const from = new Date(Date.parse(to) - 1095 * 86_400_000).toISOString().slice(0, 10);
        return { session: admin, path: `/api/v1/repair-jobs/metrics?from=${from}&to=${to}` };
      },
      note: () => 'API only; a 3-year window',
    },
    {
      name: 'requests-first-page',
      api: () => ({ session: admin, path: '/api/v1/component-requests?limit=50' }),
      sql: (_ctx, _i, d = db) => sqlRequestsPage(d),
    },
    {
      name: 'requests-deep-cursor',
      prepare: async (ctx) => {
        if (useApi)
          Object.assign(ctx, await deepApiCursor('/api/v1/component-requests?limit=50').catch((e) => ({ error: e })));
        if (useDb) {
          const depth = ctx.pages ?? Math.min(DEEP_PAGES, Math.max(0, Math.ceil(meta.requests / 50) - 1));
          const [row] = (
            await db.query(
              `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at_key, id
                 FROM component_requests ORDER BY created_at DESC, id DESC OFFSET $1 LIMIT 1`,
              [Math.max(0, depth * 50 - 1)],
            )
          ).rows;
          ctx.sqlAfter = depth > 0 && row ? [row.created_at_key, row.id] : null;
          ctx.sqlPages = depth;
        }
      },
      api: (ctx) => ({
        session: admin,
        path: `/api/v1/component-requests?limit=50${ctx.cursor ? `&cursor=${encodeURIComponent(ctx.cursor)}` : ''}`,
      }),
      sql: (ctx, _i, d = db) => sqlRequestsPage(d, { after: ctx.sqlAfter }),
      note: (ctx) => `depth ${ctx.pages ?? ctx.sqlPages} pages`,
    },
    {
      name: 'requests-approval-queue',
      api: () => ({ session: approver, path: '/api/v1/component-requests?awaitingMyApproval=true&limit=50' }),
      sql: (_ctx, _i, d = db) => sqlRequestsPage(d, { awaitingBy: approverId }),
      note: () => 'as logistics2@',
    },
    {
      name: 'requests-overdue',
      api: () => ({ session: admin, path: '/api/v1/component-requests?overdue=true&limit=50' }),
      sql: (_ctx, _i, d = db) => sqlRequestsPage(d, { overdue: true }),
    },
    {
      name: 'plan-vs-actual-12m',
      api: () => {
        const { from, to } = lastMonths(12);
        return {
          session: admin,
          path: `/api/v1/supply-plans/plan-vs-actual?partnerId=${supplierId}&from=${from}&to=${to}`,
        };
      },
      sql: (_ctx, _i, d = db) => sqlPlanVsActual(d, supplierId, lastMonths(12)),
    },
    {
      name: 'request-metrics',
      api: () => ({ session: admin, path: '/api/v1/component-requests/metrics' }),
      note: () => 'API only; as admin',
    },
    {
      name: 'training-calendar-month',
      api: () => {
        const { from, to } = thisMonth();
        return { session: admin, path: `/api/v1/training/calendar?facilityId=${baseId}&from=${from}&to=${to}` };
      },
      sql: (_ctx, _i, d = db) => sqlCalendar(d, baseId, thisMonth()),
      note: () => 'busiest base, this month',
    },
    {
      name: 'enroll-conflict-check',
      // read-only: the checks an enrollment runs before its INSERT; the API side would write, so it is left out
      sql: (_ctx, i, d = db) =>
        enrolling.length && personSample.length
          ? sqlEnrollCheck(d, enrolling[i % enrolling.length], personSample[i % personSample.length])
          : 0,
      note: () => `SQL only, ${enrolling.length} enrolling cohorts`,
    },
    {
      name: 'cohorts-deep-cursor',
      prepare: async (ctx) => {
        if (useApi) Object.assign(ctx, await deepApiCursor('/api/v1/cohorts?limit=50').catch((e) => ({ error: e })));
        if (useDb) {
          const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM cohorts`)).rows;
          const depth = ctx.pages ?? Math.min(DEEP_PAGES, Math.max(0, Math.ceil(n / 50) - 1));
          const [row] = (
            await db.query(
              `SELECT starts_on::text AS starts_on, id FROM cohorts ORDER BY starts_on DESC, id DESC OFFSET $1 LIMIT 1`,
              [Math.max(0, depth * 50 - 1)],
            )
          ).rows;
          ctx.sqlAfter = depth > 0 && row ? [row.starts_on, row.id] : null;
          ctx.sqlPages = depth;
        }
      },
      api: (ctx) => ({
        session: admin,
        path: `/api/v1/cohorts?limit=50${ctx.cursor ? `&cursor=${encodeURIComponent(ctx.cursor)}` : ''}`,
      }),
      sql: (ctx, _i, d = db) => sqlCohortsPage(d, { after: ctx.sqlAfter }),
      note: (ctx) => `depth ${ctx.pages ?? ctx.sqlPages} pages`,
    },
    {
      name: 'crew-coverage',
      api: () => ({ session: admin, path: '/api/v1/training/crew-coverage' }),
      sql: (_ctx, _i, d = db) => sqlCrewCoverage(d),
    },
    // ---- partner reports and the dashboard: API side only ----
    {
      name: 'partner-report-preview',
      api: () => ({
        session: admin,
        path: `/api/v1/partner-reports/preview?partnerId=${donorId}&period=${reportPeriod}`,
      }),
      count: (body) => body?.fleet?.systems ?? 0,
      note: () => `API only; top donor, ${reportPeriod}; rows = systems`,
    },
    {
      name: 'dashboard',
      api: () => ({ session: admin, path: '/api/v1/dashboard' }),
      count: (body) => body?.fleet?.inService ?? 0,
      note: () => 'API only; as admin; rows = systems in service',
    },
    {
      name: 'partner-report-pdf',
      // a draft (or approved) report's PDF is rendered on every request; a published one is stored
      prepare: async (ctx) => {
        if (!useApi) return;
        try {
          for (const status of ['draft', 'approved']) {
            const found = await apiGet(admin, `/api/v1/partner-reports?status=${status}&partnerId=${donorId}&limit=1`);
            ctx.reportId ??= found.items?.[0]?.id;
          }
          if (!ctx.reportId) {
            const created = await apiPost(admin, '/api/v1/partner-reports', {
              partnerId: donorId,
              period: reportPeriod,
            });
            ctx.reportId = created.id;
            ctx.created = true;
          }
        } catch (e) {
          ctx.error = e;
        }
      },
      api: (ctx) => ({ session: admin, path: `/api/v1/partner-reports/${ctx.reportId}/document.pdf?lang=uk` }),
      binary: true,
      cleanup: async (ctx) => {
        // a draft made for the benchmark is discarded again, so the partner's period is free to prepare
        if (ctx.created)
          await apiPost(admin, `/api/v1/partner-reports/${ctx.reportId}/transitions`, {
            to: 'discarded',
            comment: 'scale benchmark draft',
          }).catch((e) => console.error(`could not discard the benchmark draft ${ctx.reportId}: ${e.message}`));
      },
      note: (ctx) =>
        `API only; ${ctx.created ? 'a draft made (and discarded) for the run' : 'an open report'}` +
        `${ctx.bytes ? `, ${(ctx.bytes / 1024).toFixed(0)} KiB` : ''}; rows = 1 document`,
    },
  ].filter((s) => !ONLY || ONLY.has(s.name));
  if (BARE_CHILD) {
    serveBare(scenarios, db);
    return;
  }

  const results = [];
  const plans = [];
  /** Runs a scenario's SQL once through a client that also EXPLAINs each statement; returns the plans. */
  async function explainOnce(run) {
    const out = [];
    const edb = {
      async query(sql, params) {
        const plan = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
        out.push(`${sql.replace(/\s+/g, ' ').slice(0, 160)}…\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
        return db.query(sql, params);
      },
    };
    await run(edb);
    return out.join('\n\n');
  }
  for (const s of scenarios) {
    const ctx = {};
    /** api and bare: one result per client count */
    const out = { scenario: s.name, api: null, bare: null, sql: null, note: null };
    process.stdout.write(`${s.name} … `);
    if (s.prepare) await s.prepare(ctx);
    const get = (r) => (s.binary ? apiGetBytes(r.session, r.path) : apiGet(r.session, r.path));
    let apiAvailable = false;
    if (useApi && !s.api) out.api = { na: true, reason: 'SQL only' };
    else if (useApi) {
      // one probe: a missing endpoint (404/405) is "n/a", not a failure
      const probe = s.api(ctx, 0);
      let available = !ctx.error;
      if (ctx.error instanceof HttpError) available = false;
      else if (available) {
        try {
          const body = await get(probe);
          if (s.binary) ctx.bytes = body;
        } catch (e) {
          if (e instanceof HttpError && (e.status === 404 || e.status === 405)) available = false;
          else throw e;
        }
      }
      apiAvailable = available;
      out.api = available ? {} : { na: true, reason: ctx.error?.message ?? 'endpoint answered 404' };
    }
    if (useBare && !s.sql) out.bare = { na: true, reason: 'API only' };
    else if (useBare) {
      await bare.setContext(s.name, ctx);
      out.bare = {};
    }
    // the API and the bare handler take turns per client count, so a busy spell on the machine hits both
    for (const clients of CLIENTS) {
      if (apiAvailable) {
        out.api[clients] = await load(
          async (i) => {
            const body = await get(s.api(ctx, i));
            return s.binary ? 1 : s.count ? s.count(body) : itemsOf(body);
          },
          clients,
          API_PIDS,
        );
      }
      if (out.bare && !out.bare.na)
        out.bare[clients] = await load((i) => bareGet(bare.base, s.name, i), clients, [bare.pid]);
    }
    if (s.cleanup) await s.cleanup(ctx);
    if (useSql && !s.sql) out.sql = { na: true, reason: 'API only' };
    else if (useSql) out.sql = await load((i) => s.sql(ctx, i), C);
    if (useSql && s.sql && args.explain) plans.push(`=== ${s.name}\n${await explainOnce((edb) => s.sql(ctx, 0, edb))}`);
    out.note = s.note ? s.note(ctx) : null;
    results.push(out);
    process.stdout.write('done\n');
  }

  // ---- report -------------------------------------------------------------------------------------------
  const ms = (v) => (v == null ? 'n/a' : v.toFixed(1));
  const side = (r) => (!r || r.na ? ['n/a', 'n/a'] : [ms(r.p50), ms(r.p95)]);
  const at = (sideResults, clients) => (!sideResults || sideResults.na ? null : (sideResults[clients] ?? null));
  const shares = [];
  if (useApi || useBare) {
    const table = results.flatMap((r) =>
      CLIENTS.map((clients) => {
        const a = at(r.api, clients);
        const b = at(r.bare, clients);
        const share = a && b && b.throughput ? (100 * a.throughput) / b.throughput : null;
        if (share != null && clients === CLIENTS.at(-1)) shares.push({ scenario: r.scenario, share });
        const rows = [a?.rows, b?.rows].filter((v) => v != null);
        return {
          scenario: r.scenario,
          clients,
          'API p50': side(a)[0],
          'API p95': side(a)[1],
          'bare p50': side(b)[0],
          'bare p95': side(b)[1],
          'API req/s': a ? a.throughput.toFixed(0) : 'n/a',
          'bare req/s': b ? b.throughput.toFixed(0) : 'n/a',
          share: share == null ? 'n/a' : `${share.toFixed(0)}%`,
          ...(API_PIDS.length
            ? { 'API cpu/req': ms(a?.cpuPerRequest ?? null), 'bare cpu/req': ms(b?.cpuPerRequest ?? null) }
            : {}),
          rows: rows.length === 2 && rows[0] !== rows[1] ? `${rows[0]}/${rows[1]}` : String(rows[0] ?? 'n/a'),
          errors: (a?.errors ?? 0) + (b?.errors ?? 0),
          note: [r.note, a?.timedOut || b?.timedOut ? 'time limit hit' : null].filter(Boolean).join('; '),
        };
      }),
    );
    console.log();
    printTable(table);
  }
  if (useSql) {
    console.log(`\nSQL side (pool of ${C}, ${C} in flight):`);
    printTable(
      results.map((r) => ({
        scenario: r.scenario,
        'SQL p50': side(r.sql)[0],
        'SQL p95': side(r.sql)[1],
        'req/s': r.sql && !r.sql.na ? r.sql.throughput.toFixed(0) : 'n/a',
        rows: r.sql?.rows ?? 'n/a',
        errors: r.sql?.errors ?? 0,
        note: r.sql?.timedOut ? 'time limit hit' : (r.sql?.reason ?? ''),
      })),
    );
  }
  for (const r of results) {
    const runs = [['SQL', r.sql]];
    for (const clients of CLIENTS)
      runs.push([`API c=${clients}`, at(r.api, clients)], [`bare c=${clients}`, at(r.bare, clients)]);
    for (const [k, v] of runs)
      if (v?.firstError) console.log(`${r.scenario} ${k}: ${v.errors} errors, first: ${v.firstError}`);
  }
  const legend = [
    `total ${((performance.now() - t0) / 1000).toFixed(1)}s; latencies in ms`,
    useApi && useBare ? "share = API req/s as a share of the bare handler's at the same client count" : null,
    API_PIDS.length ? 'cpu/req = CPU ms per request of the process(es)' : null,
  ];
  console.log(`\n${legend.filter(Boolean).join('; ')}`);
  if (shares.length) {
    const worst = shares.reduce((a, b) => (b.share < a.share ? b : a));
    console.log(`lowest share at ${CLIENTS.at(-1)} clients: ${worst.share.toFixed(0)}% (${worst.scenario})`);
  }
  bare?.stop();

  if (args.json) {
    writeFileSync(
      args.json,
      JSON.stringify(
        {
          at: new Date().toISOString(),
          baseUrl: useApi ? BASE_URL : null,
          data: meta,
          config: {
            requests: N,
            clients: CLIENTS,
            concurrency: C,
            barePool: BARE_POOL,
            sides: [...SIDES],
            warmup: WARMUP,
            maxSeconds: MAX_MS / 1000,
            deepPages: DEEP_PAGES,
          },
          results,
        },
        null,
        2,
      ),
    );
    console.log(`results written to ${args.json}`);
  }
  if (args.explain) {
    writeFileSync(args.explain, plans.join('\n\n'));
    console.log(`plans written to ${args.explain}`);
  }
  await db?.end();
}

function printTable(rows) {
  const cols = Object.keys(rows[0] ?? {});
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (vals) =>
    vals
      .map((v, i) => (i === 0 || i === cols.length - 1 ? String(v).padEnd(width[i]) : String(v).padStart(width[i])))
      .join('  ');
  console.log(line(cols));
  console.log(width.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(cols.map((c) => r[c])));
}

main().catch((e) => {
  console.error(`bench failed: ${e.stack ?? e.message}`);
  process.exit(1);
});
