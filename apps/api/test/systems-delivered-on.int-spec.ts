import { systemImportColumns, systemResponseSchema } from '@jv/contracts';
import Papa from 'papaparse';
import type TestAgent from 'supertest/lib/agent';
import { insertSystemsFixtures, type SystemsFixtures } from './support/systems-fixtures';
import { auditRows, createTestApp, signedIn, type TestContext } from './support/test-app';

const MODEL_A = 'TH-155/52 test howitzer';

describe("systems' delivered-on day (integration, real PostgreSQL)", () => {
  let ctx: TestContext;
  let fx: SystemsFixtures;
  let admin: TestAgent;

  const upload = (csv: string, dryRun: boolean) =>
    admin
      .post('/api/v1/systems/import')
      .query({ dryRun: String(dryRun) })
      .set('Content-Type', 'text/csv')
      .send(csv);
  const deliveredOn = async (serial: string) =>
    (await ctx.db.query(`SELECT delivered_on::text AS d FROM systems WHERE serial_number = $1`, [serial]))[0]?.d;

  beforeAll(async () => {
    ctx = await createTestApp();
    fx = await insertSystemsFixtures(ctx.db);
    admin = (await signedIn(ctx, { role: 'admin' })).agent;
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('is null unless given on create, changes with the version (audited) and is checked as a date', async () => {
    const plain = await admin
      .post('/api/v1/systems')
      .send({ modelId: fx.models.A, serialNumber: 'DLV-001', donorPartnerId: fx.partners.FR });
    expect(plain.status).toBe(201);
    expect(systemResponseSchema.parse(plain.body).deliveredOn).toBeNull();
    const dated = await admin.post('/api/v1/systems').send({
      modelId: fx.models.A,
      serialNumber: 'DLV-002',
      donorPartnerId: fx.partners.FR,
      deliveredOn: '2025-03-14',
    });
    expect(dated.body.deliveredOn).toBe('2025-03-14');
    expect((await admin.get(`/api/v1/systems/${dated.body.id}`)).body.deliveredOn).toBe('2025-03-14');

    const patched = await admin
      .patch(`/api/v1/systems/${plain.body.id}`)
      .send({ version: plain.body.version, deliveredOn: '2025-04-01' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ deliveredOn: '2025-04-01', version: plain.body.version + 1 });
    const [, update] = await auditRows(ctx.db, 'system', plain.body.id);
    expect(update).toMatchObject({
      action: 'update',
      before: { deliveredOn: null },
      after: { deliveredOn: '2025-04-01' },
    });
    const cleared = await admin
      .patch(`/api/v1/systems/${plain.body.id}`)
      .send({ version: patched.body.version, deliveredOn: null });
    expect(cleared.body.deliveredOn).toBeNull();

    const bad = await admin.post('/api/v1/systems').send({
      modelId: fx.models.A,
      serialNumber: 'DLV-003',
      donorPartnerId: fx.partners.FR,
      deliveredOn: '2025-02-30',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'deliveredOn', code: 'invalid_format' })]);
  });

  it('is a column of the export and an optional column of the import (old files stay valid)', async () => {
    const csv = await admin.get('/api/v1/systems/export.csv').query({ q: 'DLV-00' });
    const rows = Papa.parse<Record<string, string>>(csv.text.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.map((r) => [r['serial_number'], r['delivered_on']])).toEqual([
      ['DLV-001', ''],
      ['DLV-002', '2025-03-14'],
    ]);

    const header = systemImportColumns.join(',');
    const withColumn = [
      header,
      `${MODEL_A},DLV-101,FR,,,,,,,,2025-05-02`,
      `${MODEL_A},DLV-102,FR,,,,,,,,`,
      `${MODEL_A},DLV-103,FR,,,,,,,,02.05.2025`,
    ].join('\n');
    const refused = await upload(withColumn, false);
    expect(
      refused.body.errors.map((e: { line: number; column: string; code: string }) => [e.line, e.column, e.code]),
    ).toEqual([[4, 'delivered_on', 'invalid_format']]);
    expect(refused.body.imported).toBe(0);
    const imported = await upload(withColumn.split('\n').slice(0, 3).join('\n'), false);
    expect(imported.body).toMatchObject({ imported: 2, errors: [] });
    expect(await deliveredOn('DLV-101')).toBe('2025-05-02');
    expect(await deliveredOn('DLV-102')).toBeNull();

    const oldHeader = systemImportColumns.filter((c) => c !== 'delivered_on').join(',');
    const old = await upload(`${oldHeader}\n${MODEL_A},DLV-201,FR,,,,,,,`, false);
    expect(old.body).toMatchObject({ imported: 1, errors: [] });
    expect(await deliveredOn('DLV-201')).toBeNull();
  });
});
