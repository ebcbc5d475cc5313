import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import request from 'supertest';
import { createTestApp, createUser, signedIn, type TestContext } from './support/test-app';

/**
 * The built web app as the API serves it (bootstrap.ts): the build's precompressed files by what the browser
 * accepts, long caching for hashed assets only, never a source map. A small web dir of the test's own stands in
 * for `dist/web`.
 */
const JS = `export const answer = ${JSON.stringify('x'.repeat(4000))};\n`;
const BR = brotliCompressSync(JS);
const GZ = gzipSync(JS);
// the start-up script runs inline (apps/web/build/early-start.mts)
const START = '(function(){window.__jvEarly={};})();';
const INDEX =
  `<!doctype html><script>${START}</script><title>JV Tracker</title>` +
  '<script type="module" src="/assets/index-abc123.js"></script>';
const SW = 'self.addEventListener("fetch", () => undefined);';
const MANIFEST = '{"name":"JV Tracker","start_url":"/","display":"standalone"}';

describe('web delivery', () => {
  let dist: string;
  let ctx: TestContext;
  const get = (url: string, acceptEncoding?: string) => {
    const req = request(ctx.app.getHttpServer()).get(url);
    if (acceptEncoding !== undefined) req.set('Accept-Encoding', acceptEncoding);
    // supertest decodes br and gzip itself: the body is the decoded text, Content-Length the size sent
    return req.buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
  };

  beforeAll(async () => {
    dist = mkdtempSync(path.join(tmpdir(), 'jv-web-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), INDEX);
    const js = path.join(dist, 'assets', 'index-abc123.js');
    writeFileSync(js, JS);
    writeFileSync(`${js}.br`, BR);
    writeFileSync(`${js}.gz`, GZ);
    writeFileSync(`${js}.map`, '{"version":3,"sources":["secret.ts"]}');
    // a small file the build leaves uncompressed
    writeFileSync(path.join(dist, 'assets', 'tiny-def456.css'), 'body{margin:0}');
    // the installable app's files (vite-plugin-pwa): same names in every release, the Workbox runtime precompressed
    writeFileSync(path.join(dist, 'sw.js'), SW);
    writeFileSync(path.join(dist, 'registerSW.js'), SW);
    writeFileSync(path.join(dist, 'workbox-9c191d2f.js'), JS);
    writeFileSync(path.join(dist, 'workbox-9c191d2f.js.br'), BR);
    writeFileSync(path.join(dist, 'workbox-9c191d2f.js.gz'), GZ);
    writeFileSync(path.join(dist, 'manifest.webmanifest'), MANIFEST);
    ctx = await createTestApp({ WEB_DIST: dist });
  });

  afterAll(async () => {
    await ctx?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('sends brotli when the browser accepts it, whatever the order it lists the encodings in', async () => {
    const res = await get('/assets/index-abc123.js', 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(Number(res.headers['content-length'])).toBe(BR.length);
    expect((res.body as Buffer).toString()).toBe(JS);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('sends gzip to a browser without brotli, and to one that prefers gzip by its q-values', async () => {
    for (const accept of ['gzip, deflate', 'br;q=0.5, gzip']) {
      const res = await get('/assets/index-abc123.js', accept);
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(res.headers['vary']).toMatch(/accept-encoding/i);
      expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(Number(res.headers['content-length'])).toBe(GZ.length);
      expect((res.body as Buffer).toString()).toBe(JS);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  it('sends the file itself when no compression is accepted', async () => {
    for (const accept of ['identity', '', 'br;q=0, gzip;q=0']) {
      const res = await get('/assets/index-abc123.js', accept);
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers['vary']).toMatch(/accept-encoding/i);
      expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(JS));
      expect((res.body as Buffer).toString()).toBe(JS);
    }
  });

  it('sends a file the build did not compress as it is, with its own type', async () => {
    const res = await get('/assets/tiny-def456.css', 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['content-type']).toBe('text/css; charset=utf-8');
    expect((res.body as Buffer).toString()).toBe('body{margin:0}');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('has index.html checked again on every visit, by its name and as the fallback of every app URL', async () => {
    for (const url of ['/index.html', '/', '/systems', '/repair-jobs/2f1c6a52-0000-4000-8000-000000000000']) {
      const res = await get(url, 'gzip, deflate, br');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect((res.body as Buffer).toString()).toBe(INDEX);
    }
  });

  it('has the service worker, its Workbox runtime and the manifest checked again on every visit', async () => {
    for (const [url, type, body] of [
      ['/sw.js', 'text/javascript; charset=utf-8', SW],
      ['/registerSW.js', 'text/javascript; charset=utf-8', SW],
      ['/manifest.webmanifest', 'application/manifest+json; charset=utf-8', MANIFEST],
    ]) {
      const res = await get(url, 'gzip, deflate, br');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(type);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect((res.body as Buffer).toString()).toBe(body);
    }
    // the Workbox runtime is named by its content but not under assets/: sent precompressed, still not cached long
    for (const [accept, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['identity', undefined],
    ] as const) {
      const res = await get('/workbox-9c191d2f.js', accept);
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect((res.body as Buffer).toString()).toBe(JS);
    }
  });

  it("allows index.html's inline start-up script by its hash, and no other inline script", async () => {
    const hash = createHash('sha256').update(START).digest('base64');
    for (const url of ['/', '/systems', '/api/health']) {
      const csp = (await get(url)).headers['content-security-policy'] as string;
      const scriptSrc = csp.split(';').find((d) => d.startsWith('script-src '));
      expect(scriptSrc).toBe(`script-src 'self' 'sha256-${hash}'`);
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/script-src-attr 'none'/);
    }
  });

  it('answers 404 for a file the build does not have, instead of the app page', async () => {
    for (const url of ['/favicon.ico', '/assets/index-old123.js', '/assets/gone.css']) {
      const res = await get(url, 'gzip, deflate, br');
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect((res.body as Buffer).toString()).not.toContain(INDEX);
    }
  });

  it('leaves an API path to the API even when it is named like a worker file', async () => {
    const api = await get('/api/v1/sw.js', 'gzip, deflate, br');
    expect(api.status).toBe(404);
    expect(api.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('never serves a source map, whatever encoding is accepted', async () => {
    for (const accept of ['gzip, deflate, br', 'identity']) {
      const map = await get('/assets/index-abc123.js.map', accept);
      expect(map.status).toBe(404);
      expect((map.body as Buffer).toString()).not.toContain('secret');
    }
  });

  describe('API answers', () => {
    let agent: Awaited<ReturnType<typeof signedIn>>['agent'];
    const list = (acceptEncoding: string) =>
      agent
        .get('/api/v1/users?limit=200')
        .set('Accept-Encoding', acceptEncoding)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });

    beforeAll(async () => {
      ({ agent } = await signedIn(ctx, { role: 'admin' }));
      // a list well over the 1 KB below which answers go out as they are
      for (let i = 0; i < 12; i++) await createUser(ctx.db, { role: 'viewer' });
    });

    it('compresses a JSON list with brotli or gzip, as the browser accepts', async () => {
      const plain = await list('identity');
      const size = (plain.body as Buffer).length;
      expect(size).toBeGreaterThan(1024);
      expect(JSON.parse((plain.body as Buffer).toString()).items.length).toBeGreaterThanOrEqual(13);
      for (const [accept, encoding] of [
        ['gzip, deflate, br, zstd', 'br'],
        ['gzip, deflate', 'gzip'],
      ] as const) {
        const res = await list(accept);
        expect(res.status).toBe(200);
        expect(res.headers['content-encoding']).toBe(encoding);
        expect(res.headers['vary']).toMatch(/accept-encoding/i);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        // supertest has decoded it: the same list, sent in fewer bytes
        expect((res.body as Buffer).equals(plain.body as Buffer)).toBe(true);
      }
    });

    it('sends the JSON as it is when no compression is accepted', async () => {
      for (const accept of ['identity', '']) {
        const res = await list(accept);
        expect(res.status).toBe(200);
        expect(res.headers['content-encoding']).toBeUndefined();
        expect(res.headers['vary']).toMatch(/accept-encoding/i);
        expect(JSON.parse((res.body as Buffer).toString()).items.length).toBeGreaterThanOrEqual(13);
      }
    });

    it('leaves an answer under 1 KB uncompressed', async () => {
      const res = await agent.get('/api/v1/auth/me').set('Accept-Encoding', 'gzip, deflate, br');
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(Number(res.headers['content-length'])).toBeLessThan(1024);
      expect(res.body.role).toBe('admin');
    });
  });

  it('leaves the API alone', async () => {
    const res = await get('/api/v1/nothing-here', 'gzip, deflate, br');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
