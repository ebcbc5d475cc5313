import {
  pageSchema,
  type SystemResponse,
  systemResponseSchema,
  usageReportResponseSchema,
  usageWeeklyResponseSchema,
} from '@jv/contracts';
import { forecastBarrel } from '@jv/domain';
import type TestAgent from 'supertest/lib/agent';
import { insertSystems, insertSystemsFixtures, type SystemsFixtures, utcDay } from './support/systems-fixtures';
import { auditRows, createTestApp, signedIn, type TestContext } from './support/test-app';

const MISSING = '5b0e9c4e-2f4a-4d6e-9a51-0f2a3c4b5d6e';

describe('usage reports (integration, real PostgreSQL)', () => {
  let ctx: TestContext;
  let fx: SystemsFixtures;
  let admin: TestAgent;
  let logistics: TestAgent;
  let viewer: TestAgent;
  let workshop1: TestAgent;
  let partnerLV: TestAgent;
  let seq = 0;

  const count = async (table: string): Promise<number> =>
    (await ctx.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  const paths = (body: { errors?: Array<{ path: string }> }) =>
    [...new Set((body.errors ?? []).map((e) => e.path))].sort();
  const system = async (
    over: {
      facilityId?: string | null;
      donorPartnerId?: string;
      status?: string;
      barrelEfc?: number;
      totalEfc?: number;
    } = {},
  ) => {
    const [id] = await insertSystems(ctx.db, [
      { modelId: fx.models.A, serial: `USE-${++seq}`, donorPartnerId: over.donorPartnerId ?? fx.partners.FR, ...over },
    ]);
    return id;
  };
  const detail = async (id: string): Promise<SystemResponse> =>
    systemResponseSchema.parse((await admin.get(`/api/v1/systems/${id}`)).body);
  const state = async () => ({
    reports: await count('usage_reports'),
    audit: await count('audit_log'),
    efc: (await ctx.db.query(`SELECT sum(total_efc)::text AS s FROM systems`))[0].s,
  });

  beforeAll(async () => {
    ctx = await createTestApp();
    fx = await insertSystemsFixtures(ctx.db);
    admin = (await signedIn(ctx, { role: 'admin' })).agent;
    logistics = (await signedIn(ctx, { role: 'logistics' })).agent;
    viewer = (await signedIn(ctx, { role: 'viewer' })).agent;
    workshop1 = (await signedIn(ctx, { role: 'workshop', facilityIds: [fx.facilities.WS1] })).agent;
    partnerLV = (await signedIn(ctx, { role: 'partner', partnerId: fx.partners.LV })).agent;
  });
  afterAll(async () => {
    await ctx.close();
  });

  it(
    'files a report (201): raises total and barrel EFC, ' +
      'bumps the version, moves wear and forecast, writes an audit row',
    async () => {
      const id = await system({ totalEfc: 3000, barrelEfc: 1900 });
      const before = await detail(id);
      expect(before).toMatchObject({
        barrelWear: 0.76,
        wearFlagged: false,
        firingRatePerDay: 0,
        barrelForecastDate: null,
      });

      const res = await logistics
        .post(`/api/v1/systems/${id}/usage-reports`)
        .send({ date: utcDay(-1), rounds: 150, efc: 120.5 });
      expect(res.status).toBe(201);
      const report = usageReportResponseSchema.parse(res.body);
      expect(report).toMatchObject({
        systemId: id,
        date: utcDay(-1),
        rounds: 150,
        efc: 120.5,
        reportedById: expect.any(String),
      });

      const after = await detail(id);
      expect(after.totalEfc).toBe(3120.5);
      expect(after.barrelEfc).toBe(2020.5);
      expect(after.version).toBe(before.version + 1);
      expect(after.barrelWear).toBeCloseTo(0.8082, 4);
      expect(after.wearFlagged).toBe(true);
      // first report yesterday: 2 days observed, 60.25 EFC/day, 479.5 EFC left → 8 days
      const expected = forecastBarrel(
        { barrelEfc: 2020.5, barrelLifeEfc: 2500, efcInWindow: 120.5, firstReportDate: utcDay(-1) },
        utcDay(0),
      );
      expect(after.firingRatePerDay).toBeCloseTo(expected.ratePerDay, 4);
      expect(after.barrelForecastDate).toBe(expected.forecastDate);
      expect(after.barrelForecastDate).toBe(utcDay(8));

      const audit = await auditRows(ctx.db, 'usage_report', report.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: 'create',
        after: { systemId: id, efc: 120.5, totalEfc: 3120.5, barrelEfc: 2020.5 },
      });
    },
  );

  it('uses only the last 90 days for the firing rate', async () => {
    const id = await system({ barrelEfc: 0, totalEfc: 0 });
    for (const [day, efc] of [
      [-200, 1000],
      [-89, 90],
      [-10, 90],
    ] as const) {
      await admin
        .post(`/api/v1/systems/${id}/usage-reports`)
        .send({ date: utcDay(day), rounds: efc, efc })
        .expect(201);
    }
    const s = await detail(id);
    expect(s.barrelEfc).toBe(1180);
    expect(s.firingRatePerDay).toBeCloseTo(2, 6); // 180 EFC over 90 days
    expect(s.barrelForecastDate).toBe(utcDay(660)); // (2500 − 1180) / 2
  });

  it('409 DUPLICATE_USAGE_DAY for a second report of the same system and day; nothing changes', async () => {
    const id = await system();
    await admin
      .post(`/api/v1/systems/${id}/usage-reports`)
      .send({ date: utcDay(0), rounds: 10, efc: 10 })
      .expect(201);
    const before = await state();
    const dup = await workshop1
      .post(`/api/v1/systems/${id}/usage-reports`)
      .send({ date: utcDay(0), rounds: 3, efc: 3 });
    expect(dup.status).toBe(404); // not at the workshop's facility: scope first
    const again = await admin.post(`/api/v1/systems/${id}/usage-reports`).send({ date: utcDay(0), rounds: 3, efc: 3 });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'DUPLICATE_USAGE_DAY', errors: [{ path: 'date' }] });
    expect(await state()).toEqual(before);
    // the same day for another system is fine
    await admin
      .post(`/api/v1/systems/${await system()}/usage-reports`)
      .send({ date: utcDay(0), rounds: 3, efc: 3 })
      .expect(201);
  });

  it('400 on a future date (UTC) and on bad fields; nothing is written', async () => {
    const id = await system();
    const before = await state();
    const future = await admin.post(`/api/v1/systems/${id}/usage-reports`).send({ date: utcDay(1), rounds: 1, efc: 1 });
    expect(future.status).toBe(400);
    expect(paths(future.body)).toEqual(['date']);
    const bad = await admin
      .post(`/api/v1/systems/${id}/usage-reports`)
      .send({ date: '2025-02-30', rounds: -1, efc: 1.234 });
    expect(bad.status).toBe(400);
    expect(paths(bad.body)).toEqual(['date', 'efc', 'rounds']);
    expect(
      (await admin.post('/api/v1/systems/nope/usage-reports').send({ date: utcDay(0), rounds: 1, efc: 1 })).status,
    ).toBe(400);
    expect(await state()).toEqual(before);
  });

  it(
    '403 for viewer, training and partner; ' +
      'workshop users only for systems at their facilities (404 elsewhere); 404 for a missing system',
    async () => {
      const here = await system({ facilityId: fx.facilities.WS1 });
      const there = await system({ facilityId: fx.facilities.WS2 });
      const nowhere = await system({ facilityId: null });
      const training = (await signedIn(ctx, { role: 'training' })).agent;
      const body = { date: utcDay(0), rounds: 5, efc: 4 };
      for (const agent of [viewer, training, partnerLV])
        expect((await agent.post(`/api/v1/systems/${here}/usage-reports`).send(body)).status).toBe(403);
      const before = await state();
      expect((await workshop1.post(`/api/v1/systems/${there}/usage-reports`).send(body)).status).toBe(404);
      expect((await workshop1.post(`/api/v1/systems/${nowhere}/usage-reports`).send(body)).status).toBe(404);
      expect((await admin.post(`/api/v1/systems/${MISSING}/usage-reports`).send(body)).status).toBe(404);
      expect(await state()).toEqual(before);
      const ok = await workshop1.post(`/api/v1/systems/${here}/usage-reports`).send(body);
      expect(ok.status).toBe(201);
      // workshop users read usage of every system
      expect((await workshop1.get(`/api/v1/systems/${there}/usage-reports`)).status).toBe(200);
    },
  );

  it('a written-off system takes no usage (409 SYSTEM_WRITTEN_OFF)', async () => {
    const id = await system({ status: 'written_off' });
    const res = await admin.post(`/api/v1/systems/${id}/usage-reports`).send({ date: utcDay(0), rounds: 1, efc: 1 });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('SYSTEM_WRITTEN_OFF');
    expect((await ctx.db.query(`SELECT count(*)::int AS n FROM usage_reports WHERE system_id = $1`, [id]))[0].n).toBe(
      0,
    );
  });

  it('a retry with the same Idempotency-Key returns the first report and files nothing twice', async () => {
    const id = await system();
    const send = () =>
      admin
        .post(`/api/v1/systems/${id}/usage-reports`)
        .set('Idempotency-Key', `usage-${id}`)
        .send({ date: utcDay(-3), rounds: 7, efc: 6 });
    const first = await send();
    const retry = await send();
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect((await detail(id)).totalEfc).toBe(6);
  });

  it(
    'lists reports newest day first in keyset pages, with from/to; ' +
      'partner users only for their country (404 otherwise)',
    async () => {
      const id = await system({ donorPartnerId: fx.partners.LV });
      for (let d = 0; d < 12; d++)
        await admin
          .post(`/api/v1/systems/${id}/usage-reports`)
          .send({ date: utcDay(-d * 2), rounds: d + 1, efc: d + 1 })
          .expect(201);
      const dates: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await partnerLV
          .get(`/api/v1/systems/${id}/usage-reports`)
          .query({ limit: 5, ...(cursor ? { cursor } : {}) });
        expect(res.status).toBe(200);
        const page = pageSchema(usageReportResponseSchema).parse(res.body);
        expect(page.items.every((r) => r.reportedById === null)).toBe(true); // no personal data for partners
        dates.push(...page.items.map((r) => r.date));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(dates).toEqual(Array.from({ length: 12 }, (_, d) => utcDay(-d * 2)));

      const ranged = await admin
        .get(`/api/v1/systems/${id}/usage-reports`)
        .query({ from: utcDay(-10), to: utcDay(-4) });
      expect(ranged.body.items.map((r: { date: string }) => r.date)).toEqual([
        utcDay(-4),
        utcDay(-6),
        utcDay(-8),
        utcDay(-10),
      ]);
      expect((await admin.get(`/api/v1/systems/${id}/usage-reports`).query({ cursor: 'x' })).status).toBe(400);
      expect((await admin.get(`/api/v1/systems/${id}/usage-reports`).query({ from: 'yesterday' })).status).toBe(400);

      const other = await system({ donorPartnerId: fx.partners.DE });
      expect((await partnerLV.get(`/api/v1/systems/${other}/usage-reports`)).status).toBe(404);
      expect((await partnerLV.get(`/api/v1/systems/${other}/usage-weekly`)).status).toBe(404);
      expect((await admin.get(`/api/v1/systems/${MISSING}/usage-reports`)).status).toBe(404);
    },
  );

  it('weekly usage: one entry per week (Monday), zero-filled, oldest first, sums per week', async () => {
    const id = await system();
    await admin
      .post(`/api/v1/systems/${id}/usage-reports`)
      .send({ date: utcDay(0), rounds: 10, efc: 8.5 })
      .expect(201);
    await admin
      .post(`/api/v1/systems/${id}/usage-reports`)
      .send({ date: utcDay(-21), rounds: 4, efc: 3 })
      .expect(201);
    await admin
      .post(`/api/v1/systems/${id}/usage-reports`)
      .send({ date: utcDay(-400), rounds: 99, efc: 99 })
      .expect(201);
    const res = await viewer.get(`/api/v1/systems/${id}/usage-weekly`);
    expect(res.status).toBe(200);
    const weeks = usageWeeklyResponseSchema.parse(res.body);
    expect(weeks).toHaveLength(26);
    const monday = (iso: string) => {
      const d = new Date(`${iso}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
      return d.toISOString().slice(0, 10);
    };
    expect(weeks[25].weekStart).toBe(monday(utcDay(0)));
    for (const w of weeks) expect(new Date(`${w.weekStart}T00:00:00Z`).getUTCDay()).toBe(1);
    const byWeek = new Map(weeks.map((w) => [w.weekStart, w]));
    expect(byWeek.get(monday(utcDay(0)))).toMatchObject({ rounds: 10, efc: 8.5 });
    expect(byWeek.get(monday(utcDay(-21)))).toMatchObject({ rounds: 4, efc: 3 });
    expect(weeks.reduce((a, w) => a + w.rounds, 0)).toBe(14);
    const short = usageWeeklyResponseSchema.parse(
      (await admin.get(`/api/v1/systems/${id}/usage-weekly`).query({ weeks: 4 })).body,
    );
    expect(short).toHaveLength(4);
    expect((await admin.get(`/api/v1/systems/${id}/usage-weekly`).query({ weeks: 0 })).status).toBe(400);
  });
});
