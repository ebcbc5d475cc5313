import {
  componentResponseSchema,
  facilityResponseSchema,
  jointVentureResponseSchema,
  partnerResponseSchema,
  systemModelResponseSchema,
  unitResponseSchema,
} from '@jv/contracts';
import { ALL_ROLES, can, type Role } from '@jv/domain';
import type TestAgent from 'supertest/lib/agent';
import type { z } from 'zod';
import { auditRows, createTestApp, signedIn, type TestContext } from './support/test-app';

/*
 * Every reference-data resource goes through the same walk: create, read, list with search and
 * keyset pages, update with optimistic locking, refusals that write nothing, and the permission table.
 * Resource-specific rules (references, child collections, facility capacity) follow below.
 */

type Body = Record<string, unknown>;

interface Fixtures {
  partnerA: string;
  partnerB: string;
  host: string;
  jv: string;
  modelA: string;
  modelB: string;
}

interface ResourceSpec {
  name: string;
  path: string;
  entityType: string;
  table: string;
  /** the natural sort key: response field and column */
  key: string;
  keyColumn: string;
  /** the column `q` is checked against in the expected order (the tag is put there) */
  tagColumn: string;
  schema: z.ZodType;
  /** a valid create body, unique by `n`, carrying `tag` in its searchable text */
  valid: (n: number, tag: string) => Body;
  /** a change to a created record (without version) */
  patch: (n: number) => Body;
  /** a body with bad fields and the paths the 400 must name */
  invalid: () => { body: Body; paths: string[] };
}

let seq = 0;
const next = () => ++seq;
/** Two distinct letters per number (AA, AB, …), never Q… (those are the fixtures' codes). */
const letters = (n: number) => String.fromCharCode(65 + (Math.floor(n / 26) % 16)) + String.fromCharCode(65 + (n % 26));
const pad = (n: number) => String(n).padStart(4, '0');

let fx: Fixtures;

