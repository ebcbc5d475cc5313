import { allEndpoints } from '@jv/contracts';
import { createTestApp, signedIn, type TestContext } from './support/test-app';

describe('platform (integration)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('answers health and readiness', async () => {
    expect((await ctx.http().get('/api/health')).body).toEqual({ status: 'ok' });
    expect((await ctx.http().get('/api/health/ready')).body).toMatchObject({ database: 'up' });
  });

  it('serves the OpenAPI document generated from the contracts', async () => {
    const res = await ctx.http().get('/api/docs.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/v1/auth/login', '/v1/audit-log']));
    const page = await ctx.http().get('/api/docs');
    expect(page.text).toContain('swagger-ui');
  });

  it('serves exactly the endpoint table, and the OpenAPI document lists exactly the served routes', async () => {
    const express = ctx.app.getHttpAdapter().getInstance() as {
      router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> };
    };
    const served = express.router.stack
      .filter(
        (layer) => layer.route && layer.route.path.startsWith('/api/') && !layer.route.path.startsWith('/api/docs'),
      )
      .flatMap((layer) =>
        Object.keys(layer.route!.methods).map(
          (m) => `${m} ${layer.route!.path.slice('/api'.length).replace(/:(\w+)/g, '{$1}')}`,
        ),
      )
      .sort();
    const table = allEndpoints.map(({ def }) => `${def.method.toLowerCase()} ${def.path}`).sort();
    const doc = (await ctx.http().get('/api/docs.json')).body as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`))
      .sort();
    expect(served.length).toBeGreaterThan(60);
    expect(served).toEqual(table);
    expect(documented).toEqual(served);
  });

  it('documents each endpoint with its permission and the error codes it may answer', async () => {
    const doc = (await ctx.http().get('/api/docs.json')).body as {
      paths: Record<
        string,
        Record<string, { description: string; responses: Record<string, { description: string }> }>
      >;
    };
    const transition = doc.paths['/v1/repair-jobs/{id}/transitions']!['post']!;
    expect(transition.description).toContain('Roles: admin, workshop');
    expect(transition.responses['200']).toHaveProperty(['content', 'application/json']);
    expect(transition.responses['409']!.description).toMatch(/INVALID_TRANSITION/);
    expect(transition.responses['409']!.description).toMatch(/FOUR_EYES/);
    expect(transition.responses['404']!.description).toMatch(/NOT_FOUND/);
    expect(doc.paths['/v1/systems/export.csv']!['get']!.responses['200']).toHaveProperty('content.text/csv');
  });

  it('sets security headers and a request id', async () => {
    const res = await ctx.http().get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-request-id']).toMatch(/.+/);
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('refuses a cross-site state-changing request (CSRF)', async () => {
    const res = await ctx
      .http()
      .post('/api/v1/auth/login')
      .set('Sec-Fetch-Site', 'cross-site')
      .set('Origin', 'https://evil.example')
      .send({ email: 'a@b.example', password: 'x' });
    expect(res.status).toBe(403);
  });

  it('answers CORS preflights from unknown origins without allowing them', async () => {
    const res = await ctx
      .http()
      .options('/api/v1/auth/me')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'GET');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers malformed JSON with 400 problem details and an oversized body with 413', async () => {
    const bad = await ctx.http().post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"email":');
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    const big = await ctx
      .http()
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'a@b.example', password: 'x'.repeat(2 * 1024 * 1024) }));
    expect(big.status).toBe(413);
  });

  it('answers an unknown API route with 404 problem details', async () => {
    const { agent } = await signedIn(ctx, { role: 'admin' });
    const res = await agent.get('/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body.status).toBe(404);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the audit log in the database itself', async () => {
    await ctx.db.query(`INSERT INTO audit_log (action, entity_type) VALUES ('create', 'probe')`);
    await expect(ctx.db.query(`UPDATE audit_log SET entity_type = 'x'`)).rejects.toThrow(/append-only/);
    await expect(ctx.db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(ctx.db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    const [{ n }] = await ctx.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'probe'`);
    expect(n).toBe(1);
  });
});
