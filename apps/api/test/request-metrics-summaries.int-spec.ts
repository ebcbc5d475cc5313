import { componentRequestMetricsSchema } from '@jv/contracts';
import type TestAgent from 'supertest/lib/agent';
import { repairFixtures, type RepairFixtures } from './support/repair-fixtures';
import { createTestApp, signedIn, type TestContext } from './support/test-app';

/*
 * The request metrics' per-supplier medians read the duration histogram kept on write (migration
 * MaintainSupplyAndReportSummaries) and then one bucket's requests. They must be the figures of the plain
 * percentile_cont statement the endpoint ran before (kept below, verbatim, as the reference), for an admin, a
 * workshop user and partner users, over requests approved on both sides of the window's edge and of the UTC
 * months the histogram covers, suppliers with one, two or many requests, ties, then after each kind of write the
 * triggers must follow; and the histogram must equal a from-scratch recount after each of them.
 */

/** The per-supplier figures as computed before the histogram: every request approved in the window, sorted. */
const REFERENCE_SQL = (scope: string) => `
SELECT r.supplier_partner_id AS id,
       percentile_cont(0.5) WITHIN GROUP
         (ORDER BY extract(epoch FROM r.approved_at - r.submitted_at) / 86400) AS submit_to_approve,
       percentile_cont(0.5) WITHIN GROUP
         (ORDER BY extract(epoch FROM r.delivered_at - r.approved_at) / 86400) AS approve_to_deliver,
       count(*) FILTER (WHERE r.status = 'delivered')::int AS delivered
  FROM component_requests r
 WHERE r.approved_at >= now() - interval '365 days' AND r.supplier_partner_id IS NOT NULL ${scope}
 GROUP BY r.supplier_partner_id`;

/** The histogram recounted from the requests (the durations from their times, not from the kept columns). */
const RECOUNT_SQL = `
SELECT metric, month::text, supplier_partner_id, facility_id, bucket, count(*)::int AS requests FROM (
  SELECT 'submit_to_approve' AS metric, date_trunc('month', approved_at AT TIME ZONE 'UTC')::date AS month,
         supplier_partner_id, facility_id,
         request_days_bucket((extract(epoch FROM approved_at - submitted_at) / 86400)::float8) AS bucket
    FROM component_requests WHERE approved_at IS NOT NULL AND submitted_at IS NOT NULL
  UNION ALL
  SELECT 'approve_to_deliver', date_trunc('month', approved_at AT TIME ZONE 'UTC')::date, supplier_partner_id,
         facility_id, request_days_bucket((extract(epoch FROM delivered_at - approved_at) / 86400)::float8)
    FROM component_requests WHERE approved_at IS NOT NULL AND delivered_at IS NOT NULL
  UNION ALL
  SELECT 'approved', date_trunc('month', approved_at AT TIME ZONE 'UTC')::date, supplier_partner_id, facility_id,
         (status = 'delivered')::int
    FROM component_requests WHERE approved_at IS NOT NULL
) x WHERE supplier_partner_id IS NOT NULL
 GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`;

const KEPT_SQL = `
SELECT metric, month::text, supplier_partner_id, facility_id, bucket, requests FROM component_request_days_histogram
 WHERE requests <> 0 ORDER BY 1, 2, 3, 4, 5`;

const roundDays = (d: number | null) => (d === null ? null : Math.round(Number(d) * 10) / 10);

