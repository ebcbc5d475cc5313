import { ALL_ROLES, can } from '@jv/domain';
import type { Role } from '@jv/contracts';
import { randomUUID } from 'node:crypto';
import { auditRows, createTestApp, createUser, signedIn, TEST_PASSWORD, type TestContext } from './support/test-app';

const NEW_PASSWORD = 'a-brand-new-password-1';

describe('users (integration, real PostgreSQL)', () => {
  let ctx: TestContext;
  let admin: Awaited<ReturnType<typeof signedIn>>;
  let workshopId: string;
  let depotId: string;
  let partnerId: string;

  const count = async (sql = 'SELECT count(*)::int AS n FROM users') => (await ctx.db.query(sql))[0].n as number;
  const newUser = (over: Record<string, unknown> = {}) => ({
    email: `User-${randomUUID().slice(0, 8)}@Test.Example`,
    displayName: 'New User',
    role: 'viewer',
    locale: 'en',
    password: TEST_PASSWORD,
    ...over,
  });

  beforeAll(async () => {
    ctx = await createTestApp();
    admin = await signedIn(ctx, { role: 'admin' });
    [{ id: workshopId }] = await ctx.db.query(
      `INSERT INTO facilities (code, name, kind, oblast)
       VALUES ('WS-1', 'Workshop 1', 'repair_workshop', 'lvivska') RETURNING id`,
    );
    [{ id: depotId }] = await ctx.db.query(
      `INSERT INTO facilities (code, name, kind, oblast) VALUES ('DP-1', 'Depot 1', 'depot', 'kyivska') RETURNING id`,
    );
    [{ id: partnerId }] = await ctx.db.query(
      `INSERT INTO partners (code, name, role) VALUES ('XA', 'Partnerland', 'member') RETURNING id`,
    );
  });
  afterAll(async () => {
    await ctx.close();
  });

  describe('create', () => {
    it('creates a user: 201, email lower-cased, Argon2id hash stored, never returned, audited', async () => {
      const input = newUser({ role: 'workshop', facilityIds: [workshopId], partnerId });
      const res = await admin.agent.post('/api/v1/users').send(input);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        email: input.email.toLowerCase(),
        role: 'workshop',
        facilityIds: [workshopId],
        partnerId: null,
        active: true,
        version: 1,
        lastLoginAt: null,
      });
      expect(JSON.stringify(res.body)).not.toMatch(/argon|password/i);
      const [row] = await ctx.db.query(`SELECT email, password_hash FROM users WHERE id = $1`, [res.body.id]);
      expect(row.email).toBe(input.email.toLowerCase());
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      const audit = await auditRows(ctx.db, 'user', res.body.id);
      expect(audit).toEqual([
        expect.objectContaining({
          action: 'create',
          actor_id: admin.user.id,
          before: null,
          after: expect.objectContaining({ email: row.email, role: 'workshop', facilityIds: [workshopId] }),
        }),
      ]);
      expect(JSON.stringify(audit)).not.toMatch(/argon|passwordHash|password_hash/i);
      // the new user can sign in
      expect(
        (await ctx.http().post('/api/v1/auth/login').send({ email: input.email, password: TEST_PASSWORD })).status,
      ).toBe(200);
    });

    it('creates a partner user with its partner and clears scopes the role does not use', async () => {
      const res = await admin.agent
        .post('/api/v1/users')
        .send(newUser({ role: 'partner', partnerId, facilityIds: [workshopId] }));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ role: 'partner', partnerId, facilityIds: [] });
      const viewer = await admin.agent
        .post('/api/v1/users')
        .send(newUser({ role: 'viewer', partnerId, facilityIds: [workshopId] }));
      expect(viewer.body).toMatchObject({ partnerId: null, facilityIds: [] });
    });

    it('answers 409 DUPLICATE on an email already in use (whatever its case)', async () => {
      const input = newUser();
      expect((await admin.agent.post('/api/v1/users').send(input)).status).toBe(201);
      const before = await count();
      const dup = await admin.agent.post('/api/v1/users').send({ ...input, email: input.email.toUpperCase() });
      expect(dup.status).toBe(409);
      expect(dup.body).toMatchObject({ code: 'DUPLICATE', errors: [expect.objectContaining({ path: 'email' })] });
      expect(await count()).toBe(before);
    });

    it('answers 400 with every bad field and writes nothing', async () => {
      const users = await count();
      const audits = await count('SELECT count(*)::int AS n FROM audit_log');
      const res = await admin.agent
        .post('/api/v1/users')
        .send({ email: 'not-an-email', displayName: '', role: 'general', password: 'short' });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
        'displayName',
        'email',
        'password',
        'role',
      ]);
      expect(await count()).toBe(users);
      expect(await count('SELECT count(*)::int AS n FROM audit_log')).toBe(audits);
    });

    it('refuses a workshop user without a facility and a partner user without a partner', async () => {
      const ws = await admin.agent.post('/api/v1/users').send(newUser({ role: 'workshop' }));
      expect(ws.status).toBe(400);
      expect(ws.body.errors).toEqual([expect.objectContaining({ path: 'facilityIds' })]);
      const pa = await admin.agent.post('/api/v1/users').send(newUser({ role: 'partner' }));
      expect(pa.status).toBe(400);
      expect(pa.body.errors).toEqual([expect.objectContaining({ path: 'partnerId' })]);
    });

    it('refuses unknown facilities, facilities that are not workshops and unknown partners, by field', async () => {
      const users = await count();
      const bad = await admin.agent
        .post('/api/v1/users')
        .send(newUser({ role: 'workshop', facilityIds: [workshopId, randomUUID(), depotId] }));
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['facilityIds.1', 'facilityIds.2']);
      const noPartner = await admin.agent
        .post('/api/v1/users')
        .send(newUser({ role: 'partner', partnerId: randomUUID() }));
      expect(noPartner.status).toBe(400);
      expect(noPartner.body.errors).toEqual([expect.objectContaining({ path: 'partnerId' })]);
      expect(await count()).toBe(users);
    });
  });

  describe('read', () => {
    it('lists with filters and walks every page by cursor, sorted by email', async () => {
      const tag = randomUUID().slice(0, 6);
      for (let i = 0; i < 5; i++) {
        await createUser(ctx.db, {
          role: i % 2 ? 'logistics' : 'training',
          email: `list-${tag}-${i}@test.example`,
          active: i !== 4,
        });
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await admin.agent
          .get('/api/v1/users')
          .query({ q: `list-${tag}`, limit: 2, ...(cursor ? { cursor } : {}) });
        expect(res.status).toBe(200);
        seen.push(...res.body.items.map((u: { email: string }) => u.email));
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual([0, 1, 2, 3, 4].map((i) => `list-${tag}-${i}@test.example`));

      const logistics = await admin.agent.get('/api/v1/users').query({ q: `LIST-${tag}`, role: 'logistics' });
      expect(logistics.body.items.map((u: { email: string }) => u.email)).toEqual([
        `list-${tag}-1@test.example`,
        `list-${tag}-3@test.example`,
      ]);
      const inactive = await admin.agent.get('/api/v1/users').query({ q: `list-${tag}`, active: 'false' });
      expect(inactive.body.items.map((u: { email: string }) => u.email)).toEqual([`list-${tag}-4@test.example`]);
      expect(inactive.body.nextCursor).toBeNull();
      // wildcards in q match literally
      expect((await admin.agent.get('/api/v1/users').query({ q: '%' })).body.items).toEqual([]);
      expect(JSON.stringify(logistics.body)).not.toMatch(/argon|password/i);
    });

    it('answers 400 on a bad filter or cursor', async () => {
      expect((await admin.agent.get('/api/v1/users').query({ role: 'general' })).status).toBe(400);
      expect((await admin.agent.get('/api/v1/users').query({ cursor: 'garbage' })).status).toBe(400);
      const notOurs = Buffer.from(JSON.stringify(['a', 'not-a-uuid'])).toString('base64url');
      expect((await admin.agent.get('/api/v1/users').query({ cursor: notOurs })).status).toBe(400);
    });

    it('gets one user; 404 when missing, 400 on a bad id', async () => {
      const u = await createUser(ctx.db, { role: 'viewer' });
      const res = await admin.agent.get(`/api/v1/users/${u.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: u.id, email: u.email, role: 'viewer' });
      expect((await admin.agent.get(`/api/v1/users/${randomUUID()}`)).status).toBe(404);
      const bad = await admin.agent.get('/api/v1/users/not-a-uuid');
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'id' })]);
    });
  });

  describe('update', () => {
    it(
      'updates with the current version, audits before/after, ' +
        'and refuses a stale version with 409 changing nothing',
      async () => {
        const u = await createUser(ctx.db, { role: 'viewer' });
        const res = await admin.agent
          .patch(`/api/v1/users/${u.id}`)
          .send({ version: 1, displayName: 'Renamed', locale: 'uk' });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ displayName: 'Renamed', locale: 'uk', version: 2 });
        const stale = await admin.agent.patch(`/api/v1/users/${u.id}`).send({ version: 1, displayName: 'Lost update' });
        expect(stale.status).toBe(409);
        expect(stale.body).toMatchObject({ code: 'STALE_VERSION', currentVersion: 2 });
        const [row] = await ctx.db.query(`SELECT display_name, version FROM users WHERE id = $1`, [u.id]);
        expect(row).toEqual({ display_name: 'Renamed', version: 2 });
        const audit = await auditRows(ctx.db, 'user', u.id);
        expect(audit).toEqual([
          expect.objectContaining({
            action: 'update',
            actor_id: admin.user.id,
            before: { displayName: 'Test viewer', locale: 'en', version: 1 },
            after: { displayName: 'Renamed', locale: 'uk', version: 2 },
          }),
        ]);
        expect(
          (await admin.agent.patch(`/api/v1/users/${randomUUID()}`).send({ version: 1, displayName: 'x' })).status,
        ).toBe(404);
        expect((await admin.agent.patch(`/api/v1/users/${u.id}`).send({ displayName: 'no version' })).status).toBe(400);
      },
    );

    it('re-validates role and scope: switching to workshop needs a workshop facility', async () => {
      const u = await createUser(ctx.db, { role: 'viewer' });
      const none = await admin.agent.patch(`/api/v1/users/${u.id}`).send({ version: 1, role: 'workshop' });
      expect(none.status).toBe(400);
      expect(none.body.errors).toEqual([expect.objectContaining({ path: 'facilityIds' })]);
      const depot = await admin.agent
        .patch(`/api/v1/users/${u.id}`)
        .send({ version: 1, role: 'workshop', facilityIds: [depotId] });
      expect(depot.status).toBe(400);
      expect(depot.body.errors).toEqual([expect.objectContaining({ path: 'facilityIds.0' })]);
      const ok = await admin.agent
        .patch(`/api/v1/users/${u.id}`)
        .send({ version: 1, role: 'workshop', facilityIds: [workshopId] });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ role: 'workshop', facilityIds: [workshopId], version: 2 });
      // leaving the workshop role clears the facilities
      const back = await admin.agent.patch(`/api/v1/users/${u.id}`).send({ version: 2, role: 'logistics' });
      expect(back.body).toMatchObject({ role: 'logistics', facilityIds: [] });
    });

    it('disabling a user ends their live session at once', async () => {
      const victim = await signedIn(ctx, { role: 'logistics' });
      expect((await victim.agent.get('/api/v1/auth/me')).status).toBe(200);
      const res = await admin.agent.patch(`/api/v1/users/${victim.user.id}`).send({ version: 1, active: false });
      expect(res.status).toBe(200);
      expect(res.body.active).toBe(false);
      expect((await victim.agent.get('/api/v1/auth/me')).status).toBe(401);
      const [{ n }] = await ctx.db.query(
        `SELECT count(*)::int AS n FROM sessions WHERE user_id = $1 AND revoked_at IS NULL`,
        [victim.user.id],
      );
      expect(n).toBe(0);
      // and the user cannot sign in again
      expect(
        (await ctx.http().post('/api/v1/auth/login').send({ email: victim.user.email, password: TEST_PASSWORD }))
          .status,
      ).toBe(401);
    });

    it('a role change ends the sessions, a rename does not', async () => {
      const u = await signedIn(ctx, { role: 'training' });
      await admin.agent.patch(`/api/v1/users/${u.user.id}`).send({ version: 1, displayName: 'Only a rename' });
      expect((await u.agent.get('/api/v1/auth/me')).status).toBe(200);
      await admin.agent.patch(`/api/v1/users/${u.user.id}`).send({ version: 2, role: 'viewer' });
      expect((await u.agent.get('/api/v1/auth/me')).status).toBe(401);
    });

    it('refuses an admin disabling or demoting themself', async () => {
      const self = await signedIn(ctx, { role: 'admin' });
      const disable = await self.agent.patch(`/api/v1/users/${self.user.id}`).send({ version: 1, active: false });
      expect(disable.status).toBe(400);
      expect(disable.body.detail).toMatch(/cannot disable your own account/);
      expect(disable.body.errors).toEqual([expect.objectContaining({ path: 'active' })]);
      const demote = await self.agent.patch(`/api/v1/users/${self.user.id}`).send({ version: 1, role: 'viewer' });
      expect(demote.status).toBe(400);
      expect(demote.body.errors).toEqual([expect.objectContaining({ path: 'role' })]);
      const [row] = await ctx.db.query(`SELECT role, active, version FROM users WHERE id = $1`, [self.user.id]);
      expect(row).toEqual({ role: 'admin', active: true, version: 1 });
      expect((await self.agent.get('/api/v1/auth/me')).status).toBe(200);
    });
  });

  describe('sessions and passwords', () => {
    it('"end sessions" signs the user out everywhere and is audited with the count', async () => {
      const u = await signedIn(ctx, { role: 'viewer' });
      const second = ctx.http();
      expect(
        (await second.post('/api/v1/auth/login').send({ email: u.user.email, password: TEST_PASSWORD })).status,
      ).toBe(200);
      const res = await admin.agent.post(`/api/v1/users/${u.user.id}/revoke-sessions`);
      expect(res.status).toBe(204);
      expect((await u.agent.get('/api/v1/auth/me')).status).toBe(401);
      expect((await second.get('/api/v1/auth/me')).status).toBe(401);
      const rows = (await auditRows(ctx.db, 'user', u.user.id)).filter(
        (r: { action: string }) => r.action === 'sessions_revoked',
      );
      expect(rows).toEqual([expect.objectContaining({ actor_id: admin.user.id, after: { count: 2 } })]);
      expect((await admin.agent.post(`/api/v1/users/${randomUUID()}/revoke-sessions`)).status).toBe(404);
    });

    it(
      'resets a password: sessions end, the old password fails, ' + 'the new one works, no secret in the audit',
      async () => {
        const u = await signedIn(ctx, { role: 'viewer' });
        const short = await admin.agent.post(`/api/v1/users/${u.user.id}/reset-password`).send({ password: 'short' });
        expect(short.status).toBe(400);
        expect(short.body.errors).toEqual([expect.objectContaining({ path: 'password' })]);
        const res = await admin.agent
          .post(`/api/v1/users/${u.user.id}/reset-password`)
          .send({ password: NEW_PASSWORD });
        expect(res.status).toBe(204);
        expect((await u.agent.get('/api/v1/auth/me')).status).toBe(401);
        expect(
          (await ctx.http().post('/api/v1/auth/login').send({ email: u.user.email, password: TEST_PASSWORD })).status,
        ).toBe(401);
        const again = await ctx.http().post('/api/v1/auth/login').send({ email: u.user.email, password: NEW_PASSWORD });
        expect(again.status).toBe(200);
        expect(again.body.setupRequired).toEqual(['password']); // an admin-set password must be changed first
        const rows = (await auditRows(ctx.db, 'user', u.user.id)).filter(
          (r: { action: string }) => r.action === 'password_reset',
        );
        expect(rows).toEqual([
          expect.objectContaining({
            actor_id: admin.user.id,
            before: null,
            after: { sessionsRevoked: 1, mustChange: true },
          }),
        ]);
        expect(JSON.stringify(rows)).not.toContain(NEW_PASSWORD);
        expect(
          (await admin.agent.post(`/api/v1/users/${randomUUID()}/reset-password`).send({ password: NEW_PASSWORD }))
            .status,
        ).toBe(404);
      },
    );
  });

  describe('permission table', () => {
    it.each(ALL_ROLES)('role %s reads and writes users only if the table says so', async (role: Role) => {
      const opts =
        role === 'workshop' ? { role, facilityIds: [workshopId] } : role === 'partner' ? { role, partnerId } : { role };
      const { agent, user } = await signedIn(ctx, opts);
      const target = await createUser(ctx.db, { role: 'viewer' });
      const expectRead = can(role, 'users', 'read') ? 200 : 403;
      const expectWrite = can(role, 'users', 'write');
      expect((await agent.get('/api/v1/users')).status).toBe(expectRead);
      expect((await agent.get(`/api/v1/users/${target.id}`)).status).toBe(expectRead);
      const before = await count();
      const created = await agent.post('/api/v1/users').send(newUser());
      expect(created.status).toBe(expectWrite ? 201 : 403);
      expect(await count()).toBe(before + (expectWrite ? 1 : 0));
      expect((await agent.patch(`/api/v1/users/${target.id}`).send({ version: 1, displayName: 'x' })).status).toBe(
        expectWrite ? 200 : 403,
      );
      expect((await agent.post(`/api/v1/users/${target.id}/revoke-sessions`)).status).toBe(expectWrite ? 204 : 403);
      expect(
        (await agent.post(`/api/v1/users/${target.id}/reset-password`).send({ password: NEW_PASSWORD })).status,
      ).toBe(expectWrite ? 204 : 403);
      if (!expectWrite) {
        const [row] = await ctx.db.query(`SELECT display_name, version FROM users WHERE id = $1`, [target.id]);
        expect(row).toEqual({ display_name: 'Test viewer', version: 1 });
      }
      expect(user.role).toBe(role);
    });

    it('answers 401 without a session', async () => {
      expect((await ctx.http().get('/api/v1/users')).status).toBe(401);
      expect((await ctx.http().post('/api/v1/users').send(newUser())).status).toBe(401);
    });
  });

  it('documents the users routes in the OpenAPI document', async () => {
    const res = await ctx.http().get('/api/docs.json');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/users',
        '/v1/users/{id}',
        '/v1/users/{id}/reset-password',
        '/v1/users/{id}/revoke-sessions',
      ]),
    );
  });
});
