import type {
  ComponentCategory,
  FacilityKind,
  JvScope,
  Locale,
  Oblast,
  PartnerRole,
  Role,
  SystemKind,
} from '@jv/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../../modules/auth/passwords';
import { seedComponentRequestsDemo } from './component-requests-seed';
import { seedPartnerReportsDemo } from './partner-reports-seed';
import { seedRepairJobsDemo } from './repair-jobs-seed';
import { seedSystemsDemo } from './systems-seed';
import { seedTrainingDemo } from './training-seed';

/*
 * Demo data for a fresh database: coalition partners, joint ventures, facilities, system models,
 * components, units and one account per role. Everything is invented (companies, facilities,
 * designations, units, people); only the country codes and oblasts are real.
 */

/** The password of every demo account (demo databases only). */
export const DEMO_PASSWORD = 'jv-demo-password';

const SEED_LOCK = 74_610_002;

// Partners -----------------------------------------------------------------------------------------
const PARTNERS: ReadonlyArray<[code: string, name: string, role: PartnerRole]> = [
  ['FR', 'France', 'co_lead'],
  ['LV', 'Latvia', 'co_lead'],
  ['DE', 'Germany', 'member'],
  ['PL', 'Poland', 'member'],
  ['CZ', 'Czechia', 'member'],
  ['SK', 'Slovakia', 'member'],
  ['DK', 'Denmark', 'member'],
  ['SE', 'Sweden', 'member'],
  ['NO', 'Norway', 'member'],
  ['LT', 'Lithuania', 'member'],
  ['EE', 'Estonia', 'member'],
  ['IT', 'Italy', 'member'],
  ['UA', 'Ukraine', 'host'],
];

// Joint ventures (invented companies) --------------------------------------------------------------
interface DemoJointVenture {
  name: string;
  ukrainianCompany: string;
  scopes: JvScope[];
  establishedOn: string;
  partners: Array<[partnerCode: string, companyName: string]>;
}
const JOINT_VENTURES: DemoJointVenture[] = [
  {
    name: 'Dnipro-Nordic Artillery Services',
    ukrainianCompany: 'Ukrartservis LLC (demo)',
    scopes: ['maintenance', 'repair'],
    establishedOn: '2024-03-15',
    partners: [
      ['DK', 'Nordhavn Defence Works A/S (demo)'],
      ['SE', 'Kvarnby Mekaniska AB (demo)'],
    ],
  },
  {
    name: 'Carpathian Barrel Works',
    ukrainianCompany: 'Karpaty Metalprom JSC (demo)',
    scopes: ['repair', 'production'],
    establishedOn: '2024-06-01',
    partners: [
      ['FR', 'Ateliers Ravel Industrie SAS (demo)'],
      ['CZ', 'Moravska Strojirna s.r.o. (demo)'],
    ],
  },
  {
    name: 'Baltic-Ukrainian Gunnery Training',
    ukrainianCompany: 'Polissia Training Systems LLC (demo)',
    scopes: ['training', 'maintenance'],
    establishedOn: '2024-09-20',
    partners: [['LV', 'Daugava Defence Services SIA (demo)']],
  },
  {
    name: 'Podillia Field Maintenance',
    ukrainianCompany: 'Podilskyi Remontnyi Zavod LLC (demo)',
    scopes: ['maintenance', 'repair'],
    establishedOn: '2025-01-10',
    partners: [
      ['DE', 'Hessel Wehrtechnik GmbH (demo)'],
      ['PL', 'Wislana Zbrojownia Sp. z o.o. (demo)'],
    ],
  },
];