describe('component-request metrics: exact medians from the duration histogram', () => {
  let ctx: TestContext;
  let fx: RepairFixtures;
  const suppliers: Record<string, string> = {};
  const viewers: Array<{ name: string; agent: TestAgent; scope: string; params: unknown[] }> = [];
  let serial = 0;

  /**
   * Inserts requests of a supplier, each `[approved, submitToApprove, approveToDeliver | null]`: `approved` an
   * SQL instant, the durations in seconds (NULL: not delivered, so ordered).
   */
  async function insert(supplier: string, facility: string, rows: Array<[string, number, number | null]>) {
    for (const [approved, toApprove, toDeliver] of rows) {
      serial += 1;
      await ctx.db.query(
        `INSERT INTO component_requests (number, component_id, quantity, delivered_quantity, priority, needed_by,
                                         facility_id, justification, status, supplier_partner_id, submitted_at,
                                         approved_at, delivered_at)
         SELECT $1, $2, 1, CASE WHEN $6::float8 IS NULL THEN 0 ELSE 1 END, 'routine', current_date, $3, 'Metrics',
                CASE WHEN $6::float8 IS NULL THEN 'ordered' ELSE 'delivered' END, $4,
                a - make_interval(secs => $5), a, a + make_interval(secs => $6::float8)
           FROM (SELECT ${approved} AS a) t`,
        [`CR-MS-${serial}`, fx.componentA, facility, supplier, toApprove, toDeliver],
      );
    }
  }

  /** Many requests approved over the last 470 days, durations with ties (60 and 97 distinct values). */
  async function insertMany(supplier: string, n: number, seed: number) {
    await ctx.db.query(
      `INSERT INTO component_requests (number, component_id, quantity, delivered_quantity, priority, needed_by,
                                       facility_id, justification, status, supplier_partner_id, submitted_at,
                                       approved_at, delivered_at)
       SELECT 'CR-MM-' || $5::int || '-' || g, $1, 1, (g % 4 <> 0)::int, 'routine', current_date,
              CASE WHEN g % 3 = 0 THEN $3::uuid ELSE $2::uuid END, 'Metrics',
              CASE WHEN g % 4 = 0 THEN 'ordered' ELSE 'delivered' END, $4,
              a - make_interval(secs => ((g * 7919 + $5::int) % 60) * 7200),
              a, CASE WHEN g % 4 <> 0 THEN a + make_interval(secs => ((g * 104729 + $5::int) % 97) * 9000) END
         FROM generate_series(1, $6::int) g
        CROSS JOIN LATERAL (SELECT now() - make_interval(secs => ((g * 48271 + $5::int) % 1000) * 40600) AS a) t`,
      [fx.componentA, fx.ws1, fx.ws2, supplier, seed, n],
    );
  }

  /** Every viewer's answer against the reference, and the histogram against a recount. */
  async function expectExact() {
    for (const v of viewers) {
      const res = await v.agent.get('/api/v1/component-requests/metrics');
      expect(res.status).toBe(200);
      const body = componentRequestMetricsSchema.parse(res.body);
      const reference: Array<{
        id: string;
        submit_to_approve: number | null;
        approve_to_deliver: number | null;
        delivered: number;
      }> = await ctx.db.query(REFERENCE_SQL(v.scope), v.params);
      const byId = new Map(reference.map((r) => [r.id, r]));
      const got = body.perSupplier
        .filter((s) => byId.has(s.supplierPartnerId))
        .map((s) => ({
          viewer: v.name,
          id: s.supplierPartnerId,
          toApprove: s.medianSubmitToApproveDays,
          toDeliver: s.medianApproveToDeliverDays,
          delivered: s.delivered,
        }));
      const want = [...byId.values()]
        .map((r) => ({
          viewer: v.name,
          id: r.id,
          toApprove: roundDays(r.submit_to_approve),
          toDeliver: roundDays(r.approve_to_deliver),
          delivered: r.delivered,
        }))
        .sort((a, b) => got.findIndex((g) => g.id === a.id) - got.findIndex((g) => g.id === b.id));
      expect(got).toEqual(want);
      // a supplier outside the reference has only open requests: no medians, nothing delivered in the window
      for (const s of body.perSupplier.filter((x) => !byId.has(x.supplierPartnerId)))
        expect([s.medianSubmitToApproveDays, s.medianApproveToDeliverDays, s.delivered]).toEqual([null, null, 0]);
    }
    const kept = await ctx.db.query(KEPT_SQL);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(await ctx.db.query(RECOUNT_SQL));
  }

  beforeAll(async () => {
    ctx = await createTestApp();
    fx = await repairFixtures(ctx.db);
    suppliers['many1'] = fx.partnerA;
    suppliers['many2'] = fx.partnerB;
    const codes = { one: 'S1', two: 'S2', outside: 'S3', inside: 'S4', months: 'S5', open: 'S6' };
    for (const [name, code] of Object.entries(codes)) {
      const [{ id }] = await ctx.db.query(
        `INSERT INTO partners (code, name, role) VALUES ($1, $2, 'member') RETURNING id`,
        [code, `Supplier ${name}`],
      );
      suppliers[name] = id;
    }
    const day = 86_400;
    const since = `now() - interval '365 days'`;
    const thisMonth = `date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'`;
    const firstMonth = `(date_trunc('month', (${since}) AT TIME ZONE 'UTC') + interval '1 month') AT TIME ZONE 'UTC'`;
    await insertMany(suppliers['many1'], 260, 3);
    await insertMany(suppliers['many2'], 190, 11);
    await insert(suppliers['one'], fx.ws1, [[`now() - interval '20 days'`, 2.5 * day, 4 * day]]);
    // two values in different buckets: the median's second value is the first of the next bucket
    await insert(suppliers['two'], fx.ws2, [
      [`now() - interval '40 days'`, 1 * day, 3 * day],
      [`now() - interval '41 days'`, 5 * day, 30 * day],
    ]);
    // one request just outside the window (an hour), which would move the median if it were counted
    await insert(suppliers['outside'], fx.ws1, [
      [`now() - interval '100 days'`, 1 * day, 2 * day],
      [`now() - interval '101 days'`, 3 * day, 4 * day],
      [`${since} - interval '1 hour'`, 10 * day, 12 * day],
    ]);
    // one just inside (an hour), which would move the median if it were left out
    await insert(suppliers['inside'], fx.ws2, [
      [`now() - interval '100 days'`, 1 * day, 1 * day],
      [`now() - interval '101 days'`, 2 * day, null],
      [`${since} + interval '1 hour'`, 9 * day, 9 * day],
    ]);
    // on both sides of the whole months' edges: each counted once, from the histogram or from the rows
    await insert(suppliers['months'], fx.ws1, [
      [`now() - interval '10 days'`, 1 * day, 1 * day],
      [`now() - interval '11 days'`, 2 * day, 2 * day],
      [`now() - interval '200 days'`, 3 * day, 3 * day],
      [`now() - interval '201 days'`, 4 * day, null],
      [thisMonth, 20 * day, 20 * day],
      [`${thisMonth} - interval '1 second'`, 21 * day, 21 * day],
      [firstMonth, 22 * day, 22 * day],
      [`${firstMonth} - interval '1 second'`, 23 * day, 23 * day],
    ]);
    // open only: listed with no medians
    await ctx.db.query(
      `INSERT INTO component_requests (number, component_id, quantity, priority, needed_by, facility_id,
                                       justification, status, supplier_partner_id, submitted_at)
       VALUES ('CR-MS-OPEN', $1, 1, 'routine', current_date, $2, 'Metrics', 'submitted', $3, now())`,
      [fx.componentA, fx.ws1, suppliers['open']],
    );

    const admin = await signedIn(ctx, { role: 'admin' });
    viewers.push({ name: 'admin', agent: admin.agent, scope: '', params: [] });
    for (const [name, facilityIds] of [
      ['workshop ws1', [fx.ws1]],
      ['workshop ws2', [fx.ws2]],
      ['workshop both', [fx.ws1, fx.ws2]],
    ] as const) {
      const w = await signedIn(ctx, { role: 'workshop', facilityIds: [...facilityIds] });
      viewers.push({ name, agent: w.agent, scope: 'AND r.facility_id = ANY($1::uuid[])', params: [facilityIds] });
    }
    for (const [code, id] of Object.entries(suppliers)) {
      const p = await signedIn(ctx, { role: 'partner', partnerId: id });
      viewers.push({ name: `partner ${code}`, agent: p.agent, scope: 'AND r.supplier_partner_id = $1', params: [id] });
    }
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('gives the reference medians over the fixtures, for every scope', async () => {
    // the fixtures reach what they are meant to: the window's edge, both month edges, a two-request supplier
    const [{ outside, edges }] = await ctx.db.query(
      `SELECT count(*) FILTER (WHERE approved_at < now() - interval '365 days')::int AS outside,
              count(*) FILTER (WHERE approved_at >= now() - interval '365 days'
                                 AND approved_at < now() - interval '364 days')::int AS edges
         FROM component_requests`,
    );
    expect(outside).toBeGreaterThan(1);
    expect(edges).toBeGreaterThan(1);
    await expectExact();
  });

  it('follows deliveries made, moved and undone', async () => {
    await ctx.db.query(`UPDATE component_requests SET status = 'delivered', delivered_quantity = quantity,
                               delivered_at = approved_at + interval '6 days 5 hours'
                         WHERE status = 'ordered' AND number LIKE 'CR-MM-%' AND right(number, 1) IN ('2', '6')`);
    await ctx.db.query(`UPDATE component_requests SET delivered_at = delivered_at + interval '3 days 1 hour'
                         WHERE status = 'delivered' AND right(number, 1) IN ('1', '3')`);
    await ctx.db.query(`UPDATE component_requests SET status = 'shipped', delivered_quantity = 0, delivered_at = NULL
                         WHERE status = 'delivered' AND right(number, 1) = '7'`);
    await expectExact();
  });

  it('follows requests deleted', async () => {
    await ctx.db.query(`DELETE FROM component_requests WHERE right(number, 1) IN ('5', '8') OR number = 'CR-MS-1'`);
    await expectExact();
  });

  it('follows requests moved to another supplier, facility or approval time, and a submission undone', async () => {
    await ctx.db.query(
      `UPDATE component_requests SET supplier_partner_id = $1
                         WHERE supplier_partner_id = $2 AND right(number, 1) = '4'`,
      [suppliers['many2'], suppliers['many1']],
    );
    await ctx.db.query(
      `UPDATE component_requests SET facility_id = $1 WHERE facility_id = $2 AND right(number, 1) = '9'`,
      [fx.ws2, fx.ws1],
    );
    // the request outside the window comes in, one inside goes out, one moves across a month's edge
    await ctx.db.query(
      `UPDATE component_requests SET approved_at = now() - interval '300 days',
                               submitted_at = now() - interval '302 days', delivered_at = now() - interval '290 days'
                         WHERE supplier_partner_id = $1 AND approved_at < now() - interval '365 days'`,
      [suppliers['outside']],
    );
    await ctx.db.query(`UPDATE component_requests SET approved_at = approved_at - interval '400 days'
                         WHERE number LIKE 'CR-MM-%' AND right(number, 2) = '10'`);
    await ctx.db.query(`UPDATE component_requests SET approved_at = approved_at + interval '17 days'
                         WHERE number LIKE 'CR-MM-%' AND right(number, 2) = '20'`);
    await ctx.db.query(`UPDATE component_requests SET submitted_at = NULL WHERE right(number, 2) = '30'`);
    await expectExact();
  });

  it('follows a bulk insert and a bulk delete in one statement each', async () => {
    await insertMany(suppliers['two'], 75, 29);
    await expectExact();
    await ctx.db.query(`DELETE FROM component_requests WHERE supplier_partner_id = $1`, [suppliers['many2']]);
    await expectExact();
  });
});
