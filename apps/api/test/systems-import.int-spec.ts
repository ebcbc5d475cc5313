import { systemImportColumns, systemImportResultSchema } from '@jv/contracts';
import Papa from 'papaparse';
import type TestAgent from 'supertest/lib/agent';
import { insertSystems, insertSystemsFixtures, type SystemsFixtures } from './support/systems-fixtures';
import { auditRows, createTestApp, signedIn, type TestContext } from './support/test-app';

const HEADER = systemImportColumns.join(',');
const MODEL_A = 'TH-155/52 test howitzer';
const MODEL_B = 'MRL-122/40 test launcher';

describe('systems CSV import (integration, real PostgreSQL)', () => {
  let ctx: TestContext;
  let fx: SystemsFixtures;
  let admin: TestAgent;

  const count = async (table: string): Promise<number> =>
    (await ctx.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  const state = async () => ({
    systems: await count('systems'),
    history: await count('system_status_history'),
    audit: await count('audit_log'),
  });
  const upload = (agent: TestAgent, csv: string, dryRun?: boolean) =>
    agent
      .post('/api/v1/systems/import')
      .query(dryRun === undefined ? {} : { dryRun: String(dryRun) })
      .set('Content-Type', 'text/csv')
      .send(csv);

  beforeAll(async () => {
    ctx = await createTestApp();
    fx = await insertSystemsFixtures(ctx.db);
    admin = (await signedIn(ctx, { role: 'admin' })).agent;
    await insertSystems(ctx.db, [{ modelId: fx.models.A, serial: 'TAKEN-001', donorPartnerId: fx.partners.FR }]);
  });
  afterAll(async () => {
    await ctx.close();
  });

  const BAD_FILE = [
    HEADER,
    `${MODEL_A},IMP-001,FR,ART-901,WS-T-01,in_repair,1500,1200.5,BRL-1,"Needs a new breech, urgently"`, // 2: fine
    `Unknown gun,IMP-002,FR,,,operational,0,0,,`, // 3: unknown model
    `${MODEL_A},IMP-001,LV,,,operational,0,0,,`, // 4: repeats line 2
    `${MODEL_A},TAKEN-001,DE,,,operational,0,0,,`, // 5: already registered
    `${MODEL_B},IMP-005,FR,,,broken,0,0,,`, // 6: bad status
    `${MODEL_B},IMP-006,FR,,,,100,200,,`, // 7: barrel > total
    `${MODEL_B},,FR,,,,,,,`, // 8: no serial
    `${MODEL_B},IMP-008,XX,ART-999,NOPE,,abc,,,`, // 9: partner, unit, facility, number
    '',
    `${MODEL_B.toLowerCase()},IMP-010,lv,art-902,dp-t-01,awaiting_parts,10,5,,`, // 11: fine (case-insensitive refs)
  ].join('\n');

  it('a dry run reports every bad row by line and column and writes nothing', async () => {
    const before = await state();
    const res = await upload(admin, BAD_FILE, true);
    expect(res.status).toBe(200);
    const result = systemImportResultSchema.parse(res.body);
    expect(result).toMatchObject({ dryRun: true, totalRows: 9, validRows: 2, imported: 0 });
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'model'],
      [4, 'serial_number'],
      [5, 'serial_number'],
      [6, 'status'],
      [7, 'barrel_efc'],
      [8, 'serial_number'],
      [9, 'donor_partner'],
      [9, 'facility'],
      [9, 'total_efc'],
      [9, 'unit'],
    ]);
    expect(result.errors[1].message).toMatch(/repeats line 2/);
    expect(result.errors[2].message).toMatch(/already registered/);
    expect(await state()).toEqual(before);
  });

  it('a retried dry run with the same Idempotency-Key replays its 200 answer', async () => {
    const first = await upload(admin, BAD_FILE, true).set('Idempotency-Key', 'dry-run-replay-1');
    const again = await upload(admin, BAD_FILE, true).set('Idempotency-Key', 'dry-run-replay-1');
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
  });

  it('checks without writing when dryRun is left out', async () => {
    const before = await state();
    const res = await upload(admin, `${HEADER}\n${MODEL_A},IMP-DEFAULT,FR,,,,,,,`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, totalRows: 1, validRows: 1, imported: 0, errors: [] });
    expect(await state()).toEqual(before);
  });

  it('an invalid real import writes nothing and answers 200 with imported 0 and the errors', async () => {
    const before = await state();
    const res = await upload(admin, BAD_FILE, false);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: false, totalRows: 9, validRows: 2, imported: 0 });
    expect(res.body.errors).toHaveLength(10);
    expect(await state()).toEqual(before);
  });

  it(
    'a real import writes every row (201), with references, ' + 'status history rows and one summarising audit row',
    async () => {
      const csv = [
        HEADER,
        `${MODEL_A},IMP-101,FR,ART-901,WS-T-01,in_repair,1500,1200.5,BRL-1,"Needs a new breech, urgently"`,
        `${MODEL_B},IMP-102,lv,,,,,,,`,
        `${MODEL_A},IMP-103,DE,ART-902,,written_off,10,10,,`,
      ].join('\r\n');
      const before = await state();
      const res = await upload(admin, csv, false);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ dryRun: false, totalRows: 3, validRows: 3, imported: 3, errors: [] });
      const rows = await ctx.db.query(
        `SELECT s.serial_number, s.status, s.total_efc::float8 AS total, s.barrel_efc::float8 AS barrel,
                s.barrel_serial, s.notes, s.barrel_wear, p.code AS partner, u.code AS unit, f.code AS facility
           FROM systems s JOIN partners p ON p.id = s.donor_partner_id
           LEFT JOIN units u ON u.id = s.unit_id LEFT JOIN facilities f ON f.id = s.facility_id
        WHERE s.serial_number LIKE 'IMP-1%' ORDER BY s.serial_number`,
      );
      expect(rows).toEqual([
        {
          serial_number: 'IMP-101',
          status: 'in_repair',
          total: 1500,
          barrel: 1200.5,
          barrel_serial: 'BRL-1',
          notes: 'Needs a new breech, urgently',
          barrel_wear: 0.4802,
          partner: 'FR',
          unit: 'ART-901',
          facility: 'WS-T-01',
        },
        {
          serial_number: 'IMP-102',
          status: 'operational',
          total: 0,
          barrel: 0,
          barrel_serial: null,
          notes: null,
          barrel_wear: 0,
          partner: 'LV',
          unit: null,
          facility: null,
        },
        {
          serial_number: 'IMP-103',
          status: 'written_off',
          total: 10,
          barrel: 10,
          barrel_serial: null,
          notes: null,
          barrel_wear: 0.004,
          partner: 'DE',
          unit: 'ART-902',
          facility: null,
        },
      ]);
      const history = await ctx.db.query(
        `SELECT h.from_status, h.to_status, h.reason
           FROM system_status_history h JOIN systems s ON s.id = h.system_id
          WHERE s.serial_number LIKE 'IMP-1%' ORDER BY s.serial_number`,
      );
      expect(history).toEqual([
        { from_status: null, to_status: 'in_repair', reason: 'imported' },
        { from_status: null, to_status: 'operational', reason: 'imported' },
        { from_status: null, to_status: 'written_off', reason: 'imported' },
      ]);
      expect(await state()).toEqual({
        systems: before.systems + 3,
        history: before.history + 3,
        audit: before.audit + 1,
      });
      const audit = await auditRows(ctx.db, 'system_import');
      expect(audit[audit.length - 1]).toMatchObject({
        action: 'create',
        after: { count: 3, firstSerial: 'IMP-101', lastSerial: 'IMP-103' },
      });

      // importing the same file again: every row is now a duplicate against the database
      const again = await upload(admin, csv, false);
      expect(again.body.imported).toBe(0);
      expect(again.body.errors.map((e: { line: number }) => e.line)).toEqual([2, 3, 4]);
    },
  );

  it('imports large files in batches of 1 000 rows per statement, all or nothing', async () => {
    const lines = Array.from(
      { length: 2345 },
      (_, i) => `${MODEL_B},BIG-${String(i).padStart(5, '0')},DE,,,,${i},${i},,`,
    );
    const res = await upload(admin, [HEADER, ...lines].join('\n'), false);
    expect(res.status).toBe(201);
    expect(res.body.imported).toBe(2345);
    expect((await ctx.db.query(`SELECT count(*)::int AS n FROM systems WHERE serial_number LIKE 'BIG-%'`))[0].n).toBe(
      2345,
    );

    const before = await state();
    const bad = [
      ...Array.from({ length: 1500 }, (_, i) => `${MODEL_B},BIGGER-${i},DE,,,,,,,`),
      `${MODEL_B},BIGGER-X,ZZ,,,,,,,`,
    ];
    const refused = await upload(admin, [HEADER, ...bad].join('\n'), false);
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({
      imported: 0,
      totalRows: 1501,
      validRows: 1500,
      errors: [{ line: 1502, column: 'donor_partner' }],
    });
    expect(await state()).toEqual(before);
  });

  it('checks the header, the media type and the role', async () => {
    const header = await upload(admin, 'model,serial,donor_partner\nA,B,C', true);
    expect(header.status).toBe(200);
    expect(header.body.errors.every((e: { line: number }) => e.line === 1)).toBe(true);
    expect(header.body.errors.map((e: { column: string }) => e.column)).toEqual(
      expect.arrayContaining(['serial', 'serial_number', 'status']),
    );
    const empty = await upload(admin, '', true);
    expect(empty.body.errors).toEqual([
      { line: 1, column: null, code: 'empty_file', message: expect.stringMatching(/header/) },
    ]);
    const json = await admin.post('/api/v1/systems/import').send({ rows: [] });
    expect(json.status).toBe(415);
    expect(
      (
        await admin
          .post('/api/v1/systems/import')
          .query({ dryRun: 'maybe' })
          .set('Content-Type', 'text/csv')
          .send(HEADER)
      ).status,
    ).toBe(400);
    for (const role of ['logistics', 'viewer', 'workshop', 'partner'] as const) {
      const agent = (await signedIn(ctx, { role })).agent;
      expect((await upload(agent, `${HEADER}\n${MODEL_A},R-1,FR,,,,,,,`, false)).status).toBe(403);
    }
  });

  it('an export can be imported back (round trip of the import columns)', async () => {
    const csv = await admin.get('/api/v1/systems/export.csv').query({ q: 'IMP-1' });
    const parsed = Papa.parse<Record<string, string>>(csv.text.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(parsed.map((r) => r['serial_number'])).toEqual(['IMP-101', 'IMP-102', 'IMP-103']);
    const renamed = Papa.unparse({
      fields: [...systemImportColumns],
      data: parsed.map((r) => systemImportColumns.map((c) => (c === 'serial_number' ? `RT-${r[c]}` : r[c]))),
    });
    const res = await upload(admin, renamed, true);
    expect(res.body).toMatchObject({ totalRows: 3, validRows: 3, errors: [] });
  });
});
