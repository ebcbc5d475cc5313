import { repairJobMetricsSchema } from '@jv/contracts';
import type { RepairJobStatus } from '@jv/domain';
import { createSystem, repairFixtures, type RepairFixtures } from './support/repair-fixtures';
import { createTestApp, signedIn, type TestContext } from './support/test-app';

/*
 * Metrics on a small known dataset, written straight into the tables with chosen timestamps:
 * completed in 1–16 March 2025 at WS-T1: J1 48 h (24 h awaiting parts), J2 24 h (none),
 *   J3 288 h (48 h + 24 h awaiting parts);
 * outside: J4 cancelled, J5 completed in May.
 * Open: J6 in_repair at WS-T1 overdue, J7 reported at WS-T2, J8 awaiting_parts at WS-T1.
 */
describe('repair job metrics (integration, real PostgreSQL)', () => {
  let ctx: TestContext;
  let fx: RepairFixtures;
  let seq = 0;

  async function insertJob(
    facilityId: string,
    status: RepairJobStatus,
    moves: Array<[RepairJobStatus, string]>,
    dueAt = '2099-01-01T00:00:00Z',
  ) {
    const systemId = await createSystem(ctx.db, { modelId: fx.modelA, donorPartnerId: fx.partnerA, facilityId });
    const closed = status === 'completed' || status === 'cancelled' ? moves[moves.length - 1][1] : null;
    const [{ id }] = await ctx.db.query(
      `INSERT INTO repair_jobs (number, facility_id, system_id, kind, priority, priority_rank, status, reported_fault,
                                system_status_before, opened_at, due_at, closed_at)
       VALUES ($1, $2, $3, 'corrective', 'routine', 2, $4, 'Fault', 'operational', $5, $6, $7) RETURNING id`,
      [`RJ-2025-${String(++seq).padStart(5, '0')}`, facilityId, systemId, status, moves[0][1], dueAt, closed],
    );
    let from: RepairJobStatus | null = null;
    for (const [to, at] of moves) {
      await ctx.db.query(
        `INSERT INTO repair_job_transitions (job_id, from_status, to_status, at) VALUES ($1, $2, $3, $4)`,
        [id, from, to, at],
      );
      from = to;
    }
  }

  beforeAll(async () => {
    ctx = await createTestApp();
    fx = await repairFixtures(ctx.db);
    await insertJob(fx.ws1, 'completed', [
      ['reported', '2025-03-03T08:00:00Z'],
      ['diagnosing', '2025-03-03T10:00:00Z'],
      ['awaiting_parts', '2025-03-03T12:00:00Z'],
      ['in_repair', '2025-03-04T12:00:00Z'],
      ['quality_check', '2025-03-05T06:00:00Z'],
      ['completed', '2025-03-05T08:00:00Z'],
    ]);
    await insertJob(fx.ws1, 'completed', [
      ['reported', '2025-03-10T00:00:00Z'],
      ['diagnosing', '2025-03-10T01:00:00Z'],
      ['in_repair', '2025-03-10T02:00:00Z'],
      ['quality_check', '2025-03-10T20:00:00Z'],
      ['completed', '2025-03-11T00:00:00Z'],
    ]);
    await insertJob(fx.ws1, 'completed', [
      ['reported', '2025-03-01T00:00:00Z'],
      ['diagnosing', '2025-03-01T12:00:00Z'],
      ['awaiting_parts', '2025-03-02T00:00:00Z'],
      ['in_repair', '2025-03-04T00:00:00Z'],
      ['awaiting_parts', '2025-03-05T00:00:00Z'],
      ['in_repair', '2025-03-06T00:00:00Z'],
      ['quality_check', '2025-03-12T00:00:00Z'],
      ['completed', '2025-03-13T00:00:00Z'],
    ]);
    await insertJob(fx.ws1, 'cancelled', [
      ['reported', '2025-03-02T00:00:00Z'],
      ['cancelled', '2025-03-03T00:00:00Z'],
    ]);
    await insertJob(fx.ws1, 'completed', [
      ['reported', '2025-04-20T00:00:00Z'],
      ['diagnosing', '2025-04-21T00:00:00Z'],
      ['in_repair', '2025-04-22T00:00:00Z'],
      ['quality_check', '2025-04-30T00:00:00Z'],
      ['completed', '2025-05-01T00:00:00Z'],
    ]);
    await insertJob(
      fx.ws1,
      'in_repair',
      [
        ['reported', '2025-03-01T00:00:00Z'],
        ['diagnosing', '2025-03-02T00:00:00Z'],
        ['in_repair', '2025-03-03T00:00:00Z'],
      ],
      '2025-03-31T00:00:00Z',
    );
    await insertJob(fx.ws2, 'reported', [['reported', '2025-03-14T00:00:00Z']]);
    await insertJob(fx.ws1, 'awaiting_parts', [
      ['reported', '2025-03-14T00:00:00Z'],
      ['diagnosing', '2025-03-14T01:00:00Z'],
      ['awaiting_parts', '2025-03-14T02:00:00Z'],
    ]);
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('reports backlog, turnaround, time awaiting parts, weekly throughput and overdue jobs', async () => {
    const viewer = await signedIn(ctx, { role: 'viewer' });
    const res = await viewer.agent.get('/api/v1/repair-jobs/metrics').query({ from: '2025-03-01', to: '2025-03-16' });
    expect(res.status).toBe(200);
    const m = repairJobMetricsSchema.parse(res.body);
    expect(m.backlog).toEqual([
      { facilityId: fx.ws1, facilityCode: 'WS-T1', status: 'awaiting_parts', count: 1 },
      { facilityId: fx.ws1, facilityCode: 'WS-T1', status: 'in_repair', count: 1 },
      { facilityId: fx.ws2, facilityCode: 'WS-T2', status: 'reported', count: 1 },
    ]);
    // turnaround of 24, 48 and 288 hours: median 48, p90 = 48 + 0.8 × 240 = 240
    expect(m.turnaround).toEqual({ completed: 3, medianHours: 48, p90Hours: 240 });
    // awaiting parts per job: 24 and 72 hours: median 48, p90 = 24 + 0.9 × 48 = 67.2
    expect(m.awaitingParts).toEqual({ medianHours: 48, p90Hours: 67.2 });
    expect(m.completedPerWeek).toEqual([
      { weekStart: '2025-02-24', count: 0 },
      { weekStart: '2025-03-03', count: 1 },
      { weekStart: '2025-03-10', count: 2 },
    ]);
    expect(m.overdueOpen).toBe(1);
  });

  it('limits a workshop user to its facilities and filters by facility', async () => {
    const ws2 = await signedIn(ctx, { role: 'workshop', facilityIds: [fx.ws2] });
    const own = repairJobMetricsSchema.parse(
      (await ws2.agent.get('/api/v1/repair-jobs/metrics').query({ from: '2025-03-01', to: '2025-03-16' })).body,
    );
    expect(own.backlog).toEqual([{ facilityId: fx.ws2, facilityCode: 'WS-T2', status: 'reported', count: 1 }]);
    expect(own.turnaround).toEqual({ completed: 0, medianHours: null, p90Hours: null });
    expect(own.awaitingParts).toEqual({ medianHours: null, p90Hours: null });
    expect(own.completedPerWeek.map((w) => w.count)).toEqual([0, 0, 0]);
    expect(own.overdueOpen).toBe(0);
    expect((await ws2.agent.get('/api/v1/repair-jobs/metrics').query({ facilityId: fx.ws1 })).status).toBe(404);

    const admin = await signedIn(ctx, { role: 'admin' });
    const ws1 = repairJobMetricsSchema.parse(
      (
        await admin.agent
          .get('/api/v1/repair-jobs/metrics')
          .query({ facilityId: fx.ws1, from: '2025-04-28', to: '2025-05-04' })
      ).body,
    );
    expect(ws1.turnaround).toEqual({ completed: 1, medianHours: 264, p90Hours: 264 });
    expect(ws1.awaitingParts).toEqual({ medianHours: null, p90Hours: null });
    expect(ws1.completedPerWeek).toEqual([{ weekStart: '2025-04-28', count: 1 }]);
    expect(ws1.backlog.map((b) => b.facilityCode)).toEqual(['WS-T1', 'WS-T1']);
  });

  it('refuses partner users (403) and a period that ends before it starts (400)', async () => {
    const partner = await signedIn(ctx, { role: 'partner', partnerId: fx.partnerA });
    expect((await partner.agent.get('/api/v1/repair-jobs/metrics')).status).toBe(403);
    const viewer = await signedIn(ctx, { role: 'viewer' });
    const bad = await viewer.agent.get('/api/v1/repair-jobs/metrics').query({ from: '2025-03-10', to: '2025-03-01' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'from' })]);
    const defaults = repairJobMetricsSchema.parse((await viewer.agent.get('/api/v1/repair-jobs/metrics')).body);
    expect(defaults.completedPerWeek.length).toBeGreaterThanOrEqual(13);
  });
});
