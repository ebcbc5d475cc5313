import jsQR from 'jsqr';
import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { QUIET_ZONE } from '../src/modules/systems/system-label';
import { insertSystems, insertSystemsFixtures, type SystemsFixtures } from './support/systems-fixtures';
import { createTestApp, signedIn, type TestContext } from './support/test-app';

const PUBLIC_ORIGIN = 'https://jv.example.org';
const MISSING = '5b0e9c4e-2f4a-4d6e-9a51-0f2a3c4b5d6e';
const MODEL = 'Gun <M&K> "155"';
const PIXELS_PER_MODULE = 8;

/** The SVG as text: supertest buffers only text/* and JSON by itself. */
function asText(res: Response, done: (err: Error | null, body: string) => void) {
  let body = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (body += chunk));
  res.on('end', () => done(null, body));
}

/**
 * Draws the label's QR path (module units, one `M x y h w v1 h-w z` per dark run) into an RGBA bitmap, eight
 * pixels a module inside a light quiet zone, and reads it with jsQR: what a phone would read off the print.
 */
function decodeLabel(svg: string): string | null {
  const d = /<path [^>]*d="([^"]+)"/.exec(svg)?.[1] ?? '';
  const runs = [...d.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)].map((m) => m.slice(1, 5).map(Number));
  if (runs.length === 0 || runs.some(([, , w, back]) => w !== back)) return null;
  // the finder patterns reach the right and bottom edges, so the runs span the whole symbol
  const size = Math.max(...runs.map(([x, , w]) => x + w));
  const side = (size + 2 * QUIET_ZONE) * PIXELS_PER_MODULE;
  const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const [x0, y, w] of runs)
    for (let x = x0; x < x0 + w; x++)
      for (let py = 0; py < PIXELS_PER_MODULE; py++)
        for (let px = 0; px < PIXELS_PER_MODULE; px++) {
          const row = (y + QUIET_ZONE) * PIXELS_PER_MODULE + py;
          const col = (x + QUIET_ZONE) * PIXELS_PER_MODULE + px;
          rgba.fill(0, (row * side + col) * 4, (row * side + col) * 4 + 3);
        }
  return jsQR(rgba, side, side)?.data ?? null;
}

describe('system labels: GET /api/v1/systems/{id}/label.svg (integration)', () => {
  let ctx: TestContext;
  let fx: SystemsFixtures;
  let admin: TestAgent;
  let systemId: string;

  const label = (agent: TestAgent, id: string) =>
    agent.get(`/api/v1/systems/${id}/label.svg`).buffer(true).parse(asText);

  beforeAll(async () => {
    // a path on PUBLIC_URL is dropped: the labels point at the app's origin
    ctx = await createTestApp({ PUBLIC_URL: `${PUBLIC_ORIGIN}/ignored/path` });
    fx = await insertSystemsFixtures(ctx.db);
    const [model] = await ctx.db.query(
      `INSERT INTO system_models (designation, kind, caliber_mm, origin_partner_id, barrel_life_efc)
       VALUES ($1, 'towed_howitzer', 155, $2, 2500) RETURNING id`,
      [MODEL, fx.partners.FR],
    );
    [systemId] = await insertSystems(ctx.db, [
      { modelId: model.id, serial: 'QR-0001/A', donorPartnerId: fx.partners.FR, facilityId: fx.facilities.WS1 },
    ]);
    admin = (await signedIn(ctx, { role: 'admin' })).agent;
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('answers an SVG, privately cached, whose QR code decodes to the system page at PUBLIC_URL', async () => {
    // a forged Host header must not steer where the label points
    const res = await label(admin, systemId).set('Host', 'attacker.example');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.headers['cache-control']).toMatch(/^private\b/);
    const svg = res.body as string;
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<path /g)).toHaveLength(1);
    expect(decodeLabel(svg)).toBe(`${PUBLIC_ORIGIN}/systems/${systemId}`);
    expect(svg).not.toContain('attacker.example');
  });

  it('prints serial, model and donor as text, escaped', async () => {
    const svg = (await label(admin, systemId)).body as string;
    expect(svg).toContain('>QR-0001/A</text>');
    expect(svg).toContain('>Gun &lt;M&amp;K&gt; &quot;155&quot;</text>');
    expect(svg).toContain('>FR</text>');
    expect(svg).not.toContain(MODEL);
  });

  it("answers 404 to a partner for another country's system and for an unknown id; its own it reads", async () => {
    const partnerLV = (await signedIn(ctx, { role: 'partner', partnerId: fx.partners.LV })).agent;
    const foreign = await label(partnerLV, systemId);
    expect(foreign.status).toBe(404);
    expect(foreign.body).not.toContain('QR-0001');
    expect((await label(admin, MISSING)).status).toBe(404);
    const partnerFR = (await signedIn(ctx, { role: 'partner', partnerId: fx.partners.FR })).agent;
    expect(decodeLabel((await label(partnerFR, systemId)).body)).toBe(`${PUBLIC_ORIGIN}/systems/${systemId}`);
  });

  it('answers 400 naming the field for a malformed id, and 401 without a session', async () => {
    const res = await admin.get('/api/v1/systems/not-a-uuid/label.svg');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['id']);
    expect((await ctx.http().get(`/api/v1/systems/${systemId}/label.svg`)).status).toBe(401);
  });
});