// Facilities (invented) ----------------------------------------------------------------------------
interface DemoFacility {
  code: string;
  name: string;
  kind: FacilityKind;
  oblast: Oblast;
  jointVenture: string | null;
  repairBays: number;
  trainingSeats: number;
}
const FACILITIES: DemoFacility[] = [
  {
    code: 'WS-LV-01',
    name: 'Western Repair Workshop No. 1',
    kind: 'repair_workshop',
    oblast: 'lvivska',
    jointVenture: 'Dnipro-Nordic Artillery Services',
    repairBays: 12,
    trainingSeats: 0,
  },
  {
    code: 'WS-VN-02',
    name: 'Podillia Repair Workshop No. 2',
    kind: 'repair_workshop',
    oblast: 'vinnytska',
    jointVenture: 'Podillia Field Maintenance',
    repairBays: 8,
    trainingSeats: 10,
  },
  {
    code: 'TB-ZT-01',
    name: 'Polissia Gunnery Training Base',
    kind: 'training_base',
    oblast: 'zhytomyrska',
    jointVenture: 'Baltic-Ukrainian Gunnery Training',
    repairBays: 0,
    trainingSeats: 120,
  },
  {
    code: 'DP-KV-01',
    name: 'Central Spare Parts Depot',
    kind: 'depot',
    oblast: 'kyivska',
    jointVenture: null,
    repairBays: 0,
    trainingSeats: 0,
  },
  {
    code: 'PP-IF-01',
    name: 'Carpathian Barrel Plant',
    kind: 'production_plant',
    oblast: 'ivano-frankivska',
    jointVenture: 'Carpathian Barrel Works',
    repairBays: 4,
    trainingSeats: 0,
  },
  {
    code: 'DP-DP-02',
    name: 'Eastern Forward Depot',
    kind: 'depot',
    oblast: 'dnipropetrovska',
    jointVenture: null,
    repairBays: 0,
    trainingSeats: 0,
  },
];

// System models (generic invented designations) ----------------------------------------------------
const MODELS: ReadonlyArray<
  [key: string, designation: string, kind: SystemKind, caliberMm: number, origin: string, barrelLifeEfc: number]
> = [
  ['TH155', 'TH-155/52 towed howitzer', 'towed_howitzer', 155, 'FR', 2500],
  ['TH105', 'TH-105/30 light towed gun', 'towed_howitzer', 105, 'IT', 7000],
  ['SPW155', 'SPH-155/52W wheeled self-propelled howitzer', 'self_propelled_howitzer', 155, 'FR', 2500],
  ['SPT155', 'SPH-155/52T tracked self-propelled howitzer', 'self_propelled_howitzer', 155, 'DE', 3000],
  ['SPW152', 'SPH-152/47W wheeled self-propelled howitzer', 'self_propelled_howitzer', 152, 'CZ', 2000],
  ['SPT155N', 'SPH-155/52N tracked self-propelled howitzer', 'self_propelled_howitzer', 155, 'NO', 2800],
  ['MRL122', 'MRL-122/40 wheeled rocket launcher', 'mlrs', 122, 'CZ', 4000],
  ['MRL227', 'MRL-227/12 tracked rocket launcher', 'mlrs', 227, 'DE', 1200],
  ['MT120', 'MT-120 towed mortar', 'mortar', 120, 'SE', 8000],
  ['MT81', 'MT-81 light mortar', 'mortar', 81, 'LV', 10000],
];

