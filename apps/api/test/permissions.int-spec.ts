import { allEndpoints, type EndpointDef } from '@jv/contracts';
import { ALL_ROLES, can, permissionTable, type Role } from '@jv/domain';
import type TestAgent from 'supertest/lib/agent';
import { createTestApp, signedIn, type TestContext } from './support/test-app';

/**
 * Walks the whole endpoint table (libs/contracts/src/endpoints): every endpoint, called by every role,
 * with a deliberately empty request (a nil id, no body). A role the permission table allows never gets
 * 403 (it may get 400 or 404 from the empty request); a role it does not allow always gets 403, before
 * any validation; a signed-in endpoint never answers 401 to a signed-in user and always 401 to nobody.
 */
const NIL = '00000000-0000-4000-8000-000000000000';

function call(agent: TestAgent, def: EndpointDef) {
  const path = `/api${def.path.replace(/\{\w+\}/g, NIL)}`;
  const method = def.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
  const req = agent[method](path);
  if (def.method === 'GET') return req;
  return def.bodyType === 'csv' ? req.set('Content-Type', 'text/csv').send('') : req.send({});
}

/** Sign-out ends the session it is called with: walked last, with sessions of its own. */
const walked = allEndpoints.filter(({ name }) => name !== 'auth.logout');

describe('the endpoint table, walked endpoint × role (integration)', () => {
  let ctx: TestContext;
  const agents = new Map<Role, TestAgent>();
  let scope: { partnerId: string; facilityId: string };

  beforeAll(async () => {
    ctx = await createTestApp();
    const [{ id: partnerId }] = await ctx.db.query(
      `INSERT INTO partners (code, name, role) VALUES ('XP', 'Partner', 'member') RETURNING id`,
    );
    const [{ id: facilityId }] = await ctx.db.query(
      `INSERT INTO facilities (code, name, kind, oblast, repair_bays)
       VALUES ('WS-P', 'Workshop', 'repair_workshop', 'lvivska', 2) RETURNING id`,
    );
    scope = { partnerId, facilityId };
    for (const role of ALL_ROLES) agents.set(role, await agentFor(role));
  });
  afterAll(async () => {
    await ctx.close();
  });

  async function agentFor(role: Role): Promise<TestAgent> {
    const { agent } = await signedIn(ctx, {
      role,
      facilityIds: role === 'workshop' ? [scope.facilityId] : [],
      partnerId: role === 'partner' ? scope.partnerId : null,
    });
    return agent;
  }

  it('walks more than 60 endpoints, each with a permission the table knows', () => {
    expect(walked.length).toBeGreaterThan(60);
    for (const { name, def } of allEndpoints) {
      const known =
        def.permission === 'public' ||
        def.permission === 'signedIn' ||
        Object.hasOwn(permissionTable, def.permission.resource);
      expect({ name, known }).toEqual({ name, known: true });
    }
  });

  const cases = walked.flatMap(({ name, def }) => ALL_ROLES.map((role) => ({ name, def, role })));

  it.each(cases)('$name as $role', async ({ def, role }) => {
    const res = await call(agents.get(role)!, def);
    expect(res.status).not.toBe(401);
    expect(res.status).toBeLessThan(500);
    if (def.permission === 'public' || def.permission === 'signedIn') {
      expect(res.status).not.toBe(403);
    } else if (can(role, def.permission.resource, def.permission.action)) {
      expect(res.status).not.toBe(403);
    } else {
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    }
  });

  it.each(walked.filter(({ def }) => def.permission !== 'public'))(
    '$name without a session is 401',
    async ({ def }) => {
      const res = await call(ctx.http(), def);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    },
  );

  it('signs out every role', async () => {
    for (const role of ALL_ROLES) {
      const agent = await agentFor(role);
      expect((await agent.post('/api/v1/auth/logout')).status).toBe(204);
      expect((await agent.get('/api/v1/auth/me')).status).toBe(401);
    }
  });
});