const specs: ResourceSpec[] = [
  {
    name: 'partners',
    path: '/api/v1/partners',
    entityType: 'partner',
    table: 'partners',
    key: 'code',
    keyColumn: 'code',
    tagColumn: 'name',
    schema: partnerResponseSchema,
    valid: (n, tag) => ({ code: letters(n).toLowerCase(), name: `Partner ${tag} ${pad(n)}`, role: 'member' }),
    patch: (n) => ({ name: `Renamed partner ${n}`, role: 'co_lead' }),
    invalid: () => ({ body: { code: 'X1', name: '  ', role: 'boss' }, paths: ['code', 'name', 'role'] }),
  },
  {
    name: 'joint ventures',
    path: '/api/v1/joint-ventures',
    entityType: 'joint_venture',
    table: 'joint_ventures',
    key: 'name',
    keyColumn: 'name',
    tagColumn: 'name',
    schema: jointVentureResponseSchema,
    valid: (n, tag) => ({
      name: `JV ${tag} ${pad(n)}`,
      ukrainianCompany: `Ukr Co ${n} LLC`,
      scopes: ['maintenance', 'repair'],
      establishedOn: '2024-05-17',
      partners: [{ partnerId: fx.partnerA, companyName: `Foreign Co ${n}` }],
    }),
    patch: (n) => ({ ukrainianCompany: `Renamed Ukr Co ${n}`, scopes: ['repair'], establishedOn: '2024-06-01' }),
    invalid: () => ({
      body: { name: '', ukrainianCompany: 'x', partners: [], scopes: ['fishing'], establishedOn: '2024-13-01' },
      paths: ['establishedOn', 'name', 'partners', 'scopes.0'],
    }),
  },
  {
    name: 'facilities',
    path: '/api/v1/facilities',
    entityType: 'facility',
    table: 'facilities',
    key: 'code',
    keyColumn: 'code',
    tagColumn: 'name',
    schema: facilityResponseSchema,
    valid: (n, tag) => ({
      code: `f-${pad(n)}`,
      name: `Facility ${tag} ${pad(n)}`,
      kind: 'repair_workshop',
      oblast: 'lvivska',
      jointVentureId: fx.jv,
      repairBays: 4,
      trainingSeats: 0,
    }),
    patch: (n) => ({ name: `Renamed facility ${n}`, repairBays: 9, oblast: 'kyiv' }),
    invalid: () => ({
      body: {
        code: 'a',
        name: 'x',
        kind: 'castle',
        oblast: 'atlantis',
        jointVentureId: 'nope',
        repairBays: -1,
        trainingSeats: 1.5,
      },
      paths: ['code', 'jointVentureId', 'kind', 'oblast', 'repairBays', 'trainingSeats'],
    }),
  },
  {
    name: 'system models',
    path: '/api/v1/system-models',
    entityType: 'system_model',
    table: 'system_models',
    key: 'designation',
    keyColumn: 'designation',
    tagColumn: 'designation',
    schema: systemModelResponseSchema,
    valid: (n, tag) => ({
      designation: `SM ${tag} ${pad(n)} towed howitzer`,
      kind: 'towed_howitzer',
      caliberMm: 155,
      originPartnerId: fx.partnerA,
      barrelLifeEfc: 2500,
    }),
    patch: () => ({ barrelLifeEfc: 3100, kind: 'self_propelled_howitzer' }),
    invalid: () => ({
      body: { designation: '', kind: 'catapult', caliberMm: 20, originPartnerId: 'x', barrelLifeEfc: 0 },
      paths: ['barrelLifeEfc', 'caliberMm', 'designation', 'kind', 'originPartnerId'],
    }),
  },
  {
    name: 'components',
    path: '/api/v1/components',
    entityType: 'component',
    table: 'components',
    key: 'partNumber',
    keyColumn: 'part_number',
    tagColumn: 'name',
    schema: componentResponseSchema,
    valid: (n, tag) => ({
      partNumber: `c-${pad(n)}`,
      name: `Component ${tag} ${pad(n)}`,
      category: 'breech',
      unitOfIssue: 'ea',
      compatibleModelIds: [fx.modelA],
    }),
    patch: (n) => ({ name: `Renamed component ${n}`, unitOfIssue: 'kit' }),
    invalid: () => ({
      body: { partNumber: '-x', name: 'x', category: 'nope', unitOfIssue: '', compatibleModelIds: ['bad'] },
      paths: ['category', 'compatibleModelIds.0', 'partNumber', 'unitOfIssue'],
    }),
  },
  {
    name: 'units',
    path: '/api/v1/units',
    entityType: 'unit',
    table: 'units',
    key: 'code',
    keyColumn: 'code',
    tagColumn: 'name',
    schema: unitResponseSchema,
    valid: (n, tag) => ({ code: `u-${pad(n)}`, name: `Unit ${tag} ${pad(n)}` }),
    patch: (n) => ({ name: `Renamed unit ${n}` }),
    invalid: () => ({ body: { code: '!', name: '' }, paths: ['code', 'name'] }),
  },
];

