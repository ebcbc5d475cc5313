import { pageSchema, repairJobMetricsSchema, repairJobResponseSchema } from '@jv/contracts';
import { repairJobStatuses, systemStatusForJob } from '@jv/domain';
import { DEMO_PASSWORD, seedDemo } from '../src/database/seeds/demo-seed';
import { PreventiveSchedulerService } from '../src/modules/repair-jobs/preventive-scheduler.service';
import { createTestApp, type TestContext } from './support/test-app';

describe('repair jobs demo seed (integration, real PostgreSQL)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
    expect(await seedDemo(ctx.db)).toBe(true);
  });
  afterAll(async () => {
    await ctx.close();
  });

  const q = (sql: string, params: unknown[] = []) => ctx.db.query(sql, params);

  it(
    'has jobs in every state at both workshops, ' + 'kinds incl. barrel changes, and plans for three or more models',
    async () => {
      const rows: Array<{ code: string; status: string }> = await q(
        `SELECT DISTINCT f.code, j.status FROM repair_jobs j JOIN facilities f ON f.id = j.facility_id
        WHERE j.facility_id IN (SELECT facility_ids[1] FROM users
                                 WHERE email IN ('workshop@jv.example', 'workshop2@jv.example'))`,
      );
      for (const code of ['WS-LV-01', 'WS-VN-02']) {
        expect({
          code,
          states: rows
            .filter((r) => r.code === code)
            .map((r) => r.status)
            .sort(),
        }).toEqual({ code, states: [...repairJobStatuses].sort() });
      }
      const kinds: Array<{ kind: string }> = await q(`SELECT DISTINCT kind FROM repair_jobs`);
      expect(kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(['barrel_change', 'corrective', 'preventive']));
      const [{ models }] = await q(`SELECT count(DISTINCT model_id)::int AS models FROM preventive_plans`);
      expect(models).toBeGreaterThanOrEqual(3);
      const [{ n: techs }] = await q(
        `SELECT count(*)::int AS n FROM users WHERE role = 'workshop' AND email LIKE 'tech%@jv.example'`,
      );
      expect(techs).toBeGreaterThanOrEqual(4);
    },
  );

  it(
    'keeps jobs and systems consistent: open job states match system statuses, ' +
      'every system in the shop has its job',
    async () => {
      const open: Array<{
        status: (typeof repairJobStatuses)[number];
        system_status: string;
        system_facility: string;
        facility_id: string;
      }> = await q(
        `SELECT j.status, s.status AS system_status, s.facility_id AS system_facility, j.facility_id
         FROM repair_jobs j JOIN systems s ON s.id = j.system_id WHERE j.status NOT IN ('completed', 'cancelled')`,
      );
      expect(open.length).toBeGreaterThanOrEqual(10);
      for (const j of open) {
        expect(j.system_status).toBe(systemStatusForJob(j.status, 'operational'));
        expect(j.system_facility).toBe(j.facility_id);
      }
      const [{ orphans }] = await q(
        `SELECT count(*)::int AS orphans FROM systems s WHERE s.status IN ('in_repair', 'awaiting_parts')
          AND NOT EXISTS (SELECT 1 FROM repair_jobs j
                           WHERE j.system_id = s.id AND j.status NOT IN ('completed', 'cancelled'))`,
      );
      expect(orphans).toBe(0);
    },
  );

  it(
    'has gapless numbers in opening order, ' + 'matching number_sequences, and transitions that chain in time',
    async () => {
      const jobs: Array<{ number: string; opened_at: Date }> = await q(
        `SELECT number, opened_at FROM repair_jobs ORDER BY opened_at, number`,
      );
      const byYear = new Map<string, number[]>();
      for (const j of jobs) {
        const [, year, seq] = j.number.split('-');
        expect(year).toBe(String(new Date(j.opened_at).getUTCFullYear()));
        byYear.set(year, [...(byYear.get(year) ?? []), Number(seq)]);
      }
      for (const [year, seqs] of byYear) {
        expect(seqs).toEqual(seqs.map((_, i) => i + 1));
        expect(
          await q(`SELECT last_value FROM number_sequences WHERE name = 'RJ' AND year = $1`, [Number(year)]),
        ).toEqual([{ last_value: seqs.length }]);
      }
      const [{ broken }] = await q(
        `SELECT count(*)::int AS broken FROM (
         SELECT t.from_status, t.at, lag(t.to_status) OVER w AS prev_to, lag(t.at) OVER w AS prev_at
           FROM repair_job_transitions t WINDOW w AS (PARTITION BY t.job_id ORDER BY t.at, t.id)) x
        WHERE x.from_status IS DISTINCT FROM x.prev_to OR x.at < x.prev_at`,
      );
      expect(broken).toBe(0);
      const [{ mismatched }] = await q(
        `SELECT count(*)::int AS mismatched FROM repair_jobs j
        WHERE j.status <> (SELECT t.to_status FROM repair_job_transitions t
                            WHERE t.job_id = j.id ORDER BY t.at DESC, t.id DESC LIMIT 1)
           OR (j.closed_at IS NULL) <> (j.status NOT IN ('completed', 'cancelled'))`,
      );
      expect(mismatched).toBe(0);
    },
  );

  it(
    'follows the rules: completed jobs have work logs and a four-eyes sign-off, ' +
      'barrel changes are recorded, parts fit',
    async () => {
      const [{ bad }] = await q(
        `SELECT count(*)::int AS bad FROM repair_jobs j
         JOIN repair_job_transitions t ON t.job_id = j.id AND t.to_status = 'completed'
        WHERE j.status = 'completed'
          AND (NOT EXISTS (SELECT 1 FROM work_logs w WHERE w.job_id = j.id)
               OR EXISTS (SELECT 1 FROM work_logs w WHERE w.job_id = j.id AND w.technician_id = t.actor_id))`,
      );
      expect(bad).toBe(0);
      const [{ n: barrels, recorded }] = await q(
        `SELECT count(*)::int AS n, count(b.id)::int AS recorded
           FROM repair_jobs j LEFT JOIN barrel_changes b ON b.repair_job_id = j.id
        WHERE j.kind = 'barrel_change' AND j.status = 'completed'`,
      );
      expect(barrels).toBeGreaterThanOrEqual(1);
      expect(recorded).toBe(barrels);
      const [{ misfit }] = await q(
        `SELECT count(*)::int AS misfit
           FROM parts_used p JOIN repair_jobs j ON j.id = p.job_id JOIN systems s ON s.id = j.system_id
        WHERE NOT EXISTS (SELECT 1 FROM component_system_models c
                           WHERE c.component_id = p.component_id AND c.system_model_id = s.model_id)`,
      );
      expect(misfit).toBe(0);
      const [{ parts }] = await q(`SELECT count(*)::int AS parts FROM parts_used`);
      expect(parts).toBeGreaterThan(10);
      const leads: Array<{ n: number }> = await q(
        `SELECT count(w.id)::int AS n FROM users u LEFT JOIN work_logs w ON w.technician_id = u.id
        WHERE u.email IN ('workshop@jv.example', 'workshop2@jv.example') GROUP BY u.id`,
      );
      expect(leads.map((l) => l.n > 0)).toEqual([true, true]);
      const [{ future }] = await q(
        `SELECT count(*)::int AS future FROM work_logs WHERE date > current_date OR hours < 0.25 OR hours > 24`,
      );
      expect(future).toBe(0);
    },
  );

  it(
    'serves the seeded jobs through the API: scoped lists, ' + 'meaningful metrics, and no preventive job due yet',
    async () => {
      const ws = ctx.http();
      await ws.post('/api/v1/auth/login').send({ email: 'workshop@jv.example', password: DEMO_PASSWORD }).expect(200);
      const page = pageSchema(repairJobResponseSchema).parse(
        (await ws.get('/api/v1/repair-jobs').query({ limit: 200 })).body,
      );
      expect(page.items.length).toBeGreaterThan(10);
      expect(new Set(page.items.map((j) => j.facilityCode))).toEqual(new Set(['WS-LV-01']));
      expect(page.items.some((j) => j.totalHours > 0)).toBe(true);

      const tech = ctx.http();
      await tech
        .post('/api/v1/auth/login')
        .send({ email: 'tech1.ws2@jv.example', password: DEMO_PASSWORD })
        .expect(200);

      const viewer = ctx.http();
      await viewer.post('/api/v1/auth/login').send({ email: 'viewer@jv.example', password: DEMO_PASSWORD }).expect(200);
      const from = new Date(Date.now() - 130 * 86_400_000).toISOString().slice(0, 10);
      const m = repairJobMetricsSchema.parse((await viewer.get('/api/v1/repair-jobs/metrics').query({ from })).body);
      expect(m.turnaround.completed).toBeGreaterThanOrEqual(20);
      expect(m.turnaround.medianHours).toBeGreaterThan(24);
      expect(m.awaitingParts.medianHours).toBeGreaterThan(24);
      expect(m.backlog.length).toBeGreaterThanOrEqual(8);
      expect(m.completedPerWeek.filter((w) => w.count > 0).length).toBeGreaterThanOrEqual(8);

      expect(await ctx.app.get(PreventiveSchedulerService).run()).toEqual({ opened: 0, jobNumbers: [] });
    },
  );
});
