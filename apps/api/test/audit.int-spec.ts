import { ALL_ROLES, can } from '@jv/domain';
import type { Role } from '@jv/contracts';
import { randomUUID } from 'node:crypto';
import { createTestApp, createUser, signedIn, TEST_PASSWORD, type TestContext } from './support/test-app';

interface Row {
  action: string;
  entity_type: string;
  entity_id: string | null;
  actor_id: string | null;
  actor_email: string | null;
  before: unknown;
  after: unknown;
}

describe('audit log (integration, real PostgreSQL)', () => {
  let ctx: TestContext;
  let admin: Awaited<ReturnType<typeof signedIn>>;

  const lastId = async (): Promise<number> =>
    (await ctx.db.query(`SELECT coalesce(max(id), 0)::int AS id FROM audit_log`))[0].id;
  /** The audit rows written since `since`, oldest first. */
  const rowsSince = (since: number): Promise<Row[]> =>
    ctx.db.query(
      `SELECT action, entity_type, entity_id, actor_id, actor_email, before, after
         FROM audit_log WHERE id > $1 ORDER BY id`,
      [since],
    );

  beforeAll(async () => {
    ctx = await createTestApp();
    admin = await signedIn(ctx, { role: 'admin' });
  });
  afterAll(async () => {
    await ctx.close();
  });

  describe('each change leaves exactly the expected row', () => {
    let userId: string;
    const email = `audited-${randomUUID().slice(0, 8)}@test.example`;
    const password = 'audited-password-1';

    it('user create', async () => {
      const since = await lastId();
      const res = await admin.agent
        .post('/api/v1/users')
        .send({ email, displayName: 'Audited', role: 'logistics', locale: 'en', password });
      expect(res.status).toBe(201);
      userId = res.body.id;
      const rows = await rowsSince(since);
      expect(rows).toEqual([
        {
          action: 'create',
          entity_type: 'user',
          entity_id: userId,
          actor_id: admin.user.id,
          actor_email: admin.user.email,
          before: null,
          after: expect.objectContaining({
            id: userId,
            email,
            displayName: 'Audited',
            role: 'logistics',
            active: true,
            version: 1,
          }),
        },
      ]);
      expect(JSON.stringify(rows)).not.toMatch(/argon|password/i);
    });

    it('login success and failure', async () => {
      let since = await lastId();
      expect((await ctx.http().post('/api/v1/auth/login').send({ email, password: 'wrong-password-1' })).status).toBe(
        401,
      );
      expect(await rowsSince(since)).toEqual([
        {
          action: 'login_failure',
          entity_type: 'user',
          entity_id: userId,
          actor_id: null,
          actor_email: email,
          before: null,
          after: { email, reason: 'wrong_password' },
        },
      ]);
      since = await lastId();
      const agent = ctx.http();
      expect((await agent.post('/api/v1/auth/login').send({ email, password })).status).toBe(200);
      expect(await rowsSince(since)).toEqual([
        {
          action: 'login_success',
          entity_type: 'user',
          entity_id: userId,
          actor_id: userId,
          actor_email: email,
          before: null,
          after: null,
        },
      ]);
      since = await lastId();
      expect((await agent.post('/api/v1/auth/logout')).status).toBe(204);
      expect(await rowsSince(since)).toEqual([
        {
          action: 'logout',
          entity_type: 'user',
          entity_id: userId,
          actor_id: userId,
          actor_email: email,
          before: null,
          after: null,
        },
      ]);
    });

    it('user update', async () => {
      const since = await lastId();
      expect(
        (
          await admin.agent
            .patch(`/api/v1/users/${userId}`)
            .send({ version: 1, displayName: 'Audited Again', active: false })
        ).status,
      ).toBe(200);
      expect(await rowsSince(since)).toEqual([
        {
          action: 'update',
          entity_type: 'user',
          entity_id: userId,
          actor_id: admin.user.id,
          actor_email: admin.user.email,
          before: { displayName: 'Audited', active: true, version: 1 },
          after: { displayName: 'Audited Again', active: false, version: 2 },
        },
      ]);
    });

    it('a refused change leaves no row', async () => {
      const since = await lastId();
      expect(
        (await admin.agent.patch(`/api/v1/users/${userId}`).send({ version: 1, displayName: 'Stale' })).status,
      ).toBe(409);
      expect(
        (await admin.agent.post('/api/v1/users').send({ email, displayName: 'Dup', role: 'viewer', password })).status,
      ).toBe(409);
      expect(await rowsSince(since)).toEqual([]);
    });

    it('password reset and ending sessions', async () => {
      let since = await lastId();
      expect(
        (await admin.agent.post(`/api/v1/users/${userId}/reset-password`).send({ password: 'another-password-2' }))
          .status,
      ).toBe(204);
      const reset = await rowsSince(since);
      expect(reset).toEqual([
        {
          action: 'password_reset',
          entity_type: 'user',
          entity_id: userId,
          actor_id: admin.user.id,
          actor_email: admin.user.email,
          before: null,
          after: { sessionsRevoked: 0, mustChange: true },
        },
      ]);
      expect(JSON.stringify(reset)).not.toContain('another-password-2');
      since = await lastId();
      expect((await admin.agent.post(`/api/v1/users/${userId}/revoke-sessions`)).status).toBe(204);
      expect(await rowsSince(since)).toEqual([
        {
          action: 'sessions_revoked',
          entity_type: 'user',
          entity_id: userId,
          actor_id: admin.user.id,
          actor_email: admin.user.email,
          before: null,
          after: { count: 0 },
        },
      ]);
    });
  });

  describe('list', () => {
    const probe = `probe-${randomUUID().slice(0, 8)}`;
    let actorId: string;

    beforeAll(async () => {
      actorId = (await createUser(ctx.db, { role: 'logistics' })).id;
      // make the probe ids straddle a power of ten (…97 … 103), so ordering by text instead of number would show
      const max = await lastId();
      const nextPower = 10 ** String(max + 4).length;
      await ctx.db.query(
        `INSERT INTO audit_log (action, entity_type) SELECT 'create', 'filler' FROM generate_series(1, $1)`,
        [nextPower - 4 - max],
      );
      // 7 rows on known days: 2025-01-01 … 2025-01-07, every other one by `actorId`, the last a delete
      for (let d = 1; d <= 7; d++) {
        await ctx.db.query(
          `INSERT INTO audit_log (at, actor_id, action, entity_type, entity_id, after) VALUES ($1, $2, $3, $4, $5, $6)`,
          [
            `2025-01-0${d}T12:00:00Z`,
            d % 2 ? actorId : null,
            d === 7 ? 'delete' : 'create',
            probe,
            `e-${d}`,
            JSON.stringify({ d }),
          ],
        );
      }
    });

    const entityIds = (body: { items: Array<{ entityId: string }> }) => body.items.map((i) => i.entityId);

    it('answers newest first in the documented shape, and walks the pages by cursor', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await admin.agent
          .get('/api/v1/audit-log')
          .query({ entityType: probe, limit: 3, ...(cursor ? { cursor } : {}) });
        expect(res.status).toBe(200);
        seen.push(...entityIds(res.body));
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual(['e-7', 'e-6', 'e-5', 'e-4', 'e-3', 'e-2', 'e-1']);
      const one = await admin.agent.get('/api/v1/audit-log').query({ entityType: probe, limit: 1 });
      expect(one.body.items[0]).toEqual({
        id: expect.any(String),
        at: '2025-01-07T12:00:00.000Z',
        actorId,
        actorEmail: null,
        action: 'delete',
        entityType: probe,
        entityId: 'e-7',
        before: null,
        after: { d: 7 },
        requestId: null,
        ip: null,
      });
    });

    it('filters by action, actor and period', async () => {
      const byAction = await admin.agent.get('/api/v1/audit-log').query({ entityType: probe, action: 'delete' });
      expect(entityIds(byAction.body)).toEqual(['e-7']);
      const byActor = await admin.agent.get('/api/v1/audit-log').query({ entityType: probe, actorId });
      expect(entityIds(byActor.body)).toEqual(['e-7', 'e-5', 'e-3', 'e-1']);
      const period = await admin.agent
        .get('/api/v1/audit-log')
        .query({ entityType: probe, from: '2025-01-03T00:00:00Z', to: '2025-01-05T00:00:00Z' });
      expect(entityIds(period.body)).toEqual(['e-4', 'e-3']);
      const byEntity = await admin.agent.get('/api/v1/audit-log').query({ entityType: probe, entityId: 'e-2' });
      expect(entityIds(byEntity.body)).toEqual(['e-2']);
      // the admin's own actions are found by actor too
      const mine = await admin.agent
        .get('/api/v1/audit-log')
        .query({ actorId: admin.user.id, entityType: 'user', action: 'create' });
      expect(mine.body.items.length).toBeGreaterThan(0);
      expect(mine.body.items.every((i: { actorId: string }) => i.actorId === admin.user.id)).toBe(true);
    });

    it('answers 400 on bad filters and cursors', async () => {
      for (const query of [
        { action: 'explode' },
        { actorId: 'nope' },
        { from: 'yesterday' },
        { limit: 0 },
        { cursor: 'garbage' },
        { cursor: Buffer.from(JSON.stringify(['1; drop'])).toString('base64url') },
      ]) {
        const res = await admin.agent.get('/api/v1/audit-log').query(query);
        expect([query, res.status]).toEqual([query, 400]);
      }
    });

    it.each(ALL_ROLES)('role %s reads the audit log only if the table says so', async (role: Role) => {
      const opts =
        role === 'workshop'
          ? { role, facilityIds: [randomUUID()] }
          : role === 'partner'
            ? { role, partnerId: null }
            : { role };
      const { agent } = await signedIn(ctx, opts);
      expect((await agent.get('/api/v1/audit-log')).status).toBe(can(role, 'audit', 'read') ? 200 : 403);
    });
  });

  it('a new admin session can read what it just did', async () => {
    const u = await createUser(ctx.db, { role: 'admin' });
    const agent = ctx.http();
    await agent.post('/api/v1/auth/login').send({ email: u.email, password: TEST_PASSWORD });
    const res = await agent.get('/api/v1/audit-log').query({ actorId: u.id, limit: 5 });
    expect(res.body.items.map((i: { action: string }) => i.action)).toEqual(['login_success']);
  });
});
