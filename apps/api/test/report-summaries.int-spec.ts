import type { DataSource } from 'typeorm';
import {
  FLEET_SQL,
  fleetModelsOf,
  SUPPLY_SQL,
  TRAINING_SQL,
  USE_SQL,
} from '../src/modules/partner-reports/partner-report-figures';
import { insertReportFixtures, type ReportFixtures } from './support/partner-reports-fixtures';
import { createTestApp, type TestContext } from './support/test-app';

/*
 * The report's use, supply and training statements read summaries kept by triggers
 * (migration MaintainSupplyAndReportSummaries). Their figures must be the ones the statements gave before, which
 * read the live rows: those are kept here, verbatim, as the reference, and both are run over the report fixtures
 * (month and quarter edges, the Kyiv end of a period) plus rows added below, for every partner and for months
 * and quarters around them, before and after each kind of write the triggers must follow.
 */

const BOUNDS_CTE = `b AS (
  SELECT ($2::date::timestamp AT TIME ZONE 'Europe/Kyiv') AS start_ts,
         (($3::date + 1)::timestamp AT TIME ZONE 'Europe/Kyiv') AS end_ts,
         least((($3::date + 1)::timestamp AT TIME ZONE 'Europe/Kyiv'), $4::timestamptz) AS at_ts
)`;

const FLEET_CTE = `fleet AS (
  SELECT s.id, s.model_id,
         coalesce((SELECT h.from_status FROM system_status_history h
                    WHERE h.system_id = s.id AND h.at >= b.at_ts
                    ORDER BY h.at, h.id LIMIT 1), s.status) AS status
    FROM systems s CROSS JOIN b
   WHERE s.donor_partner_id = $1::uuid AND s.created_at < b.at_ts
)`;

const OLD_USE_SQL = `
SELECT s.model_id, sm.designation, sum(x.rounds)::int AS rounds, round(sum(x.efc), 2)::float8 AS efc
  FROM systems s
  JOIN system_models sm ON sm.id = s.model_id
 CROSS JOIN LATERAL (
   SELECT sum(u.rounds) AS rounds, sum(u.efc) AS efc FROM usage_reports u
    WHERE u.system_id = s.id AND u.date BETWEEN $2::date AND $3::date
 ) x
 WHERE s.donor_partner_id = $1::uuid AND x.rounds IS NOT NULL
 GROUP BY s.model_id, sm.designation
 ORDER BY sm.designation, s.model_id`;

const OLD_SUPPLY_SQL = `
WITH ${BOUNDS_CTE},
months AS (SELECT g::date AS month FROM generate_series($2::date, $3::date, interval '1 month') AS g),
planned AS (
  SELECT p.month,
         coalesce(sum(l.quantity) FILTER (WHERE l.component_id IS NOT NULL), 0)::int AS components,
         coalesce(sum(l.quantity) FILTER (WHERE l.system_model_id IS NOT NULL), 0)::int AS systems
    FROM supply_plans p JOIN supply_plan_lines l ON l.plan_id = p.id
   WHERE p.partner_id = $1::uuid AND p.month BETWEEN $2::date AND $3::date
   GROUP BY p.month
),
components AS (
  SELECT date_trunc('month', d.received_on)::date AS month, sum(d.quantity)::int AS n
    FROM deliveries d JOIN component_requests r ON r.id = d.request_id
   WHERE r.supplier_partner_id = $1::uuid AND d.received_on BETWEEN $2::date AND $3::date
   GROUP BY 1
),
systems_in AS (
  SELECT date_trunc('month', s.delivered_on)::date AS month, count(*)::int AS n
    FROM systems s
   WHERE s.donor_partner_id = $1::uuid AND s.delivered_on BETWEEN $2::date AND $3::date
   GROUP BY 1
),
open_requests AS (
  SELECT count(*)::int AS open,
         count(*) FILTER (WHERE r.needed_by < (b.at_ts AT TIME ZONE 'Europe/Kyiv')::date)::int AS overdue
    FROM component_requests r CROSS JOIN b
   WHERE r.supplier_partner_id = $1::uuid AND r.approved_at < b.at_ts
     AND (r.closed_at IS NULL OR r.closed_at >= b.at_ts)
)
SELECT to_char(mo.month, 'YYYY-MM') AS month,
       coalesce(pl.components, 0) AS planned_components, coalesce(c.n, 0) AS delivered_components,
       coalesce(pl.systems, 0) AS planned_systems, coalesce(si.n, 0) AS delivered_systems,
       o.open AS open_requests, o.overdue AS overdue_requests
  FROM months mo
  LEFT JOIN planned pl ON pl.month = mo.month
  LEFT JOIN components c ON c.month = mo.month
  LEFT JOIN systems_in si ON si.month = mo.month
 CROSS JOIN open_requests o
 ORDER BY mo.month`;

