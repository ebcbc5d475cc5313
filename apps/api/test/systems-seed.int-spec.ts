import { pageSchema, readinessSummaryResponseSchema, systemResponseSchema } from '@jv/contracts';
import { DEMO_PASSWORD, seedDemo } from '../src/database/seeds/demo-seed';
import { createTestApp, type TestContext } from './support/test-app';

describe('systems demo seed (integration, real PostgreSQL)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => {
    await ctx.close();
  });

  it(
    'seeds 120+ systems over every model, several donors, ' +
      'units and statuses, with six months of consistent usage, quickly',
    async () => {
      const started = Date.now();
      expect(await seedDemo(ctx.db)).toBe(true);
      expect(Date.now() - started).toBeLessThan(8000); // the whole demo seed, password hashing included

      const [s] = await ctx.db.query(
        `SELECT count(*)::int AS n, count(DISTINCT model_id)::int AS models,
              count(DISTINCT donor_partner_id)::int AS donors,
              count(DISTINCT unit_id)::int AS units, (SELECT count(*)::int FROM system_models) AS all_models
         FROM systems`,
      );
      expect(s.n).toBeGreaterThanOrEqual(120);
      expect(s.models).toBe(s.all_models);
      expect(s.donors).toBeGreaterThanOrEqual(5);
      expect(s.units).toBeGreaterThanOrEqual(8);
      const statuses: Array<{ status: string; n: number }> = await ctx.db.query(
        `SELECT status, count(*)::int AS n FROM systems GROUP BY status`,
      );
      const by = Object.fromEntries(statuses.map((x) => [x.status, x.n]));
      expect(Object.keys(by).sort()).toEqual([
        'awaiting_parts',
        'degraded',
        'in_repair',
        'in_transit',
        'operational',
        'written_off',
      ]);
      expect(by['operational']).toBeGreaterThan(s.n / 2);
      expect(by['written_off']).toBeLessThan(s.n / 10);

      // in repair / awaiting parts: at one of the two repair workshops
      const [{ misplaced }] = await ctx.db.query(
        `SELECT count(*)::int AS misplaced FROM systems s LEFT JOIN facilities f ON f.id = s.facility_id
        WHERE s.status IN ('in_repair', 'awaiting_parts') AND f.kind IS DISTINCT FROM 'repair_workshop'`,
      );
      expect(misplaced).toBe(0);

      // usage ends today (UTC), spans ~6 months, and the counters hold the sums
      const [u] = await ctx.db.query(
        `SELECT count(*)::int AS n, min(date)::text AS first, max(date)::text AS last FROM usage_reports`,
      );
      expect(u.last).toBe(new Date().toISOString().slice(0, 10));
      expect(Date.parse(u.last) - Date.parse(u.first)).toBeGreaterThanOrEqual(180 * 86_400_000);
      const [{ bad }] = await ctx.db.query(
        `SELECT count(*)::int AS bad FROM systems s
         LEFT JOIN (SELECT system_id, sum(efc) AS efc FROM usage_reports GROUP BY system_id) u ON u.system_id = s.id
         LEFT JOIN barrel_changes b ON b.system_id = s.id
        WHERE s.total_efc < coalesce(u.efc, 0) OR s.barrel_efc > s.total_efc
           OR (b.id IS NULL AND s.total_efc - s.barrel_efc < 0)`,
      );
      expect(bad).toBe(0);
      const [{ changes }] = await ctx.db.query(`SELECT count(*)::int AS changes FROM barrel_changes`);
      expect(changes).toBeGreaterThanOrEqual(1);
      const [{ missing }] = await ctx.db.query(
        `SELECT count(*)::int AS missing FROM systems s
          WHERE NOT EXISTS (SELECT 1 FROM system_status_history h WHERE h.system_id = s.id)`,
      );
      expect(missing).toBe(0);

      // through the API: flagged systems with near forecasts, and the partner account sees its country only
      const admin = ctx.http();
      await admin.post('/api/v1/auth/login').send({ email: 'admin@jv.example', password: DEMO_PASSWORD }).expect(200);
      const worn = pageSchema(systemResponseSchema).parse(
        (await admin.get('/api/v1/systems').query({ wearAbove: 80, sort: 'wear', order: 'desc', limit: 200 })).body,
      );
      expect(worn.items.length).toBeGreaterThanOrEqual(3);
      const soon = new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10);
      expect(
        worn.items.filter((x) => x.wearFlagged && x.barrelForecastDate !== null && x.barrelForecastDate <= soon).length,
      ).toBeGreaterThanOrEqual(2);

      const partner = ctx.http();
      await partner
        .post('/api/v1/auth/login')
        .send({ email: 'partner@jv.example', password: DEMO_PASSWORD })
        .expect(200);
      const mine = pageSchema(systemResponseSchema).parse(
        (await partner.get('/api/v1/systems').query({ limit: 200 })).body,
      );
      expect(mine.items.length).toBeGreaterThanOrEqual(5);
      expect(new Set(mine.items.map((x) => x.donorPartnerCode))).toEqual(new Set(['LV']));
      const summary = readinessSummaryResponseSchema.parse((await partner.get('/api/v1/systems/readiness')).body);
      expect(summary.overall.total).toBe(mine.items.length);
    },
  );
});
