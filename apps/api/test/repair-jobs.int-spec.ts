import {
  pageSchema,
  partUsedListSchema,
  repairJobDetailSchema,
  repairJobResponseSchema,
  workLogListSchema,
} from '@jv/contracts';
import {
  allowedTransitions,
  type RepairJobStatus,
  repairJobStatuses,
  type SystemStatus,
  systemStatusForJob,
} from '@jv/domain';
import { randomUUID } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import { createSystem, dayOffset, repairFixtures, type RepairFixtures, systemRow } from './support/repair-fixtures';
import { auditRows, createTestApp, signedIn, type TestContext } from './support/test-app';

type Agent = TestAgent;

/** Legal paths from a new job (reported) to each state; completing also needs a work log and a sign-off. */
const PATHS: Record<RepairJobStatus, RepairJobStatus[]> = {
  reported: [],
  diagnosing: ['diagnosing'],
  in_repair: ['diagnosing', 'in_repair'],
  awaiting_parts: ['diagnosing', 'awaiting_parts'],
  quality_check: ['diagnosing', 'in_repair', 'quality_check'],
  completed: ['diagnosing', 'in_repair', 'quality_check', 'completed'],
  cancelled: ['cancelled'],
};

describe('repair jobs (integration, real PostgreSQL)', () => {
  let ctx: TestContext;
  let fx: RepairFixtures;
  let admin: { agent: Agent; user: { id: string } };
  let ws1: { agent: Agent; user: { id: string } };
  let ws1b: { agent: Agent; user: { id: string } };
  let ws2: { agent: Agent; user: { id: string } };
  let partnerA: { agent: Agent; user: { id: string } };
  let viewer: { agent: Agent; user: { id: string } };
  let logistics: { agent: Agent; user: { id: string } };

  const count = async (table: string) => (await ctx.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  const newSystem = (o: Partial<Parameters<typeof createSystem>[1]> = {}) =>
    createSystem(ctx.db, { modelId: fx.modelA, donorPartnerId: fx.partnerA, facilityId: null, ...o });

  /** Opens a job as `agent` (admin by default) on a new system unless one is given. */
  async function openJob(
    o: {
      systemId?: string;
      facilityId?: string;
      kind?: string;
      priority?: string;
      technicianIds?: string[];
      agent?: Agent;
      systemStatus?: SystemStatus;
    } = {},
  ) {
    const systemId = o.systemId ?? (await newSystem({ status: o.systemStatus ?? 'operational' }));
    const res = await (o.agent ?? admin.agent).post('/api/v1/repair-jobs').send({
      facilityId: o.facilityId ?? fx.ws1,
      systemId,
      kind: o.kind ?? 'corrective',
      priority: o.priority ?? 'routine',
      reportedFault: 'Recoil buffer leaking',
      technicianIds: o.technicianIds ?? [],
    });
    if (res.status !== 201) throw new Error(`open job: ${res.status} ${JSON.stringify(res.body)}`);
    return { job: repairJobResponseSchema.parse(res.body), systemId };
  }

  const move = (agent: Agent, id: string, to: RepairJobStatus, extra: Record<string, unknown> = {}) =>
    agent
      .post(`/api/v1/repair-jobs/${id}/transitions`)
      .send({ to, ...(to === 'cancelled' ? { comment: 'No longer needed' } : {}), ...extra });

  const logWork = (agent: Agent, id: string, body: Record<string, unknown> = {}) =>
    agent
      .post(`/api/v1/repair-jobs/${id}/work-logs`)
      .send({ date: dayOffset(0), hours: 2.5, note: 'Replaced seals', ...body });

  /** Drives a job along the legal path to `status` (work logged by ws1, signed off by admin). */
  async function driveTo(id: string, status: RepairJobStatus, newBarrelSerial?: string) {
    for (const to of PATHS[status]) {
      if (to === 'completed') expect((await logWork(ws1.agent, id)).status).toBe(201);
      const res = await move(admin.agent, id, to, to === 'completed' && newBarrelSerial ? { newBarrelSerial } : {});
      if (res.status !== 200) throw new Error(`move to ${to}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }

  beforeAll(async () => {
    ctx = await createTestApp();
    fx = await repairFixtures(ctx.db);
    admin = await signedIn(ctx, { role: 'admin' });
    ws1 = await signedIn(ctx, { role: 'workshop', facilityIds: [fx.ws1] });
    ws1b = await signedIn(ctx, { role: 'workshop', facilityIds: [fx.ws1] });
    ws2 = await signedIn(ctx, { role: 'workshop', facilityIds: [fx.ws2] });
    partnerA = await signedIn(ctx, { role: 'partner', partnerId: fx.partnerA });
    viewer = await signedIn(ctx, { role: 'viewer' });
    logistics = await signedIn(ctx, { role: 'logistics' });
  });
  afterAll(async () => {
    await ctx.close();
  });

  describe('opening a job', () => {
    it(
      'opens a job: number, due date from priority, first transition, ' +
        'system in repair at the facility, history and audit',
      async () => {
        const systemId = await newSystem({ status: 'degraded', facilityId: fx.depot1 });
        const sysBefore = await systemRow(ctx.db, systemId);
        const res = await ws1.agent.post('/api/v1/repair-jobs').send({
          facilityId: fx.ws1,
          systemId,
          kind: 'corrective',
          priority: 'urgent',
          reportedFault: 'Breech will not close',
          technicianIds: [ws1b.user.id],
        });
        expect(res.status).toBe(201);
        const job = repairJobResponseSchema.parse(res.body);
        expect(job.number).toMatch(new RegExp(`^RJ-${new Date().getUTCFullYear()}-\\d{5}$`));
        expect(job).toMatchObject({
          status: 'reported',
          priority: 'urgent',
          facilityId: fx.ws1,
          facilityCode: 'WS-T1',
          systemId,
          modelDesignation: 'Model A',
          technicianIds: [ws1b.user.id],
          technicians: [{ id: ws1b.user.id, displayName: 'Test workshop' }],
          overdue: false,
          partsReady: false,
          allowedTransitions: ['diagnosing', 'cancelled'],
          totalHours: 0,
          closedAt: null,
          version: 1,
        });
        expect(Date.parse(job.dueAt) - Date.parse(job.openedAt)).toBe(3 * 86_400_000);

        const sys = await systemRow(ctx.db, systemId);
        expect(sys).toMatchObject({ status: 'in_repair', facility_id: fx.ws1, version: sysBefore.version + 1 });
        const [stored] = await ctx.db.query(`SELECT system_status_before, opened_by FROM repair_jobs WHERE id = $1`, [
          job.id,
        ]);
        expect(stored).toEqual({ system_status_before: 'degraded', opened_by: ws1.user.id });
        expect(
          await ctx.db.query(`SELECT from_status, to_status, actor_id FROM repair_job_transitions WHERE job_id = $1`, [
            job.id,
          ]),
        ).toEqual([{ from_status: null, to_status: 'reported', actor_id: ws1.user.id }]);
        expect(
          await ctx.db.query(
            `SELECT from_status, to_status, reason, actor_id FROM system_status_history WHERE system_id = $1`,
            [systemId],
          ),
        ).toEqual([{ from_status: 'degraded', to_status: 'in_repair', reason: job.number, actor_id: ws1.user.id }]);
        expect(await auditRows(ctx.db, 'repair_job', job.id)).toEqual([
          expect.objectContaining({
            action: 'create',
            actor_id: ws1.user.id,
            after: expect.objectContaining({ number: job.number, status: 'reported', systemStatusBefore: 'degraded' }),
          }),
        ]);
        expect(await auditRows(ctx.db, 'system', systemId)).toEqual([
          expect.objectContaining({
            action: 'update',
            before: expect.objectContaining({ status: 'degraded' }),
            after: expect.objectContaining({ status: 'in_repair', reason: job.number }),
          }),
        ]);
      },
    );

    it('sets the due date from the priority: priority 10 days, routine 30 days', async () => {
      const { job: p } = await openJob({ priority: 'priority' });
      expect(Date.parse(p.dueAt) - Date.parse(p.openedAt)).toBe(10 * 86_400_000);
      const { job: r } = await openJob({ priority: 'routine' });
      expect(Date.parse(r.dueAt) - Date.parse(r.openedAt)).toBe(30 * 86_400_000);
    });

    it(
      'refuses a second open job on the system with 409 OPEN_JOB_EXISTS, ' + 'writing nothing and using no number',
      async () => {
        const { job, systemId } = await openJob();
        const jobs = await count('repair_jobs');
        const [{ last_value: seq }] = await ctx.db.query(`SELECT last_value FROM number_sequences WHERE name = 'RJ'`);
        const res = await admin.agent
          .post('/api/v1/repair-jobs')
          .send({ facilityId: fx.ws1, systemId, kind: 'overhaul', reportedFault: 'Another fault' });
        expect(res.status).toBe(409);
        expect(res.body).toMatchObject({ code: 'OPEN_JOB_EXISTS', jobNumber: job.number });
        expect(await count('repair_jobs')).toBe(jobs);
        const [{ last_value: seqAfter }] = await ctx.db.query(
          `SELECT last_value FROM number_sequences WHERE name = 'RJ'`,
        );
        expect(seqAfter).toBe(seq);
        // once the job is closed, a new one may open
        await driveTo(job.id, 'cancelled');
        expect(
          (
            await admin.agent
              .post('/api/v1/repair-jobs')
              .send({ facilityId: fx.ws1, systemId, kind: 'overhaul', reportedFault: 'Another fault' })
          ).status,
        ).toBe(201);
      },
    );

    it('backs the one-open-job rule with the partial unique index', async () => {
      const { systemId } = await openJob();
      await expect(
        ctx.db.query(
          `INSERT INTO repair_jobs (number, facility_id, system_id, kind, priority, priority_rank, status,
                                  reported_fault, system_status_before, due_at)
         VALUES ('RJ-1999-00001', $1, $2, 'corrective', 'routine', 2, 'diagnosing', 'x', 'operational', now())`,
          [fx.ws1, systemId],
        ),
      ).rejects.toThrow(/repair_jobs_one_open_per_system_uq/);
    });

    it(
      'refuses systems written off or in transit (409), ' +
        'a missing system and a facility that is not a workshop (400)',
      async () => {
        for (const status of ['written_off', 'in_transit']) {
          const systemId = await newSystem({ status });
          const res = await admin.agent
            .post('/api/v1/repair-jobs')
            .send({ facilityId: fx.ws1, systemId, kind: 'corrective', reportedFault: 'Broken' });
          expect(res.status).toBe(409);
          expect(res.body.code).toBe('SYSTEM_NOT_REPAIRABLE');
          expect((await systemRow(ctx.db, systemId)).status).toBe(status);
        }
        const missing = await admin.agent
          .post('/api/v1/repair-jobs')
          .send({ facilityId: fx.ws1, systemId: randomUUID(), kind: 'corrective', reportedFault: 'Broken' });
        expect(missing.status).toBe(400);
        expect(missing.body.errors).toEqual([expect.objectContaining({ path: 'systemId' })]);
        const depot = await admin.agent
          .post('/api/v1/repair-jobs')
          .send({ facilityId: fx.depot1, systemId: await newSystem(), kind: 'corrective', reportedFault: 'Broken' });
        expect(depot.status).toBe(400);
        expect(depot.body.errors).toEqual([expect.objectContaining({ path: 'facilityId' })]);
      },
    );

    it('refuses technicians who are not active workshop users at the facility, by index', async () => {
      const jobs = await count('repair_jobs');
      const res = await admin.agent.post('/api/v1/repair-jobs').send({
        facilityId: fx.ws1,
        systemId: await newSystem(),
        kind: 'corrective',
        reportedFault: 'Broken',
        technicianIds: [ws1.user.id, ws2.user.id, viewer.user.id, randomUUID()],
      });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([
        'technicianIds.1',
        'technicianIds.2',
        'technicianIds.3',
      ]);
      expect(await count('repair_jobs')).toBe(jobs);
    });

    it(
      'lets a workshop user open jobs only at its own ' + 'facilities (404 elsewhere) and refuses other roles (403)',
      async () => {
        const systemId = await newSystem();
        const other = await ws2.agent
          .post('/api/v1/repair-jobs')
          .send({ facilityId: fx.ws1, systemId, kind: 'corrective', reportedFault: 'Broken' });
        expect(other.status).toBe(404);
        for (const who of [viewer, partnerA, logistics]) {
          expect(
            (
              await who.agent
                .post('/api/v1/repair-jobs')
                .send({ facilityId: fx.ws1, systemId, kind: 'corrective', reportedFault: 'Broken' })
            ).status,
          ).toBe(403);
        }
        expect((await systemRow(ctx.db, systemId)).status).toBe('operational');
      },
    );

    it('numbers 20 concurrent creations with 20 distinct consecutive numbers', async () => {
      const systems = await Promise.all(Array.from({ length: 20 }, () => newSystem()));
      const [{ last_value: before }] = await ctx.db.query(`SELECT last_value FROM number_sequences WHERE name = 'RJ'`);
      const results = await Promise.all(
        systems.map((systemId) =>
          admin.agent
            .post('/api/v1/repair-jobs')
            .send({ facilityId: fx.ws1, systemId, kind: 'corrective', reportedFault: 'Concurrent' }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
      const seqs = results.map((r) => Number(String(r.body.number).slice(-5))).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => before + 1 + i));
    });
  });

  describe('workflow', () => {
    it.each(repairJobStatuses.map((s) => [s]))(
      'refuses every move out of %s that the table does not allow, with 409 and the allowed list',
      async (from) => {
        const { job, systemId } = await openJob();
        await driveTo(job.id, from);
        const system = await systemRow(ctx.db, systemId);
        const allowed = allowedTransitions(from);
        for (const to of repairJobStatuses.filter((s) => !allowed.includes(s))) {
          const res = await move(admin.agent, job.id, to);
          expect({ to, status: res.status }).toEqual({ to, status: 409 });
          expect(res.body).toMatchObject({ code: 'INVALID_TRANSITION', allowed });
        }
        expect(await systemRow(ctx.db, systemId)).toEqual(system);
        const detail = await admin.agent.get(`/api/v1/repair-jobs/${job.id}`);
        expect(detail.body.status).toBe(from);
      },
    );

    const legal = repairJobStatuses.flatMap((from) =>
      allowedTransitions(from).map((to) => [from, to] as [RepairJobStatus, RepairJobStatus]),
    );

    it.each(legal)('allows %s → %s and moves the system along', async (from, to) => {
      const { job, systemId } = await openJob({ systemStatus: 'degraded' });
      await driveTo(job.id, from);
      if (to === 'completed') expect((await logWork(ws1.agent, job.id)).status).toBe(201);
      const res = await move(admin.agent, job.id, to);
      expect(res.status).toBe(200);
      const moved = repairJobResponseSchema.parse(res.body);
      expect(moved).toMatchObject({ status: to, allowedTransitions: allowedTransitions(to) });
      expect(moved.closedAt !== null).toBe(to === 'completed' || to === 'cancelled');
      expect((await systemRow(ctx.db, systemId)).status).toBe(systemStatusForJob(to, 'degraded'));
    });

    it('restores the system status it had before the job on cancel, from any open state', async () => {
      for (const [before, state] of [
        ['degraded', 'awaiting_parts'],
        ['operational', 'quality_check'],
        ['in_repair', 'reported'],
      ] as const) {
        const { job, systemId } = await openJob({ systemStatus: before });
        await driveTo(job.id, state);
        const res = await move(ws1.agent, job.id, 'cancelled', { comment: 'Unit recalled the system' });
        expect(res.status).toBe(200);
        expect((await systemRow(ctx.db, systemId)).status).toBe(before);
        const history = await ctx.db.query(
          `SELECT to_status, reason FROM system_status_history WHERE system_id = $1 ORDER BY id DESC LIMIT 1`,
          [systemId],
        );
        if (before !== 'in_repair') expect(history).toEqual([{ to_status: before, reason: job.number }]);
      }
    });

    it('records every move with actor and comment, bumps the version and audits it', async () => {
      const { job, systemId } = await openJob();
      await move(ws1.agent, job.id, 'diagnosing', { comment: 'Looking at it' });
      const res = await move(ws1.agent, job.id, 'awaiting_parts', { version: 2 });
      expect(res.status).toBe(200);
      expect(res.body.version).toBe(3);
      const detail = repairJobDetailSchema.parse((await ws1.agent.get(`/api/v1/repair-jobs/${job.id}`)).body);
      expect(detail.transitions.map((t) => [t.fromStatus, t.toStatus, t.comment, t.actorName])).toEqual([
        [null, 'reported', null, 'Test admin'],
        ['reported', 'diagnosing', 'Looking at it', 'Test workshop'],
        ['diagnosing', 'awaiting_parts', null, 'Test workshop'],
      ]);
      expect(Object.keys(detail.timeInStates).sort()).toEqual(['awaiting_parts', 'diagnosing', 'reported']);
      // the job's page needs no other request: its system, the system's model and the facility come with it
      const [names] = await ctx.db.query(
        `SELECT s.serial_number, f.name AS facility_name FROM systems s, facilities f WHERE s.id = $1 AND f.id = $2`,
        [systemId, fx.ws1],
      );
      expect(detail).toMatchObject({
        systemId,
        systemSerial: names.serial_number,
        modelId: fx.modelA,
        modelDesignation: 'Model A',
        facilityId: fx.ws1,
        facilityCode: 'WS-T1',
        facilityName: names.facility_name,
      });
      expect((await systemRow(ctx.db, systemId)).status).toBe('awaiting_parts');
      const audit = await auditRows(ctx.db, 'repair_job', job.id);
      expect(audit.map((a: { action: string; after: { status: string } }) => [a.action, a.after.status])).toEqual([
        ['create', 'reported'],
        ['update', 'diagnosing'],
        ['update', 'awaiting_parts'],
      ]);
      expect(audit[2]).toMatchObject({
        actor_id: ws1.user.id,
        before: { status: 'diagnosing', version: 2 },
        after: { status: 'awaiting_parts', version: 3 },
      });
    });

    it('refuses a stale version on a move with 409 STALE_VERSION', async () => {
      const { job } = await openJob();
      const res = await move(admin.agent, job.id, 'diagnosing', { version: 7 });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('STALE_VERSION');
    });

    it('needs a comment to cancel (400 on comment)', async () => {
      const { job } = await openJob();
      const res = await admin.agent
        .post(`/api/v1/repair-jobs/${job.id}/transitions`)
        .send({ to: 'cancelled', comment: '   ' });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        code: 'COMMENT_REQUIRED',
        errors: [expect.objectContaining({ path: 'comment' })],
      });
    });

    it('needs a work log and a sign-off by someone who did not log work (four eyes)', async () => {
      const { job, systemId } = await openJob();
      await driveTo(job.id, 'quality_check');
      const noLog = await move(ws1b.agent, job.id, 'completed');
      expect(noLog.status).toBe(409);
      expect(noLog.body).toMatchObject({ code: 'WORK_LOG_REQUIRED', detail: expect.any(String) });
      expect((await logWork(ws1.agent, job.id)).status).toBe(201);
      const own = await move(ws1.agent, job.id, 'completed');
      expect(own.status).toBe(409);
      expect(own.body).toMatchObject({ code: 'FOUR_EYES', detail: expect.any(String) });
      expect((await systemRow(ctx.db, systemId)).status).toBe('in_repair');
      const signed = await move(ws1b.agent, job.id, 'completed');
      expect(signed.status).toBe(200);
      expect(signed.body.status).toBe('completed');
      expect((await systemRow(ctx.db, systemId)).status).toBe('operational');
    });

    it('lets exactly one of two concurrent moves of a job through', async () => {
      const { job } = await openJob();
      const results = await Promise.all([
        move(ws1.agent, job.id, 'diagnosing'),
        move(ws1b.agent, job.id, 'diagnosing'),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.status === 409)?.body).toMatchObject({
        code: 'INVALID_TRANSITION',
        allowed: allowedTransitions('diagnosing'),
      });
      expect(
        await ctx.db.query(`SELECT count(*)::int AS n FROM repair_job_transitions WHERE job_id = $1`, [job.id]),
      ).toEqual([{ n: 2 }]);
    });

    it(
      'completes a barrel change: needs the new barrel serial, ' + 'records the change and resets the barrel EFC',
      async () => {
        const systemId = await newSystem({ totalEfc: 3000, barrelEfc: 1200, barrelSerial: 'BRL-OLD-1' });
        expect((await systemRow(ctx.db, systemId)).barrel_wear).toBeCloseTo(0.48);
        const { job } = await openJob({ systemId, kind: 'barrel_change' });
        await driveTo(job.id, 'quality_check');
        expect((await logWork(ws1.agent, job.id)).status).toBe(201);
        const missing = await move(admin.agent, job.id, 'completed');
        expect(missing.status).toBe(400);
        expect(missing.body.errors).toEqual([expect.objectContaining({ path: 'newBarrelSerial' })]);
        const res = await move(admin.agent, job.id, 'completed', { newBarrelSerial: 'BRL-NEW-7' });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ status: 'completed', newBarrelSerial: 'BRL-NEW-7' });
        expect(await systemRow(ctx.db, systemId)).toMatchObject({
          status: 'operational',
          barrel_serial: 'BRL-NEW-7',
          barrel_efc: 0,
          total_efc: 3000,
          barrel_wear: 0,
        });
        expect(
          await ctx.db.query(
            `SELECT old_barrel_serial, new_barrel_serial, barrel_efc_at_change::float8 AS barrel,
                    total_efc_at_change::float8 AS total, repair_job_id, actor_id
           FROM barrel_changes WHERE system_id = $1`,
            [systemId],
          ),
        ).toEqual([
          {
            old_barrel_serial: 'BRL-OLD-1',
            new_barrel_serial: 'BRL-NEW-7',
            barrel: 1200,
            total: 3000,
            repair_job_id: job.id,
            actor_id: admin.user.id,
          },
        ]);
        expect(await auditRows(ctx.db, 'system', systemId)).toContainEqual(
          expect.objectContaining({
            before: expect.objectContaining({ barrelSerial: 'BRL-OLD-1', barrelEfc: 1200 }),
            after: expect.objectContaining({ barrelSerial: 'BRL-NEW-7', barrelEfc: 0 }),
          }),
        );
      },
    );

    it('refuses a new barrel serial on any other move', async () => {
      const { job } = await openJob();
      const res = await move(admin.agent, job.id, 'diagnosing', { newBarrelSerial: 'BRL-X' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'newBarrelSerial' })]);
    });
  });

  describe('editing', () => {
    it(
      'changes priority (and due date), ' + 'diagnosis and technicians with the version; stale 409; closed 409',
      async () => {
        const { job } = await openJob({ priority: 'routine' });
        const res = await ws1.agent
          .patch(`/api/v1/repair-jobs/${job.id}`)
          .send({ version: 1, priority: 'urgent', diagnosis: 'Worn seals', technicianIds: [ws1.user.id] });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
          priority: 'urgent',
          diagnosis: 'Worn seals',
          technicianIds: [ws1.user.id],
          version: 2,
        });
        expect(Date.parse(res.body.dueAt) - Date.parse(res.body.openedAt)).toBe(3 * 86_400_000);
        const audit = await auditRows(ctx.db, 'repair_job', job.id);
        expect(audit[audit.length - 1]).toMatchObject({
          action: 'update',
          before: { priority: 'routine', diagnosis: null, version: 1 },
          after: { priority: 'urgent', diagnosis: 'Worn seals', technicianIds: [ws1.user.id], version: 2 },
        });

        const stale = await ws1.agent.patch(`/api/v1/repair-jobs/${job.id}`).send({ version: 1, diagnosis: 'Other' });
        expect(stale.status).toBe(409);
        expect(stale.body.code).toBe('STALE_VERSION');
        const badTech = await ws1.agent
          .patch(`/api/v1/repair-jobs/${job.id}`)
          .send({ version: 2, technicianIds: [ws2.user.id] });
        expect(badTech.status).toBe(400);
        expect(badTech.body.errors).toEqual([expect.objectContaining({ path: 'technicianIds.0' })]);

        await driveTo(job.id, 'cancelled');
        const closed = await ws1.agent
          .patch(`/api/v1/repair-jobs/${job.id}`)
          .send({ version: 3, diagnosis: 'Too late' });
        expect(closed.status).toBe(409);
        expect(closed.body.code).toBe('JOB_CLOSED');
      },
    );
  });

  describe('work logs and parts', () => {
    it('validates work logs: quarter hours 0.25–24, not in the future; nothing written on refusal', async () => {
      const { job } = await openJob();
      // opened two days ago, so that yesterday is a date it may have a log on
      await ctx.db.query(`UPDATE repair_jobs SET opened_at = opened_at - interval '2 days' WHERE id = $1`, [job.id]);
      const before = await count('work_logs');
      for (const [body, path] of [
        [{ hours: 0.1 }, 'hours'],
        [{ hours: 25 }, 'hours'],
        [{ hours: 1.3 }, 'hours'],
        [{ date: dayOffset(3) }, 'date'],
        [{ date: '2025-02-30' }, 'date'],
      ] as const) {
        const res = await logWork(ws1.agent, job.id, body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
        expect(new Set(res.body.errors.map((e: { path: string }) => e.path))).toEqual(new Set([path]));
      }
      expect(await count('work_logs')).toBe(before);
      const ok = await logWork(ws1.agent, job.id, { hours: 0.25, date: dayOffset(-1) });
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({
        jobId: job.id,
        technicianId: ws1.user.id,
        technicianName: 'Test workshop',
        hours: 0.25,
        date: dayOffset(-1),
      });
      expect((await logWork(ws1b.agent, job.id, { hours: 24 })).status).toBe(201);
      const list = workLogListSchema.parse((await ws1.agent.get(`/api/v1/repair-jobs/${job.id}/work-logs`)).body);
      expect(list.items).toHaveLength(2);
      expect(list.totalHours).toBe(24.25);
      expect((await admin.agent.get(`/api/v1/repair-jobs/${job.id}`)).body.totalHours).toBe(24.25);
      expect(await auditRows(ctx.db, 'work_log', ok.body.id)).toEqual([
        expect.objectContaining({ action: 'create', actor_id: ws1.user.id }),
      ]);
    });

    it(
      'refuses a work log dated before the job was opened (400 on date), ' + 'writing nothing; the opening day is fine',
      async () => {
        const { job } = await openJob();
        await ctx.db.query(`UPDATE repair_jobs SET opened_at = opened_at - interval '3 days' WHERE id = $1`, [job.id]);
        const [{ opened }] = await ctx.db.query(
          `SELECT (opened_at AT TIME ZONE 'UTC')::date::text AS opened FROM repair_jobs WHERE id = $1`,
          [job.id],
        );
        const dayBefore = new Date(Date.parse(opened) - 86_400_000).toISOString().slice(0, 10);
        const before = { logs: await count('work_logs'), audit: await count('audit_log') };
        for (const date of ['2020-01-15', dayBefore]) {
          const res = await logWork(ws1.agent, job.id, { date });
          expect({ date, status: res.status }).toEqual({ date, status: 400 });
          expect(res.body.errors).toEqual([expect.objectContaining({ path: 'date' })]);
          expect(JSON.stringify(res.body.errors)).toMatch(/before the job was opened|before_job_opened/);
        }
        expect({ logs: await count('work_logs'), audit: await count('audit_log') }).toEqual(before);
        const onTheDay = await logWork(ws1.agent, job.id, { date: opened });
        expect(onTheDay.status).toBe(201);
        expect(onTheDay.body.date).toBe(opened);
      },
    );

    it('refuses work and parts on a closed job (409)', async () => {
      const { job } = await openJob();
      await driveTo(job.id, 'cancelled');
      expect((await logWork(ws1.agent, job.id)).status).toBe(409);
      const part = await ws1.agent
        .post(`/api/v1/repair-jobs/${job.id}/parts-used`)
        .send({ componentId: fx.componentA, quantity: 1 });
      expect(part.status).toBe(409);
      expect(part.body.code).toBe('JOB_CLOSED');
    });

    it('records parts compatible with the system model only', async () => {
      const { job } = await openJob();
      const before = await count('parts_used');
      const wrong = await ws1.agent
        .post(`/api/v1/repair-jobs/${job.id}/parts-used`)
        .send({ componentId: fx.componentB, quantity: 2 });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors).toEqual([expect.objectContaining({ path: 'componentId' })]);
      const unknown = await ws1.agent
        .post(`/api/v1/repair-jobs/${job.id}/parts-used`)
        .send({ componentId: randomUUID(), quantity: 2 });
      expect(unknown.status).toBe(400);
      expect(await count('parts_used')).toBe(before);
      const ok = await ws1.agent
        .post(`/api/v1/repair-jobs/${job.id}/parts-used`)
        .send({ componentId: fx.componentA, quantity: 2 });
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({
        jobId: job.id,
        componentId: fx.componentA,
        partNumber: 'CMP-A',
        componentName: 'Part for A',
        quantity: 2,
        componentRequestId: null,
      });
      const list = partUsedListSchema.parse((await viewer.agent.get(`/api/v1/repair-jobs/${job.id}/parts-used`)).body);
      expect(list.items.map((p) => p.id)).toEqual([ok.body.id]);
      expect(await auditRows(ctx.db, 'part_used', ok.body.id)).toEqual([expect.objectContaining({ action: 'create' })]);
    });
  });

  describe('scope and roles', () => {
    it(
      'lists the workshop staff of a facility for assignment: ' +
        'admin any facility, workshop only its own, others 403',
      async () => {
        const ids = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((t) => t.id).sort();
        const atWs1 = await admin.agent.get('/api/v1/repair-jobs/technicians').query({ facilityId: fx.ws1 });
        expect(atWs1.status).toBe(200);
        expect(ids(atWs1)).toEqual([ws1.user.id, ws1b.user.id].sort());
        expect(ids(await ws1.agent.get('/api/v1/repair-jobs/technicians').query({ facilityId: fx.ws1 }))).toEqual(
          [ws1.user.id, ws1b.user.id].sort(),
        );
        expect((await ws1.agent.get('/api/v1/repair-jobs/technicians').query({ facilityId: fx.ws2 })).status).toBe(404);
        expect((await viewer.agent.get('/api/v1/repair-jobs/technicians').query({ facilityId: fx.ws1 })).status).toBe(
          403,
        );
        expect((await partnerA.agent.get('/api/v1/repair-jobs/technicians').query({ facilityId: fx.ws1 })).status).toBe(
          403,
        );
        expect((await admin.agent.get('/api/v1/repair-jobs/technicians').query({ facilityId: 'nope' })).status).toBe(
          400,
        );
      },
    );

    it(
      "hides another facility's jobs from a workshop user: " +
        '404 on read, move, edit, work log and parts; filtered lists',
      async () => {
        const { job } = await openJob({ facilityId: fx.ws1 });
        const { job: own } = await openJob({ facilityId: fx.ws2, agent: ws2.agent });
        expect((await ws2.agent.get(`/api/v1/repair-jobs/${job.id}`)).status).toBe(404);
        expect((await move(ws2.agent, job.id, 'diagnosing')).status).toBe(404);
        expect(
          (await ws2.agent.patch(`/api/v1/repair-jobs/${job.id}`).send({ version: 1, diagnosis: 'x' })).status,
        ).toBe(404);
        expect((await logWork(ws2.agent, job.id)).status).toBe(404);
        expect((await ws2.agent.get(`/api/v1/repair-jobs/${job.id}/work-logs`)).status).toBe(404);
        expect(
          (
            await ws2.agent
              .post(`/api/v1/repair-jobs/${job.id}/parts-used`)
              .send({ componentId: fx.componentA, quantity: 1 })
          ).status,
        ).toBe(404);
        expect((await admin.agent.get(`/api/v1/repair-jobs/${job.id}`)).body.status).toBe('reported');

        const list = pageSchema(repairJobResponseSchema).parse(
          (await ws2.agent.get('/api/v1/repair-jobs').query({ limit: 200 })).body,
        );
        expect(list.items.length).toBeGreaterThan(0);
        expect(list.items.every((j) => j.facilityId === fx.ws2)).toBe(true);
        expect(list.items.map((j) => j.id)).toContain(own.id);
        const asked = await ws2.agent.get('/api/v1/repair-jobs').query({ facilityId: fx.ws1 });
        expect(asked.body.items).toEqual([]);
      },
    );

    it("shows a partner only jobs on its country's systems, without technicians or names", async () => {
      const ours = await newSystem({ donorPartnerId: fx.partnerA });
      const theirs = await newSystem({ donorPartnerId: fx.partnerB, modelId: fx.modelB });
      const { job } = await openJob({ systemId: ours, technicianIds: [ws1.user.id] });
      const { job: other } = await openJob({ systemId: theirs });
      expect((await logWork(ws1.agent, job.id)).status).toBe(201);

      const mine = await partnerA.agent.get(`/api/v1/repair-jobs/${job.id}`);
      expect(mine.status).toBe(200);
      expect(mine.body).toMatchObject({ technicianIds: [], technicians: [] });
      expect(
        mine.body.transitions.every(
          (t: { actorId: string | null; actorName: string | null }) => t.actorId === null && t.actorName === null,
        ),
      ).toBe(true);
      expect((await partnerA.agent.get(`/api/v1/repair-jobs/${other.id}`)).status).toBe(404);
      expect((await partnerA.agent.get(`/api/v1/repair-jobs/${other.id}/work-logs`)).status).toBe(404);
      const logs = await partnerA.agent.get(`/api/v1/repair-jobs/${job.id}/work-logs`);
      expect(logs.body.items).toEqual([
        expect.objectContaining({ technicianId: null, technicianName: null, hours: 2.5 }),
      ]);
      expect(JSON.stringify(mine.body) + JSON.stringify(logs.body)).not.toContain('Test workshop');

      const list = pageSchema(repairJobResponseSchema).parse(
        (await partnerA.agent.get('/api/v1/repair-jobs').query({ limit: 200 })).body,
      );
      expect(list.items.map((j) => j.id)).toContain(job.id);
      expect(list.items.map((j) => j.id)).not.toContain(other.id);
      expect(list.items.every((j) => j.technicians.length === 0 && j.technicianIds.length === 0)).toBe(true);
      // and it may not act
      expect((await move(partnerA.agent, job.id, 'diagnosing')).status).toBe(403);
    });

    it('lets viewer, logistics and training read everything but not write (403)', async () => {
      const { job } = await openJob({ facilityId: fx.ws2 });
      const training = await signedIn(ctx, { role: 'training' });
      for (const who of [viewer, logistics, training]) {
        expect((await who.agent.get(`/api/v1/repair-jobs/${job.id}`)).status).toBe(200);
      }
      expect((await move(logistics.agent, job.id, 'diagnosing')).status).toBe(403);
      expect((await logWork(viewer.agent, job.id)).status).toBe(403);
      expect(
        (await viewer.agent.patch(`/api/v1/repair-jobs/${job.id}`).send({ version: 1, diagnosis: 'x' })).status,
      ).toBe(403);
      expect((await admin.agent.get(`/api/v1/repair-jobs/${job.id}`)).body.status).toBe('reported');
    });
  });

  describe('list', () => {
    it('sorts urgent first then oldest, pages by cursor and filters', async () => {
      const tag = `Q${Date.now().toString(36)}`;
      const serials: string[] = [];
      const opened: Array<{ id: string; priority: string }> = [];
      for (const priority of ['routine', 'urgent', 'priority', 'urgent', 'routine']) {
        const systemId = await newSystem();
        await ctx.db.query(`UPDATE systems SET serial_number = $2 || '-' || serial_number WHERE id = $1`, [
          systemId,
          tag,
        ]);
        serials.push(
          (await ctx.db.query(`SELECT serial_number FROM systems WHERE id = $1`, [systemId]))[0].serial_number,
        );
        const { job } = await openJob({
          systemId,
          priority,
          technicianIds: priority === 'urgent' ? [ws1b.user.id] : [],
        });
        opened.push({ id: job.id, priority });
      }
      const rank = { urgent: 0, priority: 1, routine: 2 } as Record<string, number>;
      const expected = opened
        .map((o, i) => ({ ...o, i }))
        .sort((a, b) => rank[a.priority] - rank[b.priority] || a.i - b.i)
        .map((o) => o.id);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await viewer.agent
          .get('/api/v1/repair-jobs')
          .query({ q: tag.toLowerCase(), limit: 2, ...(cursor ? { cursor } : {}) });
        expect(res.status).toBe(200);
        const page = pageSchema(repairJobResponseSchema).parse(res.body);
        seen.push(...page.items.map((j) => j.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual(expected);

      const urgent = await viewer.agent.get('/api/v1/repair-jobs').query({ q: tag, priority: 'urgent' });
      expect(urgent.body.items).toHaveLength(2);
      const byTech = await viewer.agent.get('/api/v1/repair-jobs').query({ q: tag, technicianId: ws1b.user.id });
      expect(byTech.body.items.map((j: { id: string }) => j.id).sort()).toEqual(
        opened
          .filter((o) => o.priority === 'urgent')
          .map((o) => o.id)
          .sort(),
      );
      await driveTo(opened[0].id, 'diagnosing');
      const many = await viewer.agent.get(`/api/v1/repair-jobs?q=${tag}&status=diagnosing&status=in_repair`);
      expect(many.body.items.map((j: { id: string }) => j.id)).toEqual([opened[0].id]);
      const single = await viewer.agent.get('/api/v1/repair-jobs').query({ q: tag, status: 'reported' });
      expect(single.body.items).toHaveLength(4);
      const bySerial = await viewer.agent.get('/api/v1/repair-jobs').query({ q: serials[2] });
      expect(bySerial.body.items.map((j: { id: string }) => j.id)).toEqual([opened[2].id]);
      const today = dayOffset(0);
      expect(
        (await viewer.agent.get('/api/v1/repair-jobs').query({ q: tag, openedFrom: today, openedTo: today })).body
          .items,
      ).toHaveLength(5);
      expect(
        (await viewer.agent.get('/api/v1/repair-jobs').query({ q: tag, openedTo: dayOffset(-1) })).body.items,
      ).toHaveLength(0);
      expect((await viewer.agent.get('/api/v1/repair-jobs').query({ q: tag, open: 'false' })).body.items).toHaveLength(
        0,
      );

      // overdue: open and past due
      await ctx.db.query(`UPDATE repair_jobs SET due_at = now() - interval '1 hour' WHERE id = $1`, [opened[4].id]);
      const overdue = await viewer.agent.get('/api/v1/repair-jobs').query({ q: tag, overdue: 'true' });
      expect(overdue.body.items.map((j: { id: string; overdue: boolean }) => [j.id, j.overdue])).toEqual([
        [opened[4].id, true],
      ]);
      expect(
        (await viewer.agent.get('/api/v1/repair-jobs').query({ q: tag, overdue: 'false' })).body.items,
      ).toHaveLength(4);
    });

    it('refuses a bad cursor or filter with 400', async () => {
      expect((await viewer.agent.get('/api/v1/repair-jobs').query({ cursor: 'nonsense' })).status).toBe(400);
      const bad = await viewer.agent.get('/api/v1/repair-jobs').query({ status: 'broken', priority: 'asap' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['priority', 'status']);
      expect((await viewer.agent.get('/api/v1/repair-jobs/not-a-uuid')).status).toBe(400);
      expect((await viewer.agent.get(`/api/v1/repair-jobs/${randomUUID()}`)).status).toBe(404);
    });
  });
});
