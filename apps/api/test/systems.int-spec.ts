import {
  pageSchema,
  readinessSummaryResponseSchema,
  systemHistoryResponseSchema,
  type SystemResponse,
  systemResponseSchema,
} from '@jv/contracts';
import { type Role } from '@jv/domain';
import Papa from 'papaparse';
import type TestAgent from 'supertest/lib/agent';
import { systemExportColumns } from '../src/modules/systems/systems-export';
import { insertSystems, insertSystemsFixtures, type SystemsFixtures } from './support/systems-fixtures';
import { auditRows, createTestApp, signedIn, type TestContext } from './support/test-app';

const MISSING = '5b0e9c4e-2f4a-4d6e-9a51-0f2a3c4b5d6e';
type Body = Record<string, unknown>;

describe('systems API (integration, real PostgreSQL)', () => {
  let ctx: TestContext;
  let fx: SystemsFixtures;
  const agents = new Map<Role, TestAgent>();
  let admin: TestAgent;
  let partnerLV: TestAgent;
  let workshop1: TestAgent;
  let seq = 0;

  const count = async (table: string): Promise<number> =>
    (await ctx.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  const paths = (body: { errors?: Array<{ path: string }> }) =>
    [...new Set((body.errors ?? []).map((e) => e.path))].sort();
  const valid = (over: Body = {}): Body => ({
    modelId: fx.models.A,
    serialNumber: `API-${String(++seq).padStart(4, '0')}`,
    donorPartnerId: fx.partners.FR,
    unitId: fx.units.U1,
    ...over,
  });
  const create = async (over: Body = {}): Promise<SystemResponse> => {
    const res = await admin.post('/api/v1/systems').send(valid(over));
    if (res.status !== 201) throw new Error(`create system: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    ctx = await createTestApp();
    fx = await insertSystemsFixtures(ctx.db);
    for (const role of ['admin', 'logistics', 'training', 'viewer'] as const)
      agents.set(role, (await signedIn(ctx, { role })).agent);
    admin = agents.get('admin') as TestAgent;
    partnerLV = (await signedIn(ctx, { role: 'partner', partnerId: fx.partners.LV })).agent;
    workshop1 = (await signedIn(ctx, { role: 'workshop', facilityIds: [fx.facilities.WS1] })).agent;
  });
  afterAll(async () => {
    await ctx.close();
  });

  describe('create, read, update', () => {
    it(
      'registers a system (201): contract shape, computed wear, ' + 'a first history row "registered" and an audit row',
      async () => {
        const res = await admin.post('/api/v1/systems').send(
          valid({
            totalEfc: 1500,
            barrelEfc: 1000,
            barrelSerial: 'BR-1',
            facilityId: fx.facilities.DEPOT,
            notes: 'delivered',
          }),
        );
        expect(res.status).toBe(201);
        const s = systemResponseSchema.parse(res.body);
        expect(s).toMatchObject({
          status: 'operational',
          readiness: 'FMC',
          totalEfc: 1500,
          barrelEfc: 1000,
          barrelLifeEfc: 2500,
          barrelWear: 0.4,
          wearFlagged: false,
          firingRatePerDay: 0,
          barrelForecastDate: null,
          modelDesignation: 'TH-155/52 test howitzer',
          donorPartnerCode: 'FR',
          unitName: 'Unit ART-901',
          facilityCode: 'DP-T-01',
          version: 1,
          barrelSerial: 'BR-1',
          notes: 'delivered',
        });
        const history = await ctx.db.query(
          `SELECT from_status, to_status, reason, actor_id FROM system_status_history WHERE system_id = $1`,
          [s.id],
        );
        expect(history).toEqual([
          { from_status: null, to_status: 'operational', reason: 'registered', actor_id: expect.any(String) },
        ]);
        const audit = await auditRows(ctx.db, 'system', s.id);
        expect(audit).toHaveLength(1);
        expect(audit[0]).toMatchObject({
          action: 'create',
          before: null,
          after: { id: s.id, serialNumber: s.serialNumber, status: 'operational' },
        });
        const got = await agents.get('viewer')!.get(`/api/v1/systems/${s.id}`);
        expect(got.status).toBe(200);
        expect(got.body).toEqual(s);
      },
    );

    it('lets logistics register too, with a starting status other than operational', async () => {
      const res = await agents
        .get('logistics')!
        .post('/api/v1/systems')
        .send(valid({ status: 'in_transit' }));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'in_transit', readiness: null });
    });

    it(
      'refuses a serial number the model already has (409 DUPLICATE on serialNumber); ' + 'another model may reuse it',
      async () => {
        const first = await create();
        const before = await count('systems');
        const dup = await admin.post('/api/v1/systems').send(valid({ serialNumber: first.serialNumber }));
        expect(dup.status).toBe(409);
        expect(dup.body).toMatchObject({
          code: 'DUPLICATE',
          errors: [{ path: 'serialNumber', code: 'duplicate', message: expect.any(String) }],
        });
        expect(await count('systems')).toBe(before);
        const other = await admin
          .post('/api/v1/systems')
          .send(valid({ serialNumber: first.serialNumber, modelId: fx.models.B }));
        expect(other.status).toBe(201);
      },
    );

    it(
      'answers 400 naming each bad field and writes nothing (schema errors, ' + 'unknown references, barrel > total)',
      async () => {
        const before = {
          systems: await count('systems'),
          history: await count('system_status_history'),
          audit: await count('audit_log'),
        };
        const bad = await admin.post('/api/v1/systems').send({
          modelId: 'x',
          serialNumber: '-bad',
          donorPartnerId: fx.partners.FR,
          status: 'written_off',
          totalEfc: -1,
        });
        expect(bad.status).toBe(400);
        expect(paths(bad.body)).toEqual(['modelId', 'serialNumber', 'status', 'totalEfc']);
        const refs = await admin
          .post('/api/v1/systems')
          .send(valid({ modelId: MISSING, donorPartnerId: MISSING, unitId: MISSING, facilityId: MISSING }));
        expect(refs.status).toBe(400);
        expect(paths(refs.body)).toEqual(['donorPartnerId', 'facilityId', 'modelId', 'unitId']);
        const efc = await admin.post('/api/v1/systems').send(valid({ totalEfc: 10, barrelEfc: 20 }));
        expect(efc.status).toBe(400);
        expect(paths(efc.body)).toEqual(['barrelEfc']);
        expect({
          systems: await count('systems'),
          history: await count('system_status_history'),
          audit: await count('audit_log'),
        }).toEqual(before);
      },
    );

    it('403 for roles that may not write: viewer, training, partner and workshop cannot register', async () => {
      for (const agent of [agents.get('viewer')!, agents.get('training')!, partnerLV, workshop1]) {
        const res = await agent.post('/api/v1/systems').send(valid());
        expect(res.status).toBe(403);
      }
    });

    it('reads one: 404 for a missing id, 400 for a malformed one', async () => {
      expect((await admin.get(`/api/v1/systems/${MISSING}`)).status).toBe(404);
      const bad = await admin.get('/api/v1/systems/not-a-uuid');
      expect(bad.status).toBe(400);
      expect(paths(bad.body)).toEqual(['id']);
    });

    it(
      'updates registry fields with optimistic locking: ' +
        'version bump, audit before/after; the status is not patchable',
      async () => {
        const s = await create();
        const res = await admin
          .patch(`/api/v1/systems/${s.id}`)
          .send({ version: 1, unitId: fx.units.U2, notes: 'moved', barrelSerial: 'BR-9', status: 'written_off' });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
          version: 2,
          unitId: fx.units.U2,
          unitName: 'Unit ART-902',
          notes: 'moved',
          barrelSerial: 'BR-9',
          status: 'operational',
        });
        const audit = await auditRows(ctx.db, 'system', s.id);
        expect(audit[audit.length - 1]).toMatchObject({
          action: 'update',
          before: { unitId: fx.units.U1, unitName: 'Unit ART-901', notes: null, barrelSerial: null, version: 1 },
          after: { unitId: fx.units.U2, unitName: 'Unit ART-902', notes: 'moved', barrelSerial: 'BR-9', version: 2 },
        });
        const stale = await admin.patch(`/api/v1/systems/${s.id}`).send({ version: 1, notes: 'lost update' });
        expect(stale.status).toBe(409);
        expect(stale.body).toMatchObject({ code: 'STALE_VERSION', currentVersion: 2 });
        const unchanged = await admin.patch(`/api/v1/systems/${s.id}`).send({ version: 2, notes: 'moved' });
        expect(unchanged.body.version).toBe(2);
        const badRef = await admin.patch(`/api/v1/systems/${s.id}`).send({ version: 2, facilityId: MISSING });
        expect(badRef.status).toBe(400);
        expect(paths(badRef.body)).toEqual(['facilityId']);
        const other = await create();
        const dup = await admin.patch(`/api/v1/systems/${s.id}`).send({ version: 2, serialNumber: other.serialNumber });
        expect(dup.status).toBe(409);
        expect(dup.body).toMatchObject({ code: 'DUPLICATE', errors: [{ path: 'serialNumber' }] });
        expect((await admin.patch(`/api/v1/systems/${MISSING}`).send({ version: 1, notes: 'x' })).status).toBe(404);
        expect(
          (await agents.get('viewer')!.patch(`/api/v1/systems/${s.id}`).send({ version: 2, notes: 'x' })).status,
        ).toBe(403);
      },
    );
  });

  describe('status changes and history', () => {
    it(
      'changes the status (200): history with reason and actor, ' + 'status_changed_at and version bumped, audit row',
      async () => {
        const s = await create();
        const res = await admin
          .post(`/api/v1/systems/${s.id}/status`)
          .send({ status: 'degraded', reason: 'Sight misaligned', version: 1 });
        expect(res.status).toBe(200);
        expect(systemResponseSchema.parse(res.body)).toMatchObject({
          status: 'degraded',
          readiness: 'PMC',
          version: 2,
        });
        expect(Date.parse(res.body.statusChangedAt)).toBeGreaterThan(Date.parse(s.statusChangedAt));
        const rows = await ctx.db.query(
          `SELECT from_status, to_status, reason FROM system_status_history WHERE system_id = $1 ORDER BY id`,
          [s.id],
        );
        expect(rows).toEqual([
          { from_status: null, to_status: 'operational', reason: 'registered' },
          { from_status: 'operational', to_status: 'degraded', reason: 'Sight misaligned' },
        ]);
        const audit = await auditRows(ctx.db, 'system', s.id);
        expect(audit[audit.length - 1]).toMatchObject({
          action: 'update',
          before: { status: 'operational', version: 1 },
          after: { status: 'degraded', version: 2, reason: 'Sight misaligned' },
        });
      },
    );

    it(
      '409 INVALID_STATUS_CHANGE for the same status and after written_off (final, ' +
        'nothing allowed); 409 on a stale version',
      async () => {
        const s = await create();
        const same = await admin
          .post(`/api/v1/systems/${s.id}/status`)
          .send({ status: 'operational', reason: 'no change' });
        expect(same.status).toBe(409);
        expect(same.body).toMatchObject({
          code: 'INVALID_STATUS_CHANGE',
          allowed: ['degraded', 'in_repair', 'awaiting_parts', 'in_transit', 'written_off'],
        });
        const stale = await admin
          .post(`/api/v1/systems/${s.id}/status`)
          .send({ status: 'in_repair', reason: 'breech', version: 7 });
        expect(stale.status).toBe(409);
        expect(stale.body.code).toBe('STALE_VERSION');
        // writing off takes two people: one asks, a second confirms
        expect(
          (await admin.post(`/api/v1/systems/${s.id}/status`).send({ status: 'written_off', reason: 'destroyed' }))
            .status,
        ).toBe(200);
        const second = await (agents.get('logistics') as TestAgent)
          .post(`/api/v1/systems/${s.id}/status`)
          .send({ status: 'written_off', reason: 'confirmed' });
        expect(second.body.status).toBe('written_off');
        const historyBefore = await count('system_status_history');
        for (const status of ['operational', 'written_off']) {
          const res = await admin.post(`/api/v1/systems/${s.id}/status`).send({ status, reason: 'try again' });
          expect(res.status).toBe(409);
          expect(res.body).toMatchObject({ code: 'INVALID_STATUS_CHANGE', allowed: [] });
        }
        expect(await count('system_status_history')).toBe(historyBefore);
      },
    );

    it(
      '400 on bad input; 403 for training, viewer and partner; ' +
        'workshop users only at their facilities (404 elsewhere)',
      async () => {
        const here = await create({ facilityId: fx.facilities.WS1 });
        const there = await create({ facilityId: fx.facilities.WS2 });
        const bad = await admin.post(`/api/v1/systems/${here.id}/status`).send({ status: 'broken', reason: '' });
        expect(bad.status).toBe(400);
        expect(paths(bad.body)).toEqual(['reason', 'status']);
        for (const agent of [agents.get('training')!, agents.get('viewer')!, partnerLV]) {
          expect(
            (await agent.post(`/api/v1/systems/${here.id}/status`).send({ status: 'in_repair', reason: 'fault' }))
              .status,
          ).toBe(403);
        }
        expect(
          (await workshop1.post(`/api/v1/systems/${there.id}/status`).send({ status: 'in_repair', reason: 'fault' }))
            .status,
        ).toBe(404);
        expect((await admin.get(`/api/v1/systems/${there.id}`)).body.status).toBe('operational');
        const ok = await workshop1
          .post(`/api/v1/systems/${here.id}/status`)
          .send({ status: 'in_repair', reason: 'Recoil leak' });
        expect(ok.status).toBe(200);
        expect(ok.body.status).toBe('in_repair');
        // workshop users still read every system
        expect((await workshop1.get(`/api/v1/systems/${there.id}`)).status).toBe(200);
        expect(
          (await admin.post(`/api/v1/systems/${MISSING}/status`).send({ status: 'in_repair', reason: 'fault' })).status,
        ).toBe(404);
      },
    );

    it(
      '409 STATUS_FOLLOWS_JOB while a repair job is open: ' + 'the job drives the status; free again once it closes',
      async () => {
        const s = await create({ facilityId: fx.facilities.WS1 });
        const job = await admin.post('/api/v1/repair-jobs').send({
          facilityId: fx.facilities.WS1,
          systemId: s.id,
          kind: 'corrective',
          priority: 'routine',
          reportedFault: 'Breech will not close',
        });
        expect(job.status).toBe(201);
        const historyBefore = await count('system_status_history');
        const refused = await admin
          .post(`/api/v1/systems/${s.id}/status`)
          .send({ status: 'operational', reason: 'looks fine' });
        expect(refused.status).toBe(409);
        expect(refused.body).toMatchObject({ code: 'STATUS_FOLLOWS_JOB', jobNumber: job.body.number, allowed: [] });
        const during = (await admin.get(`/api/v1/systems/${s.id}`)).body;
        expect(during.status).toBe('in_repair');
        expect(during.openRepairJob).toEqual({ id: job.body.id, number: job.body.number, status: 'reported' });
        expect(await count('system_status_history')).toBe(historyBefore);

        const cancel = await admin
          .post(`/api/v1/repair-jobs/${job.body.id}/transitions`)
          .send({ to: 'cancelled', comment: 'Reported in error' });
        expect(cancel.status).toBe(200);
        const after = (await admin.get(`/api/v1/systems/${s.id}`)).body;
        expect(after.status).toBe('operational');
        expect(after.openRepairJob).toBeNull();
        expect(
          (await admin.post(`/api/v1/systems/${s.id}/status`).send({ status: 'degraded', reason: 'sight misaligned' }))
            .status,
        ).toBe(200);
      },
    );

    it(
      'history: status changes, barrel changes and usage, ' + 'newest first, with actor names (none for partner users)',
      async () => {
        const s = await create({ donorPartnerId: fx.partners.LV });
        await admin
          .post(`/api/v1/systems/${s.id}/status`)
          .send({ status: 'in_repair', reason: 'Barrel worn' })
          .expect(200);
        await ctx.db.query(
          `INSERT INTO barrel_changes (system_id, old_barrel_serial, new_barrel_serial, barrel_efc_at_change,
                                      total_efc_at_change, at)
         VALUES ($1, 'OLD-1', 'NEW-1', 2400.5, 3000, now() + interval '1 second')`,
          [s.id],
        );
        await admin
          .post(`/api/v1/systems/${s.id}/status`)
          // back to operational only through a job (four eyes): a hand move to the depot instead
          .send({ status: 'in_transit', reason: 'To the depot' })
          .expect(200);
        await ctx.db.query(
          `UPDATE system_status_history SET at = now() + interval '2 seconds'
            WHERE system_id = $1 AND reason = 'To the depot'`,
          [s.id],
        );
        await admin
          .post(`/api/v1/systems/${s.id}/usage-reports`)
          .send({ date: new Date().toISOString().slice(0, 10), rounds: 12, efc: 9.5 })
          .expect(201);
        await ctx.db.query(`UPDATE usage_reports SET created_at = now() + interval '3 seconds' WHERE system_id = $1`, [
          s.id,
        ]);

        const res = await agents.get('viewer')!.get(`/api/v1/systems/${s.id}/history`);
        expect(res.status).toBe(200);
        const h = systemHistoryResponseSchema.parse(res.body);
        expect(h.map((e) => e.kind)).toEqual(['usage', 'status', 'barrel_change', 'status', 'status']);
        expect(h[0]).toMatchObject({ kind: 'usage', rounds: 12, efc: 9.5, actorName: 'Test admin' });
        expect(h[1]).toMatchObject({
          kind: 'status',
          fromStatus: 'in_repair',
          toStatus: 'in_transit',
          reason: 'To the depot',
          actorName: 'Test admin',
        });
        expect(h[2]).toMatchObject({
          kind: 'barrel_change',
          oldBarrelSerial: 'OLD-1',
          newBarrelSerial: 'NEW-1',
          barrelEfcAtChange: 2400.5,
          actorName: null,
        });
        expect(h[4]).toMatchObject({ kind: 'status', fromStatus: null, toStatus: 'operational', reason: 'registered' });
        for (let i = 1; i < h.length; i++) expect(Date.parse(h[i - 1].at)).toBeGreaterThanOrEqual(Date.parse(h[i].at));

        const asPartner = await partnerLV.get(`/api/v1/systems/${s.id}/history`);
        expect(asPartner.status).toBe(200);
        expect(
          asPartner.body.every(
            (e: { actorId: unknown; actorName: unknown }) => e.actorId === null && e.actorName === null,
          ),
        ).toBe(true);
        expect((await admin.get(`/api/v1/systems/${MISSING}/history`)).status).toBe(404);
      },
    );
  });

  describe('list: filters, sorts and keyset pages', () => {
    /**
     * 30 systems of a tagged serial prefix over both models, three partners, units, facilities, statuses
     * and wear levels.
     */
    let tagged: string[];
    const statuses = ['operational', 'degraded', 'in_repair', 'awaiting_parts', 'in_transit', 'written_off'];
    beforeAll(async () => {
      const partners = [fx.partners.FR, fx.partners.LV, fx.partners.DE];
      tagged = await insertSystems(
        ctx.db,
        Array.from({ length: 30 }, (_, i) => ({
          modelId: i % 2 ? fx.models.B : fx.models.A,
          serial: `LST-${String((i * 7) % 30).padStart(3, '0')}`,
          donorPartnerId: partners[i % 3],
          unitId: i % 5 === 0 ? null : i % 2 ? fx.units.U2 : fx.units.U1,
          facilityId: i % 4 === 0 ? fx.facilities.WS2 : null,
          status: statuses[i % 6],
          // wear repeats (ties) so the id breaks them: 0, 225, …, up to 2250 EFC (A: 90 %, B: 56 %)
          barrelEfc: (i % 11) * 225,
          totalEfc: 5000,
          statusChangedAt: new Date(Date.UTC(2025, 0, 1) + (i % 7) * 3_600_000).toISOString(),
        })),
      );
    });

    const listAll = async (agent: TestAgent, query: Body, limit = 4): Promise<SystemResponse[]> => {
      const out: SystemResponse[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await agent.get('/api/v1/systems').query({ ...query, limit, ...(cursor ? { cursor } : {}) });
        expect(res.status).toBe(200);
        const page = pageSchema(systemResponseSchema).parse(res.body);
        expect(page.items.length).toBeLessThanOrEqual(limit);
        out.push(...page.items);
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 100);
      expect(new Set(out.map((s) => s.id)).size).toBe(out.length);
      return out;
    };
    const expectIds = async (query: Body, where: string, params: unknown[]) => {
      const got = await listAll(admin, { q: 'LST-', ...query }, 50);
      const expected: Array<{ id: string }> = await ctx.db.query(
        `SELECT id FROM systems WHERE serial_number LIKE 'LST-%' AND ${where} ORDER BY serial_number, id`,
        params,
      );
      expect(expected.length).toBeGreaterThan(0);
      expect(got.map((s) => s.id)).toEqual(expected.map((e) => e.id));
    };

    it('filters by status (one or several), readiness, model, partner, unit, facility, wearAbove and q', async () => {
      await expectIds({ status: 'degraded' }, `status = 'degraded'`, []);
      const several = await admin.get('/api/v1/systems?q=LST-&status=in_repair&status=awaiting_parts&limit=50');
      expect(new Set(several.body.items.map((s: SystemResponse) => s.status))).toEqual(
        new Set(['in_repair', 'awaiting_parts']),
      );
      expect(several.body.items).toHaveLength(10);
      await expectIds({ readiness: 'NMC-S' }, `status = 'awaiting_parts'`, []);
      await expectIds({ readiness: 'FMC' }, `status = 'operational'`, []);
      await expectIds({ modelId: fx.models.B }, `model_id = $1`, [fx.models.B]);
      await expectIds({ donorPartnerId: fx.partners.DE }, `donor_partner_id = $1`, [fx.partners.DE]);
      await expectIds({ unitId: fx.units.U2 }, `unit_id = $1`, [fx.units.U2]);
      await expectIds({ facilityId: fx.facilities.WS2 }, `facility_id = $1`, [fx.facilities.WS2]);
      await expectIds({ wearAbove: 80 }, `barrel_wear > 0.8`, []);
      await expectIds(
        { wearAbove: 50, modelId: fx.models.B, status: 'awaiting_parts' },
        `barrel_wear > 0.5 AND model_id = $1 AND status = 'awaiting_parts'`,
        [fx.models.B],
      );
      const q = await admin.get('/api/v1/systems').query({ q: 'lst-02' });
      expect(q.body.items.map((s: SystemResponse) => s.serialNumber).sort()).toEqual(
        Array.from({ length: 10 }, (_, i) => `LST-02${i}`),
      );
      const literal = await admin.get('/api/v1/systems').query({ q: 'LST_0' });
      expect(literal.body.items).toEqual([]);
    });

    it.each([
      ['serial', 'asc', 'serial_number ASC, id ASC'],
      ['serial', 'desc', 'serial_number DESC, id DESC'],
      ['wear', 'asc', 'barrel_wear ASC, id ASC'],
      ['wear', 'desc', 'barrel_wear DESC, id DESC'],
      ['lastChange', 'asc', 'status_changed_at ASC, id ASC'],
      ['lastChange', 'desc', 'status_changed_at DESC, id DESC'],
    ])('sort=%s order=%s walks every match once, in order, over several pages', async (sort, order, orderBy) => {
      const got = await listAll(admin, { q: 'LST-', sort, order }, 4);
      const expected: Array<{ id: string }> = await ctx.db.query(
        `SELECT id FROM systems WHERE serial_number LIKE 'LST-%' ORDER BY ${orderBy}`,
      );
      expect(got).toHaveLength(30);
      expect(got.map((s) => s.id)).toEqual(expected.map((e) => e.id));
    });

    it('refuses a malformed cursor or a cursor of another sort with 400 on cursor; bad filters are 400', async () => {
      const first = await admin.get('/api/v1/systems').query({ q: 'LST-', sort: 'wear', limit: 2 });
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const other = await admin
        .get('/api/v1/systems')
        .query({ q: 'LST-', sort: 'serial', cursor: first.body.nextCursor });
      expect(other.status).toBe(400);
      expect(paths(other.body)).toEqual(['cursor']);
      expect((await admin.get('/api/v1/systems').query({ cursor: 'garbage!' })).status).toBe(400);
      const bad = await admin
        .get('/api/v1/systems')
        .query({ status: 'lost', readiness: 'XYZ', modelId: 'x', wearAbove: 'lots', sort: 'age', limit: 0 });
      expect(bad.status).toBe(400);
      expect(paths(bad.body)).toEqual(['limit', 'modelId', 'readiness', 'sort', 'status', 'wearAbove']);
    });

    it('partner users see only their country: list, detail, history, readiness, export (others are 404)', async () => {
      const theirs = await listAll(partnerLV, { q: 'LST-' }, 5);
      const expected: Array<{ id: string }> = await ctx.db.query(
        `SELECT id FROM systems WHERE serial_number LIKE 'LST-%' AND donor_partner_id = $1 ORDER BY serial_number, id`,
        [fx.partners.LV],
      );
      expect(theirs.map((s) => s.id)).toEqual(expected.map((e) => e.id));
      // asking for another country's systems by filter gives nothing, not them
      expect((await partnerLV.get('/api/v1/systems').query({ donorPartnerId: fx.partners.FR })).body.items).toEqual([]);
      const [foreign] = await ctx.db.query(`SELECT id FROM systems WHERE donor_partner_id = $1 LIMIT 1`, [
        fx.partners.FR,
      ]);
      for (const path of ['', '/history', '/usage-reports', '/usage-weekly']) {
        expect({ path, status: (await partnerLV.get(`/api/v1/systems/${foreign.id}${path}`)).status }).toEqual({
          path,
          status: 404,
        });
      }
      expect((await partnerLV.get(`/api/v1/systems/${theirs[0].id}`)).status).toBe(200);

      const summary = readinessSummaryResponseSchema.parse(
        (await partnerLV.get('/api/v1/systems/readiness').query({ groupBy: 'donorPartner' })).body,
      );
      const [{ n }] = await ctx.db.query(`SELECT count(*)::int AS n FROM systems WHERE donor_partner_id = $1`, [
        fx.partners.LV,
      ]);
      expect(summary.overall.total).toBe(n);
      expect(summary.groups.map((g) => g.label)).toEqual(['LV']);

      const csv = await partnerLV.get('/api/v1/systems/export.csv');
      const rows = Papa.parse<Record<string, string>>(csv.text.replace(/^\uFEFF/, ''), {
        header: true,
        skipEmptyLines: true,
      }).data;
      expect(rows.length).toBe(n);
      expect(new Set(rows.map((r) => r['donor_partner']))).toEqual(new Set(['LV']));

      const none = (await signedIn(ctx, { role: 'partner', partnerId: null })).agent;
      expect((await none.get('/api/v1/systems')).body.items).toEqual([]);
    });

    it('every item carries the page forecast (one aggregate for the page) consistent with the detail', async () => {
      const [id] = tagged;
      const page = await admin.get('/api/v1/systems').query({ q: 'LST-', limit: 50 });
      const inList = page.body.items.find((s: SystemResponse) => s.id === id);
      expect(inList).toEqual((await admin.get(`/api/v1/systems/${id}`)).body);
    });
  });

  describe('readiness summary', () => {
    it(
      'counts per model, donor partner and unit from one query; ' + 'availability = (FMC + PMC) / not written off',
      async () => {
        for (const groupBy of ['model', 'donorPartner', 'unit'] as const) {
          const res = await agents.get('viewer')!.get('/api/v1/systems/readiness').query({ groupBy });
          expect(res.status).toBe(200);
          const summary = readinessSummaryResponseSchema.parse(res.body);
          expect(summary.groupBy).toBe(groupBy);
          const [all] = await ctx.db.query(
            `SELECT count(*)::int AS total,
                    count(*) FILTER (WHERE status = 'operational')::int AS fmc,
                    count(*) FILTER (WHERE status = 'degraded')::int AS pmc,
                    count(*) FILTER (WHERE status = 'in_repair')::int AS nmcm,
                    count(*) FILTER (WHERE status = 'awaiting_parts')::int AS nmcs,
                    count(*) FILTER (WHERE status = 'in_transit')::int AS transit,
                    count(*) FILTER (WHERE status = 'written_off')::int AS off
               FROM systems`,
          );
          expect(summary.overall).toEqual({
            FMC: all.fmc,
            PMC: all.pmc,
            'NMC-M': all.nmcm,
            'NMC-S': all.nmcs,
            inTransit: all.transit,
            writtenOff: all.off,
            total: all.total,
            availabilityRate: (all.fmc + all.pmc) / (all.total - all.off),
          });
          expect(summary.groups.reduce((a, g) => a + g.total, 0)).toBe(all.total);
        }
        const byUnit = readinessSummaryResponseSchema.parse(
          (await admin.get('/api/v1/systems/readiness?groupBy=unit')).body,
        );
        const [{ n }] = await ctx.db.query(`SELECT count(*)::int AS n FROM systems WHERE unit_id IS NULL`);
        expect(byUnit.groups[byUnit.groups.length - 1]).toMatchObject({ key: null, total: n });
        expect((await admin.get('/api/v1/systems/readiness?groupBy=colour')).status).toBe(400);
      },
    );
  });

  it('documents every systems route in the OpenAPI document', async () => {
    const doc = (await ctx.http().get('/api/docs.json')).body as { paths: Record<string, Record<string, unknown>> };
    const ops = Object.entries(doc.paths)
      .filter(([path]) => path.includes('/v1/systems'))
      .flatMap(([path, item]) => Object.keys(item).map((m) => `${m} ${path}`));
    expect(ops.sort()).toEqual(
      [
        'get /v1/systems',
        'get /v1/systems/export.csv',
        'get /v1/systems/readiness',
        'get /v1/systems/{id}',
        'get /v1/systems/{id}/history',
        'get /v1/systems/{id}/label.svg',
        'get /v1/systems/{id}/usage-reports',
        'get /v1/systems/{id}/usage-weekly',
        'patch /v1/systems/{id}',
        'post /v1/systems',
        'post /v1/systems/import',
        'post /v1/systems/{id}/status',
        'post /v1/systems/{id}/usage-reports',
      ].sort(),
    );
  });

  describe('CSV export', () => {
    it(
      'streams the rows matching the filters as an attachment, ' +
        'with the import columns plus readiness, wear and forecast',
      async () => {
        const res = await agents
          .get('viewer')!
          .get('/api/v1/systems/export.csv')
          .query({ q: 'LST-', status: 'degraded', sort: 'wear', order: 'desc' });
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
        expect(res.headers['content-disposition']).toMatch(/^attachment; filename="systems-\d{4}-\d{2}-\d{2}\.csv"$/);
        const parsed = Papa.parse<Record<string, string>>(res.text.replace(/^\uFEFF/, ''), {
          header: true,
          skipEmptyLines: true,
        });
        expect(parsed.meta.fields).toEqual([...systemExportColumns]);
        const expected: Array<{ serial_number: string; wear: number }> = await ctx.db.query(
          `SELECT serial_number, barrel_wear AS wear FROM systems
            WHERE serial_number LIKE 'LST-%' AND status = 'degraded' ORDER BY barrel_wear DESC, id DESC`,
        );
        expect(parsed.data.map((r) => r['serial_number'])).toEqual(expected.map((e) => e.serial_number));
        expect(parsed.data[0]).toMatchObject({
          status: 'degraded',
          readiness: 'PMC',
          barrel_wear_percent: String(Math.round(expected[0].wear * 1000) / 10),
        });
      },
    );

    it('exports more than one batch (1 000 rows) completely', async () => {
      await insertSystems(
        ctx.db,
        Array.from({ length: 1203 }, (_, i) => ({
          modelId: fx.models.B,
          serial: `BULK-${String(i).padStart(5, '0')}`,
          donorPartnerId: fx.partners.DE,
        })),
      );
      const res = await admin.get('/api/v1/systems/export.csv').query({ q: 'BULK-' });
      const rows = Papa.parse<Record<string, string>>(res.text.replace(/^\uFEFF/, ''), {
        header: true,
        skipEmptyLines: true,
      }).data;
      expect(rows).toHaveLength(1203);
      expect(new Set(rows.map((r) => r['serial_number'])).size).toBe(1203);
      expect(rows[0]['serial_number']).toBe('BULK-00000');
      expect(rows[1202]['serial_number']).toBe('BULK-01202');
      expect((await admin.get('/api/v1/systems/export.csv').query({ status: 'nope' })).status).toBe(400);
    });
  });
});
