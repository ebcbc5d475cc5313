import { createTestApp, createUser, TEST_PASSWORD, type TestContext } from './support/test-app';

/** Throttling without lock-out: failures slow down the failing address, never the account for everyone. */
describe('login throttling (integration, real PostgreSQL)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    // a proxy sets X-Forwarded-For, so each test can speak from several client addresses
    ctx = await createTestApp({ TRUST_PROXY: '1' });
  });
  afterAll(async () => {
    await ctx.close();
  });
  beforeEach(async () => {
    await ctx.db.query('DELETE FROM login_attempts');
  });

  const login = (ip: string, email: string, password: string) =>
    ctx.http().post('/api/v1/auth/login').set('X-Forwarded-For', ip).send({ email, password });
  /** Moves every counted attempt into the past, as if that much time had gone by. */
  const age = (seconds: number) =>
    ctx.db.query(`UPDATE login_attempts SET at = at - $1 * interval '1 second'`, [seconds]);

  it('holds back the attacking address while the real user signs in from another address', async () => {
    const user = await createUser(ctx.db, { role: 'admin' });
    const attacker = '203.0.113.66';
    for (let i = 0; i < 5; i++) expect((await login(attacker, user.email, `guess-number-${i}-x`)).status).toBe(401);
    const held = await login(attacker, user.email, 'guess-number-5-x');
    expect(held.status).toBe(429);
    expect(held.body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
    // the problem details carry the same wait, so the login page can say how long
    expect(held.body.retryAfterSeconds).toBe(Number(held.headers['retry-after']));
    // even the right password waits from the attacking address …
    expect((await login(attacker, user.email, TEST_PASSWORD)).status).toBe(429);
    // … but not from the real user's address: no lock-out
    const real = await login('198.51.100.7', user.email, TEST_PASSWORD);
    expect(real.status).toBe(200);
    expect(real.body.id).toBe(user.id);
    // a wrong password from a third address is a plain 401
    expect((await login('198.51.100.8', user.email, 'not-the-password')).status).toBe(401);
  });

  it('grows the delay with each further failure (Retry-After doubles), capped at 15 minutes', async () => {
    const user = await createUser(ctx.db, { role: 'viewer' });
    const ip = '203.0.113.70';
    for (let i = 0; i < 5; i++) await login(ip, user.email, 'wrong-password-x');
    const retries: number[] = [];
    for (let round = 0; round < 3; round++) {
      const res = await login(ip, user.email, 'wrong-password-x');
      expect(res.status).toBe(429);
      retries.push(Number(res.headers['retry-after']));
      await age(retries[round] + 1); // the delay has passed: the next failure is counted
      expect((await login(ip, user.email, 'wrong-password-x')).status).toBe(401);
    }
    expect(retries[1]).toBeGreaterThan(retries[0]);
    expect(retries[2]).toBeGreaterThan(retries[1]);
    expect(retries[0]).toBeLessThanOrEqual(4);
    expect(retries[2]).toBeLessThanOrEqual(16);
    // many failures later the delay stops at 15 minutes
    await ctx.db.query(
      `INSERT INTO login_attempts (email, ip, success) SELECT $1, $2, false FROM generate_series(1, 40)`,
      [user.email, ip],
    );
    const capped = await login(ip, user.email, TEST_PASSWORD);
    expect(capped.status).toBe(429);
    expect(Number(capped.headers['retry-after'])).toBe(900);
    expect(capped.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 900 });
  });

  it('a success from an address clears that address’s count for the account', async () => {
    const user = await createUser(ctx.db, { role: 'viewer' });
    const ip = '203.0.113.71';
    for (let i = 0; i < 4; i++) await login(ip, user.email, 'wrong-password-x');
    expect((await login(ip, user.email, TEST_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(ip, user.email, 'wrong-password-x')).status).toBe(401);
  });

  it('refuses an address that sprays many accounts, the right password of another account included', async () => {
    const victims = await Promise.all(
      Array.from({ length: 10 }, (_, i) => createUser(ctx.db, { role: 'viewer', email: `sprayed-${i}@test.example` })),
    );
    const target = await createUser(ctx.db, { role: 'viewer' });
    const sprayer = '203.0.113.99';
    for (const v of victims) expect((await login(sprayer, v.email, 'Summer2026-password')).status).toBe(401);
    const refused = await login(sprayer, target.email, TEST_PASSWORD);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(60);
    expect((await login(sprayer, 'nobody@test.example', 'whatever-password')).status).toBe(429);
    // the sprayed accounts still sign in from their own addresses
    expect((await login('198.51.100.20', victims[0].email, TEST_PASSWORD)).status).toBe(200);
    expect((await login('198.51.100.21', target.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('holds one account’s guesses across API processes on the same database', async () => {
    const other = await createTestApp({ TRUST_PROXY: '1' });
    try {
      const user = await createUser(ctx.db, { role: 'viewer' });
      const ip = '203.0.113.80';
      for (let i = 0; i < 5; i++) {
        const app = i % 2 === 0 ? ctx : other;
        await app
          .http()
          .post('/api/v1/auth/login')
          .set('X-Forwarded-For', ip)
          .send({ email: user.email, password: 'wrong-password-x' });
      }
      const res = await other
        .http()
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', ip)
        .send({ email: user.email, password: TEST_PASSWORD });
      expect(res.status).toBe(429);
    } finally {
      await other.close();
    }
  });
});