// Components: part number, name, category, unit of issue, compatible model keys ---------------------
const G155 = ['TH155', 'SPW155', 'SPT155', 'SPT155N'];
const HOW = [...G155, 'TH105', 'SPW152'];
const SP = ['SPW155', 'SPT155', 'SPW152', 'SPT155N'];
const MRL = ['MRL122', 'MRL227'];
const MORT = ['MT120', 'MT81'];
const COMPONENTS: ReadonlyArray<[string, string, ComponentCategory, string, string[]]> = [
  ['BRL-155-52-A', 'Barrel assembly 155 mm L52', 'barrel', 'ea', G155],
  ['BRL-105-30-A', 'Barrel assembly 105 mm L30', 'barrel', 'ea', ['TH105']],
  ['BRL-152-47-A', 'Barrel assembly 152 mm L47', 'barrel', 'ea', ['SPW152']],
  ['BRL-120-M-A', 'Mortar tube 120 mm', 'barrel', 'ea', ['MT120']],
  ['BRL-081-M-A', 'Mortar tube 81 mm', 'barrel', 'ea', ['MT81']],
  ['BRL-MZB-155', 'Muzzle brake 155 mm', 'barrel', 'ea', G155],
  ['BRL-BEV-155', 'Bore evacuator 155 mm', 'barrel', 'ea', ['SPW155', 'SPT155', 'SPT155N']],
  ['BRL-LNR-122', 'Launch tube liner 122 mm', 'barrel', 'set', ['MRL122']],
  ['BRC-BLK-155', 'Breech block 155 mm', 'breech', 'ea', G155],
  ['BRC-OBT-155', 'Obturator seal 155 mm', 'breech', 'kit', G155],
  ['BRC-FPN-001', 'Firing pin set', 'breech', 'kit', HOW],
  ['BRC-EXT-105', 'Extractor assembly 105 mm', 'breech', 'ea', ['TH105']],
  ['BRC-MEC-152', 'Breech mechanism repair kit 152 mm', 'breech', 'kit', ['SPW152']],
  ['RCL-BUF-155', 'Recoil buffer 155 mm', 'recoil', 'ea', G155],
  ['RCL-RCP-155', 'Recuperator cylinder 155 mm', 'recoil', 'ea', G155],
  ['RCL-SEAL-01', 'Recoil system seal kit', 'recoil', 'kit', HOW],
  ['RCL-OIL-10L', 'Recoil fluid, 10 l canister', 'recoil', 'can', HOW],
  ['RCL-BPL-120', 'Mortar base plate 120 mm', 'recoil', 'ea', ['MT120']],
  ['FCS-GNS-001', 'Inertial navigation unit', 'fire_control', 'ea', [...SP, ...MRL]],
  ['FCS-BCM-002', 'Ballistic computer module', 'fire_control', 'ea', [...SP, ...MRL]],
  ['FCS-DSP-003', 'Gun layer display', 'fire_control', 'ea', SP],
  ['FCS-SGT-004', 'Panoramic sight', 'fire_control', 'ea', ['TH155', 'TH105', ...MORT]],
  ['FCS-MVR-005', 'Muzzle velocity radar', 'fire_control', 'ea', G155],
  ['FCS-RAD-006', 'Tactical radio adapter', 'fire_control', 'ea', [...SP, ...MRL]],
  ['HYD-PMP-001', 'Hydraulic pump', 'hydraulics', 'ea', [...SP, 'MRL227']],
  ['HYD-ACC-002', 'Hydraulic accumulator', 'hydraulics', 'ea', SP],
  ['HYD-HSE-003', 'High-pressure hose kit', 'hydraulics', 'kit', [...SP, ...MRL]],
  ['HYD-ELV-004', 'Elevation cylinder', 'hydraulics', 'ea', [...G155, 'SPW152']],
  ['HYD-OIL-020', 'Hydraulic oil, 20 l canister', 'hydraulics', 'can', [...SP, ...MRL]],
  ['ELC-GEN-001', 'Auxiliary generator', 'electrical', 'ea', [...SP, ...MRL]],
  ['ELC-BAT-002', 'Battery pack 24 V', 'electrical', 'ea', [...SP, ...MRL]],
  ['ELC-HRN-003', 'Turret wiring harness', 'electrical', 'ea', ['SPT155', 'SPT155N']],
  ['ELC-SLR-004', 'Slip ring assembly', 'electrical', 'ea', ['SPT155', 'SPT155N', 'SPW155']],
  ['ELC-PDU-005', 'Power distribution unit', 'electrical', 'ea', [...SP, ...MRL]],
  ['CHS-TRK-001', 'Track link set', 'chassis', 'set', ['SPT155', 'SPT155N', 'MRL227']],
  ['CHS-RWH-002', 'Road wheel assembly', 'chassis', 'ea', ['SPT155', 'SPT155N', 'MRL227']],
  ['CHS-TYR-003', 'Run-flat tyre 14.00R20', 'chassis', 'ea', ['SPW155', 'SPW152', 'MRL122']],
  ['CHS-SPD-004', 'Stabiliser spade', 'chassis', 'ea', [...HOW]],
  ['CHS-AXL-005', 'Trail axle assembly', 'chassis', 'ea', ['TH155', 'TH105', 'MT120']],
  ['CHS-ENG-006', 'Engine overhaul kit', 'chassis', 'kit', [...SP, ...MRL]],
  ['OTH-CVR-001', 'Barrel cover', 'other', 'ea', [...HOW]],
  ['OTH-TLK-002', 'Crew tool kit', 'other', 'kit', [...HOW, ...MRL, ...MORT]],
  ['OTH-CAM-003', 'Camouflage net set', 'other', 'set', [...HOW, ...MRL]],
  ['OTH-CLN-004', 'Bore cleaning kit', 'other', 'kit', [...HOW, ...MORT]],
  ['OTH-MAN-005', 'Technical manual set (uk)', 'other', 'set', []],
];

