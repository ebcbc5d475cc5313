import { PartnerReportsSchedulerService } from '../src/modules/partner-reports/partner-reports-scheduler.service';
import { insertSystemsFixtures, type SystemsFixtures } from './support/systems-fixtures';
import { createTestApp, signedIn, type TestContext } from './support/test-app';

type Session = Awaited<ReturnType<typeof signedIn>>;

describe('automatic partner report drafts (integration, real PostgreSQL)', () => {
  let ctx: TestContext;
  let fx: SystemsFixtures;
  let scheduler: PartnerReportsSchedulerService;
  let admin: Session;
  let logistics: Session;
  let viewer: Session;
  let partnerLV: Session;

  const reports = async (period: string) =>
    (await ctx.db.query(
      `SELECT trim(p.code) AS code, r.status, r.prepared_by
         FROM partner_reports r JOIN partners p ON p.id = r.partner_id
        WHERE r.period = $1 ORDER BY p.code, r.created_at`,
      [period],
    )) as Array<{ code: string; status: string; prepared_by: string | null }>;

  beforeAll(async () => {
    ctx = await createTestApp();
    fx = await insertSystemsFixtures(ctx.db);
    await ctx.db.query(`INSERT INTO partners (code, name, role) VALUES ('UA', 'Ukraine', 'host')`);
    scheduler = ctx.app.get(PartnerReportsSchedulerService);
    admin = await signedIn(ctx, { role: 'admin' });
    logistics = await signedIn(ctx, { role: 'logistics' });
    viewer = await signedIn(ctx, { role: 'viewer' });
    partnerLV = await signedIn(ctx, { role: 'partner', partnerId: fx.partners.LV });
  });

  afterAll(() => ctx.close());

  it('prepares nothing on a day that ends no period', async () => {
    expect(await scheduler.run(new Date('2025-11-15T10:00:00Z'))).toEqual({ periods: [], prepared: [] });
  });

  it('on the first of a month: one draft per partner country (not the host), once when run twice', async () => {
    // 00:30 in Kyiv on 1 November is still 31 October in UTC: the day is Kyiv's
    const first = await scheduler.run(new Date('2025-10-31T22:30:00Z'));
    expect(first.periods).toEqual(['2025-10']);
    expect(first.prepared.map((p) => `${p.partnerCode} ${p.period}`).sort()).toEqual([
      'DE 2025-10',
      'FR 2025-10',
      'LV 2025-10',
    ]);
    const second = await scheduler.run(new Date('2025-11-01T10:00:00Z'));
    expect(second).toEqual({ periods: ['2025-10'], prepared: [] });
    const rows = await reports('2025-10');
    expect(rows).toEqual([
      { code: 'DE', status: 'draft', prepared_by: null },
      { code: 'FR', status: 'draft', prepared_by: null },
      { code: 'LV', status: 'draft', prepared_by: null },
    ]);
    // each with its first transition and its audit row by the scheduler
    const [{ transitions, audits }] = await ctx.db.query(
      `SELECT (SELECT count(*)::int FROM partner_report_transitions t JOIN partner_reports r ON r.id = t.report_id
                WHERE r.period = '2025-10' AND t.to_status = 'draft' AND t.actor_id IS NULL) AS transitions,
              (SELECT count(*)::int FROM audit_log WHERE entity_type = 'partner_report' AND action = 'create'
                  AND actor_email = 'report-scheduler') AS audits`,
    );
    expect({ transitions, audits }).toEqual({ transitions: 3, audits: 3 });
  });

  it('an automatic draft notifies every admin and logistics user, nobody else; any may approve it', async () => {
    const [lv] = await ctx.db.query(
      `SELECT r.id FROM partner_reports r WHERE r.period = '2025-10' AND r.partner_id = $1`,
      [fx.partners.LV],
    );
    const notified: Array<{ user_id: string }> = await ctx.db.query(
      `SELECT user_id FROM notifications WHERE subject_id = $1 AND kind = 'report_awaits_approval' ORDER BY user_id`,
      [lv.id],
    );
    expect(notified.map((n) => n.user_id).sort()).toEqual([admin.user.id, logistics.user.id].sort());
    expect(notified.map((n) => n.user_id)).not.toContain(viewer.user.id);
    expect(notified.map((n) => n.user_id)).not.toContain(partnerLV.user.id);
    const detail = await logistics.agent.get(`/api/v1/partner-reports/${lv.id}`);
    expect(detail.body).toMatchObject({ preparedBy: null, allowedTransitions: ['approved', 'discarded'] });
  });

  it('a discarded report does not count: the next run prepares a new draft for that partner only', async () => {
    const [fr] = await ctx.db.query(`SELECT id FROM partner_reports WHERE period = '2025-10' AND partner_id = $1`, [
      fx.partners.FR,
    ]);
    const res = await admin.agent.post(`/api/v1/partner-reports/${fr.id}/transitions`).send({ to: 'discarded' });
    expect(res.status).toBe(200);
    const again = await scheduler.run(new Date('2025-11-01T12:00:00Z'));
    expect(again.prepared.map((p) => p.partnerCode)).toEqual(['FR']);
    expect((await reports('2025-10')).filter((r) => r.code === 'FR').map((r) => r.status)).toEqual([
      'discarded',
      'draft',
    ]);
  });

  it('on the first of a quarter: the month and the quarter, once when two runs race', async () => {
    const at = new Date('2025-07-01T06:00:00Z');
    const [a, b] = await Promise.all([scheduler.run(at), scheduler.run(at)]);
    expect(a.periods).toEqual(['2025-06', '2025-Q2']);
    expect(b.periods).toEqual(['2025-06', '2025-Q2']);
    const prepared = [...a.prepared, ...b.prepared].map((p) => `${p.partnerCode} ${p.period}`).sort();
    expect(prepared).toEqual(['DE 2025-06', 'DE 2025-Q2', 'FR 2025-06', 'FR 2025-Q2', 'LV 2025-06', 'LV 2025-Q2']);
    expect((await reports('2025-06')).length).toBe(3);
    expect((await reports('2025-Q2')).length).toBe(3);
  });

  it('explicit periods (the CLI): a future one is refused, a bad one too', async () => {
    await expect(scheduler.run(new Date('2025-11-15T10:00:00Z'), ['2099-01'])).rejects.toThrow(/not started/);
    await expect(scheduler.run(new Date('2025-11-15T10:00:00Z'), ['2025-13'])).rejects.toThrow(/Not a report period/);
    const res = await scheduler.run(new Date('2025-11-15T10:00:00Z'), ['2025-09']);
    expect(res.prepared).toHaveLength(3);
  });
});
