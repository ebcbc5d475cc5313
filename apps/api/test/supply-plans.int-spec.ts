import { planVsActualSchema, supplyPlanResponseSchema } from '@jv/contracts';
import { randomUUID } from 'node:crypto';
import { insertSystemsFixtures, type SystemsFixtures } from './support/systems-fixtures';
import { auditRows, createTestApp, signedIn, type TestContext } from './support/test-app';

type Session = Awaited<ReturnType<typeof signedIn>>;

describe('supply plans and plan vs actual (integration, real PostgreSQL)', () => {
  let ctx: TestContext;
  let fx: SystemsFixtures;
  let admin: Session;
  let logistics: Session;
  let workshop: Session;
  let partnerLV: Session;
  let c1: string;
  let c2: string;
  let c3: string;

  const planUrl = (partnerId: string, month: string) => `/api/v1/supply-plans/${partnerId}/${month}`;
  const linesOf = async (partnerId: string, month: string) =>
    ctx.db.query(
      `SELECT l.component_id, l.system_model_id, l.quantity FROM supply_plan_lines l
         JOIN supply_plans p ON p.id = l.plan_id WHERE p.partner_id = $1 AND p.month = $2::date
        ORDER BY l.quantity, l.component_id`,
      [partnerId, `${month}-01`],
    );

  beforeAll(async () => {
    ctx = await createTestApp();
    fx = await insertSystemsFixtures(ctx.db);
    const component = async (pn: string) =>
      (
        await ctx.db.query(
          `INSERT INTO components (part_number, name, category, unit_of_issue) VALUES ($1, $1, 'recoil', 'ea')
           RETURNING id`,
          [pn],
        )
      )[0].id as string;
    c1 = await component('PLN-001');
    c2 = await component('PLN-002');
    c3 = await component('PLN-003');
    admin = await signedIn(ctx, { role: 'admin' });
    logistics = await signedIn(ctx, { role: 'logistics' });
    workshop = await signedIn(ctx, { role: 'workshop', facilityIds: [fx.facilities.WS1] });
    partnerLV = await signedIn(ctx, { role: 'partner', partnerId: fx.partners.LV });
  });
  afterAll(async () => {
    await ctx.close();
  });

  describe('GET and PUT', () => {
    it('answers version 0 and no lines for a month without a plan; 404 for an unknown partner', async () => {
      const res = await workshop.agent.get(planUrl(fx.partners.FR, '2025-01'));
      expect(res.status).toBe(200);
      expect(supplyPlanResponseSchema.parse(res.body)).toEqual({
        partnerId: fx.partners.FR,
        partnerCode: 'FR',
        month: '2025-01',
        version: 0,
        lines: [],
        updatedAt: null,
      });
      expect((await admin.agent.get(planUrl(randomUUID(), '2025-01'))).status).toBe(404);
      const bad = await admin.agent.get(planUrl(fx.partners.FR, '2025-13'));
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['month']);
    });

    it('creates a plan with version 0, then replaces its lines with the version (audited before/after)', async () => {
      const created = await logistics.agent.put(planUrl(fx.partners.FR, '2025-01')).send({
        version: 0,
        lines: [
          { systemModelId: fx.models.A, quantity: 2 },
          { componentId: c2, quantity: 5 },
          { componentId: c1, quantity: 10 },
        ],
      });
      expect(created.status).toBe(200);
      const plan = supplyPlanResponseSchema.parse(created.body);
      expect(plan.version).toBe(1);
      expect(plan.lines).toEqual([
        { componentId: c1, systemModelId: null, label: 'PLN-001', quantity: 10 },
        { componentId: c2, systemModelId: null, label: 'PLN-002', quantity: 5 },
        { componentId: null, systemModelId: fx.models.A, label: 'TH-155/52 test howitzer', quantity: 2 },
      ]);
      expect(plan.updatedAt).not.toBeNull();
      expect((await admin.agent.get(planUrl(fx.partners.FR, '2025-01'))).body).toEqual(created.body);

      const replaced = await admin.agent.put(planUrl(fx.partners.FR, '2025-01')).send({
        version: 1,
        lines: [
          { componentId: c3, quantity: 7 },
          { componentId: c1, quantity: 12 },
        ],
      });
      expect(replaced.status).toBe(200);
      expect(replaced.body.version).toBe(2);
      expect(replaced.body.lines.map((l: { label: string; quantity: number }) => [l.label, l.quantity])).toEqual([
        ['PLN-001', 12],
        ['PLN-003', 7],
      ]);
      expect(await linesOf(fx.partners.FR, '2025-01')).toHaveLength(2);

      const [{ id }] = await ctx.db.query(
        `SELECT id FROM supply_plans WHERE partner_id = $1 AND month = '2025-01-01'`,
        [fx.partners.FR],
      );
      const audit = await auditRows(ctx.db, 'supply_plan', id);
      expect(audit.map((a: { action: string; actor_id: string }) => [a.action, a.actor_id])).toEqual([
        ['create', logistics.user.id],
        ['update', admin.user.id],
      ]);
      expect(audit[0].before).toBeNull();
      expect(audit[0].after).toMatchObject({ month: '2025-01', version: 1 });
      expect(audit[0].after.lines).toHaveLength(3);
      expect(audit[1].before).toEqual(audit[0].after);
      expect(audit[1].after).toMatchObject({
        version: 2,
        lines: [
          expect.objectContaining({ componentId: c1, quantity: 12 }),
          expect.objectContaining({ componentId: c3, quantity: 7 }),
        ],
      });

      const emptied = await admin.agent.put(planUrl(fx.partners.FR, '2025-01')).send({ version: 2, lines: [] });
      expect(emptied.body).toMatchObject({ version: 3, lines: [] });
    });

    it('refuses a stale version (and version 0 for an existing plan) with 409, changing nothing', async () => {
      const before = (await admin.agent.get(planUrl(fx.partners.FR, '2025-01'))).body;
      const stale = await admin.agent
        .put(planUrl(fx.partners.FR, '2025-01'))
        .send({ version: 1, lines: [{ componentId: c1, quantity: 1 }] });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'STALE_VERSION', currentVersion: before.version });
      const again = await admin.agent
        .put(planUrl(fx.partners.FR, '2025-01'))
        .send({ version: 0, lines: [{ componentId: c1, quantity: 1 }] });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('STALE_VERSION');
      const missing = await admin.agent.put(planUrl(fx.partners.FR, '2024-06')).send({ version: 4, lines: [] });
      expect(missing.status).toBe(409);
      expect((await admin.agent.get(planUrl(fx.partners.FR, '2025-01'))).body).toEqual(before);
    });

    it('creates a month once when two requests create it at the same time: the other gets 409, not 500', async () => {
      const put = (quantity: number) =>
        admin.agent
          .put(planUrl(fx.partners.DE, '2025-02'))
          .send({ version: 0, lines: [{ componentId: c1, quantity }] });
      const results = await Promise.all([put(1), put(2), put(3)]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      const winner = results.find((r) => r.status === 200)!;
      expect(await linesOf(fx.partners.DE, '2025-02')).toEqual([
        { component_id: c1, system_model_id: null, quantity: winner.body.lines[0].quantity },
      ]);
      for (const r of results.filter((x) => x.status === 409)) expect(r.body.code).toBe('STALE_VERSION');
    });

    it('names each bad line (unknown component or model, listed twice, both, neither), writes nothing', async () => {
      const before = (await admin.agent.get(planUrl(fx.partners.FR, '2025-01'))).body;
      const auditBefore = (await auditRows(ctx.db, 'supply_plan')).length;
      const res = await admin.agent.put(planUrl(fx.partners.FR, '2025-01')).send({
        version: before.version,
        lines: [
          { componentId: c1, quantity: 1 },
          { componentId: randomUUID(), quantity: 1 },
          { componentId: c1, quantity: 2 },
          { systemModelId: randomUUID(), quantity: 1 },
          { systemModelId: fx.models.B, quantity: 1 },
          { systemModelId: fx.models.B, quantity: 3 },
        ],
      });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
        ['lines.1.componentId', 'not_found'],
        ['lines.2.componentId', 'listed_twice'],
        ['lines.3.systemModelId', 'not_found'],
        ['lines.5.systemModelId', 'listed_twice'],
      ]);
      const both = await admin.agent.put(planUrl(fx.partners.FR, '2025-01')).send({
        version: before.version,
        lines: [{ componentId: c1, systemModelId: fx.models.A, quantity: 1 }, { quantity: 1 }],
      });
      expect(both.status).toBe(400);
      expect(both.body.errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
        ['lines.0.componentId', 'component_or_model'],
        ['lines.1.componentId', 'component_or_model'],
      ]);
      const zero = await admin.agent
        .put(planUrl(fx.partners.FR, '2025-01'))
        .send({ version: before.version, lines: [{ componentId: c1, quantity: 0 }] });
      expect(zero.status).toBe(400);
      expect(zero.body.errors[0]).toMatchObject({ path: 'lines.0.quantity', code: 'too_small' });
      expect((await admin.agent.get(planUrl(fx.partners.FR, '2025-01'))).body).toEqual(before);
      expect(await auditRows(ctx.db, 'supply_plan')).toHaveLength(auditBefore);
      const unknownPartner = await admin.agent.put(planUrl(randomUUID(), '2025-01')).send({ version: 0, lines: [] });
      expect(unknownPartner.status).toBe(404);
    });

    it('lets only admin and logistics change plans; partner users read only their country (else 404)', async () => {
      expect(
        (await workshop.agent.put(planUrl(fx.partners.FR, '2025-05')).send({ version: 0, lines: [] })).status,
      ).toBe(403);
      expect(
        (await partnerLV.agent.put(planUrl(fx.partners.LV, '2025-05')).send({ version: 0, lines: [] })).status,
      ).toBe(403);
      expect((await partnerLV.agent.get(planUrl(fx.partners.FR, '2025-01'))).status).toBe(404);
      const own = await partnerLV.agent.get(planUrl(fx.partners.LV, '2025-01'));
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({ partnerCode: 'LV', version: 0 });
      const noCountry = await signedIn(ctx, { role: 'partner', partnerId: null, email: 'nocountry@test.example' });
      expect((await noCountry.agent.get(planUrl(fx.partners.LV, '2025-01'))).status).toBe(404);
    });
  });

  describe('plan vs actual', () => {
    const request = async (componentId: string, supplier: string | null, n: number) =>
      (
        await ctx.db.query(
          `INSERT INTO component_requests (number, component_id, quantity, priority, needed_by, facility_id,
                                           justification, status, supplier_partner_id, delivered_quantity)
           VALUES ($1, $2, 100, 'routine', '2025-06-30', $3, 'Plan vs actual test', 'shipped', $4, 0) RETURNING id`,
          [`CR-2025-${String(90000 + n).padStart(5, '0')}`, componentId, fx.facilities.WS1, supplier],
        )
      )[0].id as string;
    const deliver = (requestId: string, quantity: number, receivedOn: string) =>
      ctx.db.query(
        `INSERT INTO deliveries (request_id, quantity, received_on, waybill) VALUES ($1, $2, $3, 'WB-TEST')`,
        [requestId, quantity, receivedOn],
      );
    const system = (modelId: string, donor: string, deliveredOn: string | null, serial: string) =>
      ctx.db.query(
        `INSERT INTO systems (model_id, serial_number, donor_partner_id, status, delivered_on)
         VALUES ($1, $2, $3, 'operational', $4)`,
        [modelId, serial, donor, deliveredOn],
      );

    beforeAll(async () => {
      const put = async (month: string, lines: unknown[]) =>
        expect((await admin.agent.put(planUrl(fx.partners.LV, month)).send({ version: 0, lines })).status).toBe(200);
      await put('2025-03', [
        { componentId: c1, quantity: 10 },
        { componentId: c2, quantity: 4 },
        { systemModelId: fx.models.A, quantity: 2 },
      ]);
      await put('2025-04', [{ componentId: c1, quantity: 5 }]);
      // another partner's plan in the same month does not mix in
      await admin.agent
        .put(planUrl(fx.partners.DE, '2025-03'))
        .send({ version: 0, lines: [{ componentId: c1, quantity: 99 }] });

      const lvC1 = await request(c1, fx.partners.LV, 1);
      const lvC1b = await request(c1, fx.partners.LV, 2);
      const deC1 = await request(c1, fx.partners.DE, 3);
      const lvC2 = await request(c2, fx.partners.LV, 4);
      const lvC3 = await request(c3, fx.partners.LV, 5);
      await deliver(lvC1, 1, '2025-02-28'); // the month before
      await deliver(lvC1, 3, '2025-03-01');
      await deliver(lvC1b, 4, '2025-03-31');
      await deliver(lvC1, 2, '2025-04-01'); // April
      await deliver(deC1, 5, '2025-03-10'); // another supplier
      await deliver(lvC2, 4, '2025-03-15');
      await deliver(lvC3, 6, '2025-03-15'); // not in the plan
      await system(fx.models.A, fx.partners.LV, '2025-03-05', 'PVA-1');
      await system(fx.models.A, fx.partners.LV, '2025-03-31', 'PVA-2');
      await system(fx.models.A, fx.partners.LV, '2025-04-02', 'PVA-3'); // April: no model line then
      await system(fx.models.A, fx.partners.LV, null, 'PVA-4'); // delivery day not recorded
      await system(fx.models.A, fx.partners.DE, '2025-03-06', 'PVA-5'); // another donor
      await system(fx.models.B, fx.partners.LV, '2025-03-07', 'PVA-6'); // model not in the plan
    });

    it('counts deliveries and delivered systems of the partner per month and plan line, with totals', async () => {
      const res = await partnerLV.agent
        .get('/api/v1/supply-plans/plan-vs-actual')
        .query({ partnerId: fx.partners.LV, from: '2025-02', to: '2025-05' });
      expect(res.status).toBe(200);
      const body = planVsActualSchema.parse(res.body);
      expect(body).toEqual({
        partnerId: fx.partners.LV,
        from: '2025-02',
        to: '2025-05',
        months: [
          { month: '2025-02', lines: [], planned: 0, delivered: 0, fulfilmentPercent: null },
          {
            month: '2025-03',
            lines: [
              {
                componentId: c1,
                systemModelId: null,
                label: 'PLN-001',
                planned: 10,
                delivered: 7,
                fulfilmentPercent: 70,
              },
              {
                componentId: c2,
                systemModelId: null,
                label: 'PLN-002',
                planned: 4,
                delivered: 4,
                fulfilmentPercent: 100,
              },
              {
                componentId: null,
                systemModelId: fx.models.A,
                label: 'TH-155/52 test howitzer',
                planned: 2,
                delivered: 2,
                fulfilmentPercent: 100,
              },
            ],
            planned: 16,
            delivered: 13,
            // 13 / 16 = 81.25 %
            fulfilmentPercent: 81.3,
          },
          {
            month: '2025-04',
            lines: [
              {
                componentId: c1,
                systemModelId: null,
                label: 'PLN-001',
                planned: 5,
                delivered: 2,
                fulfilmentPercent: 40,
              },
            ],
            planned: 5,
            delivered: 2,
            fulfilmentPercent: 40,
          },
          { month: '2025-05', lines: [], planned: 0, delivered: 0, fulfilmentPercent: null },
        ],
      });
      const one = await admin.agent
        .get('/api/v1/supply-plans/plan-vs-actual')
        .query({ partnerId: fx.partners.LV, from: '2025-04', to: '2025-04' });
      expect(one.body.months.map((m: { month: string }) => m.month)).toEqual(['2025-04']);
    });

    it('checks the period and the partner scope', async () => {
      const q = (query: Record<string, string>, session: Session = admin) =>
        session.agent.get('/api/v1/supply-plans/plan-vs-actual').query(query);
      const reversed = await q({ partnerId: fx.partners.LV, from: '2025-05', to: '2025-04' });
      expect(reversed.status).toBe(400);
      expect(reversed.body.errors).toEqual([expect.objectContaining({ path: 'from', code: 'period_reversed' })]);
      const long = await q({ partnerId: fx.partners.LV, from: '2023-01', to: '2026-01' });
      expect(long.status).toBe(400);
      expect(long.body.errors).toEqual([expect.objectContaining({ path: 'to', code: 'period_too_long' })]);
      expect((await q({ partnerId: fx.partners.LV, from: '2023-01', to: '2025-12' })).status).toBe(200);
      expect((await q({ partnerId: fx.partners.LV, from: '2025-1', to: '2025-02' })).status).toBe(400);
      expect((await q({ partnerId: fx.partners.FR, from: '2025-01', to: '2025-02' }, partnerLV)).status).toBe(404);
      expect((await q({ partnerId: randomUUID(), from: '2025-01', to: '2025-02' })).status).toBe(404);
      expect((await q({ partnerId: fx.partners.LV, from: '2025-03', to: '2025-03' }, workshop)).status).toBe(200);
    });
  });
});