// Units (invented) ---------------------------------------------------------------------------------
const UNITS: ReadonlyArray<[string, string]> = [
  ['ART-101', '101st Artillery Brigade (demo)'],
  ['ART-102', '102nd Artillery Brigade (demo)'],
  ['ART-103', '103rd Artillery Brigade (demo)'],
  ['ART-104', '104th Artillery Brigade (demo)'],
  ['ART-211', '211th Self-Propelled Artillery Battalion (demo)'],
  ['ART-212', '212th Self-Propelled Artillery Battalion (demo)'],
  ['RKT-301', '301st Rocket Artillery Battalion (demo)'],
  ['RKT-302', '302nd Rocket Artillery Battalion (demo)'],
  ['MOR-401', '401st Mortar Battery (demo)'],
  ['MOR-402', '402nd Mortar Battery (demo)'],
  ['TRG-501', '501st Artillery Training Battalion (demo)'],
  ['MNT-601', '601st Field Maintenance Company (demo)'],
];

// Accounts -----------------------------------------------------------------------------------------
export interface DemoAccount {
  email: string;
  role: Role;
  displayName: string;
  locale: Locale;
  /** code of the facility a workshop account works at */
  facilityCode?: string;
  /** code of the partner country a partner account observes for */
  partnerCode?: string;
}

/** One account per role (two for workshop and logistics, to show scopes and four-eyes rules). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'admin@jv.example', role: 'admin', displayName: 'Demo Administrator', locale: 'en' },
  {
    email: 'workshop@jv.example',
    role: 'workshop',
    displayName: 'Майстер майстерні №1 (демо)',
    locale: 'uk',
    facilityCode: 'WS-LV-01',
  },
  {
    email: 'workshop2@jv.example',
    role: 'workshop',
    displayName: 'Майстер майстерні №2 (демо)',
    locale: 'uk',
    facilityCode: 'WS-VN-02',
  },
  { email: 'logistics@jv.example', role: 'logistics', displayName: 'Офіцер логістики (демо)', locale: 'uk' },
  { email: 'logistics2@jv.example', role: 'logistics', displayName: 'Офіцер логістики 2 (демо)', locale: 'uk' },
  { email: 'training@jv.example', role: 'training', displayName: 'Координатор навчання (демо)', locale: 'uk' },
  {
    email: 'partner@jv.example',
    role: 'partner',
    displayName: 'Спостерігач від Латвії (демо)',
    locale: 'uk',
    partnerCode: 'LV',
  },
  { email: 'viewer@jv.example', role: 'viewer', displayName: 'Штабний офіцер (демо)', locale: 'uk' },
];

/** `($1, $2), ($3, $4), …` for `rows` rows of `width` values, plus the flat parameter list. */
function valuesOf(rows: unknown[][]): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const sql = rows
    .map(
      (r) =>
        `(${r
          .map((v) => {
            params.push(v);
            return `$${params.length}`;
          })
          .join(', ')})`,
    )
    .join(', ');
  return { sql, params };
}

