import type { DataSource } from 'typeorm';

/** Reference rows the systems specs build on (inserted with SQL: the reference-data API is tested elsewhere). */
export interface SystemsFixtures {
  partners: { FR: string; LV: string; DE: string };
  models: { A: string; B: string };
  /** barrel life of each model */
  life: { A: number; B: number };
  units: { U1: string; U2: string };
  facilities: { WS1: string; WS2: string; DEPOT: string };
}

export async function insertSystemsFixtures(db: DataSource): Promise<SystemsFixtures> {
  const id = async (sql: string, params: unknown[]) => (await db.query(sql, params))[0].id as string;
  const partner = (code: string, role: string) =>
    id(`INSERT INTO partners (code, name, role) VALUES ($1, $2, $3) RETURNING id`, [code, `Partner ${code}`, role]);
  const FR = await partner('FR', 'co_lead');
  const LV = await partner('LV', 'co_lead');
  const DE = await partner('DE', 'member');
  const model = (designation: string, life: number) =>
    id(
      `INSERT INTO system_models (designation, kind, caliber_mm, origin_partner_id, barrel_life_efc)
       VALUES ($1, 'towed_howitzer', 155, $2, $3) RETURNING id`,
      [designation, FR, life],
    );
  const A = await model('TH-155/52 test howitzer', 2500);
  const B = await model('MRL-122/40 test launcher', 4000);
  const unit = (code: string) =>
    id(`INSERT INTO units (code, name) VALUES ($1, $2) RETURNING id`, [code, `Unit ${code}`]);
  const U1 = await unit('ART-901');
  const U2 = await unit('ART-902');
  const facility = (code: string, kind: string, bays: number) =>
    id(
      `INSERT INTO facilities (code, name, kind, oblast, repair_bays) VALUES ($1, $2, $3, 'lvivska', $4) RETURNING id`,
      [code, `Facility ${code}`, kind, bays],
    );
  const WS1 = await facility('WS-T-01', 'repair_workshop', 4);
  const WS2 = await facility('WS-T-02', 'repair_workshop', 4);
  const DEPOT = await facility('DP-T-01', 'depot', 0);
  return {
    partners: { FR, LV, DE },
    models: { A, B },
    life: { A: 2500, B: 4000 },
    units: { U1, U2 },
    facilities: { WS1, WS2, DEPOT },
  };
}

export interface SystemRowInput {
  modelId: string;
  serial: string;
  donorPartnerId: string;
  unitId?: string | null;
  facilityId?: string | null;
  status?: string;
  totalEfc?: number;
  barrelEfc?: number;
  statusChangedAt?: string;
}

/** Inserts systems straight into the table (one statement), answering their ids in order. */
export async function insertSystems(db: DataSource, rows: SystemRowInput[]): Promise<string[]> {
  const params: unknown[] = [];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const values = rows.map(
    (r) =>
      `(${[
        add(r.modelId),
        add(r.serial),
        add(r.donorPartnerId),
        add(r.unitId ?? null),
        add(r.facilityId ?? null),
        add(r.status ?? 'operational'),
        add(r.totalEfc ?? r.barrelEfc ?? 0),
        add(r.barrelEfc ?? 0),
        `coalesce(${add(r.statusChangedAt ?? null)}::timestamptz, now())`,
      ].join(', ')})`,
  );
  const out: Array<{ id: string }> = await db.query(
    `INSERT INTO systems (model_id, serial_number, donor_partner_id, unit_id, facility_id, status, total_efc,
                          barrel_efc, status_changed_at)
     VALUES ${values.join(', ')} RETURNING id`,
    params,
  );
  return out.map((r) => r.id);
}

/** YYYY-MM-DD, `days` days from today (UTC). */
export const utcDay = (days = 0) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
