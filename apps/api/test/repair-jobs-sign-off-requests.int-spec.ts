import { repairJobResponseSchema, signOffRequestResponseSchema } from '@jv/contracts';
import { SIGN_OFF_REQUEST_QUIET_MINUTES } from '@jv/domain';
import type TestAgent from 'supertest/lib/agent';
import { createSystem, dayOffset, repairFixtures, type RepairFixtures } from './support/repair-fixtures';
import { auditRows, createUser, createTestApp, signedIn, type TestContext } from './support/test-app';

interface Signed {
  agent: TestAgent;
  user: { id: string };
}

describe('repair jobs: asking for the quality sign-off (integration, real PostgreSQL)', () => {
  let ctx: TestContext;
  let fx: RepairFixtures;
  let admin: Signed;
  /** logs work on the jobs and asks for their sign-off */
  let tech: Signed;
  /** a colleague at the same workshop who logs no work: may sign off */
  let colleague: Signed;
  /** a colleague who also logged work: may not sign off */
  let coWorker: Signed;
  /** works at both workshops and logs no work: may sign off */
  let both: Signed;
  let otherWorkshop: Signed;
  let inactiveColleague: string;

  const url = (id: string) => `/api/v1/repair-jobs/${id}/sign-off-requests`;
  const ids = (...s: Signed[]) => s.map((x) => x.user.id).sort();

  async function recipients(jobId: string): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await ctx.db.query(
      `SELECT user_id FROM notifications WHERE kind = 'sign_off_requested' AND subject_id = $1 ORDER BY user_id`,
      [jobId],
    );
    return rows.map((r) => r.user_id).sort();
  }
  const requestedAt = async (jobId: string): Promise<Date | null> =>
    (await ctx.db.query(`SELECT sign_off_requested_at AS at FROM repair_jobs WHERE id = $1`, [jobId]))[0].at;

  async function move(id: string, to: string) {
    const res = await admin.agent.post(`/api/v1/repair-jobs/${id}/transitions`).send({ to });
    if (res.status !== 200) throw new Error(`move to ${to}: ${res.status} ${JSON.stringify(res.body)}`);
    return repairJobResponseSchema.parse(res.body);
  }
  async function logWork(s: Signed, jobId: string) {
    const res = await s.agent.post(`/api/v1/repair-jobs/${jobId}/work-logs`).send({ date: dayOffset(0), hours: 2 });
    if (res.status !== 201) throw new Error(`work log: ${res.status} ${JSON.stringify(res.body)}`);
  }
  /** A job at workshop 1 moved on to `to` (quality_check: awaiting sign-off), with work logged by `tech`. */
  async function jobIn(to: 'in_repair' | 'quality_check' = 'quality_check') {
    const res = await admin.agent.post('/api/v1/repair-jobs').send({
      facilityId: fx.ws1,
      systemId: await createSystem(ctx.db, { modelId: fx.modelA, donorPartnerId: fx.partnerA }),
      kind: 'corrective',
      priority: 'routine',
      reportedFault: 'Recoil buffer leaking',
      technicianIds: [],
    });
    if (res.status !== 201) throw new Error(`open job: ${res.status} ${JSON.stringify(res.body)}`);
    const job = repairJobResponseSchema.parse(res.body);
    await move(job.id, 'diagnosing');
    const inRepair = await move(job.id, 'in_repair');
    await logWork(tech, job.id);
    return to === 'quality_check' ? move(job.id, 'quality_check') : inRepair;
  }

  beforeAll(async () => {
    ctx = await createTestApp();
    fx = await repairFixtures(ctx.db);
    admin = await signedIn(ctx, { role: 'admin' });
    tech = await signedIn(ctx, { role: 'workshop', facilityIds: [fx.ws1] });
    colleague = await signedIn(ctx, { role: 'workshop', facilityIds: [fx.ws1] });
    coWorker = await signedIn(ctx, { role: 'workshop', facilityIds: [fx.ws1] });
    both = await signedIn(ctx, { role: 'workshop', facilityIds: [fx.ws2, fx.ws1] });
    otherWorkshop = await signedIn(ctx, { role: 'workshop', facilityIds: [fx.ws2] });
    inactiveColleague = (await createUser(ctx.db, { role: 'workshop', facilityIds: [fx.ws1], active: false })).id;
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('notifies the colleagues who may sign off: not the asker, not who logged work, not elsewhere', async () => {
    const job = await jobIn();
    await logWork(coWorker, job.id);
    const res = await tech.agent.post(url(job.id)).send({});
    expect(res.status).toBe(200);
    const body = signOffRequestResponseSchema.parse(res.body);
    expect(body).toMatchObject({ notified: 2, repeated: false });
    expect(await recipients(job.id)).toEqual(ids(colleague, both));
    expect(await recipients(job.id)).not.toContain(inactiveColleague);
    expect((await requestedAt(job.id))?.toISOString()).toBe(body.requestedAt);

    // the colleague's inbox links the job by number
    const inbox = await colleague.agent.get('/api/v1/notifications');
    expect(inbox.body.items).toEqual([
      expect.objectContaining({
        kind: 'sign_off_requested',
        subjectType: 'repair_job',
        subjectId: job.id,
        params: { jobNumber: job.number },
      }),
    ]);
    // asking is recorded, and is not an edit: the job's version stays
    expect(await auditRows(ctx.db, 'repair_job', job.id)).toContainEqual(
      expect.objectContaining({ after: expect.objectContaining({ notified: 2 }) }),
    );
    const after = await admin.agent.get(`/api/v1/repair-jobs/${job.id}`);
    expect(after.body.version).toBe(job.version);
  });

  it(`does not spam: a repeat within ${SIGN_OFF_REQUEST_QUIET_MINUTES} minutes notifies nobody again`, async () => {
    const job = await jobIn();
    const first = signOffRequestResponseSchema.parse((await tech.agent.post(url(job.id)).send({})).body);
    // a second ask, by someone else too, repeats the first one
    for (const s of [tech, coWorker]) {
      const again = await s.agent.post(url(job.id)).send({});
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ notified: 0, repeated: true, requestedAt: first.requestedAt });
    }
    expect(await recipients(job.id)).toEqual(ids(colleague, coWorker, both));

    // once the quiet window has passed, asking again notifies them again
    await ctx.db.query(
      `UPDATE repair_jobs SET sign_off_requested_at = sign_off_requested_at - make_interval(mins => $2) WHERE id = $1`,
      [job.id, SIGN_OFF_REQUEST_QUIET_MINUTES],
    );
    const later = await tech.agent.post(url(job.id)).send({});
    expect(later.body).toMatchObject({ notified: 3, repeated: false });
    expect(await recipients(job.id)).toEqual(
      [...ids(colleague, coWorker, both), ...ids(colleague, coWorker, both)].sort(),
    );
  });

  it('honours Idempotency-Key: a retry replays the answer and notifies once', async () => {
    const job = await jobIn();
    const send = () => tech.agent.post(url(job.id)).set('Idempotency-Key', `sign-off-${job.id}`).send({});
    const first = await send();
    const retry = await send();
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(first.body.repeated).toBe(false);
    expect(await recipients(job.id)).toHaveLength(3);
  });

  it('404 outside the caller scope, 403 for roles that do not work on jobs; nothing is written', async () => {
    const job = await jobIn();
    const foreign = await otherWorkshop.agent.post(url(job.id)).send({});
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('NOT_FOUND');
    for (const role of ['logistics', 'viewer', 'training'] as const) {
      const { agent } = await signedIn(ctx, { role });
      const res = await agent.post(url(job.id)).send({});
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    const partner = await signedIn(ctx, { role: 'partner', partnerId: fx.partnerA });
    expect((await partner.agent.post(url(job.id)).send({})).status).toBe(403);
    expect(await recipients(job.id)).toEqual([]);
    expect(await requestedAt(job.id)).toBeNull();
  });

  it('409 NOT_AWAITING_SIGN_OFF before quality check, 409 STALE_VERSION on an old version', async () => {
    const job = await jobIn('in_repair');
    const early = await tech.agent.post(url(job.id)).send({});
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'NOT_AWAITING_SIGN_OFF', jobStatus: 'in_repair' });

    const ready = await move(job.id, 'quality_check');
    const stale = await tech.agent.post(url(job.id)).send({ version: ready.version - 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    expect(await recipients(job.id)).toEqual([]);
    expect(await requestedAt(job.id)).toBeNull();

    // the current version is accepted
    expect((await tech.agent.post(url(job.id)).send({ version: ready.version })).status).toBe(200);
  });

  it('400 with field problems on bad input, and nothing changes', async () => {
    const job = await jobIn();
    const badVersion = await tech.agent.post(url(job.id)).send({ version: 'one' });
    expect(badVersion.status).toBe(400);
    expect(badVersion.body.errors).toEqual([expect.objectContaining({ path: 'version', code: 'invalid_type' })]);

    const unknown = await tech.agent.post(url(job.id)).send({ note: 'please' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ code: 'unrecognized_keys' })]);

    const badId = await tech.agent.post(url('not-a-uuid')).send({});
    expect(badId.status).toBe(400);
    expect(badId.body.errors).toEqual([expect.objectContaining({ path: 'id' })]);

    expect(await recipients(job.id)).toEqual([]);
    expect(await requestedAt(job.id)).toBeNull();
  });
});
