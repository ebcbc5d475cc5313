import { pageSchema, preventivePlanResponseSchema, preventiveRunResultSchema } from '@jv/contracts';
import { randomUUID } from 'node:crypto';
import { PreventiveSchedulerService } from '../src/modules/repair-jobs/preventive-scheduler.service';
import { createSystem, dayOffset, repairFixtures, type RepairFixtures, systemRow } from './support/repair-fixtures';
import { auditRows, createTestApp, signedIn, type TestContext } from './support/test-app';

describe('preventive plans and the scheduler (integration, real PostgreSQL)', () => {
  let ctx: TestContext;
  let fx: RepairFixtures;
  let admin: Awaited<ReturnType<typeof signedIn>>;
  let workshop: Awaited<ReturnType<typeof signedIn>>;
  let scheduler: PreventiveSchedulerService;
  let planA: string;
  let planB: string;

  const jobsOf = async (systemId: string) =>
    ctx.db.query(
      `SELECT number, kind, priority, status, facility_id, preventive_plan_id, opened_by
         FROM repair_jobs WHERE system_id = $1 ORDER BY opened_at`,
      [systemId],
    );

  beforeAll(async () => {
    ctx = await createTestApp();
    fx = await repairFixtures(ctx.db);
    admin = await signedIn(ctx, { role: 'admin' });
    workshop = await signedIn(ctx, { role: 'workshop', facilityIds: [fx.ws1] });
    scheduler = ctx.app.get(PreventiveSchedulerService);
  });
  afterAll(async () => {
    await ctx.close();
  });

  describe('plans', () => {
    it('lets an admin add plans (audited) and refuses other roles, missing intervals and unknown models', async () => {
      const a = await admin.agent
        .post('/api/v1/preventive-plans')
        .send({ modelId: fx.modelA, name: 'Monthly service A', intervalDays: 30, intervalEfc: null });
      expect(a.status).toBe(201);
      expect(preventivePlanResponseSchema.parse(a.body)).toMatchObject({
        modelDesignation: 'Model A',
        intervalDays: 30,
        intervalEfc: null,
        active: true,
        version: 1,
      });
      planA = a.body.id;
      const b = await admin.agent
        .post('/api/v1/preventive-plans')
        .send({ modelId: fx.modelB, name: 'EFC service B', intervalDays: null, intervalEfc: 100 });
      expect(b.status).toBe(201);
      expect(b.body.intervalEfc).toBe(100);
      planB = b.body.id;
      expect(await auditRows(ctx.db, 'preventive_plan', planA)).toEqual([
        expect.objectContaining({ action: 'create', actor_id: admin.user.id }),
      ]);

      expect(
        (
          await workshop.agent
            .post('/api/v1/preventive-plans')
            .send({ modelId: fx.modelA, name: 'x', intervalDays: 5, intervalEfc: null })
        ).status,
      ).toBe(403);
      const none = await admin.agent
        .post('/api/v1/preventive-plans')
        .send({ modelId: fx.modelA, name: 'No interval', intervalDays: null, intervalEfc: null });
      expect(none.status).toBe(400);
      expect(none.body.errors).toEqual([expect.objectContaining({ path: 'intervalDays' })]);
      const unknown = await admin.agent
        .post('/api/v1/preventive-plans')
        .send({ modelId: randomUUID(), name: 'Ghost', intervalDays: 5, intervalEfc: null });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toEqual([expect.objectContaining({ path: 'modelId' })]);

      const list = pageSchema(preventivePlanResponseSchema).parse(
        (await workshop.agent.get('/api/v1/preventive-plans')).body,
      );
      expect(list.items.map((p) => p.name)).toEqual(['EFC service B', 'Monthly service A']);
      const partner = await signedIn(ctx, { role: 'partner', partnerId: fx.partnerA });
      expect((await partner.agent.get('/api/v1/preventive-plans')).status).toBe(403);
    });

    it('changes a plan with the version; leaving `active` out keeps it; stale 409; no interval left 400', async () => {
      const c = await admin.agent
        .post('/api/v1/preventive-plans')
        .send({ modelId: fx.modelA, name: 'Paused plan', intervalDays: 1, intervalEfc: null });
      const off = await admin.agent.patch(`/api/v1/preventive-plans/${c.body.id}`).send({ version: 1, active: false });
      expect(off.status).toBe(200);
      expect(off.body).toMatchObject({ active: false, version: 2 });
      const renamed = await admin.agent
        .patch(`/api/v1/preventive-plans/${c.body.id}`)
        .send({ version: 2, name: 'Paused plan (yearly)', intervalDays: 365 });
      expect(renamed.body).toMatchObject({
        active: false,
        name: 'Paused plan (yearly)',
        intervalDays: 365,
        version: 3,
      });
      const stale = await admin.agent
        .patch(`/api/v1/preventive-plans/${c.body.id}`)
        .send({ version: 2, name: 'Lost update' });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      const empty = await admin.agent
        .patch(`/api/v1/preventive-plans/${c.body.id}`)
        .send({ version: 3, intervalDays: null });
      expect(empty.status).toBe(400);
      expect((await auditRows(ctx.db, 'preventive_plan', c.body.id)).map((r: { action: string }) => r.action)).toEqual([
        'create',
        'update',
        'update',
      ]);
      expect(
        (await admin.agent.get('/api/v1/preventive-plans').query({ active: 'false' })).body.items.map(
          (p: { id: string }) => p.id,
        ),
      ).toEqual([c.body.id]);
    });
  });

  describe('scheduler', () => {
    const sys: Record<string, string> = {};

    it(
      'opens one preventive job for each due system (by days or by EFC) at the right workshop, ' +
        'and a second run opens nothing',
      async () => {
        const a = (o: Partial<Parameters<typeof createSystem>[1]>) =>
          createSystem(ctx.db, {
            modelId: fx.modelA,
            donorPartnerId: fx.partnerA,
            facilityId: fx.ws1,
            createdDaysAgo: 40,
            ...o,
          });
        sys['due'] = await a({});
        sys['young'] = await a({ createdDaysAgo: 10 });
        sys['writtenOff'] = await a({ status: 'written_off' });
        sys['busy'] = await a({});
        sys['atDepot'] = await a({ facilityId: fx.depot1, status: 'degraded' });
        sys['nowhere'] = await a({ facilityId: null });
        const b = (efc: number[]) => async () => {
          const id = await createSystem(ctx.db, {
            modelId: fx.modelB,
            donorPartnerId: fx.partnerB,
            facilityId: fx.ws2,
            createdDaysAgo: 5,
          });
          for (const [i, e] of efc.entries()) {
            await ctx.db.query(`INSERT INTO usage_reports (system_id, date, rounds, efc) VALUES ($1, $2, $3, $4)`, [
              id,
              dayOffset(-1 - i),
              e,
              e,
            ]);
          }
          return id;
        };
        sys['fired'] = await b([60, 50])();
        sys['quiet'] = await b([40])();
        const busy = await admin.agent
          .post('/api/v1/repair-jobs')
          .send({ facilityId: fx.ws1, systemId: sys['busy'], kind: 'corrective', reportedFault: 'Already here' });
        expect(busy.status).toBe(201);

        expect((await workshop.agent.post('/api/v1/preventive-plans/run')).status).toBe(403);
        const res = await admin.agent.post('/api/v1/preventive-plans/run');
        expect(res.status).toBe(200);
        const result = preventiveRunResultSchema.parse(res.body);
        expect(result.opened).toBe(3);
        expect(new Set(result.jobNumbers).size).toBe(3);

        expect(await jobsOf(sys['due'])).toEqual([
          expect.objectContaining({
            kind: 'preventive',
            priority: 'routine',
            status: 'reported',
            facility_id: fx.ws1,
            preventive_plan_id: planA,
            opened_by: null,
          }),
        ]);
        expect(await jobsOf(sys['atDepot'])).toEqual([
          expect.objectContaining({ kind: 'preventive', facility_id: fx.ws1, preventive_plan_id: planA }),
        ]);
        expect(await jobsOf(sys['fired'])).toEqual([
          expect.objectContaining({ kind: 'preventive', facility_id: fx.ws2, preventive_plan_id: planB }),
        ]);
        for (const k of ['young', 'writtenOff', 'nowhere', 'quiet'])
          expect({ k, jobs: await jobsOf(sys[k]) }).toEqual({ k, jobs: [] });
        expect((await jobsOf(sys['busy'])).map((j: { kind: string }) => j.kind)).toEqual(['corrective']);
        expect(await systemRow(ctx.db, sys['atDepot'])).toMatchObject({ status: 'in_repair', facility_id: fx.ws1 });
        const [job] = await ctx.db.query(`SELECT id FROM repair_jobs WHERE system_id = $1`, [sys['due']]);
        expect(await auditRows(ctx.db, 'repair_job', job.id)).toEqual([
          expect.objectContaining({ action: 'create', actor_id: admin.user.id }),
        ]);

        const again = await admin.agent.post('/api/v1/preventive-plans/run');
        expect(again.body).toEqual({ opened: 0, jobNumbers: [] });
      },
    );

    it('counts the interval again from the last preventive job of the plan', async () => {
      const [job] = await ctx.db.query(`SELECT id FROM repair_jobs WHERE system_id = $1`, [sys['due']]);
      expect(
        (
          await admin.agent
            .post(`/api/v1/repair-jobs/${job.id}/transitions`)
            .send({ to: 'cancelled', comment: 'Done in the field' })
        ).status,
      ).toBe(200);
      expect((await scheduler.run()).opened).toBe(0);
      const later = await scheduler.run(new Date(Date.now() + 31 * 86_400_000));
      // the cancelled one (30 days after its last job) and the young one (41 days old by then)
      expect(later.opened).toBe(2);
      expect((await jobsOf(sys['due'])).length).toBe(2);
      expect((await jobsOf(sys['young'])).length).toBe(1);
      const [audit] = await ctx.db.query(
        `SELECT actor_id, actor_email FROM audit_log WHERE entity_type = 'repair_job' ORDER BY id DESC LIMIT 1`,
      );
      expect(audit).toEqual({ actor_id: null, actor_email: 'preventive-scheduler' });
    });

    it('opens each due job once when two runs start at once', async () => {
      const due = await Promise.all(
        [1, 2, 3, 4].map(() =>
          createSystem(ctx.db, {
            modelId: fx.modelA,
            donorPartnerId: fx.partnerA,
            facilityId: fx.ws2,
            createdDaysAgo: 45,
          }),
        ),
      );
      const [r1, r2] = await Promise.all([scheduler.run(), scheduler.run()]);
      expect(r1.opened + r2.opened).toBe(4);
      expect(new Set([...r1.jobNumbers, ...r2.jobNumbers]).size).toBe(4);
      for (const id of due) expect((await jobsOf(id)).length).toBe(1);
      const http = await Promise.all([
        admin.agent.post('/api/v1/preventive-plans/run'),
        admin.agent.post('/api/v1/preventive-plans/run'),
      ]);
      expect(http.map((r) => r.body.opened)).toEqual([0, 0]);
    });

    it('skips inactive plans', async () => {
      const id = await createSystem(ctx.db, {
        modelId: fx.modelB,
        donorPartnerId: fx.partnerB,
        facilityId: fx.ws2,
        createdDaysAgo: 5,
      });
      await ctx.db.query(`INSERT INTO usage_reports (system_id, date, rounds, efc) VALUES ($1, $2, 500, 500)`, [
        id,
        dayOffset(-1),
      ]);
      const plan = (await admin.agent.get(`/api/v1/preventive-plans/${planB}`)).body;
      expect(
        (await admin.agent.patch(`/api/v1/preventive-plans/${planB}`).send({ version: plan.version, active: false }))
          .status,
      ).toBe(200);
      expect((await scheduler.run()).opened).toBe(0);
      expect(await jobsOf(id)).toEqual([]);
    });
  });
});
