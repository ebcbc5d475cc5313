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

  it('fills an empty database with reference data and the demo accounts', async () => {
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
    const month = (offset: number) => {
      const d = new Date();
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

  it('does nothing on a database that already has users', async () => {
    const before = await counts();
    expect(await seedDemo(ctx.db)).toBe(false);
    expect(await counts()).toEqual(before);
  });
});
