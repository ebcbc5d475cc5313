import {
  componentCategories,
  componentResponseSchema,
  facilityCapacityIssues,
  facilityResponseSchema,
  jointVentureResponseSchema,
  pageSchema,
} from '@jv/contracts';
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

  it('does nothing on a database that already has users', async () => {
    const before = await counts();
    expect(await seedDemo(ctx.db)).toBe(false);
    expect(await counts()).toEqual(before);
  });
});
