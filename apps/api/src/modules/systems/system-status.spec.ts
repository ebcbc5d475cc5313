import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SystemStatus } from '@jv/domain';
import type { EntityManager } from 'typeorm';
import { changeSystemStatus, registerSystems } from './system-status';

const SRC = path.resolve(__dirname, '../..');
const SYSTEMS_MODULE = path.resolve(__dirname);
const HELPER = path.join(SYSTEMS_MODULE, 'system-status.ts');

/** Every non-test source file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'migrations' ? [] : sources(full);
    return /\.ts$/.test(e.name) && !/\.spec\.ts$/.test(e.name) ? [full] : [];
  });
}

const rel = (f: string) => path.relative(SRC, f);

/** SQL or TypeORM writes to the systems table or its status history. */
const WRITES_SYSTEMS = [
  /\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(?:systems|system_status_history)\b/i,
  /\b(?:getRepository|withRepository)\(\s*(?:SystemEntity|SystemStatusHistoryEntity)\b/,
  /\.(?:insert|update|save|upsert|delete|remove|increment|decrement)\(\s*(?:SystemEntity|SystemStatusHistoryEntity)\b/,
  /\bupdateVersioned\([^,]+,\s*['"]systems['"]/,
  /\binsertRows\([^,]+,\s*['"]systems['"]/,
];
/** An UPDATE of systems that sets the status or the facility. */
const SETS_STATUS_OR_FACILITY = /\bUPDATE\s+systems\b(?:(?!`).)*?\bSET\b(?:(?!`).)*?\b(?:status|facility_id)\s*=/is;
const WRITES_HISTORY = /\bINSERT\s+INTO\s+system_status_history\b/i;

describe('systems own their status', () => {
  it('no module but systems writes the systems table or the status history', () => {
    const offenders = sources(path.join(SRC, 'modules'))
      .filter((f) => !f.startsWith(SYSTEMS_MODULE + path.sep))
      .flatMap((f) => WRITES_SYSTEMS.filter((re) => re.test(readFileSync(f, 'utf8'))).map((re) => `${rel(f)}: ${re}`));
    expect(offenders).toEqual([]);
  });

  it(
    'inside the systems module, only system-status.ts writes the status (and its history); ' + 'the seeds use it too',
    () => {
      const files = [...sources(SYSTEMS_MODULE), ...sources(path.join(SRC, 'database', 'seeds'))].filter(
        (f) => f !== HELPER,
      );
      const offenders = files.filter((f) => SETS_STATUS_OR_FACILITY.test(readFileSync(f, 'utf8'))).map(rel);
      expect(offenders).toEqual([]);
      // registering new systems writes their first history row through registerSystems too
      // (the bulk demo seed of new systems excepted)
      const history = sources(SYSTEMS_MODULE)
        .filter((f) => f !== HELPER && WRITES_HISTORY.test(readFileSync(f, 'utf8')))
        .map(rel);
      expect(history).toEqual([]);
      // and the checks do see a writer: the helper itself
      expect(SETS_STATUS_OR_FACILITY.test(readFileSync(HELPER, 'utf8'))).toBe(true);
    },
  );
});

interface Call {
  sql: string;
  params: unknown[];
}

/** A stand-in for the transaction's EntityManager: records every query, answers the lock and the UPDATE. */
function fakeManager(row: Record<string, unknown> | undefined) {
  const calls: Call[] = [];
  const m = {
    query: async (sql: string, params: unknown[] = []): Promise<unknown> => {
      calls.push({ sql: sql.replace(/\s+/g, ' ').trim(), params });
      if (/^SELECT/.test(sql.trim())) return row ? [row] : [];
      if (/^UPDATE systems/.test(sql.trim())) return [[{ version: (row?.['version'] as number) + 1 }], 1];
      if (/^INSERT INTO systems /.test(sql.trim()))
        return (params as unknown[]).filter((_, i) => i % 11 === 0).map((_, i) => ({ id: `id-${i}` }));
      return [];
    },
  } as unknown as Pick<EntityManager, 'query'>;
  const of = (re: RegExp) => calls.filter((c) => re.test(c.sql));
  const audit = () =>
    of(/^INSERT INTO audit_log/).map((c) => ({
      before: JSON.parse(c.params[5] as string),
      after: JSON.parse(c.params[6] as string),
    }));
  return { m, calls, of, audit };
}

const SYSTEM = 'a1b2c3d4-0000-4000-8000-000000000001';
const WS = 'a1b2c3d4-0000-4000-8000-0000000000f1';
const locked = (status: SystemStatus, o: Record<string, unknown> = {}) => ({
  status,
  facility_id: null,
  barrel_serial: 'B-1',
  barrel_efc: '120.50',
  total_efc: '900.00',
  version: 4,
  ...o,
});

describe('changeSystemStatus', () => {
  it('writes the row, one history row and one audit row for a status change', async () => {
    const f = fakeManager(locked('operational'));
    const r = await changeSystemStatus(f.m, {
      systemId: SYSTEM,
      status: 'degraded',
      reason: 'Sight misaligned',
      actorId: 'u1',
    });
    expect(r).toMatchObject({
      changed: true,
      statusChanged: true,
      before: { status: 'operational', version: 4 },
      after: { status: 'degraded', version: 5 },
    });
    expect(f.of(/FOR UPDATE/)).toHaveLength(1);
    expect(f.of(/^UPDATE systems/)).toHaveLength(1);
    expect(f.of(/^UPDATE systems/)[0].params).toEqual([SYSTEM, 'degraded', null, true, null, null]);
    expect(f.of(/^INSERT INTO system_status_history/).map((c) => c.params)).toEqual([
      [SYSTEM, 'operational', 'degraded', 'Sight misaligned', 'u1', null],
    ]);
    expect(f.audit()).toEqual([
      {
        before: { status: 'operational', version: 4 },
        after: { status: 'degraded', version: 5, reason: 'Sight misaligned' },
      },
    ]);
    expect(f.calls).toHaveLength(4);
  });

  it('moves the facility with the status (opening a job) and names both in the audit row', async () => {
    const f = fakeManager(locked('degraded'));
    await changeSystemStatus(f.m, {
      systemId: SYSTEM,
      status: 'in_repair',
      facilityId: WS,
      reason: 'RJ-2026-00001',
      actorId: null,
    });
    expect(f.audit()).toEqual([
      {
        before: { status: 'degraded', facilityId: null, version: 4 },
        after: { status: 'in_repair', facilityId: WS, version: 5, reason: 'RJ-2026-00001' },
      },
    ]);
    expect(f.of(/^INSERT INTO system_status_history/)).toHaveLength(1);
  });

  it('writes no history row when only the facility changes, and nothing at all when nothing changes', async () => {
    const moved = fakeManager(locked('in_repair'));
    await changeSystemStatus(moved.m, {
      systemId: SYSTEM,
      status: 'in_repair',
      facilityId: WS,
      reason: 'RJ-2026-00002',
      actorId: null,
    });
    expect(moved.of(/^UPDATE systems/)[0].params[3]).toBe(false);
    expect(moved.of(/^INSERT INTO system_status_history/)).toEqual([]);
    expect(moved.audit()).toHaveLength(1);

    const same = fakeManager(locked('in_repair', { facility_id: WS }));
    const r = await changeSystemStatus(same.m, {
      systemId: SYSTEM,
      status: 'in_repair',
      facilityId: WS,
      reason: 'x',
      actorId: null,
    });
    expect(r.changed).toBe(false);
    expect(same.calls.map((c) => c.sql.slice(0, 6))).toEqual(['SELECT']);
  });

  it('fits a new barrel: barrel serial and EFC before and after in the audit row', async () => {
    const f = fakeManager(locked('in_repair'));
    await changeSystemStatus(f.m, {
      systemId: SYSTEM,
      status: 'operational',
      newBarrelSerial: 'B-2',
      reason: 'RJ-2026-00003',
      actorId: 'u2',
    });
    expect(f.of(/^UPDATE systems/)[0].params[5]).toBe('B-2');
    expect(f.audit()).toEqual([
      {
        before: { status: 'in_repair', barrelSerial: 'B-1', barrelEfc: 120.5, version: 4 },
        after: { status: 'operational', barrelSerial: 'B-2', barrelEfc: 0, version: 5, reason: 'RJ-2026-00003' },
      },
    ]);
  });

  it('dates the change when told (seeds replaying the past)', async () => {
    const f = fakeManager(locked('in_repair'));
    const at = new Date('2026-01-02T03:04:05Z');
    await changeSystemStatus(f.m, {
      systemId: SYSTEM,
      status: 'awaiting_parts',
      reason: 'RJ-2026-00004',
      actorId: 'u3',
      at,
    });
    expect(f.of(/^UPDATE systems/)[0].params[4]).toBe(at.toISOString());
    expect(f.of(/^INSERT INTO system_status_history/)[0].params[5]).toBe(at.toISOString());
  });

  it("refuses to change a written-off system's status (409) and a missing system (404), writing nothing", async () => {
    const off = fakeManager(locked('written_off'));
    await expect(
      changeSystemStatus(off.m, { systemId: SYSTEM, status: 'operational', reason: 'x', actorId: null }),
    ).rejects.toMatchObject({ code: 'INVALID_STATUS_CHANGE', status: 409 });
    expect(off.calls).toHaveLength(1);
    const missing = fakeManager(undefined);
    await expect(
      changeSystemStatus(missing.m, { systemId: SYSTEM, status: 'operational', reason: 'x', actorId: null }),
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe('registerSystems', () => {
  it('inserts the systems in one statement and their first history rows in another', async () => {
    const f = fakeManager(undefined);
    const base = {
      modelId: 'm',
      donorPartnerId: 'p',
      unitId: null,
      facilityId: null,
      totalEfc: 0,
      barrelEfc: 0,
      barrelSerial: null,
      notes: null,
    };
    const ids = await registerSystems(
      f.m,
      [
        { ...base, serialNumber: 'S-1', status: 'operational' },
        { ...base, serialNumber: 'S-2', status: 'in_transit' },
      ],
      { reason: 'imported', actorId: 'u1' },
    );
    expect(ids).toEqual(['id-0', 'id-1']);
    expect(f.of(/^INSERT INTO systems /)).toHaveLength(1);
    expect(f.of(/^INSERT INTO system_status_history/).map((c) => c.params)).toEqual([
      [ids, ['operational', 'in_transit'], 'imported', 'u1'],
    ]);
    expect(await registerSystems(f.m, [], { reason: 'imported', actorId: 'u1' })).toEqual([]);
    expect(f.calls).toHaveLength(2);
  });
});
