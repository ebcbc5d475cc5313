import {
  componentRequestDetailSchema,
  componentRequestMetricsSchema,
  componentRequestResponseSchema,
  deliveryResponseSchema,
  pageSchema,
  repairJobDetailSchema,
  repairJobResponseSchema,
} from '@jv/contracts';
import type { ComponentRequestStatus } from '@jv/domain';
import type TestAgent from 'supertest/lib/agent';
import { createSystem, dayOffset, repairFixtures, type RepairFixtures } from './support/repair-fixtures';
import { auditRows, createTestApp, signedIn, type TestContext } from './support/test-app';

type Agent = TestAgent;
interface Signed {
  agent: Agent;
  user: { id: string };
}

const YEAR = new Date().getUTCFullYear();
const requestPage = pageSchema(componentRequestResponseSchema);

/** The legal path from a new draft to each state a person can reach (approval by `approver`). */
const PATH: Partial<Record<ComponentRequestStatus, ComponentRequestStatus[]>> = {
  draft: [],
  submitted: ['submitted'],
  approved: ['submitted', 'approved'],
  ordered: ['submitted', 'approved', 'ordered'],
  shipped: ['submitted', 'approved', 'ordered', 'shipped'],
};

describe('component requests (integration, real PostgreSQL)', () => {
  let ctx: TestContext;
  let fx: RepairFixtures;
  let admin: Signed;
  let logistics: Signed;
  let logistics2: Signed;
  let ws1: Signed;
  let ws2: Signed;
  let partnerA: Signed;
  let partnerB: Signed;
  let viewer: Signed;
  let hostPartner: string;
  let plant: string;

  const count = async (table: string) => (await ctx.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
  const newSystem = (modelId = fx.modelA) =>
    createSystem(ctx.db, { modelId, donorPartnerId: fx.partnerA, facilityId: null });

  const create = (agent: Agent, body: Record<string, unknown> = {}) =>
    agent.post('/api/v1/component-requests').send({
      componentId: fx.componentA,
      quantity: 5,
      priority: 'routine',
      neededBy: dayOffset(10),
      facilityId: fx.ws1,
      justification: 'Needed for the recoil repair',
      ...body,
    });

  async function raise(agent: Agent = admin.agent, body: Record<string, unknown> = {}) {
    const res = await create(agent, body);
    if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
    return componentRequestResponseSchema.parse(res.body);
  }

  const move = (agent: Agent, id: string, to: ComponentRequestStatus, extra: Record<string, unknown> = {}) =>
    agent.post(`/api/v1/component-requests/${id}/transitions`).send({ to, ...extra });

  /** Drives a request raised by admin to `status`: submitted by admin, approved (partner A) and moved by logistics. */
  async function driveTo(id: string, status: ComponentRequestStatus, supplierPartnerId = fx.partnerA) {
    for (const to of PATH[status] ?? []) {
      const agent = to === 'submitted' ? admin.agent : logistics.agent;
      const res = await move(agent, id, to, to === 'approved' ? { supplierPartnerId, expectedOn: dayOffset(7) } : {});
      if (res.status !== 200) throw new Error(`move to ${to}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }

  const deliver = (agent: Agent, id: string, body: Record<string, unknown> = {}) =>
    agent
      .post(`/api/v1/component-requests/${id}/deliveries`)
      .send({ quantity: 1, receivedOn: dayOffset(-1), waybill: 'WB-1', ...body });

  async function openJob(systemId?: string) {
    const res = await admin.agent.post('/api/v1/repair-jobs').send({
      facilityId: fx.ws1,
      systemId: systemId ?? (await newSystem()),
      kind: 'corrective',
      priority: 'routine',
      reportedFault: 'Recoil buffer leaking',
      technicianIds: [],
    });
    if (res.status !== 201) throw new Error(`open job: ${res.status} ${JSON.stringify(res.body)}`);
    return repairJobResponseSchema.parse(res.body);
  }

  beforeAll(async () => {
    ctx = await createTestApp();
    fx = await repairFixtures(ctx.db);
    [{ id: hostPartner }] = await ctx.db.query(
      `INSERT INTO partners (code, name, role) VALUES ('UA', 'Host', 'host') RETURNING id`,
    );
    [{ id: plant }] = await ctx.db.query(
      `INSERT INTO facilities (code, name, kind, oblast, repair_bays)
       VALUES ('PL-T1', 'Plant', 'production_plant', 'lvivska', 0) RETURNING id`,
    );
    admin = await signedIn(ctx, { role: 'admin' });
    logistics = await signedIn(ctx, { role: 'logistics' });
    logistics2 = await signedIn(ctx, { role: 'logistics' });
    ws1 = await signedIn(ctx, { role: 'workshop', facilityIds: [fx.ws1] });
    ws2 = await signedIn(ctx, { role: 'workshop', facilityIds: [fx.ws2] });
    partnerA = await signedIn(ctx, { role: 'partner', partnerId: fx.partnerA });
    partnerB = await signedIn(ctx, { role: 'partner', partnerId: fx.partnerB });
    viewer = await signedIn(ctx, { role: 'viewer' });
  });
  afterAll(async () => {
    await ctx.close();
  });

  describe('raising a request', () => {
    it('numbers 20 concurrent creations CR-YYYY-00001…00020: no gap, no duplicate', async () => {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => create(admin.agent, { justification: `Concurrent ${i}` })),
      );
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
      const numbers = results.map((r) => r.body.number as string).sort();
      expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `CR-${YEAR}-${String(i + 1).padStart(5, '0')}`));
      expect(await count('component_request_transitions')).toBe(20);
    });

    it('raises a draft: names, first transition, one audit row', async () => {
      const res = await create(ws1.agent, { quantity: 3, priority: 'urgent' });
      expect(res.status).toBe(201);
      const r = componentRequestResponseSchema.parse(res.body);
      expect(r).toMatchObject({
        status: 'draft',
        quantity: 3,
        deliveredQuantity: 0,
        remaining: 3,
        priority: 'urgent',
        componentPartNumber: 'CMP-A',
        componentName: 'Part for A',
        componentCategory: 'breech',
        facilityCode: 'WS-T1',
        repairJobId: null,
        systemId: null,
        requestedBy: ws1.user.id,
        requesterName: 'Test workshop',
        overdue: false,
        autoBarrel: false,
        allowedTransitions: ['submitted', 'cancelled'],
        version: 1,
      });
      const detail = componentRequestDetailSchema.parse(
        (await ws1.agent.get(`/api/v1/component-requests/${r.id}`)).body,
      );
      expect(detail.transitions).toEqual([
        expect.objectContaining({ fromStatus: null, toStatus: 'draft', actorName: 'Test workshop' }),
      ]);
      expect(detail.deliveries).toEqual([]);
      expect(detail.repairJob).toBeNull();
      const audit = await auditRows(ctx.db, 'component_request', r.id);
      expect(audit).toEqual([
        expect.objectContaining({
          action: 'create',
          actor_id: ws1.user.id,
          after: expect.objectContaining({ number: r.number, status: 'draft', quantity: 3 }),
        }),
      ]);
    });

    it('takes the system of its job; a system that is not the job’s is 400', async () => {
      const job = await openJob();
      const r = await raise(admin.agent, { repairJobId: job.id });
      expect(r).toMatchObject({ repairJobId: job.id, repairJobNumber: job.number, systemId: job.systemId });
      expect(r.systemSerial).toBe(job.systemSerial);
      const detail = componentRequestDetailSchema.parse(
        (await admin.agent.get(`/api/v1/component-requests/${r.id}`)).body,
      );
      expect(detail.repairJob).toEqual({ id: job.id, number: job.number, status: 'reported', facilityCode: 'WS-T1' });

      const other = await newSystem();
      const res = await create(admin.agent, { repairJobId: job.id, systemId: other });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'systemId', code: 'invalid_value' })]);
    });

    it('refuses a component that does not fit the model of the job or system (409)', async () => {
      const job = await openJob();
      const before = await count('component_requests');
      const viaJob = await create(admin.agent, { repairJobId: job.id, componentId: fx.componentB });
      expect({ status: viaJob.status, code: viaJob.body.code }).toEqual({
        status: 409,
        code: 'INCOMPATIBLE_COMPONENT',
      });
      const viaSystem = await create(admin.agent, { systemId: await newSystem(), componentId: fx.componentB });
      expect(viaSystem.status).toBe(409);
      expect(viaSystem.body.code).toBe('INCOMPATIBLE_COMPONENT');
      expect(await count('component_requests')).toBe(before);
      // the right model is fine
      const fits = await create(admin.agent, { systemId: await newSystem(fx.modelB), componentId: fx.componentB });
      expect(fits.status).toBe(201);
    });

    it('refuses a closed job (409 JOB_CLOSED) and a job out of scope (404)', async () => {
      const job = await openJob();
      const cancel = await admin.agent
        .post(`/api/v1/repair-jobs/${job.id}/transitions`)
        .send({ to: 'cancelled', comment: 'Not needed' });
      expect(cancel.status).toBe(200);
      const closed = await create(admin.agent, { repairJobId: job.id });
      expect(closed.status).toBe(409);
      expect(closed.body).toMatchObject({ code: 'JOB_CLOSED', jobNumber: job.number });

      // a job at ws1 is out of a ws2 user's scope, whatever facility the request names
      const open = await openJob();
      const res = await create(ws2.agent, { facilityId: fx.ws2, repairJobId: open.id });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    });

    it('refuses bad input with field codes and writes nothing', async () => {
      const tables = ['component_requests', 'component_request_transitions', 'audit_log', 'number_sequences'];
      const before = await Promise.all(tables.map(count));
      const [{ last }] = await ctx.db.query(`SELECT max(last_value) AS last FROM number_sequences WHERE name = 'CR'`);

      const past = await create(admin.agent, { neededBy: dayOffset(-3) });
      expect(past.status).toBe(400);
      expect(past.body.errors).toEqual([expect.objectContaining({ path: 'neededBy', code: 'in_past' })]);

      const refs = await create(admin.agent, {
        facilityId: '00000000-0000-4000-8000-000000000001',
        componentId: '00000000-0000-4000-8000-000000000002',
      });
      expect(refs.status).toBe(400);
      expect(refs.body.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: 'facilityId', code: 'not_found' }),
          expect.objectContaining({ path: 'componentId', code: 'not_found' }),
        ]),
      );

      const kind = await create(admin.agent, { facilityId: plant });
      expect(kind.status).toBe(400);
      expect(kind.body.errors).toEqual([expect.objectContaining({ path: 'facilityId', code: 'destination_kind' })]);

      const quantity = await create(admin.agent, { quantity: 0, justification: 'x' });
      expect(quantity.status).toBe(400);
      expect(quantity.body.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: 'quantity', code: 'too_small' }),
          expect.objectContaining({ path: 'justification', code: 'too_small' }),
        ]),
      );

      // a depot is a destination too; a workshop user only for their facilities (404)
      expect((await create(admin.agent, { facilityId: fx.depot1 })).status).toBe(201);
      expect((await create(ws1.agent, { facilityId: fx.ws2 })).status).toBe(404);
      // only the depot request was written: its row, first transition and audit row, on the same counter
      expect(await Promise.all(tables.map(count))).toEqual([before[0] + 1, before[1] + 1, before[2] + 1, before[3]]);
      const [{ last: lastAfter }] = await ctx.db.query(
        `SELECT max(last_value) AS last FROM number_sequences WHERE name = 'CR'`,
      );
      expect(lastAfter).toBe(last + 1);
    });
  });

  describe('editing a draft', () => {
    it('changes a draft with its version and audits before/after; stale 409; locked once submitted', async () => {
      const r = await raise();
      const res = await admin.agent
        .patch(`/api/v1/component-requests/${r.id}`)
        .send({ version: 1, quantity: 7, neededBy: dayOffset(20) });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ quantity: 7, neededBy: dayOffset(20), version: 2 });
      const [, update] = await auditRows(ctx.db, 'component_request', r.id);
      expect(update).toMatchObject({
        action: 'update',
        before: { quantity: 5, neededBy: dayOffset(10), version: 1 },
        after: { quantity: 7, neededBy: dayOffset(20), version: 2 },
      });

      const stale = await admin.agent.patch(`/api/v1/component-requests/${r.id}`).send({ version: 1, quantity: 8 });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'STALE_VERSION', currentVersion: 2 });

      const past = await admin.agent
        .patch(`/api/v1/component-requests/${r.id}`)
        .send({ version: 2, neededBy: dayOffset(-2) });
      expect(past.status).toBe(400);
      expect(past.body.errors).toEqual([expect.objectContaining({ path: 'neededBy', code: 'in_past' })]);

      await driveTo(r.id, 'submitted');
      const locked = await admin.agent.patch(`/api/v1/component-requests/${r.id}`).send({ version: 3, quantity: 8 });
      expect(locked.status).toBe(409);
      expect(locked.body).toMatchObject({ status: 409, code: 'REQUEST_LOCKED', requestStatus: 'submitted' });
    });
  });

  describe('the workflow', () => {
    it('approval needs a supplier and four eyes; sets approved_at/by; transition and audit rows', async () => {
      const r = await raise(logistics.agent);
      expect((await move(logistics.agent, r.id, 'submitted')).status).toBe(200);
      const self = await move(logistics.agent, r.id, 'approved', { supplierPartnerId: fx.partnerA });
      expect({ status: self.status, code: self.body.code }).toEqual({ status: 409, code: 'FOUR_EYES' });
      // the requester is not offered the approval
      const own = componentRequestResponseSchema.parse(
        (await logistics.agent.get(`/api/v1/component-requests/${r.id}`)).body,
      );
      expect(own.allowedTransitions).toEqual(['rejected', 'cancelled']);

      const noSupplier = await move(logistics2.agent, r.id, 'approved');
      expect(noSupplier.status).toBe(400);
      expect(noSupplier.body.errors).toEqual([
        expect.objectContaining({ path: 'supplierPartnerId', code: 'required' }),
      ]);
      const host = await move(logistics2.agent, r.id, 'approved', { supplierPartnerId: hostPartner });
      expect(host.status).toBe(400);
      expect(host.body.errors).toEqual([expect.objectContaining({ path: 'supplierPartnerId' })]);
      const missing = await move(logistics2.agent, r.id, 'approved', {
        supplierPartnerId: '00000000-0000-4000-8000-000000000009',
      });
      expect(missing.body.errors).toEqual([expect.objectContaining({ path: 'supplierPartnerId', code: 'not_found' })]);

      const ok = await move(logistics2.agent, r.id, 'approved', {
        supplierPartnerId: fx.partnerA,
        expectedOn: dayOffset(14),
        version: 2,
      });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({
        status: 'approved',
        supplierPartnerId: fx.partnerA,
        supplierPartnerCode: 'XA',
        expectedOn: dayOffset(14),
        version: 3,
      });
      expect(ok.body.submittedAt).toEqual(expect.any(String));
      expect(ok.body.approvedAt).toEqual(expect.any(String));
      const [row] = await ctx.db.query(`SELECT approved_by FROM component_requests WHERE id = $1`, [r.id]);
      expect(row.approved_by).toBe(logistics2.user.id);
      const moves = await ctx.db.query(
        `SELECT from_status, to_status, actor_id FROM component_request_transitions WHERE request_id = $1 ORDER BY at`,
        [r.id],
      );
      expect(moves).toEqual([
        { from_status: null, to_status: 'draft', actor_id: logistics.user.id },
        { from_status: 'draft', to_status: 'submitted', actor_id: logistics.user.id },
        { from_status: 'submitted', to_status: 'approved', actor_id: logistics2.user.id },
      ]);
      const audit = await auditRows(ctx.db, 'component_request', r.id);
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['create', 'update', 'update']);
      expect(audit[2]).toMatchObject({
        actor_id: logistics2.user.id,
        before: { status: 'submitted', version: 2 },
        after: { status: 'approved', supplierPartnerId: fx.partnerA, version: 3 },
      });
    });

    it('refuses moves the workflow does not allow (409 with allowed) and rejecting without a comment', async () => {
      const r = await raise();
      const skip = await move(logistics.agent, r.id, 'approved', { supplierPartnerId: fx.partnerA });
      expect(skip.status).toBe(409);
      expect(skip.body).toMatchObject({
        code: 'INVALID_TRANSITION',
        from: 'draft',
        to: 'approved',
        allowed: ['submitted', 'cancelled'],
      });
      const byHand = await move(admin.agent, r.id, 'delivered');
      expect(byHand.body).toMatchObject({ code: 'INVALID_TRANSITION', to: 'delivered' });
      await driveTo(r.id, 'submitted');
      const bare = await move(logistics.agent, r.id, 'rejected');
      expect(bare.status).toBe(400);
      expect(bare.body.code).toBe('COMMENT_REQUIRED');
      expect(bare.body.errors).toEqual([expect.objectContaining({ path: 'comment', code: 'comment_required' })]);
      const rejected = await move(logistics.agent, r.id, 'rejected', { comment: 'Not justified' });
      expect(rejected.status).toBe(200);
      expect(rejected.body).toMatchObject({ status: 'rejected', allowedTransitions: [] });
      expect(rejected.body.closedAt).toEqual(expect.any(String));
      const stale = await move(admin.agent, r.id, 'cancelled', { comment: 'x', version: 1 });
      expect(stale.body.code).toBe('STALE_VERSION');
    });

    it('workshop users submit and cancel at their facilities; approving is 403; other facilities 404', async () => {
      const r = await raise(ws1.agent);
      expect((await ws2.agent.get(`/api/v1/component-requests/${r.id}`)).status).toBe(404);
      expect((await move(ws2.agent, r.id, 'submitted')).status).toBe(404);
      const submitted = await move(ws1.agent, r.id, 'submitted');
      expect(submitted.status).toBe(200);
      expect(submitted.body.allowedTransitions).toEqual(['cancelled']);
      const approve = await move(ws1.agent, r.id, 'approved', { supplierPartnerId: fx.partnerA });
      expect({ status: approve.status, code: approve.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
      // others see the moves they may make; viewers and partners none
      const asAdmin = (await admin.agent.get(`/api/v1/component-requests/${r.id}`)).body;
      expect(asAdmin.allowedTransitions).toEqual(['approved', 'rejected', 'cancelled']);
      expect((await viewer.agent.get(`/api/v1/component-requests/${r.id}`)).body.allowedTransitions).toEqual([]);
      const list = requestPage.parse((await ws2.agent.get('/api/v1/component-requests?limit=200')).body);
      expect(list.items.every((i) => i.facilityId === fx.ws2)).toBe(true);
      const awaiting = requestPage.parse(
        (await ws1.agent.get('/api/v1/component-requests?awaitingMyApproval=true')).body,
      );
      expect(awaiting.items).toEqual([]);
      const cancelled = await move(ws1.agent, r.id, 'cancelled', { comment: 'Found one in stock' });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.status).toBe('cancelled');
    });
  });

  describe('deliveries', () => {
    it('adds up partial deliveries; completing sets delivered with a transition by the receiver; audited', async () => {
      const r = await raise(admin.agent, { quantity: 3 });
      const early = await deliver(logistics.agent, r.id);
      expect(early.status).toBe(409);
      expect(early.body).toMatchObject({ status: 409, code: 'NOT_RECEIVING', requestStatus: 'draft' });
      await driveTo(r.id, 'shipped');
      const future = await deliver(ws1.agent, r.id, { receivedOn: dayOffset(3) });
      expect(future.status).toBe(400);
      expect(future.body.errors).toEqual([expect.objectContaining({ path: 'receivedOn', code: 'in_future' })]);
      expect((await deliver(ws2.agent, r.id)).status).toBe(404);

      const first = await deliver(ws1.agent, r.id, { quantity: 2, waybill: 'WB-100', note: 'Box 1 of 2' });
      expect(first.status).toBe(201);
      const d = deliveryResponseSchema.parse(first.body);
      expect(d).toMatchObject({ requestId: r.id, quantity: 2, waybill: 'WB-100', receiverName: 'Test workshop' });
      const over = await deliver(ws1.agent, r.id, { quantity: 2 });
      expect(over.status).toBe(409);
      expect(over.body).toMatchObject({ code: 'OVER_DELIVERY', remaining: 1 });
      expect((await deliver(ws1.agent, r.id, { quantity: 1, waybill: 'WB-101' })).status).toBe(201);

      const detail = componentRequestDetailSchema.parse(
        (await admin.agent.get(`/api/v1/component-requests/${r.id}`)).body,
      );
      expect(detail).toMatchObject({ status: 'delivered', deliveredQuantity: 3, remaining: 0, allowedTransitions: [] });
      expect(detail.deliveredAt).toEqual(expect.any(String));
      expect(detail.closedAt).toEqual(expect.any(String));
      expect(detail.deliveries.map((x) => x.waybill)).toEqual(['WB-100', 'WB-101']);
      expect(detail.transitions.at(-1)).toMatchObject({
        fromStatus: 'shipped',
        toStatus: 'delivered',
        comment: 'WB-101',
        actorName: 'Test workshop',
      });
      const deliveriesAudit = await auditRows(ctx.db, 'delivery', d.id);
      expect(deliveriesAudit).toEqual([
        expect.objectContaining({
          action: 'create',
          actor_id: ws1.user.id,
          after: expect.objectContaining({ quantity: 2 }),
        }),
      ]);
      const requestAudit = await auditRows(ctx.db, 'component_request', r.id);
      expect(requestAudit.at(-1)).toMatchObject({
        action: 'update',
        before: { status: 'shipped', deliveredQuantity: 2 },
        after: { status: 'delivered', deliveredQuantity: 3 },
      });
    });

    it('ten parallel deliveries of 1 against 5 remaining: exactly 5 accepted, 5 × 409 OVER_DELIVERY', async () => {
      const r = await raise(admin.agent, { quantity: 5 });
      await driveTo(r.id, 'ordered');
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => deliver(logistics.agent, r.id, { waybill: `WB-P${i}` })),
      );
      const statuses = results.map((x) => x.status).sort();
      expect(statuses).toEqual([...Array(5).fill(201), ...Array(5).fill(409)]);
      for (const refused of results.filter((x) => x.status === 409))
        expect(refused.body).toMatchObject({ code: 'OVER_DELIVERY', remaining: 0 });
      const [row] = await ctx.db.query(`SELECT status, delivered_quantity FROM component_requests WHERE id = $1`, [
        r.id,
      ]);
      expect(row).toEqual({ status: 'delivered', delivered_quantity: 5 });
      const [{ n }] = await ctx.db.query(`SELECT count(*)::int AS n FROM deliveries WHERE request_id = $1`, [r.id]);
      expect(n).toBe(5);
      const [{ moves }] = await ctx.db.query(
        `SELECT count(*)::int AS moves FROM component_request_transitions
          WHERE request_id = $1 AND to_status = 'delivered'`,
        [r.id],
      );
      expect(moves).toBe(1);
    });
  });

  describe('the link with repair jobs', () => {
    it('parts ready flips when the last delivery lands and back when another request is linked', async () => {
      const job = await openJob();
      const jobUrl = `/api/v1/repair-jobs/${job.id}`;
      const partsReady = async () => repairJobDetailSchema.parse((await admin.agent.get(jobUrl)).body).partsReady;
      const listed = async (flag: 'true' | 'false') =>
        pageSchema(repairJobResponseSchema)
          .parse((await admin.agent.get(`/api/v1/repair-jobs?partsReady=${flag}&limit=200`)).body)
          .items.map((j) => j.id);
      expect(await partsReady()).toBe(false);

      const a = await raise(admin.agent, { repairJobId: job.id, quantity: 2 });
      const b = await raise(admin.agent, { repairJobId: job.id, quantity: 1 });
      await driveTo(a.id, 'ordered');
      await driveTo(b.id, 'shipped');
      expect((await deliver(ws1.agent, a.id, { quantity: 2 })).status).toBe(201);
      expect(await partsReady()).toBe(false);
      expect(await listed('true')).not.toContain(job.id);
      expect((await deliver(ws1.agent, b.id)).status).toBe(201);
      expect(await partsReady()).toBe(true);
      expect(await listed('true')).toContain(job.id);
      expect(await listed('false')).not.toContain(job.id);
      const inList = pageSchema(repairJobResponseSchema)
        .parse((await admin.agent.get(`/api/v1/repair-jobs?limit=200`)).body)
        .items.find((j) => j.id === job.id);
      expect(inList?.partsReady).toBe(true);

      const detail = repairJobDetailSchema.parse((await admin.agent.get(jobUrl)).body);
      expect(detail.componentRequests).toEqual([
        expect.objectContaining({
          id: a.id,
          number: a.number,
          status: 'delivered',
          remaining: 0,
          deliveredQuantity: 2,
        }),
        expect.objectContaining({ id: b.id, componentPartNumber: 'CMP-A', quantity: 1, overdue: false }),
      ]);

      // a cancelled request does not count; a new open one does
      const c = await raise(admin.agent, { repairJobId: job.id });
      expect(await partsReady()).toBe(false);
      expect(await listed('false')).toContain(job.id);
      await move(admin.agent, c.id, 'cancelled', { comment: 'Taken from stock' });
      expect(await partsReady()).toBe(true);
      await raise(admin.agent, { repairJobId: job.id });
      expect(await partsReady()).toBe(false);
    });

    it('parts used from a request: only a request of this job and component, never more than delivered', async () => {
      const job = await openJob();
      const r = await raise(admin.agent, { repairJobId: job.id, quantity: 5 });
      await driveTo(r.id, 'ordered');
      expect((await deliver(ws1.agent, r.id, { quantity: 3 })).status).toBe(201);
      const use = (quantity: number, componentRequestId: string | null = r.id, componentId = fx.componentA) =>
        ws1.agent.post(`/api/v1/repair-jobs/${job.id}/parts-used`).send({ componentId, quantity, componentRequestId });
      expect((await use(2)).status).toBe(201);
      const over = await use(2);
      expect(over.status).toBe(409);
      expect(over.body).toMatchObject({ code: 'PARTS_EXCEED_DELIVERED', available: 1 });
      expect((await use(1)).status).toBe(201);

      const otherJob = await openJob();
      const foreign = await raise(admin.agent, { repairJobId: otherJob.id });
      const wrong = await use(1, foreign.id);
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors).toEqual([expect.objectContaining({ path: 'componentRequestId', code: 'not_found' })]);
      expect((await use(1, null)).status).toBe(201);
      const [{ n }] = await ctx.db.query(`SELECT count(*)::int AS n FROM parts_used WHERE job_id = $1`, [job.id]);
      expect(n).toBe(3);
    });
  });

  describe('partner scope', () => {
    it('partner users see the requests their country supplies, without names; others are 404', async () => {
      const r = await raise(admin.agent);
      await driveTo(r.id, 'ordered', fx.partnerB);
      expect((await deliver(logistics.agent, r.id)).status).toBe(201);
      expect((await partnerA.agent.get(`/api/v1/component-requests/${r.id}`)).status).toBe(404);
      const own = componentRequestDetailSchema.parse(
        (await partnerB.agent.get(`/api/v1/component-requests/${r.id}`)).body,
      );
      expect(own).toMatchObject({ requestedBy: null, requesterName: null, allowedTransitions: [] });
      expect(own.transitions.every((t) => t.actorName === null)).toBe(true);
      expect(own.deliveries.map((d) => d.receiverName)).toEqual([null]);
      const list = requestPage.parse((await partnerB.agent.get('/api/v1/component-requests?limit=200')).body);
      expect(list.items.map((i) => i.id)).toEqual([r.id]);
      expect((await partnerB.agent.post('/api/v1/component-requests').send({})).status).toBe(403);
    });
  });

  describe('lists, export and metrics on a hand-made set', () => {
    let partnerM: Signed;
    let supplierM: string;
    const ids: Record<string, string> = {};
    const numbers: Record<string, string> = {};

    /** Inserts a request supplied by partner M (or `supplier`) with explicit times (days ago) and states. */
    async function handMade(key: string, o: Record<string, unknown>) {
      const [row] = await ctx.db.query(
        `INSERT INTO component_requests (number, component_id, quantity, delivered_quantity, priority, needed_by,
                                         facility_id, justification, status, requested_by, supplier_partner_id,
                                         submitted_at, approved_at, delivered_at, created_at)
         VALUES ($1, $2, $3, $4, 'routine', $5, $6, 'Hand made', $7, $8, $9,
                 now() - make_interval(days => $10), now() - make_interval(days => $11),
                 now() - make_interval(days => $12), now() - make_interval(mins => $13))
         RETURNING id, number`,
        [
          `CR-HM-${key}`,
          fx.componentA,
          o['quantity'] ?? 2,
          o['status'] === 'delivered' ? (o['quantity'] ?? 2) : 0,
          o['neededBy'],
          fx.ws1,
          o['status'],
          logistics2.user.id,
          o['supplier'] ?? supplierM,
          o['submitted'] ?? null,
          o['approved'] ?? null,
          o['delivered'] ?? null,
          o['createdMinutesAgo'],
        ],
      );
      ids[key] = row.id;
      numbers[key] = row.number;
    }

    beforeAll(async () => {
      [{ id: supplierM }] = await ctx.db.query(
        `INSERT INTO partners (code, name, role) VALUES ('XM', 'Partner M', 'member') RETURNING id`,
      );
      partnerM = await signedIn(ctx, { role: 'partner', partnerId: supplierM });
      // delivered on time (8 days ago, needed 5 days ago): 2 days to approve, 10 to deliver
      await handMade('R1', {
        status: 'delivered',
        neededBy: dayOffset(-5),
        submitted: 20,
        approved: 18,
        delivered: 8,
        createdMinutesAgo: 60,
      });
      // delivered late: 4 days to approve, 20 to deliver
      await handMade('R2', {
        status: 'delivered',
        neededBy: dayOffset(-10),
        submitted: 30,
        approved: 26,
        delivered: 6,
        createdMinutesAgo: 50,
      });
      // approved and delivered more than a year ago (outside every window): 1 day, 9 days
      await handMade('R3', {
        status: 'delivered',
        neededBy: dayOffset(-300),
        submitted: 410,
        approved: 409,
        delivered: 400,
        createdMinutesAgo: 40,
      });
      // ordered and overdue: 2 days to approve
      await handMade('R4', {
        status: 'ordered',
        neededBy: dayOffset(-2),
        submitted: 5,
        approved: 3,
        createdMinutesAgo: 30,
      });
      // approved, not due yet: 1 day to approve
      await handMade('R5', {
        status: 'approved',
        neededBy: dayOffset(10),
        submitted: 2,
        approved: 1,
        createdMinutesAgo: 20,
      });
      // cancelled: neither open nor delivered, and never overdue
      await handMade('R6', { status: 'cancelled', neededBy: dayOffset(-20), submitted: 3, createdMinutesAgo: 10 });
    });

    it('computes the metrics: open by status, overdue, on-time rate, supplier medians', async () => {
      const res = await partnerM.agent.get('/api/v1/component-requests/metrics');
      expect(res.status).toBe(200);
      const m = componentRequestMetricsSchema.parse(res.body);
      expect(m).toEqual({
        openByStatus: { draft: 0, submitted: 0, approved: 1, ordered: 1, shipped: 0 },
        overdue: 1,
        onTimeRate: 0.5,
        perSupplier: [
          {
            supplierPartnerId: supplierM,
            supplierPartnerCode: 'XM',
            // approved in the last 365 days: [1, 2, 2, 4] (R3 approved before, R6 never)
            medianSubmitToApproveDays: 2,
            // [10, 20] (with R3 it would be 10)
            medianApproveToDeliverDays: 15,
            delivered: 2,
            open: 2,
          },
        ],
      });
      // another partner sees none of it
      const other = componentRequestMetricsSchema.parse(
        (await partnerA.agent.get('/api/v1/component-requests/metrics')).body,
      );
      expect(other.perSupplier.map((s) => s.supplierPartnerCode)).not.toContain('XM');
      // admin sees every supplier
      const all = componentRequestMetricsSchema.parse(
        (await admin.agent.get('/api/v1/component-requests/metrics')).body,
      );
      expect(all.perSupplier.map((s) => s.supplierPartnerCode)).toEqual(expect.arrayContaining(['XA', 'XB', 'XM']));
    });

    it('pages newest first by keyset and applies every filter', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/v1/component-requests?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page = requestPage.parse((await partnerM.agent.get(url)).body);
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((i) => i.number));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(['R6', 'R5', 'R4', 'R3', 'R2', 'R1'].map((k) => numbers[k]));

      const get = async (agent: Agent, query: string) =>
        requestPage.parse((await agent.get(`/api/v1/component-requests?limit=200&${query}`)).body).items;
      const keys = (items: Array<{ id: string }>) =>
        items.map((i) => Object.keys(ids).find((k) => ids[k] === i.id) ?? 'other');

      expect(keys(await get(partnerM.agent, 'overdue=true'))).toEqual(['R4']);
      expect(keys(await get(partnerM.agent, 'overdue=false'))).toEqual(['R6', 'R5', 'R3', 'R2', 'R1']);
      expect((await get(partnerM.agent, 'overdue=true'))[0].overdue).toBe(true);
      expect(keys(await get(partnerM.agent, 'status=approved&status=ordered'))).toEqual(['R5', 'R4']);
      expect(keys(await get(partnerM.agent, 'status=delivered'))).toEqual(['R3', 'R2', 'R1']);
      expect(keys(await get(partnerM.agent, 'q=hm-r3'))).toEqual(['R3']);
      expect(keys(await get(admin.agent, `supplierPartnerId=${supplierM}&priority=routine`))).toHaveLength(6);
      expect(keys(await get(admin.agent, `supplierPartnerId=${supplierM}&priority=urgent`))).toEqual([]);
      expect(keys(await get(logistics2.agent, 'mine=true'))).toEqual(['R6', 'R5', 'R4', 'R3', 'R2', 'R1']);
      const job = await openJob();
      const linked = await raise(admin.agent, { repairJobId: job.id });
      expect((await get(admin.agent, `repairJobId=${job.id}`)).map((i) => i.id)).toEqual([linked.id]);
      expect((await get(admin.agent, `systemId=${job.systemId}`)).map((i) => i.id)).toEqual([linked.id]);
      expect(
        (await get(admin.agent, `componentId=${fx.componentB}`)).every((i) => i.componentId === fx.componentB),
      ).toBe(true);
      expect((await get(admin.agent, `facilityId=${fx.depot1}`)).every((i) => i.facilityCode === 'DP-T1')).toBe(true);

      // awaiting my approval: submitted by someone else
      const mineSubmitted = await raise(logistics.agent);
      await move(logistics.agent, mineSubmitted.id, 'submitted');
      const theirs = await raise(admin.agent);
      await driveTo(theirs.id, 'submitted');
      const awaiting = (await get(logistics.agent, 'awaitingMyApproval=true')).map((i) => i.id);
      expect(awaiting).toContain(theirs.id);
      expect(awaiting).not.toContain(mineSubmitted.id);
      const bad = await admin.agent.get('/api/v1/component-requests?cursor=bm90LWEtY3Vyc29y');
      expect(bad.status).toBe(400);
    });

    it('exports CSV with the list’s filters, scope and order; no requester for partner users', async () => {
      const res = await logistics.agent.get(`/api/v1/component-requests/export.csv?supplierPartnerId=${supplierM}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      const lines = (res.text as string)
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe(
        'number,status,priority,part_number,component,quantity,delivered,remaining,needed_by,overdue,facility_code,' +
          'repair_job,system_serial,supplier,expected_on,requester',
      );
      expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(
        ['R6', 'R5', 'R4', 'R3', 'R2', 'R1'].map((k) => numbers[k]),
      );
      expect(lines[3]).toBe(
        `${numbers['R4']},ordered,routine,CMP-A,Part for A,2,0,2,${dayOffset(-2)},true,WS-T1,,,XM,,Test logistics`,
      );
      const partner = await partnerM.agent.get('/api/v1/component-requests/export.csv?status=ordered');
      const partnerLines = (partner.text as string)
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(partnerLines.slice(1)).toEqual([
        `${numbers['R4']},ordered,routine,CMP-A,Part for A,2,0,2,${dayOffset(-2)},true,WS-T1,,,XM,,`,
      ]);
      const none = await partnerA.agent.get(`/api/v1/component-requests/export.csv?supplierPartnerId=${supplierM}`);
      expect(
        (none.text as string)
          .replace(/^\uFEFF/, '')
          .trim()
          .split('\r\n'),
      ).toHaveLength(1);
    });

    it('counts in the supplier medians and delivered only requests approved in the last 365 days', async () => {
      const [{ id: supplierN }] = await ctx.db.query(
        `INSERT INTO partners (code, name, role) VALUES ('XN', 'Partner N', 'member') RETURNING id`,
      );
      const partnerN = await signedIn(ctx, { role: 'partner', partnerId: supplierN });
      const n = { supplier: supplierN, createdMinutesAgo: 5 };
      // approved 366 days ago and delivered: 30 days to approve, 40 to deliver; out of the window
      await handMade('N1', {
        ...n,
        status: 'delivered',
        neededBy: dayOffset(-300),
        submitted: 396,
        approved: 366,
        delivered: 326,
      });
      // approved 400 days ago and still shipped: open (and overdue), but not in the medians
      await handMade('N2', { ...n, status: 'shipped', neededBy: dayOffset(-350), submitted: 430, approved: 400 });
      // submitted more than a year ago but approved 360 days ago: in the window, 10 days to approve, 20 to deliver
      await handMade('N3', {
        ...n,
        status: 'delivered',
        neededBy: dayOffset(-330),
        submitted: 370,
        approved: 360,
        delivered: 340,
      });
      // recent: 1 day to approve, 9 to deliver
      await handMade('N4', {
        ...n,
        status: 'delivered',
        neededBy: dayOffset(-5),
        submitted: 30,
        approved: 29,
        delivered: 20,
      });
      const m = componentRequestMetricsSchema.parse(
        (await partnerN.agent.get('/api/v1/component-requests/metrics')).body,
      );
      expect(m.perSupplier).toEqual([
        {
          supplierPartnerId: supplierN,
          supplierPartnerCode: 'XN',
          // [1, 10]; with N1 and N2 it would be 20
          medianSubmitToApproveDays: 5.5,
          // [9, 20]; with N1 it would be 20
          medianApproveToDeliverDays: 14.5,
          delivered: 2,
          open: 1,
        },
      ]);
      expect(m.openByStatus['shipped']).toBe(1);
      expect(m.overdue).toBe(1);
    });
  });
});