const OLD_TRAINING_SQL = `
WITH ${BOUNDS_CTE}, ${FLEET_CTE},
models AS (SELECT DISTINCT f.model_id FROM fleet f),
in_service AS (SELECT f.model_id, count(*)::int AS n FROM fleet f WHERE f.status <> 'written_off' GROUP BY f.model_id),
per_kind AS (
  SELECT q.system_model_id, q.kind, count(DISTINCT q.person_id)::int AS n
    FROM qualifications q JOIN models mo ON mo.model_id = q.system_model_id
   WHERE q.granted_on <= $3::date
   GROUP BY q.system_model_id, q.kind
),
qualified AS (
  SELECT system_model_id,
         max(n) FILTER (WHERE kind = 'operator') AS operator,
         max(n) FILTER (WHERE kind = 'maintainer') AS maintainer,
         max(n) FILTER (WHERE kind = 'commander') AS commander
    FROM per_kind
   GROUP BY system_model_id
)
SELECT (SELECT count(*)::int FROM cohorts c JOIN courses co ON co.id = c.course_id
         WHERE co.system_model_id IN (SELECT model_id FROM models) AND c.status = 'completed'
           AND c.ends_on BETWEEN $2::date AND $3::date) AS cohorts_completed,
       (SELECT count(DISTINCT q.person_id)::int FROM qualifications q
         WHERE q.system_model_id IN (SELECT model_id FROM models)
           AND q.granted_on BETWEEN $2::date AND $3::date) AS people_qualified,
       coalesce((
         SELECT json_agg(json_build_object(
                  'modelId', sm.id, 'designation', sm.designation, 'crewSize', sm.crew_size,
                  'systemsInService', coalesce(i.n, 0), 'operator', coalesce(qu.operator, 0),
                  'maintainer', coalesce(qu.maintainer, 0), 'commander', coalesce(qu.commander, 0))
                ORDER BY sm.designation, sm.id)
           FROM system_models sm JOIN models mo ON mo.model_id = sm.id
           LEFT JOIN qualified qu ON qu.system_model_id = sm.id
           LEFT JOIN in_service i ON i.model_id = sm.id), '[]'::json) AS coverage`;

/** months and quarters around the fixtures' 2025-Q3 */
const PERIODS: Array<[string, string]> = [
  ['2025-05-01', '2025-05-31'],
  ['2025-06-01', '2025-06-30'],
  ['2025-07-01', '2025-07-31'],
  ['2025-08-01', '2025-08-31'],
  ['2025-09-01', '2025-09-30'],
  ['2025-10-01', '2025-10-31'],
  ['2025-04-01', '2025-06-30'],
  ['2025-07-01', '2025-09-30'],
  ['2025-10-01', '2025-12-31'],
];
/** after every period, and inside the last quarter (a period still running ends now) */
const NOWS = ['2026-01-15T00:00:00Z', '2025-11-15T12:00:00Z'];

