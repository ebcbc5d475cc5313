import { componentRequestResponseSchema, notificationsPageSchema, repairJobResponseSchema } from '@jv/contracts';
import type { ComponentRequestStatus, NotificationKind } from '@jv/domain';
import type TestAgent from 'supertest/lib/agent';
import {
  addDays,
  CohortStartingService,
  cohortStartingKey,
} from '../src/modules/notifications/cohort-starting.service';
import { notifyJobPartsReady } from '../src/modules/notifications/request-events';
import { workshopToday } from '../src/modules/repair-jobs/repair-jobs.rules';
import { createSystem, dayOffset, repairFixtures, type RepairFixtures } from './support/repair-fixtures';
import { createUser, createTestApp, signedIn, type TestContext } from './support/test-app';

interface Signed {
  agent: TestAgent;
  user: { id: string };
}

describe('notifications: events and the inbox (integration, real PostgreSQL)', () => {
  let ctx: TestContext;
  let fx: RepairFixtures;
  let admin: Signed;
  let logistics: Signed;
  let logistics2: Signed;
  let ws1: Signed;
  let ws1and2: Signed;
  let ws2: Signed;
  let partnerA: Signed;
  let viewer: Signed;
  let training: Signed;
  let inactiveLogistics: string;

  /** Every notification of a kind, per user id: [userId, subjectId, params]. */
  async function notices(kind: NotificationKind) {
    return (await ctx.db.query(
      `SELECT user_id, subject_type, subject_id, params FROM notifications WHERE kind = $1 ORDER BY created_at, id`,
      [kind],
    )) as Array<{ user_id: string; subject_type: string; subject_id: string; params: Record<string, unknown> }>;
  }
  const recipients = async (kind: NotificationKind, subjectId: string) =>
    (await notices(kind))
      .filter((n) => n.subject_id === subjectId)
      .map((n) => n.user_id)
      .sort();
  const ids = (...s: Array<Signed | string>) => s.map((x) => (typeof x === 'string' ? x : x.user.id)).sort();

  async function raise(agent: TestAgent, body: Record<string, unknown> = {}) {
    const res = await agent.post('/api/v1/component-requests').send({
      componentId: fx.componentA,
      quantity: 2,
      priority: 'routine',
      neededBy: dayOffset(10),
      facilityId: fx.ws1,
      justification: 'Needed for the recoil repair',
      ...body,
    });
    if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
    return componentRequestResponseSchema.parse(res.body);
  }
  async function move(agent: TestAgent, id: string, to: ComponentRequestStatus, extra: Record<string, unknown> = {}) {
    const res = await agent.post(`/api/v1/component-requests/${id}/transitions`).send({ to, ...extra });
    if (res.status !== 200) throw new Error(`move to ${to}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const approve = (agent: TestAgent, id: string, supplierPartnerId = fx.partnerA) =>
    move(agent, id, 'approved', { supplierPartnerId, expectedOn: dayOffset(7) });
  async function deliver(agent: TestAgent, id: string, quantity: number) {
    const res = await agent
      .post(`/api/v1/component-requests/${id}/deliveries`)
      .send({ quantity, receivedOn: dayOffset(-1), waybill: 'WB-1' });
    if (res.status !== 201) throw new Error(`deliver: ${res.status} ${JSON.stringify(res.body)}`);
  }
  /** A request raised and submitted by `by`, approved by logistics2 and ordered: ready to receive. */
  async function ordered(by: Signed, body: Record<string, unknown> = {}, supplierPartnerId = fx.partnerA) {
    const r = await raise(by.agent, body);
    await move(by.agent, r.id, 'submitted');
    await approve(logistics2.agent, r.id, supplierPartnerId);
    await move(logistics2.agent, r.id, 'ordered');
    return r;
  }
  async function openJob(facilityId = fx.ws1) {
    const res = await admin.agent.post('/api/v1/repair-jobs').send({
      facilityId,
      systemId: await createSystem(ctx.db, { modelId: fx.modelA, donorPartnerId: fx.partnerA }),
      kind: 'corrective',
      priority: 'routine',
      reportedFault: 'Recoil buffer leaking',
      technicianIds: [],
    });
    if (res.status !== 201) throw new Error(`open job: ${res.status} ${JSON.stringify(res.body)}`);
    return repairJobResponseSchema.parse(res.body);
  }
  const inbox = async (s: Signed, query: Record<string, string | number> = {}) => {
    const res = await s.agent.get('/api/v1/notifications').query(query);
    expect(res.status).toBe(200);
    return notificationsPageSchema.parse(res.body);
  };

  beforeAll(async () => {
    ctx = await createTestApp();
    fx = await repairFixtures(ctx.db);
    admin = await signedIn(ctx, { role: 'admin' });
    logistics = await signedIn(ctx, { role: 'logistics' });
    logistics2 = await signedIn(ctx, { role: 'logistics' });
    inactiveLogistics = (await createUser(ctx.db, { role: 'logistics', active: false })).id;
    ws1 = await signedIn(ctx, { role: 'workshop', facilityIds: [fx.ws1] });
    ws1and2 = await signedIn(ctx, { role: 'workshop', facilityIds: [fx.ws2, fx.ws1] });
    ws2 = await signedIn(ctx, { role: 'workshop', facilityIds: [fx.ws2] });
    partnerA = await signedIn(ctx, { role: 'partner', partnerId: fx.partnerA });
    viewer = await signedIn(ctx, { role: 'viewer' });
    training = await signedIn(ctx, { role: 'training' });
  });
  afterAll(async () => {
    await ctx.close();
  });
  beforeEach(async () => {
    await ctx.db.query('DELETE FROM notifications');
  });

  describe('component-request events', () => {
    it('a submitted request awaits the approval of admin and logistics users, never its requester', async () => {
      const r = await raise(logistics.agent);
      expect(await notices('request_awaits_approval')).toEqual([]); // a draft tells nobody
      await move(logistics.agent, r.id, 'submitted');
      expect(await recipients('request_awaits_approval', r.id)).toEqual(ids(admin, logistics2));
      const [n] = await notices('request_awaits_approval');
      expect(n).toMatchObject({ subject_type: 'component_request', params: { requestNumber: r.number } });

      // raised by a workshop user: every admin and logistics user (active ones only) hears of it
      const w = await raise(ws1.agent);
      await move(ws1.agent, w.id, 'submitted');
      expect(await recipients('request_awaits_approval', w.id)).toEqual(ids(admin, logistics, logistics2));
      expect(await recipients('request_awaits_approval', w.id)).not.toContain(inactiveLogistics);
    });

    it('approved and rejected go to the requester only, in the same transaction as the move', async () => {
      const a = await raise(ws1.agent);
      await move(ws1.agent, a.id, 'submitted');
      await approve(logistics.agent, a.id);
      expect(await recipients('request_approved', a.id)).toEqual(ids(ws1));
      expect((await notices('request_approved'))[0].params).toEqual({ requestNumber: a.number });

      const b = await raise(ws1.agent);
      await move(ws1.agent, b.id, 'submitted');
      await move(logistics.agent, b.id, 'rejected', { comment: 'Not needed' });
      expect(await recipients('request_rejected', b.id)).toEqual(ids(ws1));

      // a refused move (approving one's own request: four eyes) writes nothing
      const c = await raise(logistics.agent);
      await move(logistics.agent, c.id, 'submitted');
      const refused = await logistics.agent
        .post(`/api/v1/component-requests/${c.id}/transitions`)
        .send({ to: 'approved', supplierPartnerId: fx.partnerA });
      expect(refused.status).toBe(409);
      expect(await recipients('request_approved', c.id)).toEqual([]);
      // ordering and shipping tell nobody
      await move(logistics.agent, a.id, 'ordered');
      const count = (await ctx.db.query(`SELECT count(*)::int AS n FROM notifications`))[0].n;
      await move(logistics.agent, a.id, 'shipped');
      expect((await ctx.db.query(`SELECT count(*)::int AS n FROM notifications`))[0].n).toBe(count);
    });

    it('delivered when the deliveries complete it; parts ready once per time the job becomes ready', async () => {
      const job = await openJob(fx.ws1);
      const r1 = await ordered(ws1, { repairJobId: job.id });
      const r2 = await ordered(logistics, { repairJobId: job.id, quantity: 1 });
      const dropped = await raise(ws1.agent, { repairJobId: job.id });
      await move(ws1.agent, dropped.id, 'cancelled', { comment: 'Duplicate' });

      await deliver(ws1.agent, r1.id, 1); // partly
      expect(await notices('request_delivered')).toEqual([]);
      await deliver(ws1.agent, r1.id, 1); // complete: r2 still open, so the job is not ready
      expect(await recipients('request_delivered', r1.id)).toEqual(ids(ws1));
      expect(await notices('job_parts_ready')).toEqual([]);

      await deliver(logistics.agent, r2.id, 1); // the last counting request: the job's parts are ready
      expect(await recipients('request_delivered', r2.id)).toEqual(ids(logistics));
      expect(await recipients('job_parts_ready', job.id)).toEqual(ids(ws1, ws1and2)); // not ws2, not admin
      expect((await inbox(ws2)).unreadCount).toBe(0); // another facility's workshop user hears nothing
      const [ready] = await notices('job_parts_ready');
      expect(ready).toMatchObject({ subject_type: 'repair_job', params: { jobNumber: job.number } });

      // another request makes it wait again; its delivery makes it ready a second time
      const r3 = await ordered(ws1, { repairJobId: job.id, quantity: 1 });
      await deliver(ws1.agent, r3.id, 1);
      expect(await recipients('job_parts_ready', job.id)).toEqual(ids(ws1, ws1, ws1and2, ws1and2));

      // a request without a job: delivered, no job notice
      const loose = await ordered(ws1, { quantity: 1 });
      await deliver(ws1.agent, loose.id, 1);
      expect(await recipients('request_delivered', loose.id)).toEqual(ids(ws1));
      expect(await notices('job_parts_ready')).toHaveLength(4);
    });

    it('two deliveries completing a job at once announce it once', async () => {
      const job = await openJob(fx.ws1);
      const a = await ordered(ws1, { repairJobId: job.id, quantity: 1 });
      const b = await ordered(ws1, { repairJobId: job.id, quantity: 1 });
      await Promise.all([deliver(ws1.agent, a.id, 1), deliver(logistics.agent, b.id, 1)]);
      expect(await recipients('job_parts_ready', job.id)).toEqual(ids(ws1, ws1and2));
    });

    it('two transactions completing a job side by side: the later waits, then announces it', async () => {
      const job = await openJob(fx.ws1);
      // two suppliers: a delivery also updates its supplier's row of the request-metrics histogram, which would
      // make t2's UPDATE wait for t1 before the lock this test is about
      const a = await ordered(ws1, { repairJobId: job.id, quantity: 1 });
      const b = await ordered(ws1, { repairJobId: job.id, quantity: 1 }, fx.partnerB);
      const [t1, t2] = [ctx.db.createQueryRunner(), ctx.db.createQueryRunner()];
      try {
        await t1.startTransaction();
        await t2.startTransaction();
        const complete = `UPDATE component_requests SET status = 'delivered', delivered_quantity = quantity
                           WHERE id = $1`;
        await t1.query(complete, [a.id]);
        await t2.query(complete, [b.id]);
        expect(await notifyJobPartsReady(t1.manager, job.id)).toBe(0); // b is not delivered as far as t1 sees
        const second = notifyJobPartsReady(t2.manager, job.id); // waits for t1's lock
        await new Promise((resolve) => setTimeout(resolve, 100));
        await t1.commitTransaction();
        expect(await second).toBe(2); // then sees a delivered: ws1 and ws1and2
        await t2.commitTransaction();
      } finally {
        await t1.release();
        await t2.release();
      }
      expect(await recipients('job_parts_ready', job.id)).toEqual(ids(ws1, ws1and2));
    });

    it('no personal data in the params: numbers and codes only', async () => {
      const r = await raise(ws1.agent);
      await move(ws1.agent, r.id, 'submitted');
      const rows: Array<{ params: Record<string, unknown> }> = await ctx.db.query(`SELECT params FROM notifications`);
      for (const row of rows) expect(Object.keys(row.params)).toEqual(['requestNumber']);
    });
  });

  describe('cohorts starting soon', () => {
    let run: CohortStartingService;
    let TB1: string;
    let TB2: string;
    let t1: Signed;
    let t2: Signed;
    let tAll: Signed;
    const cohorts: Record<string, string> = {};

    beforeAll(async () => {
      run = ctx.app.get(CohortStartingService);
      const one = async (sql: string, params: unknown[]) => (await ctx.db.query(sql, params))[0].id as string;
      const base = (code: string) =>
        one(
          `INSERT INTO facilities (code, name, kind, oblast, training_seats)
           VALUES ($1, $1, 'training_base', 'zhytomyrska', 40) RETURNING id`,
          [code],
        );
      TB1 = await base('TB-N-1');
      TB2 = await base('TB-N-2');
      const course = await one(
        `INSERT INTO courses (code, title, kind, system_model_id, duration_days, seats)
         VALUES ('N-OP', 'Operators', 'operator', $1, 5, 20) RETURNING id`,
        [fx.modelA],
      );
      const today = workshopToday();
      const cohort = async (code: string, facility: string, inDays: number, status = 'planned') => {
        const starts = addDays(today, inDays);
        cohorts[code] = await one(
          `INSERT INTO cohorts (code, course_id, facility_id, starts_on, ends_on, seats, status)
           VALUES ($1, $2, $3, $4, $5, 20, $6) RETURNING id`,
          [code, course, facility, starts, addDays(starts, 4), status],
        );
      };
      await cohort('N-SOON-1', TB1, 3);
      await cohort('N-SOON-2', TB2, 7, 'enrolling');
      await cohort('N-TODAY', TB2, 0);
      await cohort('N-CANCELLED', TB1, 2, 'cancelled');
      await cohort('N-LATER', TB1, 8);
      await cohort('N-PAST', TB1, -1, 'in_progress');
      t1 = await signedIn(ctx, { role: 'training', facilityIds: [TB1] });
      t2 = await signedIn(ctx, { role: 'training', facilityIds: [TB2] });
      tAll = training; // no facilities: coordinates every base
    });

    it('tells the training users of the base (and coordinators of every base) once per cohort and person', async () => {
      const first = await run.run();
      expect(first.cohorts).toBe(3);
      expect(await recipients('cohort_starting', cohorts['N-SOON-1'])).toEqual(ids(t1, tAll));
      expect(await recipients('cohort_starting', cohorts['N-SOON-2'])).toEqual(ids(t2, tAll));
      expect(await recipients('cohort_starting', cohorts['N-TODAY'])).toEqual(ids(t2, tAll));
      for (const code of ['N-CANCELLED', 'N-LATER', 'N-PAST'])
        expect(await recipients('cohort_starting', cohorts[code])).toEqual([]);
      const [n] = (await notices('cohort_starting')).filter((x) => x.subject_id === cohorts['N-SOON-1']);
      expect(n).toMatchObject({
        subject_type: 'cohort',
        params: { cohortCode: 'N-SOON-1', startsOn: addDays(workshopToday(), 3) },
      });
      expect(first.notified).toBe(6);

      // run again (or in a second process): nobody hears twice
      const again = await run.run();
      expect(again).toEqual({ cohorts: 3, notified: 0 });
      expect(await notices('cohort_starting')).toHaveLength(6);
      const keys: Array<{ dedup_key: string }> = await ctx.db.query(
        `SELECT DISTINCT dedup_key FROM notifications WHERE subject_id = $1`,
        [cohorts['N-SOON-1']],
      );
      expect(keys).toEqual([{ dedup_key: cohortStartingKey(cohorts['N-SOON-1']) }]);

      // a person read it: the next run still does not bring it back
      await ctx.db.query(`UPDATE notifications SET read_at = now()`);
      expect((await run.run()).notified).toBe(0);
    });

    it('two runs at once notify each person once', async () => {
      const [a, b] = await Promise.all([run.run(), run.run()]);
      expect(a.notified + b.notified).toBe(6);
      expect(await notices('cohort_starting')).toHaveLength(6);
    });
  });

  describe('the inbox', () => {
    /** Writes `n` notifications for `userId`, one second apart (oldest first); answers their ids newest first. */
    async function seed(userId: string, n: number): Promise<string[]> {
      const rows: Array<{ id: string }> = await ctx.db.query(
        `INSERT INTO notifications (user_id, kind, subject_type, subject_id, params, created_at)
         SELECT $1, 'request_approved', 'component_request', gen_random_uuid(),
                jsonb_build_object('requestNumber', 'CR-2026-' || lpad(g::text, 5, '0')),
                now() - make_interval(secs => $2 - g)
           FROM generate_series(1, $2) AS g ORDER BY g DESC RETURNING id`,
        [userId, n],
      );
      return rows.map((r) => r.id);
    }

    it('lists the own notifications newest first by keyset, with the unread count and the unread filter', async () => {
      const mine = await seed(viewer.user.id, 5);
      await seed(partnerA.user.id, 2);
      const first = await inbox(viewer, { limit: 2 });
      expect(first.items.map((i) => i.id)).toEqual(mine.slice(0, 2));
      expect(first.unreadCount).toBe(5);
      expect(first.items[0]).toMatchObject({
        kind: 'request_approved',
        readAt: null,
        params: { requestNumber: 'CR-2026-00005' },
      });
      const second = await inbox(viewer, { limit: 2, cursor: first.nextCursor as string });
      expect(second.items.map((i) => i.id)).toEqual(mine.slice(2, 4));
      const third = await inbox(viewer, { limit: 2, cursor: second.nextCursor as string });
      expect(third.items.map((i) => i.id)).toEqual(mine.slice(4));
      expect(third.nextCursor).toBeNull();

      expect((await viewer.agent.post(`/api/v1/notifications/${mine[1]}/read`)).status).toBe(204);
      const unread = await inbox(viewer, { unread: 'true' });
      expect(unread.items.map((i) => i.id)).toEqual([mine[0], ...mine.slice(2)]);
      expect(unread.unreadCount).toBe(4);
      const read = await inbox(viewer, { unread: 'false' });
      expect(read.items.map((i) => i.id)).toEqual([mine[1]]);
      expect(read.items[0].readAt).not.toBeNull();
    });

    it('reading is idempotent; another user\u2019s notification is 404; read-all marks every own one', async () => {
      const [mine] = await seed(viewer.user.id, 3);
      const [theirs] = await seed(partnerA.user.id, 1);
      expect((await viewer.agent.post(`/api/v1/notifications/${mine}/read`)).status).toBe(204);
      const [{ read_at: firstRead }] = await ctx.db.query(`SELECT read_at FROM notifications WHERE id = $1`, [mine]);
      expect((await viewer.agent.post(`/api/v1/notifications/${mine}/read`)).status).toBe(204);
      const [{ read_at: again }] = await ctx.db.query(`SELECT read_at FROM notifications WHERE id = $1`, [mine]);
      expect(again).toEqual(firstRead);

      const other = await viewer.agent.post(`/api/v1/notifications/${theirs}/read`);
      expect(other.status).toBe(404);
      expect(other.body.code).toBe('NOT_FOUND');
      const [{ read_at: untouched }] = await ctx.db.query(`SELECT read_at FROM notifications WHERE id = $1`, [theirs]);
      expect(untouched).toBeNull();
      expect((await viewer.agent.post(`/api/v1/notifications/00000000-0000-4000-8000-000000000000/read`)).status).toBe(
        404,
      );

      expect((await viewer.agent.post('/api/v1/notifications/read-all')).status).toBe(204);
      expect((await inbox(viewer)).unreadCount).toBe(0);
      expect((await inbox(partnerA)).unreadCount).toBe(1); // another user's stay unread
      expect((await viewer.agent.post('/api/v1/notifications/read-all')).status).toBe(204);
    });

    it('refuses bad input with 400 and answers only signed-in users', async () => {
      for (const query of [{ unread: 'maybe' }, { limit: 0 }, { limit: 201 }, { cursor: 'not-a-cursor' }]) {
        const res = await viewer.agent.get('/api/v1/notifications').query(query);
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
      }
      const bad = await viewer.agent.post('/api/v1/notifications/not-a-uuid/read');
      expect(bad.status).toBe(400);
      expect((await ctx.http().get('/api/v1/notifications')).status).toBe(401);
    });
  });
});
