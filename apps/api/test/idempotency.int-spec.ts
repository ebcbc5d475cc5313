import { randomUUID } from 'node:crypto';
import { createTestApp, signedIn, TEST_PASSWORD, type TestContext } from './support/test-app';

describe('idempotency keys (integration, real PostgreSQL)', () => {
  let ctx: TestContext;
  let other: TestContext;
  let admin: Awaited<ReturnType<typeof signedIn>>;

  const body = (over: Record<string, unknown> = {}) => ({
    email: `idem-${randomUUID().slice(0, 8)}@test.example`,
    displayName: 'Idempotent',
    role: 'viewer',
    locale: 'en',
    password: TEST_PASSWORD,
    ...over,
  });
  const key = () => `key-${randomUUID()}`;
  const usersWith = async (email: string): Promise<number> =>
    (await ctx.db.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [email]))[0].n;

  beforeAll(async () => {
    ctx = await createTestApp();
    // a second API process on the same database (each reset it; nothing is created before this)
    other = await createTestApp();
    admin = await signedIn(ctx, { role: 'admin' });
  });
  afterAll(async () => {
    await other.close();
    await ctx.close();
  });

  it('replays the first response for a retry with the same key and body, creating one row', async () => {
    const k = key();
    const input = body();
    const first = await admin.agent.post('/api/v1/users').set('Idempotency-Key', k).send(input);
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await admin.agent.post('/api/v1/users').set('Idempotency-Key', k).send(input);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await usersWith(input.email)).toBe(1);
    const [stored] = await ctx.db.query(
      `SELECT response_status, method, path FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
      [admin.user.id, k],
    );
    expect(stored).toEqual({ response_status: 201, method: 'POST', path: '/api/v1/users' });
  });

  it('keeps an answer echoing U+0000 from the request (jsonb cannot): the request succeeds and replays', async () => {
    const k = key();
    const csv = 'service_number,full_name,rank,unit,n\u0000ul\n';
    const first = await admin.agent
      .post('/api/v1/personnel/import?dryRun=true')
      .set('Idempotency-Key', k)
      .set('Content-Type', 'text/csv')
      .send(csv);
    expect(first.status).toBe(200);
    expect(JSON.stringify(first.body)).toContain('n\\u0000ul');
    const again = await admin.agent
      .post('/api/v1/personnel/import?dryRun=true')
      .set('Idempotency-Key', k)
      .set('Content-Type', 'text/csv')
      .send(csv);
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(JSON.stringify(again.body)).toContain('n\uFFFDul');
  });

  it('answers 422 for the same key with another body, creating nothing', async () => {
    const k = key();
    expect((await admin.agent.post('/api/v1/users').set('Idempotency-Key', k).send(body())).status).toBe(201);
    const changed = body();
    const res = await admin.agent.post('/api/v1/users').set('Idempotency-Key', k).send(changed);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await usersWith(changed.email)).toBe(0);
  });

  it('keeps keys per user: another user with the same key runs their own request', async () => {
    const k = key();
    const second = await signedIn(ctx, { role: 'admin' });
    const a = await admin.agent.post('/api/v1/users').set('Idempotency-Key', k).send(body());
    const input = body();
    const b = await second.agent.post('/api/v1/users').set('Idempotency-Key', k).send(input);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.headers['idempotent-replayed']).toBeUndefined();
    expect(b.body.id).not.toBe(a.body.id);
    expect(await usersWith(input.email)).toBe(1);
  });

  it('does not remember a failed request: fixing the body and retrying with the same key succeeds', async () => {
    const k = key();
    const input = body();
    const bad = await admin.agent
      .post('/api/v1/users')
      .set('Idempotency-Key', k)
      .send({ ...input, password: 'short' });
    expect(bad.status).toBe(400);
    expect((await ctx.db.query(`SELECT count(*)::int AS n FROM idempotency_keys WHERE key = $1`, [k]))[0].n).toBe(0);
    const fixed = await admin.agent.post('/api/v1/users').set('Idempotency-Key', k).send(input);
    expect(fixed.status).toBe(201);
    expect(fixed.headers['idempotent-replayed']).toBeUndefined();
    expect(await usersWith(input.email)).toBe(1);
  });

  it('creates exactly one row for two concurrent requests with the same key', async () => {
    const k = key();
    const input = body();
    const results = await Promise.all(
      [0, 1].map(() => admin.agent.post('/api/v1/users').set('Idempotency-Key', k).send(input)),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).toBe(201);
    expect([201, 409]).toContain(statuses[1]);
    for (const r of results) {
      if (r.status === 409) expect(r.body.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    }
    const created = results.filter((r) => r.status === 201);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    expect(await usersWith(input.email)).toBe(1);
  });

  it('honours the same key across two API processes on one database', async () => {
    const k = key();
    const input = body();
    const otherAgent = other.http();
    expect(
      (await otherAgent.post('/api/v1/auth/login').send({ email: admin.user.email, password: TEST_PASSWORD })).status,
    ).toBe(200);
    const first = await admin.agent.post('/api/v1/users').set('Idempotency-Key', k).send(input);
    const replay = await otherAgent.post('/api/v1/users').set('Idempotency-Key', k).send(input);
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.id).toBe(first.body.id);
    expect(await usersWith(input.email)).toBe(1);
  });

  it('lets the request run again once the key has expired', async () => {
    const k = key();
    const first = await admin.agent.post('/api/v1/users').set('Idempotency-Key', k).send(body());
    expect(first.status).toBe(201);
    const next = body();
    expect((await admin.agent.post('/api/v1/users').set('Idempotency-Key', k).send(next)).status).toBe(422);
    await ctx.db.query(
      `UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND key = $2`,
      [admin.user.id, k],
    );
    const res = await admin.agent.post('/api/v1/users').set('Idempotency-Key', k).send(next);
    expect(res.status).toBe(201);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
    expect(res.body.id).not.toBe(first.body.id);
    expect(await usersWith(next.email)).toBe(1);
  });

  it('answers 400 on a malformed key, creating nothing', async () => {
    for (const bad of ['short', 'has spaces in it', 'x'.repeat(201), 'ünïcödé-key']) {
      const input = body();
      const res = await admin.agent.post('/api/v1/users').set('Idempotency-Key', bad).send(input);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'Idempotency-Key' })]);
      expect(await usersWith(input.email)).toBe(0);
    }
  });

  it('replays a 204 action too (ending sessions once)', async () => {
    const k = key();
    const target = await admin.agent.post('/api/v1/users').send(body());
    const since = (await ctx.db.query(`SELECT coalesce(max(id), 0)::int AS id FROM audit_log`))[0].id;
    const a = await admin.agent.post(`/api/v1/users/${target.body.id}/revoke-sessions`).set('Idempotency-Key', k);
    const b = await admin.agent.post(`/api/v1/users/${target.body.id}/revoke-sessions`).set('Idempotency-Key', k);
    expect([a.status, b.status]).toEqual([204, 204]);
    expect(b.headers['idempotent-replayed']).toBe('true');
    const rows = await ctx.db.query(`SELECT action FROM audit_log WHERE id > $1`, [since]);
    expect(rows).toEqual([{ action: 'sessions_revoked' }]);
  });
});