describe('reference data (integration, real PostgreSQL)', () => {
  let ctx: TestContext;
  let admin: TestAgent;
  const agents = new Map<Role, TestAgent>();

  const count = async (table: string): Promise<number> =>
    (await ctx.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  const auditCount = async (): Promise<number> => count('audit_log');
  const create = async (spec: ResourceSpec, tag = 'x'): Promise<Body> => {
    const res = await admin.post(spec.path).send(spec.valid(next(), tag));
    if (res.status !== 201) throw new Error(`create ${spec.name}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const post = async (path: string, body: Body): Promise<Body> => {
    const res = await admin.post(path).send(body);
    if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const paths = (body: { errors?: Array<{ path: string }> }) =>
    [...new Set((body.errors ?? []).map((e) => e.path))].sort();

  beforeAll(async () => {
    ctx = await createTestApp();
    for (const role of ALL_ROLES) agents.set(role, (await signedIn(ctx, { role })).agent);
    admin = agents.get('admin') as TestAgent;
    const partnerA = await post('/api/v1/partners', { code: 'QA', name: 'Fixture partner A', role: 'co_lead' });
    const partnerB = await post('/api/v1/partners', { code: 'QB', name: 'Fixture partner B', role: 'member' });
    const host = await post('/api/v1/partners', { code: 'QU', name: 'Fixture host', role: 'host' });
    const jv = await post('/api/v1/joint-ventures', {
      name: 'Fixture JV',
      ukrainianCompany: 'Fixture UA LLC',
      scopes: ['repair'],
      establishedOn: '2024-01-02',
      partners: [{ partnerId: partnerA['id'], companyName: 'Fixture A GmbH' }],
    });
    const modelA = await post('/api/v1/system-models', {
      designation: 'Fixture model A',
      kind: 'mlrs',
      caliberMm: 122,
      originPartnerId: partnerA['id'],
      barrelLifeEfc: 4000,
    });
    const modelB = await post('/api/v1/system-models', {
      designation: 'Fixture model B',
      kind: 'mortar',
      caliberMm: 120,
      originPartnerId: partnerB['id'],
      barrelLifeEfc: 8000,
    });
    fx = {
      partnerA: partnerA['id'] as string,
      partnerB: partnerB['id'] as string,
      host: host['id'] as string,
      jv: jv['id'] as string,
      modelA: modelA['id'] as string,
      modelB: modelB['id'] as string,
    };
  });
  afterAll(async () => {
    await ctx.close();
  });

  describe.each(specs)('$name', (spec) => {
    it('creates (201) a record shaped exactly like the contract, with an audit row holding it', async () => {
      const before = await auditCount();
      const res = await admin.post(spec.path).send(spec.valid(next(), 'create'));
      expect(res.status).toBe(201);
      expect(spec.schema.parse(res.body)).toEqual(res.body);
      expect(res.body.version).toBe(1);
      expect(await auditCount()).toBe(before + 1);
      const rows = await auditRows(ctx.db, spec.entityType, res.body.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ action: 'create', after: res.body, before: null });
    });

    it('reads one record by id; 404 for a missing id and 400 for a malformed one', async () => {
      const created = await create(spec);
      const got = await agents.get('viewer')!.get(`${spec.path}/${created['id']}`);
      expect(got.status).toBe(200);
      expect(got.body).toEqual(created);
      const missing = await admin.get(`${spec.path}/5b0e9c4e-2f4a-4d6e-9a51-0f2a3c4b5d6e`);
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
      const bad = await admin.get(`${spec.path}/not-a-uuid`);
      expect(bad.status).toBe(400);
      expect(paths(bad.body)).toEqual(['id']);
      expect((await admin.patch(`${spec.path}/not-a-uuid`).send({ version: 1 })).status).toBe(400);
      expect((await admin.patch(`${spec.path}/5b0e9c4e-2f4a-4d6e-9a51-0f2a3c4b5d6e`).send({ version: 1 })).status).toBe(
        404,
      );
    });

    it('lists matches of q in keyset pages: every match once, in natural-key order, nothing else', async () => {
      const tag = `pg${next()}q`;
      for (let i = 0; i < 7; i++) await create(spec, tag);
      await create(spec, 'other'); // not a match
      const seen: Body[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await agents
          .get('partner')!
          .get(spec.path)
          .query({ q: tag.toUpperCase(), limit: 3, ...(cursor ? { cursor } : {}) });
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(3);
        for (const item of res.body.items) expect(spec.schema.parse(item)).toEqual(item);
        seen.push(...res.body.items);
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      const expected: Array<{ id: string }> = await ctx.db.query(
        `SELECT id FROM ${spec.table} WHERE ${spec.tagColumn} ILIKE $1 ORDER BY ${spec.keyColumn}, id`,
        [`%${tag}%`],
      );
      expect(expected).toHaveLength(7);
      expect(seen.map((s) => s['id'])).toEqual(expected.map((e) => e.id));
      expect(new Set(seen.map((s) => s['id'])).size).toBe(7);
    });

    it('refuses a forged cursor with a field error', async () => {
      const res = await admin.get(spec.path).query({ cursor: Buffer.from('["x","not-a-uuid"]').toString('base64url') });
      expect(res.status).toBe(400);
      expect(paths(res.body)).toEqual(['cursor']);
      expect((await admin.get(spec.path).query({ limit: 0 })).status).toBe(400);
    });

    it('updates with the current version: version bumps, audit keeps before and after', async () => {
      const created = await create(spec);
      const n = next();
      const res = await admin.patch(`${spec.path}/${created['id']}`).send({ ...spec.patch(n), version: 1 });
      expect(res.status).toBe(200);
      expect(spec.schema.parse(res.body)).toEqual(res.body);
      expect(res.body).toMatchObject({
        ...spec.patch(n),
        version: 2,
        id: created['id'],
        createdAt: created['createdAt'],
      });
      const rows = await auditRows(ctx.db, spec.entityType, created['id'] as string);
      expect(rows.map((r: { action: string }) => r.action)).toEqual(['create', 'update']);
      const changedKeys = Object.keys(spec.patch(n));
      for (const k of changedKeys) {
        expect(rows[1].before[k]).toEqual(created[k]);
        expect(rows[1].after[k]).toEqual(res.body[k]);
      }
      expect(rows[1].before.version).toBe(1);
      expect(rows[1].after.version).toBe(2);
      expect((await admin.get(`${spec.path}/${created['id']}`)).body).toEqual(res.body);
    });

    it('refuses a stale version with 409 STALE_VERSION and changes nothing', async () => {
      const created = await create(spec);
      const first = await admin.patch(`${spec.path}/${created['id']}`).send({ ...spec.patch(next()), version: 1 });
      expect(first.status).toBe(200);
      const audits = await auditCount();
      const stale = await admin.patch(`${spec.path}/${created['id']}`).send({ ...spec.patch(next()), version: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'STALE_VERSION', status: 409 });
      expect((await admin.get(`${spec.path}/${created['id']}`)).body).toEqual(first.body);
      expect(await auditCount()).toBe(audits);
    });

    it('answers bad input with 400 naming each field, and writes nothing', async () => {
      const { body, paths: expected } = spec.invalid();
      const rows = await count(spec.table);
      const audits = await auditCount();
      const res = await admin.post(spec.path).send(body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(paths(res.body)).toEqual(expected);
      const created = await create(spec);
      const patch = await admin.patch(`${spec.path}/${created['id']}`).send({ version: 'one' });
      expect(patch.status).toBe(400);
      expect(paths(patch.body)).toEqual(['version']);
      expect(await count(spec.table)).toBe(rows + 1);
      expect(await auditCount()).toBe(audits + 1);
    });

    it('refuses a duplicate natural key with 409 DUPLICATE naming the field, and writes nothing', async () => {
      const created = await create(spec);
      const rows = await count(spec.table);
      const audits = await auditCount();
      const body = { ...spec.valid(next(), 'dup'), [spec.key]: created[spec.key] };
      const res = await admin.post(spec.path).send(body);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        code: 'DUPLICATE',
        errors: [{ path: spec.key, code: 'duplicate', message: 'Already in use' }],
      });
      const other = await create(spec);
      const patch = await admin
        .patch(`${spec.path}/${other['id']}`)
        .send({ [spec.key]: created[spec.key], version: 1 });
      expect(patch.status).toBe(409);
      expect(patch.body.code).toBe('DUPLICATE');
      expect(await count(spec.table)).toBe(rows + 1);
      expect(await auditCount()).toBe(audits + 1);
    });

    it('answers 401 without a session', async () => {
      expect((await ctx.http().get(spec.path)).status).toBe(401);
      expect((await ctx.http().post(spec.path).send(spec.valid(next(), 'anon'))).status).toBe(401);
    });

    it('follows the permission table for every role', async () => {
      const existing = await create(spec);
      for (const role of ALL_ROLES) {
        const agent = agents.get(role)!;
        const canRead = can(role, 'referenceData', 'read');
        const canWrite = can(role, 'referenceData', 'write');
        expect({ role, status: (await agent.get(spec.path)).status }).toEqual({ role, status: canRead ? 200 : 403 });
        expect({ role, status: (await agent.get(`${spec.path}/${existing['id']}`)).status }).toEqual({
          role,
          status: canRead ? 200 : 403,
        });
        const created = await agent.post(spec.path).send(spec.valid(next(), `perm-${role}`));
        expect({ role, status: created.status }).toEqual({ role, status: canWrite ? 201 : 403 });
        if (!canWrite) {
          expect(created.body.code).toBe('FORBIDDEN');
          const patch = await agent.patch(`${spec.path}/${existing['id']}`).send({ ...spec.patch(next()), version: 1 });
          expect({ role, status: patch.status }).toEqual({ role, status: 403 });
        }
      }
      expect((await admin.get(`${spec.path}/${existing['id']}`)).body.version).toBe(1);
    });
  });

  describe('partners', () => {
    it('stores codes upper-case, filters by role, and takes % in q literally', async () => {
      const created = await post('/api/v1/partners', { code: ' zz ', name: 'Percent 100% partner', role: 'member' });
      expect(created['code']).toBe('ZZ');
      const hosts = await admin.get('/api/v1/partners').query({ role: 'host', limit: 200 });
      expect(hosts.body.items.map((p: Body) => p['id'])).toEqual([fx.host]);
      const pct = await admin.get('/api/v1/partners').query({ q: '100%' });
      expect(pct.body.items.map((p: Body) => p['id'])).toEqual([created['id']]);
      expect((await admin.get('/api/v1/partners').query({ q: '%' })).body.items.map((p: Body) => p['id'])).toEqual([
        created['id'],
      ]);
    });

    it('answers an unchanged patch with the record as it is, without a new version or audit row', async () => {
      const created = await create(specs[0]);
      const audits = await auditCount();
      const res = await admin.patch(`/api/v1/partners/${created['id']}`).send({ name: created['name'], version: 1 });
      expect(res.status).toBe(200);
      expect(res.body.version).toBe(1);
      expect(await auditCount()).toBe(audits);
    });
  });

  describe('joint ventures', () => {
    it('returns partners with code and name, and filters by partner', async () => {
      const jv = await post('/api/v1/joint-ventures', {
        name: 'Two-partner JV',
        ukrainianCompany: 'UA Two LLC',
        scopes: ['training'],
        establishedOn: '2025-02-28',
        partners: [
          { partnerId: fx.partnerB, companyName: 'B AB' },
          { partnerId: fx.partnerA, companyName: 'A SAS' },
        ],
      });
      expect(jv['establishedOn']).toBe('2025-02-28');
      expect(jv['partners']).toEqual([
        { partnerId: fx.partnerA, companyName: 'A SAS', partnerCode: 'QA', partnerName: 'Fixture partner A' },
        { partnerId: fx.partnerB, companyName: 'B AB', partnerCode: 'QB', partnerName: 'Fixture partner B' },
      ]);
      const withB = await admin.get('/api/v1/joint-ventures').query({ partnerId: fx.partnerB, limit: 200 });
      expect(withB.body.items.map((j: Body) => j['id'])).toEqual([jv['id']]);
    });

    it('refuses unknown, host and repeated partners with field errors, writing nothing', async () => {
      const rows = await count('joint_ventures');
      const links = await count('joint_venture_partners');
      const base = { name: 'Refused JV', ukrainianCompany: 'UA LLC', scopes: ['repair'], establishedOn: '2024-01-01' };
      const unknown = await admin.post('/api/v1/joint-ventures').send({
        ...base,
        partners: [
          { partnerId: fx.partnerA, companyName: 'A' },
          { partnerId: '5b0e9c4e-2f4a-4d6e-9a51-0f2a3c4b5d6e', companyName: 'X' },
        ],
      });
      expect(unknown.status).toBe(400);
      expect(paths(unknown.body)).toEqual(['partners.1.partnerId']);
      const host = await admin
        .post('/api/v1/joint-ventures')
        .send({ ...base, partners: [{ partnerId: fx.host, companyName: 'UA' }] });
      expect(host.status).toBe(400);
      expect(paths(host.body)).toEqual(['partners.0.partnerId']);
      const twice = await admin.post('/api/v1/joint-ventures').send({
        ...base,
        partners: [
          { partnerId: fx.partnerA, companyName: 'A' },
          { partnerId: fx.partnerA, companyName: 'A2' },
        ],
      });
      expect(twice.status).toBe(400);
      expect(paths(twice.body)).toEqual(['partners.1.partnerId']);
      expect(await count('joint_ventures')).toBe(rows);
      expect(await count('joint_venture_partners')).toBe(links);
    });

    it('replaces the partner list wholesale on PATCH, bumping the version and auditing the lists', async () => {
      const jv = await create(specs[1]);
      const res = await admin.patch(`/api/v1/joint-ventures/${jv['id']}`).send({
        version: 1,
        partners: [{ partnerId: fx.partnerB, companyName: 'New B Oy' }],
      });
      expect(res.status).toBe(200);
      expect(res.body.version).toBe(2);
      expect(res.body.partners).toEqual([
        { partnerId: fx.partnerB, companyName: 'New B Oy', partnerCode: 'QB', partnerName: 'Fixture partner B' },
      ]);
      const [, update] = await auditRows(ctx.db, 'joint_venture', jv['id'] as string);
      expect(update.before.partners).toEqual([{ partnerId: fx.partnerA, companyName: expect.any(String) }]);
      expect(update.after.partners).toEqual([{ partnerId: fx.partnerB, companyName: 'New B Oy' }]);
      const bad = await admin
        .patch(`/api/v1/joint-ventures/${jv['id']}`)
        .send({ version: 2, partners: [{ partnerId: fx.host, companyName: 'x' }] });
      expect(bad.status).toBe(400);
      expect((await admin.get(`/api/v1/joint-ventures/${jv['id']}`)).body).toEqual(res.body);
    });
  });

  describe('facilities', () => {
    const base = { name: 'Capacity check', oblast: 'odeska', jointVentureId: null };

    it('needs repair bays for a workshop and seats for a training base, on create and on change', async () => {
      const rows = await count('facilities');
      const ws = await admin
        .post('/api/v1/facilities')
        .send({ ...base, code: 'CAP-1', kind: 'repair_workshop', repairBays: 0, trainingSeats: 20 });
      expect(ws.status).toBe(400);
      expect(paths(ws.body)).toEqual(['repairBays']);
      const tb = await admin
        .post('/api/v1/facilities')
        .send({ ...base, code: 'CAP-2', kind: 'training_base', repairBays: 3, trainingSeats: 0 });
      expect(tb.status).toBe(400);
      expect(paths(tb.body)).toEqual(['trainingSeats']);
      expect(await count('facilities')).toBe(rows);

      const depot = await post('/api/v1/facilities', {
        ...base,
        code: 'CAP-3',
        kind: 'depot',
        repairBays: 0,
        trainingSeats: 0,
      });
      expect(depot['jointVentureName']).toBeNull();
      const toBase = await admin.patch(`/api/v1/facilities/${depot['id']}`).send({ version: 1, kind: 'training_base' });
      expect(toBase.status).toBe(400);
      expect(paths(toBase.body)).toEqual(['trainingSeats']);
      const ok = await admin
        .patch(`/api/v1/facilities/${depot['id']}`)
        .send({ version: 1, kind: 'training_base', trainingSeats: 40 });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ kind: 'training_base', trainingSeats: 40, version: 2 });
      const drop = await admin.patch(`/api/v1/facilities/${depot['id']}`).send({ version: 2, trainingSeats: 0 });
      expect(drop.status).toBe(400);
    });

    it('names the joint venture, refuses an unknown one, and filters by kind and joint venture', async () => {
      const f = await create(specs[2]);
      expect(f['jointVentureName']).toBe('Fixture JV');
      const unknown = await admin
        .post('/api/v1/facilities')
        .send({ ...specs[2].valid(next(), 'fk'), jointVentureId: '5b0e9c4e-2f4a-4d6e-9a51-0f2a3c4b5d6e' });
      expect(unknown.status).toBe(400);
      expect(paths(unknown.body)).toEqual(['jointVentureId']);
      const unlink = await admin.patch(`/api/v1/facilities/${f['id']}`).send({ version: 1, jointVentureId: null });
      expect(unlink.body).toMatchObject({ jointVentureId: null, jointVentureName: null });
      await post('/api/v1/facilities', {
        ...base,
        code: 'TB-FILTER',
        kind: 'training_base',
        repairBays: 0,
        trainingSeats: 30,
        jointVentureId: fx.jv,
      });
      const bases = await admin
        .get('/api/v1/facilities')
        .query({ kind: 'training_base', jointVentureId: fx.jv, limit: 200 });
      expect(bases.body.items.map((x: Body) => x['code'])).toEqual(['TB-FILTER']);
    });
  });

  describe('system models', () => {
    it('names the origin partner, refuses an unknown one, and filters by kind and origin', async () => {
      const m = await create(specs[3]);
      expect(m['originPartnerCode']).toBe('QA');
      const unknown = await admin
        .post('/api/v1/system-models')
        .send({ ...specs[3].valid(next(), 'fk'), originPartnerId: '5b0e9c4e-2f4a-4d6e-9a51-0f2a3c4b5d6e' });
      expect(unknown.status).toBe(400);
      expect(paths(unknown.body)).toEqual(['originPartnerId']);
      const moved = await admin
        .patch(`/api/v1/system-models/${m['id']}`)
        .send({ version: 1, originPartnerId: fx.partnerB });
      expect(moved.body).toMatchObject({ originPartnerId: fx.partnerB, originPartnerCode: 'QB', version: 2 });
      const mortars = await admin
        .get('/api/v1/system-models')
        .query({ kind: 'mortar', originPartnerId: fx.partnerB, limit: 200 });
      expect(mortars.body.items.map((x: Body) => x['id'])).toEqual([fx.modelB]);
    });
  });

  describe('components', () => {
    it('refuses unknown and repeated models naming the position, writing nothing', async () => {
      const rows = await count('components');
      const links = await count('component_system_models');
      const unknown = await admin.post('/api/v1/components').send({
        ...specs[4].valid(next(), 'fk'),
        compatibleModelIds: [fx.modelA, '5b0e9c4e-2f4a-4d6e-9a51-0f2a3c4b5d6e'],
      });
      expect(unknown.status).toBe(400);
      expect(paths(unknown.body)).toEqual(['compatibleModelIds.1']);
      const twice = await admin
        .post('/api/v1/components')
        .send({ ...specs[4].valid(next(), 'fk'), compatibleModelIds: [fx.modelA, fx.modelA] });
      expect(twice.status).toBe(400);
      expect(paths(twice.body)).toEqual(['compatibleModelIds.1']);
      expect(await count('components')).toBe(rows);
      expect(await count('component_system_models')).toBe(links);
    });

    it('replaces compatible models wholesale on PATCH and filters by model and category', async () => {
      const c = await create(specs[4]);
      expect(c['compatibleModelIds']).toEqual([fx.modelA]);
      const res = await admin
        .patch(`/api/v1/components/${c['id']}`)
        .send({ version: 1, compatibleModelIds: [fx.modelB, fx.modelA], category: 'hydraulics' });
      expect(res.status).toBe(200);
      expect(res.body.version).toBe(2);
      expect([...res.body.compatibleModelIds].sort()).toEqual([fx.modelA, fx.modelB].sort());
      const [, update] = await auditRows(ctx.db, 'component', c['id'] as string);
      expect(update.before).toMatchObject({ compatibleModelIds: [fx.modelA], category: 'breech' });
      expect(update.after).toMatchObject({ compatibleModelIds: [fx.modelA, fx.modelB].sort(), category: 'hydraulics' });
      const byModel = await admin
        .get('/api/v1/components')
        .query({ modelId: fx.modelB, category: 'hydraulics', limit: 200 });
      expect(byModel.body.items.map((x: Body) => x['id'])).toEqual([c['id']]);
      const cleared = await admin.patch(`/api/v1/components/${c['id']}`).send({ version: 2, compatibleModelIds: [] });
      expect(cleared.body).toMatchObject({ compatibleModelIds: [], version: 3 });
    });
  });

  it('documents every reference-data route in the OpenAPI document', async () => {
    const res = await ctx.http().get('/api/docs.json');
    expect(res.status).toBe(200);
    for (const p of ['partners', 'joint-ventures', 'facilities', 'system-models', 'components', 'units']) {
      expect(Object.keys(res.body.paths[`/v1/${p}`])).toEqual(expect.arrayContaining(['get', 'post']));
      expect(Object.keys(res.body.paths[`/v1/${p}/{id}`])).toEqual(expect.arrayContaining(['get', 'patch']));
    }
  });
});
