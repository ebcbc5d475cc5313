import type { DataSource } from 'typeorm';

/** Reference rows the repair-job specs build on, inserted with SQL (each spec file has an empty database). */
export interface RepairFixtures {
  partnerA: string;
  partnerB: string;
  jv1: string;
  jv2: string;
  ws1: string;
  ws2: string;
  depot1: string;
  modelA: string;
  modelB: string;
  /** fits modelA only */
  componentA: string;
  /** fits modelB only */
  componentB: string;
}

const one = async (db: DataSource, sql: string, params: unknown[] = []): Promise<string> =>
  (await db.query(sql, params))[0].id;

export async function repairFixtures(db: DataSource): Promise<RepairFixtures> {
  const partnerA = await one(
    db,
    `INSERT INTO partners (code, name, role) VALUES ('XA', 'Partner A', 'member') RETURNING id`,
  );
  const partnerB = await one(
    db,
    `INSERT INTO partners (code, name, role) VALUES ('XB', 'Partner B', 'member') RETURNING id`,
  );
  const jv1 = await one(
    db,
    `INSERT INTO joint_ventures (name, ukrainian_company, scopes, established_on)
     VALUES ('JV one', 'Ukr one', '{repair}', '2024-01-01') RETURNING id`,
  );
  const jv2 = await one(
    db,
    `INSERT INTO joint_ventures (name, ukrainian_company, scopes, established_on)
     VALUES ('JV two', 'Ukr two', '{repair}', '2024-01-01') RETURNING id`,
  );
  const facility = (code: string, kind: string, jv: string) =>
    one(
      db,
      `INSERT INTO facilities (code, name, kind, oblast, joint_venture_id, repair_bays)
       VALUES ($1, $1, $2, 'lvivska', $3, $4) RETURNING id`,
      [code, kind, jv, kind === 'repair_workshop' ? 4 : 0],
    );
  const ws1 = await facility('WS-T1', 'repair_workshop', jv1);
  const ws2 = await facility('WS-T2', 'repair_workshop', jv2);
  const depot1 = await facility('DP-T1', 'depot', jv1);
  const modelA = await one(
    db,
    `INSERT INTO system_models (designation, kind, caliber_mm, origin_partner_id, barrel_life_efc)
     VALUES ('Model A', 'towed_howitzer', 155, $1, 2500) RETURNING id`,
    [partnerA],
  );
  const modelB = await one(
    db,
    `INSERT INTO system_models (designation, kind, caliber_mm, origin_partner_id, barrel_life_efc)
     VALUES ('Model B', 'mortar', 120, $1, 8000) RETURNING id`,
    [partnerB],
  );
  const componentA = await one(
    db,
    `INSERT INTO components (part_number, name, category, unit_of_issue)
     VALUES ('CMP-A', 'Part for A', 'breech', 'ea') RETURNING id`,
  );
  const componentB = await one(
    db,
    `INSERT INTO components (part_number, name, category, unit_of_issue)
     VALUES ('CMP-B', 'Part for B', 'recoil', 'ea') RETURNING id`,
  );
  await db.query(`INSERT INTO component_system_models (component_id, system_model_id) VALUES ($1, $2), ($3, $4)`, [
    componentA,
    modelA,
    componentB,
    modelB,
  ]);
  return { partnerA, partnerB, jv1, jv2, ws1, ws2, depot1, modelA, modelB, componentA, componentB };
}

export interface SystemOptions {
  modelId: string;
  donorPartnerId: string;
  facilityId?: string | null;
  status?: string;
  totalEfc?: number;
  barrelEfc?: number;
  barrelSerial?: string | null;
  /** days ago the system was created */
  createdDaysAgo?: number;
}

let serial = 0;

/** Inserts a system; returns its id. */
export async function createSystem(db: DataSource, o: SystemOptions): Promise<string> {
  serial += 1;
  return one(
    db,
    `INSERT INTO systems (model_id, serial_number, donor_partner_id, facility_id, status, total_efc, barrel_efc,
                          barrel_serial, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now() - make_interval(days => $9)) RETURNING id`,
    [
      o.modelId,
      `SN-${process.pid}-${String(serial).padStart(4, '0')}`,
      o.donorPartnerId,
      o.facilityId ?? null,
      o.status ?? 'operational',
      o.totalEfc ?? 0,
      o.barrelEfc ?? 0,
      o.barrelSerial ?? null,
      o.createdDaysAgo ?? 0,
    ],
  );
}

export async function systemRow(db: DataSource, id: string) {
  const [row] = await db.query(
    `SELECT status, facility_id, version, barrel_serial, barrel_efc::float8 AS barrel_efc,
            total_efc::float8 AS total_efc, barrel_wear
       FROM systems WHERE id = $1`,
    [id],
  );
  return row as {
    status: string;
    facility_id: string | null;
    version: number;
    barrel_serial: string | null;
    barrel_efc: number;
    total_efc: number;
    barrel_wear: number;
  };
}

/** Today's date (UTC) shifted by `days`, as YYYY-MM-DD. */
export const dayOffset = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
