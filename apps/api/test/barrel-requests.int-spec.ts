import { barrelRunResultSchema, systemModelResponseSchema } from '@jv/contracts';
import { forecastBarrel } from '@jv/domain';
import {
  BARREL_DUE_SQL,
  type BarrelDueRow,
  BarrelRequestsService,
} from '../src/modules/component-requests/barrel-requests.service';
import { createSystem, dayOffset, repairFixtures, type RepairFixtures } from './support/repair-fixtures';
import { createTestApp, signedIn, type TestContext } from './support/test-app';

interface RequestRow {
  number: string;
  component_id: string;
  quantity: number;
  priority: string;
  status: string;
  needed_by: string;
  facility_id: string;
  system_id: string;
  justification: string;
  requested_by: string | null;
  auto_barrel: boolean;
}

describe('automatic barrel requests (integration, real PostgreSQL)', () => {
  let ctx: TestContext;
  let fx: RepairFixtures;
  let barrels: BarrelRequestsService;
  let admin: Awaited<ReturnType<typeof signedIn>>;
  /**
   * barrel components: A1 and A2 fit model A (A1 has the lower part number); B fits model B and has the
   * lowest part number of all, which must not make it a barrel for model A
   */
  let brlA1: string;
  let brlA2: string;
  let brlB: string;
  let training: string;
  const sys: Record<string, string> = {};

  const requestsOf = async (systemId: string): Promise<RequestRow[]> =>
    ctx.db.query(
      `SELECT number, component_id, quantity, priority, status, needed_by::text AS needed_by, facility_id, system_id,
              justification, requested_by, auto_barrel
         FROM component_requests WHERE system_id = $1 ORDER BY created_at, number`,
      [systemId],
    );

  /** A system of `modelId` with `barrelEfc`; usage of `efc` EFC reported 10 days ago (its first report). */
  const system = async (o: {
    modelId?: string;
    barrelEfc: number;
    efc?: number | null;
    facilityId?: string | null;
    status?: string;
  }): Promise<string> => {
    const id = await createSystem(ctx.db, {
      modelId: o.modelId ?? fx.modelA,
      donorPartnerId: fx.partnerA,
      facilityId: o.facilityId === undefined ? fx.ws1 : o.facilityId,
      status: o.status ?? 'operational',
      totalEfc: o.barrelEfc + 100,
      barrelEfc: o.barrelEfc,
      createdDaysAgo: 30,
    });
    if (o.efc !== null)
      await ctx.db.query(`INSERT INTO usage_reports (system_id, date, rounds, efc) VALUES ($1, $2, $3, $4)`, [
        id,
        dayOffset(-10),
        o.efc ?? 100,
        o.efc ?? 100,
      ]);
    return id;
  };

  const component = async (pn: string, category: string, modelId: string) => {
    const [{ id }] = await ctx.db.query(
      `INSERT INTO components (part_number, name, category, unit_of_issue) VALUES ($1, $1, $2, 'ea') RETURNING id`,
      [pn, category],
    );
    await ctx.db.query(`INSERT INTO component_system_models (component_id, system_model_id) VALUES ($1, $2)`, [
      id,
      modelId,
    ]);
    return id as string;
  };

  /** A request on the system straight into the table (manual, any state). */
  const existingRequest = (systemId: string, componentId: string, status: string, autoBarrel = false) =>
    ctx.db.query(
      `INSERT INTO component_requests (number, component_id, quantity, priority, needed_by, facility_id, system_id,
                                       justification, status, auto_barrel)
       VALUES ('CR-1999-' || lpad((SELECT count(*) + 1 FROM component_requests)::text, 5, '0'), $1, 1, 'routine',
               $2, $3, $4, 'Raised by hand', $5, $6)`,
      [componentId, dayOffset(30), fx.ws1, systemId, status, autoBarrel],
    );

  beforeAll(async () => {
    ctx = await createTestApp();
    fx = await repairFixtures(ctx.db);
    barrels = ctx.app.get(BarrelRequestsService);
    admin = await signedIn(ctx, { role: 'admin' });
    brlA2 = await component('BRL-A-2', 'barrel', fx.modelA);
    brlA1 = await component('BRL-A-1', 'barrel', fx.modelA);
    await component('BRL-B-9', 'barrel', fx.modelB);
    brlB = await component('BRL-0-B', 'barrel', fx.modelB);
    [{ id: training }] = await ctx.db.query(
      `INSERT INTO facilities (code, name, kind, oblast, joint_venture_id, training_seats)
       VALUES ('TB-T1', 'Training', 'training_base', 'lvivska', $1, 10) RETURNING id`,
      [fx.jv1],
    );

    // model A: life 2500; 100 EFC over 11 observed days → 9.09 EFC/day
    sys['due'] = await system({ barrelEfc: 2000 }); // 500 left → 55 days
    sys['atDepot'] = await system({ barrelEfc: 2100, facilityId: fx.depot1 });
    sys['pastLife'] = await system({ barrelEfc: 2600 });
    sys['far'] = await system({ barrelEfc: 1000 }); // 1500 left → 165 days
    sys['noUsage'] = await system({ barrelEfc: 2490, efc: null });
    sys['writtenOff'] = await system({ barrelEfc: 2400, status: 'written_off' });
    sys['noFacility'] = await system({ barrelEfc: 2200, facilityId: null });
    sys['training'] = await system({ barrelEfc: 2200, facilityId: training });
    sys['openManual'] = await system({ barrelEfc: 2300 });
    sys['otherPart'] = await system({ barrelEfc: 2300 });
    sys['cancelledBefore'] = await system({ barrelEfc: 2300 });
    // model B: life 8000, 1600 left → 176 days: due only with the model's own lead time
    sys['modelLead'] = await system({ modelId: fx.modelB, barrelEfc: 6400, facilityId: fx.ws2 });

    await existingRequest(sys['openManual'], brlA2, 'submitted');
    await existingRequest(sys['otherPart'], fx.componentA, 'approved');
    await existingRequest(sys['cancelledBefore'], brlA1, 'cancelled');
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('raises one draft per due system with a repair workshop or depot; counts the others as due', async () => {
    const workshop = await signedIn(ctx, { role: 'workshop', facilityIds: [fx.ws1] });
    expect((await workshop.agent.post('/api/v1/component-requests/barrels/run')).status).toBe(403);

    const res = await admin.agent.post('/api/v1/component-requests/barrels/run');
    expect(res.status).toBe(200);
    // due: due, atDepot, pastLife, noFacility, training, otherPart, cancelledBefore; raised for five of them
    expect(barrelRunResultSchema.parse(res.body)).toEqual({ due: 7, created: 5 });

    const today = dayOffset(0);
    const forecast = forecastBarrel(
      { barrelEfc: 2000, barrelLifeEfc: 2500, efcInWindow: 100, firstReportDate: dayOffset(-10) },
      today,
    );
    const [due] = await requestsOf(sys['due']);
    expect(due).toEqual({
      number: expect.stringMatching(/^CR-\d{4}-\d{5}$/),
      component_id: brlA1,
      quantity: 1,
      priority: 'priority',
      status: 'draft',
      needed_by: forecast.forecastDate,
      facility_id: fx.ws1,
      system_id: sys['due'],
      justification: `Barrel wear 80 % (2000 / 2500 EFC); forecast to reach its life on ${forecast.forecastDate}`,
      requested_by: null,
      auto_barrel: true,
    });
    expect((await requestsOf(sys['atDepot']))[0]).toMatchObject({ facility_id: fx.depot1, component_id: brlA1 });
    const [past] = await requestsOf(sys['pastLife']);
    expect(past).toMatchObject({ needed_by: today, auto_barrel: true });
    expect(past.justification).toBe(`Barrel wear 104 % (2600 / 2500 EFC); at or past its life (forecast ${today})`);
    expect((await requestsOf(sys['otherPart'])).map((r) => r.component_id)).toEqual([fx.componentA, brlA1]);
    expect((await requestsOf(sys['cancelledBefore'])).map((r) => [r.status, r.auto_barrel])).toEqual([
      ['cancelled', false],
      ['draft', true],
    ]);
    for (const k of ['far', 'noUsage', 'writtenOff', 'noFacility', 'training', 'modelLead'])
      expect({ k, requests: await requestsOf(sys[k]) }).toEqual({ k, requests: [] });
    expect((await requestsOf(sys['openManual'])).map((r) => r.auto_barrel)).toEqual([false]);

    // its first move and its audit row name no person
    const [move] = await ctx.db.query(
      `SELECT t.from_status, t.to_status, t.actor_id FROM component_request_transitions t
         JOIN component_requests r ON r.id = t.request_id WHERE r.system_id = $1`,
      [sys['due']],
    );
    expect(move).toEqual({ from_status: null, to_status: 'draft', actor_id: null });
    const [audit] = await ctx.db.query(
      `SELECT a.action, a.actor_id, a.actor_email, a.after FROM audit_log a
         JOIN component_requests r ON r.id::text = a.entity_id WHERE a.entity_type = 'component_request'
          AND r.system_id = $1`,
      [sys['due']],
    );
    expect(audit).toMatchObject({ action: 'create', actor_id: null, actor_email: 'barrel-requests' });
    expect(audit.after).toMatchObject({ autoBarrel: true, status: 'draft', quantity: 1 });
  });

  it('raises nothing more when run again: the open requests take the systems off the due list', async () => {
    const before = (await ctx.db.query(`SELECT count(*)::int AS n FROM component_requests`))[0].n;
    expect(await barrels.run()).toEqual({ due: 2, created: 0 });
    expect((await ctx.db.query(`SELECT count(*)::int AS n FROM component_requests`))[0].n).toBe(before);
  });

  it("takes the lead time from the system's model when it names one", async () => {
    const model = (await admin.agent.get(`/api/v1/system-models/${fx.modelB}`)).body;
    expect(systemModelResponseSchema.parse(model).barrelLeadDays).toBeNull();
    const patched = await admin.agent
      .patch(`/api/v1/system-models/${fx.modelB}`)
      .send({ version: model.version, barrelLeadDays: 200 });
    expect(patched.status).toBe(200);
    expect(patched.body.barrelLeadDays).toBe(200);
    const tooLong = await admin.agent
      .patch(`/api/v1/system-models/${fx.modelB}`)
      .send({ version: patched.body.version, barrelLeadDays: 731 });
    expect(tooLong.status).toBe(400);

    expect(await barrels.run()).toEqual({ due: 3, created: 1 });
    expect(await requestsOf(sys['modelLead'])).toEqual([
      expect.objectContaining({ component_id: brlB, facility_id: fx.ws2, auto_barrel: true }),
    ]);
    // a lead time shorter than the default on model A: a system 39 days from the end waits
    const near = await system({ barrelEfc: 2150 }); // 350 left → 39 days
    const modelA = (await admin.agent.get(`/api/v1/system-models/${fx.modelA}`)).body;
    await admin.agent.patch(`/api/v1/system-models/${fx.modelA}`).send({ version: modelA.version, barrelLeadDays: 30 });
    expect((await barrels.run()).created).toBe(0);
    expect(await requestsOf(near)).toEqual([]);
    await admin.agent
      .patch(`/api/v1/system-models/${fx.modelA}`)
      .send({ version: modelA.version + 1, barrelLeadDays: null });
    expect((await barrels.run()).created).toBe(1);
    expect(await requestsOf(near)).toHaveLength(1);
  });

  it('raises each request once when two runs start at the same time', async () => {
    const fresh = await Promise.all([2050, 2060, 2070, 2080].map((barrelEfc) => system({ barrelEfc })));
    const [r1, r2] = await Promise.all([barrels.run(), barrels.run()]);
    expect(r1.created + r2.created).toBe(4);
    for (const id of fresh) expect(await requestsOf(id)).toHaveLength(1);
    const http = await Promise.all([
      admin.agent.post('/api/v1/component-requests/barrels/run'),
      admin.agent.post('/api/v1/component-requests/barrels/run'),
    ]);
    expect(http.map((r) => r.body.created)).toEqual([0, 0]);
  });

  it("computes the forecast in SQL exactly as the systems' own forecast (barrel-wear.ts)", async () => {
    const usage: Array<[barrelEfc: number, reports: Array<[daysAgo: number, efc: number]>]> = [
      [
        1800,
        [
          [200, 30],
          [100, 40],
          [50, 50],
          [1, 60],
        ],
      ], // first report before the 90-day window
      [2100, [[0, 7.33]]], // only today
      [
        2000,
        [
          [90, 20],
          [89, 10],
        ],
      ], // the window's first day is 89 days ago
      [2499.99, [[5, 0.01]]],
      [0, [[3, 500]]],
      [
        1234.56,
        [
          [40, 12.34],
          [20, 56.78],
          [2, 9.99],
        ],
      ],
    ];
    const ids: string[] = [];
    for (const [barrelEfc, reports] of usage) {
      const id = await system({ barrelEfc, efc: null, facilityId: null });
      for (const [ago, efc] of reports)
        await ctx.db.query(`INSERT INTO usage_reports (system_id, date, rounds, efc) VALUES ($1, $2, 1, $3)`, [
          id,
          dayOffset(-ago),
          efc,
        ]);
      ids.push(id);
    }
    // a lead time long enough for every system to be "due": the forecast of each
    const rows: BarrelDueRow[] = await ctx.db.query(BARREL_DUE_SQL, [dayOffset(0), 90, 100_000_000]);
    for (const id of ids) {
      const api = (await admin.agent.get(`/api/v1/systems/${id}`)).body;
      expect({ id, forecast: rows.find((r) => r.system_id === id)?.forecast_date }).toEqual({
        id,
        forecast: api.barrelForecastDate,
      });
    }
  });

  it('counts a system whose open automatic request the unique index already holds as not created', async () => {
    const held = await system({ barrelEfc: 2090 });
    const other = await system({ barrelEfc: 2095 });
    // an open automatic request for a part that is not a barrel: the due list keeps the system, the index refuses
    await existingRequest(held, fx.componentA, 'draft', true);
    const result = await barrels.run();
    expect(result.created).toBe(1);
    expect((await requestsOf(held)).map((r) => r.component_id)).toEqual([fx.componentA]);
    expect(await requestsOf(other)).toHaveLength(1);
    // the refused one took no number: the numbers stay gapless
    const numbers: Array<{ number: string }> = await ctx.db.query(
      `SELECT number FROM component_requests WHERE auto_barrel AND number NOT LIKE 'CR-1999-%' ORDER BY number`,
    );
    const seqs = numbers.map((n) => Number(n.number.slice(8)));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });
});
