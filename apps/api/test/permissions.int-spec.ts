import { type Action, ALL_ROLES, can, permissionTable, type Resource, type Role } from '@jv/domain';
import type TestAgent from 'supertest/lib/agent';
import { createTestApp, signedIn, type TestContext } from './support/test-app';

/**
 * Walks the whole permission table (libs/domain/src/permissions.ts): for every resource and action,
 * one representative route, called by every role. A role the table allows never gets 403 (it may get
 * 400 or 404 from the deliberately empty request); a role it does not allow always gets 403.
 */
const NIL = '00000000-0000-4000-8000-000000000000';
type Call = (agent: TestAgent) => ReturnType<TestAgent['get']>;

const ROUTES: Record<Resource, Partial<Record<Action, Call>>> = {
  referenceData: {
    read: (a) => a.get('/api/v1/partners'),
    write: (a) => a.post('/api/v1/units').send({}),
  },
  users: {
    read: (a) => a.get('/api/v1/users'),
    write: (a) => a.post('/api/v1/users').send({}),
  },
  audit: {
    read: (a) => a.get('/api/v1/audit-log'),
  },
  systems: {
    read: (a) => a.get('/api/v1/systems'),
    write: (a) => a.post('/api/v1/systems').send({}),
  },
  systemStatus: {
    write: (a) => a.post(`/api/v1/systems/${NIL}/status`).send({}),
  },
  usageReports: {
    read: (a) => a.get(`/api/v1/systems/${NIL}/usage-reports`),
    write: (a) => a.post(`/api/v1/systems/${NIL}/usage-reports`).send({}),
  },
  systemImport: {
    write: (a) => a.post('/api/v1/systems/import').set('Content-Type', 'text/csv').send(''),
  },
  repairJobs: {
    read: (a) => a.get('/api/v1/repair-jobs'),
    write: (a) => a.post('/api/v1/repair-jobs').send({}),
  },
  repairMetrics: {
    read: (a) => a.get('/api/v1/repair-jobs/metrics'),
  },
  preventivePlans: {
    read: (a) => a.get('/api/v1/preventive-plans'),
    write: (a) => a.post('/api/v1/preventive-plans').send({}),
  },
};

describe('the permission table, walked route by route (integration)', () => {
  let ctx: TestContext;
  const agents = new Map<Role, TestAgent>();

  beforeAll(async () => {
    ctx = await createTestApp();
    const [{ id: partnerId }] = await ctx.db.query(`INSERT INTO partners (code, name, role) VALUES ('XP', 'Partner', 'member') RETURNING id`);
    const [{ id: facilityId }] = await ctx.db.query(
      `INSERT INTO facilities (code, name, kind, oblast, repair_bays) VALUES ('WS-P', 'Workshop', 'repair_workshop', 'lvivska', 2) RETURNING id`);
    for (const role of ALL_ROLES) {
      const { agent } = await signedIn(ctx, {
        role,
        facilityIds: role === 'workshop' ? [facilityId] : [],
        partnerId: role === 'partner' ? partnerId : null,
      });
      agents.set(role, agent);
    }
  });
  afterAll(async () => { await ctx.close(); });

  it('has a representative route for every entry of the table', () => {
    for (const resource of Object.keys(permissionTable) as Resource[]) {
      for (const action of ['read', 'write'] as Action[]) {
        if ((permissionTable[resource][action] as readonly Role[]).length === 0) continue;
        expect({ resource, action, route: Boolean(ROUTES[resource][action]) }).toEqual({ resource, action, route: true });
      }
    }
  });

  const cases = (Object.keys(ROUTES) as Resource[]).flatMap((resource) =>
    (Object.keys(ROUTES[resource]) as Action[]).flatMap((action) => ALL_ROLES.map((role) => ({ resource, action, role }))));

  it.each(cases)('$resource/$action as $role', async ({ resource, action, role }) => {
    const res = await ROUTES[resource][action]!(agents.get(role)!);
    expect(res.status).not.toBe(401);
    if (can(role, resource, action)) expect(res.status).not.toBe(403);
    else expect(res.status).toBe(403);
  });
});
