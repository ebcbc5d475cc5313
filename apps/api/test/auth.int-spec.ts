import { auditRows, createTestApp, createUser, signedIn, TEST_PASSWORD, type TestContext } from './support/test-app';

describe('auth (integration, real PostgreSQL)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => {
    await ctx.close();
  });
  beforeEach(async () => {
    await ctx.db.query('DELETE FROM login_attempts'); // every test speaks from the same address
  });

  it('signs in, returns the user with an httpOnly SameSite=Strict cookie, and /me answers', async () => {
    const user = await createUser(ctx.db, { role: 'viewer' });
    const agent = ctx.http();
    const res = await agent
      .post('/api/v1/auth/login')
      .send({ email: user.email.toUpperCase(), password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: user.id, role: 'viewer', email: user.email });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/jv_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const me = await agent.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(user.id);
    expect(await auditRows(ctx.db, 'user', user.id)).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'login_success' })]),
    );
  });

  it('answers 401 with the same message for an unknown email and a wrong password, and audits both', async () => {
    const user = await createUser(ctx.db, { role: 'viewer' });
    const wrong = await ctx.http().post('/api/v1/auth/login').send({ email: user.email, password: 'not-the-password' });
    const unknown = await ctx
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'nobody@test.example', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
    expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/);
    const failures = await ctx.db.query(
      `SELECT after->>'email' AS email FROM audit_log WHERE action = 'login_failure'`,
    );
    expect(failures.map((f: { email: string }) => f.email)).toEqual(
      expect.arrayContaining([user.email, 'nobody@test.example']),
    );
  });

  it('answers 400 with field errors on a malformed login body', async () => {
    const res = await ctx.http().post('/api/v1/auth/login').send({ email: 'not-an-email' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['email', 'password']);
  });

  it('logout revokes the session at once', async () => {
    const { agent } = await signedIn(ctx, { role: 'logistics' });
    expect((await agent.get('/api/v1/auth/me')).status).toBe(200);
    expect((await agent.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await agent.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('disabling a user ends their sessions at once', async () => {
    const { agent, user } = await signedIn(ctx, { role: 'training' });
    await ctx.db.query(`UPDATE users SET active = false WHERE id = $1`, [user.id]);
    expect((await agent.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('expires a session after inactivity', async () => {
    const { agent, user } = await signedIn(ctx, { role: 'viewer' });
    await ctx.db.query(`UPDATE sessions SET last_seen_at = now() - interval '1 day' WHERE user_id = $1`, [user.id]);
    expect((await agent.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('expires a session at its absolute limit even when active', async () => {
    const { agent, user } = await signedIn(ctx, { role: 'viewer' });
    await ctx.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user.id]);
    expect((await agent.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('slows repeated failures for one account from one address with 429 and a growing Retry-After', async () => {
    const user = await createUser(ctx.db, { role: 'viewer' });
    for (let i = 0; i < 5; i++) {
      expect(
        (await ctx.http().post('/api/v1/auth/login').send({ email: user.email, password: 'wrong-password-x' })).status,
      ).toBe(401);
    }
    const held = await ctx.http().post('/api/v1/auth/login').send({ email: user.email, password: TEST_PASSWORD });
    expect(held.status).toBe(429);
    // a short delay, not a 15-minute lock-out; login-throttling.int-spec.ts shows the other address signing in
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(held.headers['retry-after'])).toBeLessThanOrEqual(4);
  });

  it('keeps the limit when failures come from another API process on the same database', async () => {
    const other = await createTestApp();
    try {
      const user = await createUser(ctx.db, { role: 'viewer' });
      for (let i = 0; i < 5; i++) {
        const app = i % 2 === 0 ? ctx : other;
        await app.http().post('/api/v1/auth/login').send({ email: user.email, password: 'wrong-password-x' });
      }
      expect(
        (await ctx.http().post('/api/v1/auth/login').send({ email: user.email, password: TEST_PASSWORD })).status,
      ).toBe(429);
      expect(
        (await other.http().post('/api/v1/auth/login').send({ email: user.email, password: TEST_PASSWORD })).status,
      ).toBe(429);
    } finally {
      await other.close();
    }
  });

  it(
    'counts failures per address: ' + 'a spoofed X-Forwarded-For is ignored unless TRUST_PROXY says a proxy sets it',
    async () => {
      const fail = (app: TestContext, forwardedFor: string) =>
        app
          .http()
          .post('/api/v1/auth/login')
          .set('X-Forwarded-For', forwardedFor)
          .send({ email: `nobody-${forwardedFor}@test.example`, password: 'wrong-password-x' });
      const direct = await createTestApp({ LOGIN_MAX_FAILURES_PER_IP: '3' });
      try {
        for (const ip of ['203.0.113.1', '203.0.113.2', '203.0.113.3'])
          expect((await fail(direct, ip)).status).toBe(401);
        expect((await fail(direct, '203.0.113.4')).status).toBe(429); // all four came from the same socket address
      } finally {
        await direct.close();
      }
      const proxied = await createTestApp({ LOGIN_MAX_FAILURES_PER_IP: '3', TRUST_PROXY: '1' });
      try {
        for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4'])
          expect((await fail(proxied, ip)).status).toBe(401);
        for (let i = 0; i < 3; i++) expect((await fail(proxied, '198.51.100.9')).status).toBe(401);
        expect((await fail(proxied, '198.51.100.9')).status).toBe(429); // the fourth from one client address
      } finally {
        await proxied.close();
      }
    },
  );

  it('changes the locale of the signed-in user', async () => {
    const { agent } = await signedIn(ctx, { role: 'viewer', locale: 'uk' });
    const res = await agent.patch('/api/v1/auth/me/preferences').send({ locale: 'en' });
    expect(res.status).toBe(200);
    expect(res.body.locale).toBe('en');
    expect((await agent.get('/api/v1/auth/me')).body.locale).toBe('en');
    expect((await agent.patch('/api/v1/auth/me/preferences').send({ locale: 'de' })).status).toBe(400);
  });

  it('answers 401 as problem details on a protected route without a session', async () => {
    const res = await ctx.http().get('/api/v1/audit-log');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });
});