async function insertMany(
  m: EntityManager,
  table: string,
  columns: string[],
  rows: unknown[][],
  returning = 'id',
): Promise<Array<Record<string, string>>> {
  const { sql, params } = valuesOf(rows);
  return m.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${sql} RETURNING ${returning}`, params);
}

/**
 * Seeds the demo data in one transaction. Does nothing (and answers false) when the database already
 * has users, so it never touches a database in use; two processes starting at once seed once.
 */
export async function seedDemo(ds: DataSource): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return ds.transaction(async (m) => {
    await m.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM users`);
    if (n > 0) return false;

    const partners = new Map(
      (
        await insertMany(
          m,
          'partners',
          ['code', 'name', 'role'],
          PARTNERS.map((p) => [...p]),
          'id, code',
        )
      ).map((r) => [r['code'], r['id']]),
    );
    const ref = (map: Map<string, string>, key: string) => {
      const id = map.get(key);
      if (!id) throw new Error(`demo seed: unknown reference ${key}`);
      return id;
    };

    const jvs = new Map(
      (
        await insertMany(
          m,
          'joint_ventures',
          ['name', 'ukrainian_company', 'scopes', 'established_on'],
          JOINT_VENTURES.map((j) => [j.name, j.ukrainianCompany, j.scopes, j.establishedOn]),
          'id, name',
        )
      ).map((r) => [r['name'], r['id']]),
    );
    await insertMany(
      m,
      'joint_venture_partners',
      ['joint_venture_id', 'partner_id', 'company_name'],
      JOINT_VENTURES.flatMap((j) =>
        j.partners.map(([code, company]) => [ref(jvs, j.name), ref(partners, code), company]),
      ),
      'partner_id',
    );

    const facilities = new Map(
      (
        await insertMany(
          m,
          'facilities',
          ['code', 'name', 'kind', 'oblast', 'joint_venture_id', 'repair_bays', 'training_seats'],
          FACILITIES.map((f) => [
            f.code,
            f.name,
            f.kind,
            f.oblast,
            f.jointVenture ? ref(jvs, f.jointVenture) : null,
            f.repairBays,
            f.trainingSeats,
          ]),
          'id, code',
        )
      ).map((r) => [r['code'], r['id']]),
    );

    const modelIds = new Map<string, string>();
    const insertedModels = await insertMany(
      m,
      'system_models',
      ['designation', 'kind', 'caliber_mm', 'origin_partner_id', 'barrel_life_efc'],
      MODELS.map(([, designation, kind, caliber, origin, life]) => [
        designation,
        kind,
        caliber,
        ref(partners, origin),
        life,
      ]),
      'id, designation',
    );
    const byDesignation = new Map(insertedModels.map((r) => [r['designation'], r['id']]));
    for (const [key, designation] of MODELS) modelIds.set(key, ref(byDesignation, designation));

    const components = new Map(
      (
        await insertMany(
          m,
          'components',
          ['part_number', 'name', 'category', 'unit_of_issue'],
          COMPONENTS.map(([pn, name, category, uoi]) => [pn, name, category, uoi]),
          'id, part_number',
        )
      ).map((r) => [r['part_number'], r['id']]),
    );
    const links = COMPONENTS.flatMap(([pn, , , , models]) =>
      [...new Set(models)].map((k) => [ref(components, pn), ref(modelIds, k)]),
    );
    await insertMany(m, 'component_system_models', ['component_id', 'system_model_id'], links, 'component_id');

    await insertMany(
      m,
      'units',
      ['code', 'name'],
      UNITS.map((u) => [...u]),
    );

    await insertMany(
      m,
      'users',
      ['email', 'display_name', 'role', 'locale', 'facility_ids', 'partner_id', 'password_hash'],
      DEMO_ACCOUNTS.map((a) => [
        a.email,
        a.displayName,
        a.role,
        a.locale,
        a.facilityCode ? [ref(facilities, a.facilityCode)] : [],
        a.partnerCode ? ref(partners, a.partnerCode) : null,
        passwordHash,
      ]),
    );

    // features seed their own demo data on top of the reference data, in the same transaction
    await seedSystemsDemo(m);
    await seedRepairJobsDemo(m);
    await seedComponentRequestsDemo(m);
    await seedTrainingDemo(m);
    await seedPartnerReportsDemo(m);
    return true;
  });
}
