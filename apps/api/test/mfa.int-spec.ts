import { randomUUID } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import { totpCode } from '../src/modules/auth/totp';
import { auditRows, createTestApp, createUser, signedIn, TEST_PASSWORD, type TestContext } from './support/test-app';

const now = () => Math.floor(Date.now() / 1000);
/** The code of the time step `steps` away from now. */
const totp = (secret: string, steps = 0) => totpCode(secret, now() + steps * 30);

async function enrol(agent: TestAgent): Promise<{ secret: string; recoveryCodes: string[] }> {
  const setup = await agent.post('/api/v1/auth/mfa/totp/setup');
  expect(setup.status).toBe(200);
  const confirm = await agent.post('/api/v1/auth/mfa/totp/confirm').send({ code: await totp(setup.body.secret) });
  expect(confirm.status).toBe(200);
  return { secret: setup.body.secret, recoveryCodes: confirm.body.recoveryCodes };
}

const login = (agent: TestAgent, email: string, password = TEST_PASSWORD) =>
  agent.post('/api/v1/auth/login').send({ email, password });

describe('MFA: TOTP and recovery codes (integration, real PostgreSQL)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => {
    await ctx.close();
  });
  beforeEach(async () => {
    await ctx.db.query('DELETE FROM login_attempts');
  });

  it('enrols: setup answers the secret and an otpauth URL, confirm answers ten recovery codes once', async () => {
    const { agent, user } = await signedIn(ctx, { role: 'logistics' });
    const setup = await agent.post('/api/v1/auth/mfa/totp/setup');
    expect(setup.status).toBe(200);
    expect(setup.body.secret).toMatch(/^[A-Z2-7]{26,}$/);
    expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/JV%20Tracker:/);
    expect(setup.body.otpauthUrl).toContain(encodeURIComponent(user.email));
    expect(setup.body.otpauthUrl).toContain('issuer=JV%20Tracker');
    // encrypted at rest: the stored value is not the secret
    const [pending] = await ctx.db.query(`SELECT totp_pending_secret, totp_secret FROM users WHERE id = $1`, [user.id]);
    expect(pending.totp_secret).toBeNull();
    expect(pending.totp_pending_secret).toMatch(/^v1\./);
    expect(pending.totp_pending_secret).not.toContain(setup.body.secret);
    expect((await agent.get('/api/v1/auth/me')).body.mfaEnrolled).toBe(false);

    const wrong = await agent.post('/api/v1/auth/mfa/totp/confirm').send({ code: '000000' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('MFA_CODE_INVALID');
    const ok = await agent.post('/api/v1/auth/mfa/totp/confirm').send({ code: await totp(setup.body.secret) });
    expect(ok.status).toBe(200);
    expect(ok.body.recoveryCodes).toHaveLength(10);
    for (const c of ok.body.recoveryCodes) expect(c).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(new Set(ok.body.recoveryCodes).size).toBe(10);
    const [row] = await ctx.db.query(
      `SELECT totp_secret, totp_pending_secret, recovery_code_hashes FROM users WHERE id = $1`,
      [user.id],
    );
    expect(row.totp_secret).toMatch(/^v1\./);
    expect(row.totp_pending_secret).toBeNull();
    expect(row.recovery_code_hashes).toHaveLength(10);
    expect(JSON.stringify(row)).not.toContain(ok.body.recoveryCodes[0].replace(/-/g, ''));
    expect((await agent.get('/api/v1/auth/me')).body).toMatchObject({ mfaEnrolled: true, setupRequired: [] });
    expect(await auditRows(ctx.db, 'user', user.id)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'update', after: expect.objectContaining({ mfaEnrolled: true }) }),
      ]),
    );
    // confirming again without a new setup is refused
    expect((await agent.post('/api/v1/auth/mfa/totp/confirm').send({ code: '123456' })).body.code).toBe(
      'MFA_NOT_STARTED',
    );
  });

  it('signs an enrolled user in only with the second factor; a used TOTP step is not accepted again', async () => {
    const { agent: first, user } = await signedIn(ctx, { role: 'admin' });
    const { secret } = await enrol(first);

    const agent = ctx.http();
    const step1 = await login(agent, user.email);
    expect(step1.status).toBe(200);
    expect(step1.body).toEqual({ mfaRequired: true });
    const cookies = String(step1.headers['set-cookie']);
    expect(cookies).toMatch(/jv_mfa=/);
    expect(cookies).not.toMatch(/jv_session=/);
    expect(cookies).toMatch(/HttpOnly/i);
    expect((await agent.get('/api/v1/auth/me')).status).toBe(401); // no usable session yet

    // no password step on this agent
    const stranger = await ctx
      .http()
      .post('/api/v1/auth/login/mfa')
      .send({ code: await totp(secret) });
    expect(stranger.status).toBe(401);
    expect(stranger.body.code).toBe('MFA_NOT_STARTED');

    // the code that confirmed the enrolment (its time step is remembered) is a replay
    const [{ totp_last_step: used }] = await ctx.db.query(`SELECT totp_last_step FROM users WHERE id = $1`, [user.id]);
    const replay = await agent.post('/api/v1/auth/login/mfa').send({ code: await totpCode(secret, Number(used) * 30) });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('MFA_CODE_INVALID');
    const next = await agent
      .post('/api/v1/auth/login/mfa')
      .send({ code: await totpCode(secret, (Number(used) + 1) * 30) });
    expect(next.status).toBe(200);
    expect(next.body).toMatchObject({ id: user.id, mfaEnrolled: true });
    expect(String(next.headers['set-cookie'])).toMatch(/jv_session=/);
    expect((await agent.get('/api/v1/auth/me')).status).toBe(200);
    // the pending state is gone
    expect((await agent.post('/api/v1/auth/login/mfa').send({ code: await totp(secret) })).body.code).toBe(
      'MFA_NOT_STARTED',
    );
    // a code two steps away is outside the ±1 window
    const again = ctx.http();
    await login(again, user.email);
    expect((await again.post('/api/v1/auth/login/mfa').send({ code: await totp(secret, 3) })).status).toBe(401);
  });

  it('accepts each recovery code once', async () => {
    const { agent: first, user } = await signedIn(ctx, { role: 'viewer' });
    const { recoveryCodes } = await enrol(first);
    const a = ctx.http();
    await login(a, user.email);
    const ok = await a.post('/api/v1/auth/login/mfa').send({ recoveryCode: recoveryCodes[3].toUpperCase() });
    expect(ok.status).toBe(200);
    const b = ctx.http();
    await login(b, user.email);
    const reused = await b.post('/api/v1/auth/login/mfa').send({ recoveryCode: recoveryCodes[3] });
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe('MFA_CODE_INVALID');
    expect((await b.post('/api/v1/auth/login/mfa').send({ recoveryCode: recoveryCodes[4] })).status).toBe(200);
    const [row] = await ctx.db.query(`SELECT cardinality(recovery_code_hashes) AS n FROM users WHERE id = $1`, [
      user.id,
    ]);
    expect(row.n).toBe(8);
  });

  it('lets the pending state expire', async () => {
    const { agent: first, user } = await signedIn(ctx, { role: 'viewer' });
    const { recoveryCodes } = await enrol(first);
    const agent = ctx.http();
    await login(agent, user.email);
    await ctx.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE mfa_pending`);
    const res = await agent.post('/api/v1/auth/login/mfa').send({ recoveryCode: recoveryCodes[0] });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('MFA_NOT_STARTED');
  });

  it('throttles wrong codes like passwords: 429 with Retry-After, the right code included', async () => {
    const { agent: first, user } = await signedIn(ctx, { role: 'viewer' });
    const { secret } = await enrol(first);
    const agent = ctx.http();
    await login(agent, user.email);
    for (let i = 0; i < 5; i++)
      expect((await agent.post('/api/v1/auth/login/mfa').send({ code: '000000' })).status).toBe(401);
    const blocked = await agent.post('/api/v1/auth/login/mfa').send({ code: await totp(secret, 1) });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // the password step from that address waits too
    expect((await login(ctx.http(), user.email)).status).toBe(429);
    const failures = await ctx.db.query(
      `SELECT after->>'reason' AS reason FROM audit_log WHERE action = 'login_failure' AND entity_id = $1`,
      [user.id],
    );
    expect(failures).toHaveLength(5);
    expect(failures[0].reason).toBe('wrong_totp_code');
  });

  it('admin resets a second factor: factor and codes gone, sessions ended, audited', async () => {
    const admin = await signedIn(ctx, { role: 'admin' });
    const target = await signedIn(ctx, { role: 'training' });
    await enrol(target.agent);
    const viewer = await signedIn(ctx, { role: 'viewer' });
    expect((await viewer.agent.post(`/api/v1/users/${target.user.id}/mfa/reset`)).status).toBe(403);
    expect((await admin.agent.post(`/api/v1/users/${randomUUID()}/mfa/reset`)).status).toBe(404);
    const res = await admin.agent.post(`/api/v1/users/${target.user.id}/mfa/reset`);
    expect(res.status).toBe(204);
    expect((await target.agent.get('/api/v1/auth/me')).status).toBe(401);
    const [row] = await ctx.db.query(
      `SELECT totp_secret, totp_pending_secret, recovery_code_hashes FROM users WHERE id = $1`,
      [target.user.id],
    );
    expect(row).toEqual({ totp_secret: null, totp_pending_secret: null, recovery_code_hashes: [] });
    const audit = await auditRows(ctx.db, 'user', target.user.id);
    expect(audit[audit.length - 1]).toMatchObject({
      action: 'update',
      actor_id: admin.user.id,
      before: { mfaEnrolled: true },
      after: expect.objectContaining({ mfaEnrolled: false, mfaReset: true }),
    });
    // the password alone signs in again
    const back = await login(ctx.http(), target.user.email);
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ id: target.user.id, mfaEnrolled: false });
  });
});

describe('MFA_REQUIRED_ROLES (integration, real PostgreSQL)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp({ MFA_REQUIRED_ROLES: 'admin,logistics' });
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('restricts an admin without a second factor to the set-up until enrolled', async () => {
    const { agent, user } = await signedIn(ctx, { role: 'admin' });
    const me = await agent.get('/api/v1/auth/me');
    expect(me.body).toMatchObject({ id: user.id, mfaEnrolled: false, setupRequired: ['mfa'] });
    const refused = await agent.get('/api/v1/users');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'SETUP_REQUIRED', setupRequired: ['mfa'] });
    expect((await agent.get('/api/v1/audit-log')).status).toBe(403);
    expect((await agent.patch('/api/v1/auth/me/preferences').send({ locale: 'uk' })).status).toBe(200);
    await enrol(agent);
    expect((await agent.get('/api/v1/auth/me')).body.setupRequired).toEqual([]);
    expect((await agent.get('/api/v1/users')).status).toBe(200);
  });

  it('leaves other roles alone', async () => {
    const { agent } = await signedIn(ctx, { role: 'viewer' });
    expect((await agent.get('/api/v1/auth/me')).body.setupRequired).toEqual([]);
    expect((await agent.get('/api/v1/systems')).status).toBe(200);
  });

  it('an enrolled admin signs in with the second factor and is not restricted', async () => {
    const user = await createUser(ctx.db, { role: 'logistics' });
    const first = ctx.http();
    expect((await login(first, user.email)).body.setupRequired).toEqual(['mfa']);
    const { secret } = await enrol(first);
    const agent = ctx.http();
    expect((await login(agent, user.email)).body).toEqual({ mfaRequired: true });
    const done = await agent.post('/api/v1/auth/login/mfa').send({ code: await totp(secret, 1) });
    expect(done.body).toMatchObject({ mfaEnrolled: true, setupRequired: [] });
    expect((await agent.get('/api/v1/systems')).status).toBe(200);
  });
});
