import type TestAgent from 'supertest/lib/agent';
import type { DataSource } from 'typeorm';
import { queryReplica } from '../src/database/read-replica';
import { UserEntity } from '../src/modules/users/user.entity';
import { createTestApp, signedIn, type TestContext } from './support/test-app';

/* DATABASE_REPLICA_URLS. One PostgreSQL stands in for a primary and a streaming replica: the "replica" URL
   names the same server as another role with another application_name. That role may connect and nothing
   more (no privilege on any table), so an ordinary read or write that went to the "replica" would fail. */
const PROBE_ROLE = 'jv_replica_probe';
const PROBE_APP = 'jv-replica-probe';
const WHO = `SELECT current_user AS "user", current_setting('application_name') AS app`;

function replicaUrl(appUrl: string): string {
  const u = new URL(appUrl);
  u.username = PROBE_ROLE;
  u.password = 'replica-probe-password';
  u.searchParams.set('application_name', PROBE_APP);
  return u.toString();
}

async function work(agent: TestAgent): Promise<void> {
  const created = await agent.post('/api/v1/partners').send({ code: 'RP', name: 'Replica probe', role: 'member' });
  expect(created.status).toBe(201);
  const list = await agent.get('/api/v1/partners').query({ limit: 200 });
  expect(list.status).toBe(200);
  // what was just written is read back at once: reads stay on the primary
  expect(list.body.items.map((p: { code: string }) => p.code)).toContain('RP');
  expect((await agent.get('/api/v1/auth/me')).status).toBe(200);
}

describe('read replicas (integration)', () => {
  const appUrl = process.env.JV_TEST_DATABASE_URL ?? '';
  let owner: TestContext | undefined;

  beforeAll(async () => {
    owner = await createTestApp();
    await owner.db.query(`DROP ROLE IF EXISTS ${PROBE_ROLE}`);
    await owner.db.query(`CREATE ROLE ${PROBE_ROLE} LOGIN PASSWORD 'replica-probe-password'`);
  });
  afterAll(async () => {
    await owner?.db.query(`DROP ROLE IF EXISTS ${PROBE_ROLE}`);
    await owner?.close();
  });

  describe('with DATABASE_REPLICA_URLS', () => {
    let ctx: TestContext;
    let db: DataSource;
    beforeAll(async () => {
      ctx = await createTestApp({ DATABASE_REPLICA_URLS: replicaUrl(appUrl) });
      db = ctx.appDb!;
    });
    afterAll(async () => ctx?.close());

    it('sends queryReplica to the replica', async () => {
      expect(await queryReplica(db, WHO)).toEqual([{ user: PROBE_ROLE, app: PROBE_APP }]);
      await expect(queryReplica(db, `SELECT count(*) FROM users`)).rejects.toThrow(/permission denied/);
    });

    it('keeps ordinary queries, transactions, query runners and query builders on the primary', async () => {
      const primary = [{ user: new URL(appUrl).username, app: expect.not.stringMatching(PROBE_APP) }];
      expect(await db.query(WHO)).toEqual(primary);
      // TypeORM sends a query builder's SELECT to a replica unless `defaultMode` is 'master'
      const built = await db
        .createQueryBuilder()
        .fromDummy()
        .select('current_user', 'user')
        .addSelect(`current_setting('application_name')`, 'app')
        .getRawMany();
      expect(built).toEqual(primary);
      expect(await db.getRepository(UserEntity).count()).toBe(0);
      expect(await db.transaction((m) => m.query(WHO))).toEqual(primary);
      const runner = db.createQueryRunner();
      try {
        expect(await runner.query(WHO)).toEqual(primary);
      } finally {
        await runner.release();
      }
    });

    it('serves requests that write and read back from the primary', async () => {
      const { agent } = await signedIn(ctx, { role: 'admin' });
      await work(agent);
    });
  });

  describe('without DATABASE_REPLICA_URLS', () => {
    let ctx: TestContext;
    beforeAll(async () => {
      ctx = await createTestApp();
    });
    afterAll(async () => ctx?.close());

    it('runs queryReplica and everything else on the one server', async () => {
      const [me] = await queryReplica<{ user: string }>(ctx.appDb!, WHO);
      expect(me.user).toBe(new URL(appUrl).username);
      expect(await queryReplica(ctx.appDb!, `SELECT count(*)::int AS n FROM users`)).toEqual([{ n: 0 }]);
      const { agent } = await signedIn(ctx, { role: 'admin' });
      await work(agent);
    });
  });
});
