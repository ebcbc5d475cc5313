import { randomUUID } from 'node:crypto';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../src/database/seeds/demo-seed';
import { auditRows, createTestApp, createUser, signedIn, TEST_PASSWORD, type TestContext } from './support/test-app';

const NEW_PASSWORD = 'a-brand-new-password-7';

describe('passwords: change, must-change, common list (integration, real PostgreSQL)', () => {
  let ctx: TestContext;
  let admin: Awaited<ReturnType<typeof signedIn>>;
  beforeAll(async () => {
    ctx = await createTestApp();
    admin = await signedIn(ctx, { role: 'admin' });
  });
  afterAll(async () => {
    await ctx.close();
  });
  beforeEach(async () => {
    await ctx.db.query('DELETE FROM login_attempts');
  });

  const change = (agent: ReturnType<TestContext['http']>, currentPassword: string, newPassword: string) =>
    agent.post('/api/v1/auth/password').send({ currentPassword, newPassword });
  const fieldError = (body: { errors?: Array<{ path: string; code: string }> }) =>
    body.errors?.map((e) => `${e.path}:${e.code}`);

  it('changes my own password: other sessions end, this one stays, audited', async () => {
    const { agent, user } = await signedIn(ctx, { role: 'viewer' });
    const other = ctx.http();
    expect((await other.post('/api/v1/auth/login').send({ email: user.email, password: TEST_PASSWORD })).status).toBe(
      200,
    );
    const res = await change(agent, TEST_PASSWORD, NEW_PASSWORD);
    expect(res.status).toBe(204);
    expect((await agent.get('/api/v1/auth/me')).status).toBe(200);
    expect((await other.get('/api/v1/auth/me')).status).toBe(401);
    const login = (password: string) => ctx.http().post('/api/v1/auth/login').send({ email: user.email, password });
    expect((await login(TEST_PASSWORD)).status).toBe(401);
    expect((await login(NEW_PASSWORD)).status).toBe(200);
    const audit = await auditRows(ctx.db, 'user', user.id);
    const entry = audit.find((r: { action: string }) => r.action === 'password_reset');
    expect(entry).toMatchObject({ actor_id: user.id, after: { self: true, sessionsRevoked: 1 } });
    expect(JSON.stringify(audit)).not.toMatch(/argon|brand-new/);
  });

  it('refuses a wrong current password (counted), an unchanged one and one on the list', async () => {
    const { agent, user } = await signedIn(ctx, {
      role: 'viewer',
      email: `Kateryna.Bondar-${randomUUID().slice(0, 4)}@test.example`,
    });
    const wrong = await change(agent, 'not-my-password', NEW_PASSWORD);
    expect(wrong.status).toBe(400);
    expect(fieldError(wrong.body)).toEqual(['currentPassword:password_wrong']);
    const [{ n }] = await ctx.db.query(
      `SELECT count(*)::int AS n FROM login_attempts WHERE email = $1 AND NOT success`,
      [user.email],
    );
    expect(n).toBe(1);
    const same = await change(agent, TEST_PASSWORD, TEST_PASSWORD);
    expect(fieldError(same.body)).toEqual(['newPassword:password_unchanged']);
    for (const listed of ['qwerty123456', 'QAZWSXEDCRFV', '1q2w3e4r5t6y', user.email.split('@')[0]!.toUpperCase()]) {
      const res = await change(agent, TEST_PASSWORD, listed);
      expect(res.status).toBe(400);
      expect(fieldError(res.body)).toEqual(['newPassword:password_breached']);
    }
    // nothing changed
    expect(
      (await ctx.http().post('/api/v1/auth/login').send({ email: user.email, password: TEST_PASSWORD })).status,
    ).toBe(200);
  });

  it('throttles guesses of the current password', async () => {
    const { agent } = await signedIn(ctx, { role: 'viewer' });
    for (let i = 0; i < 5; i++) expect((await change(agent, `guess-${i}-password`, NEW_PASSWORD)).status).toBe(400);
    const held = await change(agent, TEST_PASSWORD, NEW_PASSWORD);
    expect(held.status).toBe(429);
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('a password an admin set must be changed first: the session reaches only the auth endpoints', async () => {
    const email = `new-${randomUUID().slice(0, 8)}@test.example`;
    const created = await admin.agent
      .post('/api/v1/users')
      .send({ email, displayName: 'New', role: 'logistics', locale: 'en', password: TEST_PASSWORD });
    expect(created.status).toBe(201);
    const agent = ctx.http();
    const login = await agent.post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.setupRequired).toEqual(['password']);
    const refused = await agent.get('/api/v1/systems');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'SETUP_REQUIRED', setupRequired: ['password'] });
    expect((await agent.get('/api/v1/auth/me')).status).toBe(200);
    expect((await change(agent, TEST_PASSWORD, NEW_PASSWORD)).status).toBe(204);
    expect((await agent.get('/api/v1/auth/me')).body.setupRequired).toEqual([]);
    expect((await agent.get('/api/v1/systems')).status).toBe(200);
  });

  it('an admin reset sets must-change; create and reset refuse a listed password', async () => {
    const user = await createUser(ctx.db, { role: 'viewer' });
    const reset = await admin.agent.post(`/api/v1/users/${user.id}/reset-password`).send({ password: NEW_PASSWORD });
    expect(reset.status).toBe(204);
    const [row] = await ctx.db.query(`SELECT must_change_password FROM users WHERE id = $1`, [user.id]);
    expect(row.must_change_password).toBe(true);
    const login = await ctx.http().post('/api/v1/auth/login').send({ email: user.email, password: NEW_PASSWORD });
    expect(login.body.setupRequired).toEqual(['password']);

    const listed = await admin.agent.post(`/api/v1/users/${user.id}/reset-password`).send({ password: 'Qwerty123456' });
    expect(listed.status).toBe(400);
    expect(fieldError(listed.body)).toEqual(['password:password_breached']);
    const email = `own-name-${randomUUID().slice(0, 4)}@test.example`;
    const ownName = await admin.agent
      .post('/api/v1/users')
      .send({ email, displayName: 'X', role: 'viewer', password: email.split('@')[0] });
    expect(ownName.status).toBe(400);
    expect(fieldError(ownName.body)).toEqual(['password:password_breached']);
    expect((await ctx.db.query(`SELECT 1 FROM users WHERE email = $1`, [email])).length).toBe(0);
  });
});

describe('demo accounts (integration, real PostgreSQL)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
    expect(await seedDemo(ctx.db)).toBe(true);
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('sign in with the password alone and are not asked to change it', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const res = await ctx.http().post('/api/v1/auth/login').send({ email: account.email, password: DEMO_PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ email: account.email, mfaEnrolled: false, setupRequired: [] });
    }
  });
});
