import { errorCatalog, isErrorCode, isFieldRuleCode } from '@jv/contracts';
import type TestAgent from 'supertest/lib/agent';
import { createTestApp, signedIn, type TestContext } from './support/test-app';

/**
 * Every refusal carries a code from the contracts' catalogue (with the status the catalogue gives it),
 * and every refused field a rule code with the parameters a message needs, so that the web can say it
 * in Ukrainian or English. Nothing is written when a request is refused.
 */
describe('coded errors (integration)', () => {
  let ctx: TestContext;
  let admin: TestAgent;

  beforeAll(async () => {
    ctx = await createTestApp();
    ({ agent: admin } = await signedIn(ctx, { role: 'admin' }));
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('names each refused field by rule code, with the bounds of built-in checks, and writes nothing', async () => {
    const res = await admin.post('/api/v1/units').send({ code: 'x!', name: '' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', type: '/problems/validation-failed' });
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'code', code: 'code_chars', message: '2–20 letters, digits or dashes' },
        expect.objectContaining({
          path: 'name',
          code: 'too_small',
          params: expect.objectContaining({ minimum: 1, origin: 'string' }),
        }),
      ]),
    );
    expect(await ctx.db.query(`SELECT count(*)::int AS n FROM units`)).toEqual([{ n: 0 }]);
  });

  it('says "required" for a missing field and names query and path problems in the same list', async () => {
    const missing = await admin.post('/api/v1/units').send({ name: 'First Brigade' });
    expect(missing.body.errors).toEqual([{ path: 'code', code: 'required', message: 'Required' }]);
    const bad = await admin.get('/api/v1/units/not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      expect.objectContaining({
        path: 'id',
        code: 'invalid_format',
        params: expect.objectContaining({ format: 'uuid' }),
      }),
    ]);
    const limit = await admin.get('/api/v1/units?limit=5000');
    expect(limit.body.errors).toEqual([
      expect.objectContaining({ path: 'limit', code: 'too_big', params: expect.objectContaining({ maximum: 200 }) }),
    ]);
  });

  it('answers a refusal with its code and the parameters the catalogue gives it', async () => {
    const unknown = await admin.get('/api/v1/units/00000000-0000-4000-8000-000000000000');
    expect(unknown.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    const created = await admin.post('/api/v1/units').send({ code: 'BR-1', name: 'First Brigade' });
    const stale = await admin.patch(`/api/v1/units/${created.body.id}`).send({ version: 9, name: 'Renamed' });
    expect(stale.body).toMatchObject({ status: 409, code: 'STALE_VERSION', currentVersion: 1 });
    const route = await admin.get('/api/v1/no-such-route');
    expect(route.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('keeps the catalogue consistent: every code has a status, field rules never collide with error codes', () => {
    for (const [code, entry] of Object.entries(errorCatalog)) {
      expect(isErrorCode(code)).toBe(true);
      expect(entry.status).toBeGreaterThanOrEqual(400);
      expect(isFieldRuleCode(code)).toBe(false);
      // a parameter stands beside the problem's own members: it may not share a name with one
      const members = ['type', 'title', 'status', 'code', 'detail', 'instance', 'errors', 'correlationId'];
      expect({ code, clash: Object.keys(entry.params.shape).filter((k) => members.includes(k)) }).toEqual({
        code,
        clash: [],
      });
    }
    expect(isErrorCode('SOMETHING_ELSE')).toBe(false);
  });
});
