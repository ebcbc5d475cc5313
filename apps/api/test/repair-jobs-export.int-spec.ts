import { pageSchema, repairJobResponseSchema } from '@jv/contracts';
import { repairJobPriorityRank, type RepairJobStatus } from '@jv/domain';
import Papa from 'papaparse';
import type TestAgent from 'supertest/lib/agent';
import { repairJobExportColumns } from '../src/modules/repair-jobs/repair-jobs-export';
import { createSystem, repairFixtures, type RepairFixtures } from './support/repair-fixtures';
import { createTestApp, signedIn, type TestContext } from './support/test-app';

type Row = Record<(typeof repairJobExportColumns)[number], string>;
type Priority = keyof typeof repairJobPriorityRank;
type Query = Record<string, string | string[]>;

const EXPORT = '/api/v1/repair-jobs/export.csv';

/** The CSV body as records keyed by column (the BOM is checked and dropped). */
function parseCsv(text: string): { fields: string[]; rows: Row[] } {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<Row>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return { fields: parsed.meta.fields ?? [], rows: parsed.data };
}

/*
 * Jobs written straight into the tables with chosen times: at WS-T1 and WS-T2, on systems of partner A
 * and partner B, in several states and priorities, two of them with technicians and logged hours.
 */
describe('repair jobs CSV export (integration, real PostgreSQL)', () => {
  let ctx: TestContext;
  let fx: RepairFixtures;
  let admin: TestAgent;
  let viewer: TestAgent;
  let ws1: TestAgent;
  let partnerA: TestAgent;
  let seq = 0;

  interface JobInput {
    facilityId: string;
    partnerId: string;
    status?: RepairJobStatus;
    priority?: Priority;
    openedAt: string;
    dueAt?: string;
    closedAt?: string | null;
    technicianIds?: string[];
    fault?: string;
    diagnosis?: string | null;
  }

  async function insertJob(o: JobInput): Promise<{ id: string; number: string }> {
    const systemId = await createSystem(ctx.db, {
      modelId: fx.modelA,
      donorPartnerId: o.partnerId,
      facilityId: o.facilityId,
      status: 'in_repair',
    });
    const priority = o.priority ?? 'routine';
    const number = `RJ-2025-${String(++seq).padStart(5, '0')}`;
    const [{ id }] = await ctx.db.query(
      `INSERT INTO repair_jobs (number, facility_id, system_id, kind, priority, priority_rank, status, reported_fault,
                                diagnosis, technician_ids, system_status_before, opened_at, due_at, closed_at)
       VALUES ($1, $2, $3, 'corrective', $4, $5, $6, $7, $8, $9, 'operational', $10, $11, $12) RETURNING id`,
      [
        number,
        o.facilityId,
        systemId,
        priority,
        repairJobPriorityRank[priority],
        o.status ?? 'reported',
        o.fault ?? 'Recoil buffer leaking',
        o.diagnosis ?? null,
        o.technicianIds ?? [],
        o.openedAt,
        o.dueAt ?? '2099-01-01T00:00:00Z',
        o.closedAt ?? null,
      ],
    );
    return { id, number };
  }

  const exportAs = (agent: TestAgent, query: Query = {}) => agent.get(EXPORT).query(query);

  /** The numbers the list endpoint gives for the same filters, paging through every page. */
  async function listedNumbers(agent: TestAgent, query: Query): Promise<string[]> {
    const numbers: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await agent.get('/api/v1/repair-jobs').query({ ...query, limit: '3', ...(cursor ? { cursor } : {}) });
      expect(res.status).toBe(200);
      const page = pageSchema(repairJobResponseSchema).parse(res.body);
      numbers.push(...page.items.map((j) => j.number));
      cursor = page.nextCursor;
    } while (cursor);
    return numbers;
  }

  let detailed: { id: string; number: string };

  beforeAll(async () => {
    ctx = await createTestApp();
    fx = await repairFixtures(ctx.db);
    admin = (await signedIn(ctx, { role: 'admin' })).agent;
    viewer = (await signedIn(ctx, { role: 'viewer' })).agent;
    ws1 = (await signedIn(ctx, { role: 'workshop', facilityIds: [fx.ws1] })).agent;
    partnerA = (await signedIn(ctx, { role: 'partner', partnerId: fx.partnerA })).agent;
    const olena = (await signedIn(ctx, { role: 'workshop', facilityIds: [fx.ws1] })).user.id;
    const taras = (await signedIn(ctx, { role: 'workshop', facilityIds: [fx.ws1] })).user.id;
    await ctx.db.query(`UPDATE users SET display_name = 'Olena Kovalenko' WHERE id = $1`, [olena]);
    await ctx.db.query(`UPDATE users SET display_name = 'Taras Shevchuk' WHERE id = $1`, [taras]);

    detailed = await insertJob({
      facilityId: fx.ws1,
      partnerId: fx.partnerA,
      status: 'in_repair',
      priority: 'urgent',
      openedAt: '2025-03-01T08:00:00Z',
      dueAt: '2025-03-03T08:00:00Z',
      technicianIds: [taras, olena],
      fault: '=HYPERLINK("http://x.example")',
      diagnosis: 'Seal worn, "main" cylinder;\nreplace',
    });
    await ctx.db.query(
      `INSERT INTO work_logs (job_id, technician_id, date, hours)
       VALUES ($1, $2, '2025-03-02', 2.5), ($1, $3, '2025-03-02', 1.25)`,
      [detailed.id, olena, taras],
    );
    await insertJob({
      facilityId: fx.ws1,
      partnerId: fx.partnerA,
      status: 'in_repair',
      priority: 'routine',
      openedAt: '2025-03-02T08:00:00Z',
      technicianIds: [olena],
    });
    await insertJob({
      facilityId: fx.ws1,
      partnerId: fx.partnerB,
      status: 'in_repair',
      priority: 'urgent',
      openedAt: '2025-03-05T08:00:00Z',
    });
    await insertJob({
      facilityId: fx.ws1,
      partnerId: fx.partnerB,
      status: 'reported',
      priority: 'priority',
      openedAt: '2025-03-04T08:00:00Z',
    });
    await insertJob({
      facilityId: fx.ws1,
      partnerId: fx.partnerA,
      status: 'completed',
      openedAt: '2025-02-01T08:00:00Z',
      closedAt: '2025-02-10T08:00:00Z',
      technicianIds: [olena],
    });
    await insertJob({
      facilityId: fx.ws2,
      partnerId: fx.partnerA,
      status: 'in_repair',
      priority: 'priority',
      openedAt: '2025-03-03T08:00:00Z',
    });
    await insertJob({
      facilityId: fx.ws2,
      partnerId: fx.partnerB,
      status: 'awaiting_parts',
      openedAt: '2025-01-15T08:00:00Z',
    });
    await insertJob({
      facilityId: fx.ws2,
      partnerId: fx.partnerB,
      status: 'cancelled',
      priority: 'urgent',
      openedAt: '2025-01-10T08:00:00Z',
      closedAt: '2025-01-11T08:00:00Z',
    });
  });
  afterAll(async () => {
    await ctx.close();
  });

  it(
    'streams the jobs matching the filters as an attachment, ' +
      'every column spelled out, cells quoted and formulas escaped',
    async () => {
      const res = await exportAs(viewer, { status: 'in_repair', facilityId: fx.ws1 });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="repair-jobs.csv"');
      const { fields, rows } = parseCsv(res.text);
      expect(fields).toEqual([...repairJobExportColumns]);
      const expected: Array<{ number: string }> = await ctx.db.query(
        `SELECT number FROM repair_jobs WHERE status = 'in_repair' AND facility_id = $1
          ORDER BY priority_rank, opened_at, id`,
        [fx.ws1],
      );
      expect(expected).toHaveLength(3);
      expect(rows.map((r) => r.number)).toEqual(expected.map((e) => e.number));
      const serial: string = (
        await ctx.db.query(
          `SELECT s.serial_number FROM repair_jobs j JOIN systems s ON s.id = j.system_id WHERE j.id = $1`,
          [detailed.id],
        )
      )[0].serial_number;
      expect(rows[0]).toEqual({
        number: detailed.number,
        facility_code: 'WS-T1',
        system_serial: serial,
        model: 'Model A',
        kind: 'corrective',
        priority: 'urgent',
        status: 'in_repair',
        opened_at: '2025-03-01T08:00:00.000Z',
        due_at: '2025-03-03T08:00:00.000Z',
        closed_at: '',
        overdue: 'true',
        total_hours: '3.75',
        technicians: 'Olena Kovalenko; Taras Shevchuk',
        reported_fault: `'=HYPERLINK("http://x.example")`,
        diagnosis: 'Seal worn, "main" cylinder;\nreplace',
      });
      // a job without technicians, hours or diagnosis: empty cells, zero hours; not overdue before its due date
      expect(rows[1]).toMatchObject({
        priority: 'urgent',
        technicians: '',
        total_hours: '0',
        diagnosis: '',
        overdue: 'false',
      });
      // the raw text: the formula is quoted with a leading apostrophe, the diagnosis quoted with doubled quotes
      expect(res.text).toContain(`"'=HYPERLINK(""http://x.example"")"`);
      expect(res.text).toContain('"Seal worn, ""main"" cylinder;\nreplace"');
    },
  );

  it('writes a closed job with its close time and never as overdue', async () => {
    const { rows } = parseCsv((await exportAs(admin, { open: 'false', facilityId: fx.ws1 })).text);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      status: 'completed',
      closed_at: '2025-02-10T08:00:00.000Z',
      overdue: 'false',
      technicians: 'Olena Kovalenko',
    });
  });

  it("keeps the list endpoint's order (priority, then age) for the same filters", async () => {
    const queries: Query[] = [{}, { open: 'true' }, { status: ['in_repair', 'reported'] }, { facilityId: fx.ws2 }];
    for (const query of queries) {
      const { rows } = parseCsv((await exportAs(admin, query)).text);
      const listed = await listedNumbers(admin, query);
      expect(listed.length).toBeGreaterThan(0);
      expect(rows.map((r) => r.number)).toEqual(listed);
    }
    const all = parseCsv((await exportAs(admin)).text).rows;
    expect(all).toHaveLength(8);
    expect(all.map((r) => r.priority)).toEqual([
      'urgent',
      'urgent',
      'urgent',
      'priority',
      'priority',
      'routine',
      'routine',
      'routine',
    ]);
  });

  it("gives a workshop user only its facility's jobs, also when it asks for another facility", async () => {
    const { rows } = parseCsv((await exportAs(ws1)).text);
    const expected: Array<{ number: string }> = await ctx.db.query(
      `SELECT number FROM repair_jobs WHERE facility_id = $1 ORDER BY priority_rank, opened_at, id`,
      [fx.ws1],
    );
    expect(rows.map((r) => r.number)).toEqual(expected.map((e) => e.number));
    expect(new Set(rows.map((r) => r.facility_code))).toEqual(new Set(['WS-T1']));
    expect(rows.some((r) => r.technicians !== '')).toBe(true);

    const other = await exportAs(ws1, { facilityId: fx.ws2 });
    expect(other.status).toBe(200);
    expect(parseCsv(other.text)).toEqual({ fields: [...repairJobExportColumns], rows: [] });
  });

  it("gives a partner user only jobs on its country's systems, with no technician names", async () => {
    const res = await exportAs(partnerA);
    expect(res.status).toBe(200);
    const { rows } = parseCsv(res.text);
    const expected: Array<{ number: string }> = await ctx.db.query(
      `SELECT j.number FROM repair_jobs j JOIN systems s ON s.id = j.system_id WHERE s.donor_partner_id = $1
        ORDER BY j.priority_rank, j.opened_at, j.id`,
      [fx.partnerA],
    );
    expect(expected).toHaveLength(4);
    expect(rows.map((r) => r.number)).toEqual(expected.map((e) => e.number));
    expect(rows.map((r) => r.technicians)).toEqual(['', '', '', '']);
    expect(res.text).not.toMatch(/Olena|Taras/);
    // the same jobs exported by an admin do carry the names
    const byAdmin = parseCsv((await exportAs(admin)).text).rows.find((r) => r.number === detailed.number);
    expect(byAdmin?.technicians).toBe('Olena Kovalenko; Taras Shevchuk');
  });

  it('answers 400 with problem details on a bad filter and 401 without a session', async () => {
    const bad = await exportAs(admin, { status: 'nope' });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['status']);
    expect((await exportAs(admin, { facilityId: 'not-a-uuid' })).status).toBe(400);
    expect((await exportAs(admin, { openedFrom: '2025-13-45' })).status).toBe(400);

    const anonymous = await ctx.http().get(EXPORT);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('exports more than one batch (1 000 rows) completely, in order across the batch boundaries', async () => {
    const n = 2345;
    await ctx.db.query(
      `WITH sys AS (
         INSERT INTO systems (model_id, serial_number, donor_partner_id, facility_id, status)
         SELECT $1, 'BULK-' || lpad(g::text, 5, '0'), $2, $3, 'in_repair' FROM generate_series(1, $4::int) g
         RETURNING id, substr(serial_number, 6)::int AS g
       )
       INSERT INTO repair_jobs (number, facility_id, system_id, kind, priority, priority_rank, status, reported_fault,
                                system_status_before, opened_at, due_at)
       SELECT 'RJ-2024-' || lpad(g::text, 5, '0'), $3, id, 'overhaul',
              (ARRAY['urgent', 'priority', 'routine'])[g % 3 + 1], g % 3, 'reported', 'Bulk fault ' || g, 'operational',
              -- six jobs in a row (two per priority) share an opening time,
              -- so the keyset's tie-break on id is exercised
              '2024-01-01T00:00:00Z'::timestamptz + ((g / 6) * interval '1 minute'), '2099-01-01T00:00:00Z'
         FROM sys`,
      [fx.modelB, fx.partnerB, fx.ws2, n],
    );
    const res = await exportAs(admin, { kind: 'overhaul', facilityId: fx.ws2 });
    expect(res.status).toBe(200);
    const { rows } = parseCsv(res.text);
    const expected: Array<{ number: string }> = await ctx.db.query(
      `SELECT number FROM repair_jobs WHERE kind = 'overhaul' ORDER BY priority_rank, opened_at, id`,
    );
    expect(rows).toHaveLength(n);
    expect(new Set(rows.map((r) => r.number)).size).toBe(n);
    expect(rows.map((r) => r.number)).toEqual(expected.map((e) => e.number));
    expect(rows[0]).toMatchObject({
      priority: 'urgent',
      system_serial: 'BULK-00003',
      model: 'Model B',
      facility_code: 'WS-T2',
    });

    // and the filters still hold across batches
    const urgent = parseCsv((await exportAs(viewer, { kind: 'overhaul', priority: 'urgent' })).text).rows;
    expect(urgent).toHaveLength(Math.floor(n / 3));
    expect(urgent.every((r) => r.priority === 'urgent')).toBe(true);
  });
});
