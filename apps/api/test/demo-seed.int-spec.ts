import {
  componentCategories,
  componentResponseSchema,
  facilityCapacityIssues,
  facilityResponseSchema,
  jointVentureResponseSchema,
  pageSchema,
  planVsActualSchema,
} from '@jv/contracts';
import { type ComponentRequestStatus, componentRequestStatuses, partsReady } from '@jv/domain';
import { seedNow } from '../src/database/seeds/component-requests-seed';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../src/database/seeds/demo-seed';
import { createTestApp, type TestContext } from './support/test-app';

const TABLES = [
  'partners',
  'joint_ventures',
  'joint_venture_partners',
  'facilities',
  'system_models',
  'components',
  'component_system_models',
  'units',
  'users',
  'audit_log',
  'component_requests',
  'deliveries',
  'supply_plans',
  'supply_plan_lines',
  'courses',
  'personnel',
  'cohorts',
  'cohort_instructors',
  'enrollments',
  'qualifications',
  'cohort_transitions',
];

describe('demo seed (integration, real PostgreSQL)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => {
    await ctx.close();
  });

  const counts = async (): Promise<Record<string, number>> => {
    const out: Record<string, number> = {};
    for (const t of TABLES) out[t] = (await ctx.db.query(`SELECT count(*)::int AS n FROM ${t}`))[0].n;
    return out;
  };

  /** When the seed ran: what it dates (a year of supply plans…) counts from its own clock (seedNow). */
  let seededAt = 0;

  it('fills an empty database with reference data and the demo accounts', async () => {
    seededAt = Date.now();
    expect(await seedDemo(ctx.db)).toBe(true);
    const n = await counts();
    expect(n['partners']).toBeGreaterThanOrEqual(8);
    expect(n['joint_ventures']).toBeGreaterThanOrEqual(3);
    expect(n['facilities']).toBeGreaterThanOrEqual(5);
    expect(n['system_models']).toBeGreaterThanOrEqual(8);
    expect(n['components']).toBeGreaterThanOrEqual(40);
    expect(n['units']).toBeGreaterThanOrEqual(10);
    // the demo accounts (checked one by one below), plus the invented technicians of the repair-jobs seed
    expect(n['users']).toBeGreaterThanOrEqual(8);

    const roles: Array<{ code: string; role: string }> = await ctx.db.query(`SELECT code, role FROM partners`);
    expect(roles).toEqual(expect.arrayContaining([{ code: 'UA', role: 'host' }]));
    expect(roles.filter((r) => r.role === 'co_lead').length).toBeGreaterThanOrEqual(1);

    const kinds: Array<{ kind: string; n: number }> = await ctx.db.query(
      `SELECT kind, count(*)::int AS n FROM facilities GROUP BY kind`,
    );
    const byKind = Object.fromEntries(kinds.map((k) => [k.kind, k.n]));
    expect(byKind).toMatchObject({ repair_workshop: 2, training_base: 1 });
    expect(byKind['depot']).toBeGreaterThanOrEqual(1);
    expect(byKind['production_plant']).toBeGreaterThanOrEqual(1);

    const categories: Array<{ category: string }> = await ctx.db.query(`SELECT DISTINCT category FROM components`);
    expect(categories.map((c) => c.category).sort()).toEqual([...componentCategories].sort());
    const models: Array<{ kind: string; caliber_mm: number }> = await ctx.db.query(
      `SELECT kind, caliber_mm FROM system_models`,
    );
    expect(new Set(models.map((m) => m.kind)).size).toBe(4);
    expect(new Set(models.map((m) => m.caliber_mm)).size).toBeGreaterThanOrEqual(4);

    // every JV: a Ukrainian company and 1–2 foreign (non-host) partners
    const jvs: Array<{ ukrainian_company: string; foreign: number; host: number }> = await ctx.db.query(
      `SELECT jv.ukrainian_company, count(*) FILTER (WHERE p.role <> 'host')::int AS foreign,
              count(*) FILTER (WHERE p.role = 'host')::int AS host
         FROM joint_ventures jv JOIN joint_venture_partners x ON x.joint_venture_id = jv.id
         JOIN partners p ON p.id = x.partner_id GROUP BY jv.id`,
    );
    expect(jvs).toHaveLength(n['joint_ventures']);
    for (const jv of jvs) {
      expect(jv.foreign).toBeGreaterThanOrEqual(1);
      expect(jv.foreign).toBeLessThanOrEqual(2);
      expect(jv.host).toBe(0);
    }

    const users: Array<{
      email: string;
      role: string;
      locale: string;
      facility_kinds: string[];
      partner_role: string | null;
    }> = await ctx.db.query(
      `SELECT u.email, u.role, u.locale, p.role AS partner_role,
              coalesce((SELECT array_agg(f.kind) FROM facilities f WHERE f.id = ANY(u.facility_ids)), '{}')
                AS facility_kinds
         FROM users u LEFT JOIN partners p ON p.id = u.partner_id WHERE u.email = ANY($1) ORDER BY u.email`,
      [DEMO_ACCOUNTS.map((a) => a.email)],
    );
    expect(users.map((u) => u.email)).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
    for (const u of users) {
      expect(u.locale).toBe(u.role === 'admin' ? 'en' : 'uk');
      expect(u.facility_kinds).toEqual(u.role === 'workshop' ? ['repair_workshop'] : []);
      expect(u.partner_role).toBe(u.role === 'partner' ? 'co_lead' : null);
    }
    const workshops: Array<{ facility_ids: string[] }> = await ctx.db.query(
      `SELECT facility_ids FROM users WHERE role = 'workshop'`,
    );
    expect(new Set(workshops.map((w) => w.facility_ids[0])).size).toBe(2);
  });

  it('lets every demo account sign in with the demo password, and the API serves the seeded data', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const agent = ctx.http();
      const res = await agent.post('/api/v1/auth/login').send({ email: account.email, password: DEMO_PASSWORD });
      expect({ email: account.email, status: res.status }).toEqual({ email: account.email, status: 200 });
      expect(res.body).toMatchObject({ email: account.email, role: account.role, locale: account.locale });
      if (account.role === 'admin') {
        const facilities = await agent.get('/api/v1/facilities').query({ limit: 200 });
        const page = pageSchema(facilityResponseSchema).parse(facilities.body);
        for (const f of page.items) expect(facilityCapacityIssues(f)).toEqual([]);
        const components = await agent.get('/api/v1/components').query({ limit: 200 });
        const cs = pageSchema(componentResponseSchema).parse(components.body);
        expect(cs.items.length).toBeGreaterThanOrEqual(40);
        expect(cs.items.filter((c) => c.compatibleModelIds.length > 0).length).toBeGreaterThanOrEqual(40);
        const jvs = pageSchema(jointVentureResponseSchema).parse((await agent.get('/api/v1/joint-ventures')).body);
        expect(jvs.items.every((j) => j.partners.length >= 1)).toBe(true);
      }
    }
  });

  it('seeds component requests in every state, parts-ready jobs and a year of supply plans', async () => {
    const byStatus: Array<{ status: string; n: number }> = await ctx.db.query(
      `SELECT status, count(*)::int AS n FROM component_requests GROUP BY status`,
    );
    const counts = Object.fromEntries(byStatus.map((r) => [r.status, r.n]));
    for (const s of componentRequestStatuses) expect({ s, n: counts[s] ?? 0 }).toEqual({ s, n: expect.any(Number) });
    for (const s of componentRequestStatuses.filter((x) => x !== 'delivered'))
      expect({ s, enough: (counts[s] ?? 0) >= 2 }).toEqual({ s, enough: true });
    expect(counts['delivered']).toBeGreaterThanOrEqual(30);

    // the stored figures agree with the deliveries and the moves
    const [check] = await ctx.db.query(
      `SELECT count(*) FILTER (WHERE r.delivered_quantity <> coalesce(d.sum, 0))::int AS sum_mismatch,
              count(*) FILTER (WHERE (r.status = 'delivered') <> (r.delivered_quantity = r.quantity))::int
                AS state_mismatch,
              count(*) FILTER (WHERE r.status <> t.last_to)::int AS last_move_mismatch,
              count(*) FILTER (WHERE r.delivered_quantity BETWEEN 1 AND r.quantity - 1)::int AS partial,
              count(*) FILTER (WHERE r.status IN ('draft', 'submitted', 'approved', 'ordered', 'shipped')
                                 AND r.needed_by < current_date)::int AS overdue,
              count(*) FILTER (WHERE r.status IN ('approved', 'ordered', 'shipped', 'delivered')
                                 AND (r.supplier_partner_id IS NULL OR r.approved_by IS NULL
                                      OR r.approved_by = r.requested_by))::int AS approval_mismatch
         FROM component_requests r
         LEFT JOIN (SELECT request_id, sum(quantity)::int AS sum FROM deliveries GROUP BY request_id) d
           ON d.request_id = r.id
         JOIN LATERAL (SELECT t.to_status AS last_to FROM component_request_transitions t WHERE t.request_id = r.id
                        ORDER BY t.at DESC, t.to_status = 'delivered' DESC LIMIT 1) t ON true`,
    );
    expect(check).toMatchObject({ sum_mismatch: 0, state_mismatch: 0, last_move_mismatch: 0, approval_mismatch: 0 });
    expect(check.partial).toBeGreaterThanOrEqual(2);
    expect(check.overdue).toBeGreaterThanOrEqual(3);
    const people: Array<{ email: string; raised: number; approved: number }> = await ctx.db.query(
      `SELECT u.email, (SELECT count(*) FROM component_requests r WHERE r.requested_by = u.id)::int AS raised,
              (SELECT count(*) FROM component_requests r WHERE r.approved_by = u.id)::int AS approved
         FROM users u WHERE u.email IN ('workshop@jv.example', 'logistics@jv.example', 'logistics2@jv.example')
        ORDER BY u.email`,
    );
    expect(people).toEqual([
      { email: 'logistics2@jv.example', raised: 0, approved: expect.any(Number) },
      { email: 'logistics@jv.example', raised: expect.any(Number), approved: 0 },
      { email: 'workshop@jv.example', raised: expect.any(Number), approved: 0 },
    ]);
    expect(people.every((p) => p.raised + p.approved > 0)).toBe(true);
    const [{ last }] = await ctx.db.query(
      `SELECT max(last_value)::int AS last FROM number_sequences WHERE name = 'CR'
          AND year = extract(year FROM now() AT TIME ZONE 'UTC')`,
    );
    const [{ n: thisYear }] = await ctx.db.query(
      `SELECT count(*)::int AS n FROM component_requests
        WHERE number LIKE 'CR-' || extract(year FROM now() AT TIME ZONE 'UTC')::text || '-%'`,
    );
    expect(last).toBe(thisYear);

    // jobs waiting for parts: some with every counted request delivered (parts ready), some still waiting
    const jobs: Array<{ statuses: ComponentRequestStatus[] }> = await ctx.db.query(
      `SELECT array_agg(r.status) AS statuses FROM repair_jobs j JOIN component_requests r ON r.repair_job_id = j.id
        WHERE j.status = 'awaiting_parts' GROUP BY j.id`,
    );
    expect(jobs.filter((j) => partsReady(j.statuses)).length).toBeGreaterThanOrEqual(1);
    expect(jobs.filter((j) => !partsReady(j.statuses)).length).toBeGreaterThanOrEqual(1);

    // supply plans: the co-lead partners, 12 months up to this one, with component and model lines
    const plans: Array<{
      code: string;
      months: number;
      first: string;
      last: string;
      components: number;
      models: number;
    }> = await ctx.db.query(
      `SELECT p.code, count(DISTINCT sp.month)::int AS months, to_char(min(sp.month), 'YYYY-MM') AS first,
                to_char(max(sp.month), 'YYYY-MM') AS last,
                count(l.component_id)::int AS components, count(l.system_model_id)::int AS models
           FROM supply_plans sp JOIN partners p ON p.id = sp.partner_id
           LEFT JOIN supply_plan_lines l ON l.plan_id = sp.id
          GROUP BY p.code ORDER BY p.code`,
    );
    // the seed's months (not this moment's: in the first hour of a month, the seed's today is still last month)
    const month = (offset: number) => {
      const d = new Date(seedNow(seededAt));
      return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1)).toISOString().slice(0, 7);
    };
    const coLeads: Array<{ code: string }> = await ctx.db.query(
      `SELECT code FROM partners WHERE role = 'co_lead' ORDER BY code`,
    );
    expect(plans.map((p) => p.code)).toEqual(coLeads.map((p) => p.code));
    for (const p of plans) {
      expect(p).toMatchObject({ months: 12, first: month(-11), last: month(0) });
      expect(p.components).toBeGreaterThanOrEqual(12);
      expect(p.models).toBeGreaterThanOrEqual(1);
    }
    const [{ undelivered }] = await ctx.db.query(
      `SELECT count(*) FILTER (WHERE delivered_on IS NULL OR delivered_on > created_at::date)::int AS undelivered
         FROM systems`,
    );
    expect(undelivered).toBe(0);

    // plan vs actual through the API: the year has deliveries and delivered systems against the plans
    const agent = ctx.http();
    await agent.post('/api/v1/auth/login').send({ email: 'partner@jv.example', password: DEMO_PASSWORD });
    const [lv] = await ctx.db.query(`SELECT id FROM partners WHERE code = 'LV'`);
    const res = await agent
      .get('/api/v1/supply-plans/plan-vs-actual')
      .query({ partnerId: lv.id, from: month(-11), to: month(0) });
    expect(res.status).toBe(200);
    const pva = planVsActualSchema.parse(res.body);
    expect(pva.months).toHaveLength(12);
    const lines = pva.months.flatMap((m) => m.lines);
    expect(lines.filter((l) => l.componentId && l.delivered > 0).length).toBeGreaterThanOrEqual(6);
    expect(lines.some((l) => l.systemModelId && l.delivered > 0)).toBe(true);
  });

  it('seeds courses, personnel and 30 cohorts in every state, within capacity, with no double booking', async () => {
    const n = await counts();
    expect(n['personnel']).toBe(600);
    expect(n['courses']).toBeGreaterThanOrEqual(8);
    const kinds: Array<{ kind: string }> = await ctx.db.query(`SELECT DISTINCT kind FROM courses ORDER BY kind`);
    expect(kinds.map((k) => k.kind)).toEqual(['commander', 'instructor', 'maintainer', 'operator']);
    const [{ without_crew }] = await ctx.db.query(
      `SELECT count(*) FILTER (WHERE crew_size IS NULL)::int AS without_crew FROM system_models`,
    );
    expect(without_crew).toBe(0);
    const [base] = await ctx.db.query(
      `SELECT count(*)::int AS n FROM facilities WHERE kind = 'training_base' AND training_seats > 0`,
    );
    expect(base.n).toBeGreaterThanOrEqual(1);

    const states: Array<{ status: string; n: number }> = await ctx.db.query(
      `SELECT status, count(*)::int AS n FROM cohorts GROUP BY status`,
    );
    const state = Object.fromEntries(states.map((s) => [s.status, s.n]));
    expect(n['cohorts']).toBe(30);
    expect(state['completed']).toBeGreaterThanOrEqual(10);
    expect(state['in_progress']).toBeGreaterThanOrEqual(1);
    expect(state['enrolling']).toBeGreaterThanOrEqual(1);
    expect(state['planned']).toBeGreaterThanOrEqual(1);
    expect(state['cancelled']).toBe(1);
    // the last and the next 6 months, at training bases
    const [span] = await ctx.db.query(
      `SELECT min(c.starts_on) >= current_date - 190 AND max(c.ends_on) <= current_date + 200 AS in_span,
              bool_and(f.kind = 'training_base') AS at_bases
         FROM cohorts c JOIN facilities f ON f.id = c.facility_id`,
    );
    expect(span).toEqual({ in_span: true, at_bases: true });
    // dates match the cohort's; seats within the course's
    const [bad] = await ctx.db.query(
      `SELECT (SELECT count(*)::int FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id
                WHERE e.starts_on <> c.starts_on OR e.ends_on <> c.ends_on
                   OR e.active <> (e.status <> 'withdrawn' AND c.status <> 'cancelled')) AS enrollments,
              (SELECT count(*)::int FROM cohorts c JOIN courses co ON co.id = c.course_id
                WHERE c.seats > co.seats) AS seats,
              (SELECT count(*)::int FROM (SELECT c.id FROM cohorts c JOIN enrollments e ON e.cohort_id = c.id
                WHERE e.status <> 'withdrawn' GROUP BY c.id, c.seats HAVING count(*) > c.seats) x) AS full`,
    );
    expect(bad).toEqual({ enrollments: 0, seats: 0, full: 0 });
    // results: completed cohorts have only results, open ones none
    const [results] = await ctx.db.query(
      `SELECT count(*) FILTER (WHERE c.status = 'completed' AND e.status = 'enrolled')::int AS unfinished,
              count(*) FILTER (WHERE c.status IN ('planned', 'enrolling') AND e.status <> 'enrolled')::int AS early,
              count(*) FILTER (WHERE c.status = 'completed' AND e.status = 'completed')::int AS passed
         FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id`,
    );
    expect(results.unfinished).toBe(0);
    expect(results.early).toBe(0);
    // qualifications = the completed enrollments of the completed cohorts, with their model and kind
    expect(n['qualifications']).toBe(results.passed);
    const [mismatch] = await ctx.db.query(
      `SELECT count(*)::int AS n FROM qualifications q
         JOIN enrollments e ON e.id = q.enrollment_id JOIN cohorts c ON c.id = e.cohort_id
         JOIN courses co ON co.id = c.course_id
        WHERE q.person_id <> e.person_id OR q.cohort_id <> c.id OR q.system_model_id <> co.system_model_id
           OR q.kind <> co.kind OR q.granted_on <> c.ends_on OR c.status <> 'completed' OR e.status <> 'completed'`,
    );
    expect(mismatch.n).toBe(0);
    // no trainee or instructor booked twice (also between teaching and training), base capacity every day
    const [overlaps] = await ctx.db.query(
      `WITH bookings AS (
         SELECT person_id, cohort_id, daterange(starts_on, ends_on, '[]') AS r FROM enrollments WHERE active
         UNION ALL
         SELECT person_id, cohort_id, daterange(starts_on, ends_on, '[]') FROM cohort_instructors WHERE active)
       SELECT count(*)::int AS n FROM bookings a JOIN bookings b
           ON a.person_id = b.person_id AND a.cohort_id < b.cohort_id AND a.r && b.r`,
    );
    expect(overlaps.n).toBe(0);
    const [over] = await ctx.db.query(
      `SELECT count(*)::int AS n FROM (
         SELECT f.id, d.day FROM facilities f
          CROSS JOIN generate_series(current_date - 200, current_date + 200, interval '1 day') AS d(day)
          JOIN cohorts c ON c.facility_id = f.id AND c.status <> 'cancelled'
                        AND d.day::date BETWEEN c.starts_on AND c.ends_on
          GROUP BY f.id, f.training_seats, d.day HAVING sum(c.seats) > f.training_seats) x`,
    );
    expect(over.n).toBe(0);
    // every instructor assignment is held by someone qualified as instructor on the model before the cohort
    const [teaching] = await ctx.db.query(
      `SELECT count(*)::int AS assignments,
              count(*) FILTER (WHERE NOT EXISTS (
                SELECT 1 FROM qualifications q WHERE q.person_id = ci.person_id AND q.kind = 'instructor'
                   AND q.system_model_id = co.system_model_id AND q.granted_on < c.starts_on))::int AS unqualified
         FROM cohort_instructors ci JOIN cohorts c ON c.id = ci.cohort_id JOIN courses co ON co.id = c.course_id`,
    );
    expect(teaching.assignments).toBeGreaterThanOrEqual(20);
    expect(teaching.unqualified).toBe(0);

    // the reports answer on the demo data
    const agent = ctx.http();
    await agent.post('/api/v1/auth/login').send({ email: 'training@jv.example', password: DEMO_PASSWORD });
    const coverage = await agent.get('/api/v1/training/crew-coverage');
    expect(coverage.status).toBe(200);
    expect(
      coverage.body.models.filter((m: { qualified: { operator: number } }) => m.qualified.operator > 0).length,
    ).toBe(3);
  });

  it('does nothing on a database that already has users', async () => {
    const before = await counts();
    expect(await seedDemo(ctx.db)).toBe(false);
    expect(await counts()).toEqual(before);
  });
});