describe('report summaries kept on write (integration, real PostgreSQL)', () => {
  let ctx: TestContext;
  let db: DataSource;
  let fx: ReportFixtures;
  let component: string;
  let seq = 0;

  const id = async (sql: string, params: unknown[] = []) => (await db.query(sql, params))[0].id as string;
  const person = (n: number) => id(`SELECT id FROM personnel WHERE service_number = $1`, [`SN-SECRET-R${n}`]);
  const courseOf = (code: string) => id(`SELECT id FROM courses WHERE code = $1`, [code]);

  /** a completed cohort of `code` ending on `on`, enrolling `people` (person numbers); withdrawn ones qualify not */
  async function cohort(code: string, on: string, people: number[], withdrawn: number[] = []) {
    const course = await courseOf(code);
    const cohortId = await id(
      `INSERT INTO cohorts (code, course_id, facility_id, starts_on, ends_on, seats, status)
       VALUES ($1, $2, $3, $4::date - 5, $4::date, 10, 'completed') RETURNING id`,
      [`RS-${++seq}`, course, fx.base, on],
    );
    const qualified: string[] = [];
    for (const n of [...people, ...withdrawn]) {
      const done = people.includes(n);
      const enrollment = await id(
        `INSERT INTO enrollments (cohort_id, person_id, status, starts_on, ends_on, active)
         VALUES ($1, $2, $3, $4::date - 5, $4::date, false) RETURNING id`,
        [cohortId, await person(n), done ? 'completed' : 'withdrawn', on],
      );
      if (done) qualified.push(enrollment);
    }
    // one statement for the cohort, as a cohort's completion grants them
    await db.query(
      `INSERT INTO qualifications (person_id, system_model_id, kind, granted_on, cohort_id, enrollment_id)
       SELECT e.person_id, co.system_model_id, co.kind, $2::date, $1, e.id
         FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id JOIN courses co ON co.id = c.course_id
        WHERE e.id = ANY($3::uuid[])`,
      [cohortId, on, qualified],
    );
    return cohortId;
  }

  async function request(supplier: string, quantity: number) {
    return id(
      `INSERT INTO component_requests (number, component_id, quantity, delivered_quantity, priority, needed_by,
                                       facility_id, justification, status, supplier_partner_id, approved_at)
       VALUES ($1, $2, $3, 0, 'routine', '2025-09-01', $4, 'Split deliveries', 'shipped', $5, '2025-07-01T10:00Z')
       RETURNING id`,
      [`CR-2025-${String(900 + ++seq).padStart(5, '0')}`, component, quantity, fx.facilities.WS1, supplier],
    );
  }
  const deliver = (requestId: string, quantity: number, on: string) =>
    db.query(
      `INSERT INTO deliveries (request_id, quantity, received_on, waybill) VALUES ($1, $2, $3, 'WB-S') RETURNING id`,
      [requestId, quantity, on],
    );

  /** every partner, period and "now": the statements give what the reference statements give */
  async function expectSameFigures() {
    let compared = 0;
    for (const partner of Object.values(fx.partners))
      for (const [start, end] of PERIODS)
        for (const now of NOWS) {
          const params = [partner, start, end, now];
          // the training statement counts crews for the fleet statement's models
          const fleet = await db.query(FLEET_SQL, params);
          for (const [next, old] of [
            [() => db.query(USE_SQL, params.slice(0, 3)), OLD_USE_SQL],
            [() => db.query(SUPPLY_SQL, params), OLD_SUPPLY_SQL],
            [() => db.query(TRAINING_SQL, [start, end, fleetModelsOf(fleet)]), OLD_TRAINING_SQL],
          ] as const) {
            const expected = await db.query(old, old === OLD_USE_SQL ? params.slice(0, 3) : params);
            expect({ partner, start, end, now, rows: await next() }).toEqual({
              partner,
              start,
              end,
              now,
              rows: expected,
            });
            compared++;
          }
        }
    return compared;
  }

  /** the summaries hold what a full recount (the migration's backfill) gives, zero rows aside */
  async function expectSummariesRecounted() {
    expect(
      await db.query(`SELECT partner_id, model_id, month::text, rounds::text, efc::text, reports
                        FROM usage_monthly_totals
                       WHERE reports <> 0 OR rounds <> 0 OR efc <> 0 ORDER BY 1, 2, 3`),
    ).toEqual(
      await db.query(`SELECT s.donor_partner_id AS partner_id, s.model_id,
                             date_trunc('month', u.date)::date::text AS month,
                             sum(u.rounds)::text AS rounds, sum(u.efc)::text AS efc, count(*)::int AS reports
                        FROM usage_reports u JOIN systems s ON s.id = u.system_id
                       WHERE s.donor_partner_id IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`),
    );
    expect(
      await db.query(`SELECT system_model_id, kind, month::text, people FROM qualified_people_monthly
                       WHERE people <> 0 ORDER BY 1, 2, 3`),
    ).toEqual(
      await db.query(`SELECT system_model_id, kind, date_trunc('month', first_on)::date::text AS month,
                             count(*)::int AS people
                        FROM (SELECT system_model_id, kind, person_id, min(granted_on) AS first_on
                                FROM qualifications GROUP BY 1, 2, 3) f
                       GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`),
    );
    expect(
      await db.query(`SELECT count(*)::int AS n FROM deliveries d JOIN component_requests r ON r.id = d.request_id
                       WHERE d.supplier_partner_id IS DISTINCT FROM r.supplier_partner_id`),
    ).toEqual([{ n: 0 }]);
  }

  beforeAll(async () => {
    ctx = await createTestApp();
    db = ctx.db;
    fx = await insertReportFixtures(db);
    component = await id(`SELECT id FROM components ORDER BY part_number LIMIT 1`);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('gives the figures of the live rows over the report fixtures', async () => {
    expect(await expectSameFigures()).toBe(Object.keys(fx.partners).length * PERIODS.length * NOWS.length * 3);
    await expectSummariesRecounted();
    // the fixtures do give figures: the comparison is not of empty sets
    const use: Array<{ rounds: number }> = await db.query(USE_SQL, [fx.partners.LV, '2025-07-01', '2025-09-30']);
    expect(use.reduce((sum, r) => sum + r.rounds, 0)).toBeGreaterThan(0);
  });

  it('follows usage reports added, changed and removed, and systems changing donor or model or deleted', async () => {
    const { S1, S2, S3, F1 } = fx.systems;
    await db.query(
      `INSERT INTO usage_reports (system_id, date, rounds, efc)
       VALUES ($1, '2025-08-31', 3, 1.25), ($1, '2025-09-01', 4, 2.5), ($2, '2025-07-31', 1, 0.01)`,
      [S1, S2],
    );
    await db.query(
      `UPDATE usage_reports SET rounds = rounds + 5, date = '2025-08-31' WHERE system_id = $1 AND date = '2025-09-30'`,
      [S3],
    );
    await db.query(`DELETE FROM usage_reports WHERE system_id = $1 AND date = '2025-08-01'`, [S2]);
    await expectSameFigures();
    await db.query(`UPDATE systems SET donor_partner_id = $2 WHERE id = $1`, [S3, fx.partners.FR]);
    await db.query(`UPDATE systems SET model_id = $2 WHERE id = $1`, [F1, fx.models.B]);
    await db.query(`UPDATE systems SET donor_partner_id = $2, model_id = $3 WHERE id = $1`, [
      S1,
      fx.partners.DE,
      fx.modelC,
    ]);
    await expectSameFigures();
    await db.query(`UPDATE systems SET donor_partner_id = $2 WHERE id = $1`, [S1, fx.partners.LV]);
    const gone = await id(
      `INSERT INTO systems (model_id, serial_number, donor_partner_id, status, created_at)
       VALUES ($1, 'RS-GONE', $2, 'operational', '2025-01-01T00:00Z') RETURNING id`,
      [fx.models.A, fx.partners.LV],
    );
    await db.query(`INSERT INTO usage_reports (system_id, date, rounds, efc) VALUES ($1, '2025-07-02', 9, 9)`, [gone]);
    await expectSameFigures();
    // its reports go with it (ON DELETE CASCADE)
    await db.query(`DELETE FROM systems WHERE id = $1`, [gone]);
    await expectSameFigures();
    await expectSummariesRecounted();
  });

  it('follows deliveries split across months, changed, removed and a request changing supplier', async () => {
    const split = await request(fx.partners.LV, 9);
    await deliver(split, 2, '2025-07-31');
    await deliver(split, 3, '2025-08-01');
    await deliver(split, 1, '2025-09-30');
    await deliver(split, 1, '2025-10-01');
    const other = await request(fx.partners.FR, 4);
    await deliver(other, 4, '2025-08-15');
    await expectSameFigures();
    const [{ id: moved }] = await deliver(split, 2, '2025-09-15');
    await db.query(`UPDATE deliveries SET received_on = '2025-06-30' WHERE id = $1`, [moved]);
    await db.query(`DELETE FROM deliveries WHERE request_id = $1 AND received_on = '2025-08-01'`, [split]);
    await db.query(`UPDATE deliveries SET request_id = $2 WHERE request_id = $1 AND received_on = '2025-08-15'`, [
      other,
      split,
    ]);
    await expectSameFigures();
    await db.query(`UPDATE component_requests SET supplier_partner_id = $2 WHERE id = $1`, [split, fx.partners.DE]);
    await db.query(`UPDATE component_requests SET supplier_partner_id = $2 WHERE id = $1`, [
      fx.requests.R2,
      fx.partners.FR,
    ]);
    await expectSameFigures();
    await expectSummariesRecounted();
  });

  it('counts a person once per model and kind from their first grant, withdrawn enrolments left out', async () => {
    // person 1 already qualified as operator of A in August: an earlier grant moves them to June
    const june = await cohort('R-A-OP', '2025-06-30', [1], [5]);
    // two grants of one person in one statement-sized cohort pair, and a withdrawn enrolment
    await cohort('R-A-MNT', '2025-07-01', [2, 3], [4]);
    await cohort('R-B-MNT', '2025-09-30', [3, 4]);
    await cohort('R-C-OP', '2025-10-01', [1]);
    await expectSameFigures();
    await expectSummariesRecounted();
    // the earlier grant withdrawn: back to August
    await db.query(`DELETE FROM qualifications WHERE cohort_id = $1`, [june]);
    await expectSameFigures();
    // one granted later than recorded: into October
    await db.query(
      `UPDATE qualifications SET granted_on = '2025-10-02'
        WHERE kind = 'maintainer' AND person_id = $1 AND granted_on = '2025-07-01'`,
      [await person(3)],
    );
    // two grants of one person on one key in one statement (their enrolments first withdrawn: no grant)
    const may = await cohort('R-A-CMD', '2025-05-15', [], [2]);
    const august = await cohort('R-A-CMD', '2025-08-15', [], [2]);
    await db.query(
      `INSERT INTO qualifications (person_id, system_model_id, kind, granted_on, cohort_id, enrollment_id)
       SELECT e.person_id, co.system_model_id, co.kind, c.ends_on, c.id, e.id
         FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id JOIN courses co ON co.id = c.course_id
        WHERE c.id = ANY($1::uuid[])`,
      [[may, august]],
    );
    await expectSameFigures();
    await expectSummariesRecounted();
  });
  it("keeps a request's durations as the per-supplier medians computed them from its times", async () => {
    const medians = (submit: string, deliver: string) =>
      db.query(
        `SELECT r.supplier_partner_id,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY ${submit}) AS submit_to_approve,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY ${deliver}) AS approve_to_deliver
                  FROM component_requests r
                 WHERE r.approved_at >= $1::timestamptz - interval '365 days' AND r.supplier_partner_id IS NOT NULL
                 GROUP BY 1 ORDER BY 1`,
        ['2025-12-31T00:00Z'],
      );
    const old = () =>
      medians(
        'extract(epoch FROM r.approved_at - r.submitted_at) / 86400',
        'extract(epoch FROM r.delivered_at - r.approved_at) / 86400',
      );
    const kept = () => medians('r.submit_to_approve_days', 'r.approve_to_deliver_days');
    // times with microseconds, submitted late on a Kyiv day; one approved, one delivered later on
    const times: Array<[string, string, string | null]> = [
      ['2025-07-01T20:59:59.123456Z', '2025-07-02T21:00:00.000001Z', '2025-07-31T23:59:59.999999Z'],
      ['2025-07-10T08:00:00Z', '2025-07-10T09:30:00.5Z', null],
      ['2025-08-01T00:00:00Z', '2025-08-04T12:00:00Z', '2025-09-01T00:00:00.25Z'],
      ['2025-08-02T00:00:00Z', '2025-08-02T00:00:01Z', '2025-08-03T00:00:00Z'],
    ];
    for (const [submitted, approved, delivered] of times) {
      const r = await request(fx.partners.DE, 1);
      await db.query(
        `UPDATE component_requests SET submitted_at = $2, approved_at = $3, delivered_at = $4 WHERE id = $1`,
        [r, submitted, approved, delivered],
      );
    }
    const [late] = await db.query(
      `INSERT INTO component_requests (number, component_id, quantity, priority, needed_by, facility_id,
                                       justification, status, supplier_partner_id, submitted_at, approved_at)
       VALUES ('CR-2025-09999', $1, 1, 'routine', '2025-09-01', $2, 'Inserted approved', 'approved', $3,
               '2025-09-01T10:00:00.000003Z', '2025-09-03T11:00:00Z') RETURNING id`,
      [component, fx.facilities.WS1, fx.partners.DE],
    );
    expect(await kept()).toEqual(await old());
    await db.query(`UPDATE component_requests SET delivered_at = '2025-09-20T10:00:00Z' WHERE id = $1`, [late.id]);
    // a direct write of a duration is put right
    await db.query(`UPDATE component_requests SET submit_to_approve_days = 1000 WHERE id = $1`, [late.id]);
    expect((await kept()).map((x: { supplier_partner_id: string }) => x.supplier_partner_id)).toContain(fx.partners.DE);
    expect(await kept()).toEqual(await old());
    expect(
      await db.query(`SELECT count(*)::int AS n FROM component_requests
                       WHERE submit_to_approve_days IS DISTINCT FROM
                               (extract(epoch FROM approved_at - submitted_at) / 86400)::float8
                          OR approve_to_deliver_days IS DISTINCT FROM
                               (extract(epoch FROM delivered_at - approved_at) / 86400)::float8`),
    ).toEqual([{ n: 0 }]);
  });
});
