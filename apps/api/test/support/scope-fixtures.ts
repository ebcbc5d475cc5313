import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EndpointDef } from '@jv/contracts';
import type TestAgent from 'supertest/lib/agent';
import type { DataSource } from 'typeorm';
import { pngBytes } from './photo-fixtures';
import { dayOffset, repairFixtures } from './repair-fixtures';
import { createUser } from './test-app';

/**
 * Two scopes, A and B, of every object kind an endpoint's path can name (`/v1/systems/{id}` → a system):
 * facility A (ws1) / B (ws2) and partner country A / B, with a system, an open repair job, a component
 * request, a published partner report, a course and a cohort on each side. Scoped users see side A only.
 * Reference rows are inserted with SQL; the rest is created through the API as an admin (so the objects are
 * what the API itself makes); requests are approved with SQL (a supplier partner, as a partner user reads them).
 */
export const fixtureKinds = [
  'partner',
  'jointVenture',
  'facility',
  'systemModel',
  'component',
  'unit',
  'system',
  'repairJob',
  'repairJobPhoto',
  'preventivePlan',
  'componentRequest',
  'supplyPartner',
  'partnerReport',
  'course',
  'person',
  'cohort',
  'enrollment',
  'user',
  'notification',
] as const;
export type FixtureKind = (typeof fixtureKinds)[number];

/** The table behind each kind (for versions and row checks). */
export const tableOf: Record<FixtureKind, string> = {
  partner: 'partners',
  jointVenture: 'joint_ventures',
  facility: 'facilities',
  systemModel: 'system_models',
  component: 'components',
  unit: 'units',
  system: 'systems',
  repairJob: 'repair_jobs',
  repairJobPhoto: 'repair_job_photos',
  preventivePlan: 'preventive_plans',
  componentRequest: 'component_requests',
  supplyPartner: 'supply_plans',
  partnerReport: 'partner_reports',
  course: 'courses',
  person: 'personnel',
  cohort: 'cohorts',
  enrollment: 'enrollments',
  user: 'users',
  notification: 'notifications',
};

/** The collection segment before `{id}` → the kind of object the id names. */
const kindOfSegment: Record<string, FixtureKind> = {
  partners: 'partner',
  'joint-ventures': 'jointVenture',
  facilities: 'facility',
  'system-models': 'systemModel',
  components: 'component',
  units: 'unit',
  systems: 'system',
  'repair-jobs': 'repairJob',
  'preventive-plans': 'preventivePlan',
  'component-requests': 'componentRequest',
  'partner-reports': 'partnerReport',
  courses: 'course',
  personnel: 'person',
  cohorts: 'cohort',
  enrollments: 'enrollment',
  users: 'user',
  notifications: 'notification',
};

/** Other path parameters: their kind, or a fixed value. */
const namedParams: Record<string, FixtureKind | { value: string }> = {
  partnerId: 'supplyPartner',
  photoId: 'repairJobPhoto',
  month: { value: '2026-01' },
};

export interface PathParam {
  name: string;
  kind: FixtureKind | null;
  value?: string;
}

/**
 * The parameters of an endpoint's path and the fixture each needs; throws (naming the endpoint) when a
 * parameter has no fixture, so that a new endpoint cannot slip past the generated suites.
 */
export function pathParams(name: string, def: EndpointDef): PathParam[] {
  const segments = def.path.split('/');
  return segments.flatMap((segment, i): PathParam[] => {
    const m = /^\{(\w+)\}$/.exec(segment);
    if (!m) return [];
    const param = m[1];
    if (param === 'id') {
      const kind = kindOfSegment[segments[i - 1]];
      if (!kind) throw new Error(`no fixture for ${name} (${def.method} ${def.path}): add "${segments[i - 1]}"`);
      return [{ name: param, kind }];
    }
    const named = namedParams[param];
    if (!named) throw new Error(`no fixture for ${name} (${def.method} ${def.path}): parameter {${param}}`);
    return typeof named === 'string'
      ? [{ name: param, kind: named }]
      : [{ name: param, kind: null, value: named.value }];
  });
}

/** The kind of object an endpoint acts on (its first object parameter), or null for collection routes. */
export function subjectKind(name: string, def: EndpointDef): FixtureKind | null {
  return pathParams(name, def).find((p) => p.kind)?.kind ?? null;
}

/** Whether an endpoint's body schema carries `version` (an optimistic lock). */
export function takesVersion(def: EndpointDef): boolean {
  const shape = (def.body as { shape?: Record<string, unknown> } | undefined)?.shape;
  return !!shape && Object.hasOwn(shape, 'version');
}

export type Side = 'A' | 'B';

type ObjectKind = Exclude<FixtureKind, 'notification'>;

export interface ScopeFixtures {
  ids: Record<ObjectKind, Record<Side, string>>;
  partners: Record<Side, string>;
  facilities: Record<Side, string>;
  models: Record<Side, string>;
  components: Record<Side, string>;
  base: string;
  /** identifying strings of each side's objects (ids, numbers, serials, codes): side B's must never leak to A */
  identifying: Record<Side, Array<{ kind: FixtureKind; value: string }>>;
}

const one = async (db: DataSource, sql: string, params: unknown[] = []): Promise<string> =>
  (await db.query(sql, params))[0].id;

async function created(res: { status: number; body: { id?: string } }, what: string): Promise<string> {
  if (res.status !== 201 || !res.body.id) throw new Error(`fixture ${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** Builds both scopes; `admin` and `approver` are signed-in agents of two different admins. */
export async function buildScopeFixtures(
  db: DataSource,
  admin: TestAgent,
  approver: TestAgent,
): Promise<ScopeFixtures> {
  const fx = await repairFixtures(db);
  const partners = { A: fx.partnerA, B: fx.partnerB };
  const facilities = { A: fx.ws1, B: fx.ws2 };
  const models = { A: fx.modelA, B: fx.modelB };
  const components = { A: fx.componentA, B: fx.componentB };
  const unit = (code: string) => one(db, `INSERT INTO units (code, name) VALUES ($1, $1) RETURNING id`, [code]);
  const units = { A: await unit('U-SA'), B: await unit('U-SB') };
  const base = await one(
    db,
    `INSERT INTO facilities (code, name, kind, oblast, training_seats)
     VALUES ('TB-S1', 'Training base', 'training_base', 'lvivska', 50) RETURNING id`,
  );
  const identifying: ScopeFixtures['identifying'] = { A: [], B: [] };
  const perSide = {} as Record<Side, Record<keyof ScopeFixtures['ids'], string>>;
  for (const side of ['A', 'B'] as const) {
    const tag = `${side}${process.pid % 1000}`;
    const post = (path: string, body: object) => admin.post(`/api/v1/${path}`).send(body);
    const systemSerial = `SN-SCOPE-${tag}`;
    const system = await created(
      await post('systems', {
        modelId: models[side],
        serialNumber: systemSerial,
        donorPartnerId: partners[side],
        facilityId: facilities[side],
        unitId: units[side],
        deliveredOn: '2025-01-15',
      }),
      `system ${side}`,
    );
    const jobRes = await post('repair-jobs', {
      facilityId: facilities[side],
      systemId: system,
      kind: 'corrective',
      priority: 'routine',
      reportedFault: `Recoil buffer leaking ${side}`,
    });
    const repairJob = await created(jobRes, `repair job ${side}`);
    const requestRes = await post('component-requests', {
      componentId: components[side],
      quantity: 3,
      priority: 'routine',
      neededBy: dayOffset(20),
      facilityId: facilities[side],
      repairJobId: repairJob,
      justification: `Needed for job ${side}`,
    });
    const componentRequest = await created(requestRes, `component request ${side}`);
    // a partner reads the requests its country supplies: approved with supplier = side's partner
    await db.query(
      `UPDATE component_requests SET status = 'approved', supplier_partner_id = $2, approved_at = now(),
              submitted_at = now() WHERE id = $1`,
      [componentRequest, partners[side]],
    );
    const report = await created(
      await post('partner-reports', { partnerId: partners[side], period: '2025-Q3' }),
      `partner report ${side}`,
    );
    // published the real way (the frozen documents are stored then): approved by a second admin (four eyes)
    for (const [agent, to] of [
      [approver, 'approved'],
      [admin, 'published'],
    ] as const) {
      const moved = await agent.post(`/api/v1/partner-reports/${report}/transitions`).send({ to });
      if (moved.status !== 200) throw new Error(`fixture report ${to}: ${moved.status} ${JSON.stringify(moved.body)}`);
    }
    const course = await created(
      await post('courses', {
        code: `CRS-${tag}`,
        title: `Operators ${side}`,
        kind: 'operator',
        systemModelId: models[side],
        durationDays: 5,
        seats: 10,
      }),
      `course ${side}`,
    );
    const cohortRes = await post('cohorts', {
      code: `CH-${tag}`,
      courseId: course,
      facilityId: base,
      startsOn: dayOffset(side === 'A' ? 40 : 60),
      endsOn: dayOffset(side === 'A' ? 44 : 64),
      seats: 5,
      instructorIds: [],
    });
    const cohort = await created(cohortRes, `cohort ${side}`);
    const personRes = await post('personnel', {
      serviceNumber: `UA-S${tag}`,
      fullName: `Scope Person ${side}`,
      rank: 'Sergeant',
      unitId: units[side],
    });
    const person = await created(personRes, `person ${side}`);
    const enrollment = await created(await post(`cohorts/${cohort}/enrollments`, { personId: person }), `enrollment`);
    const preventivePlan = await created(
      await post('preventive-plans', {
        modelId: models[side],
        name: `Plan ${side}`,
        intervalDays: 90,
        intervalEfc: null,
      }),
      `preventive plan ${side}`,
    );
    const user = (await createUser(db, { role: 'viewer', email: `target-${tag}@test.example` })).id;
    const repairJobPhoto = await insertPhoto(db, repairJob, user);
    await db.query(`INSERT INTO supply_plans (partner_id, month) VALUES ($1, '2026-01-01')`, [partners[side]]);
    perSide[side] = {
      partner: partners[side],
      jointVenture: side === 'A' ? fx.jv1 : fx.jv2,
      facility: facilities[side],
      systemModel: models[side],
      component: components[side],
      unit: units[side],
      system,
      repairJob,
      repairJobPhoto,
      preventivePlan,
      componentRequest,
      supplyPartner: partners[side],
      partnerReport: report,
      course,
      person,
      cohort,
      enrollment,
      user,
    };
    const tagged: Array<[FixtureKind, unknown]> = [
      ['system', system],
      ['system', systemSerial],
      ['repairJob', repairJob],
      ['repairJob', jobRes.body.number],
      ['repairJobPhoto', repairJobPhoto],
      ['componentRequest', componentRequest],
      ['componentRequest', requestRes.body.number],
      ['partnerReport', report],
      ['course', course],
      ['course', `CRS-${tag}`],
      ['cohort', cohort],
      ['cohort', `CH-${tag}`],
      ['person', person],
      ['person', `UA-S${tag}`],
      ['person', `Scope Person ${side}`],
    ];
    for (const [kind, value] of tagged) if (typeof value === 'string' && value) identifying[side].push({ kind, value });
  }
  const ids = Object.fromEntries(
    Object.keys(perSide.A).map((kind) => [
      kind,
      { A: perSide.A[kind as ObjectKind], B: perSide.B[kind as ObjectKind] },
    ]),
  ) as ScopeFixtures['ids'];
  return {
    ids,
    partners,
    facilities,
    models,
    components,
    base,
    identifying,
  };
}

/** A photo on a job, taken by `takenBy`, its bytes in the row. */
export async function insertPhoto(db: DataSource, jobId: string, takenBy: string): Promise<string> {
  const photo = pngBytes(4, 4);
  return one(
    db,
    `INSERT INTO repair_job_photos (job_id, content_type, size_bytes, width, height, sha256, store, data, taken_by)
     VALUES ($1, 'image/png', $2, 4, 4, $3, 'postgres', $4, $5) RETURNING id`,
    [jobId, photo.length, createHash('sha256').update(photo).digest('hex'), photo, takenBy],
  );
}

/** A notification of one user (notifications are scoped to their owner). */
export async function insertNotification(db: DataSource, userId: string, subjectId: string): Promise<string> {
  return one(
    db,
    `INSERT INTO notifications (user_id, kind, subject_type, subject_id) VALUES ($1, 'request_approved',
            'component_request', $2) RETURNING id`,
    [userId, subjectId],
  );
}

/** The stored version of a row. */
export async function versionOf(db: DataSource, kind: FixtureKind, id: string): Promise<number> {
  if (kind === 'supplyPartner') {
    const rows = await db.query(`SELECT version FROM supply_plans WHERE partner_id = $1 AND month = '2026-01-01'`, [
      id,
    ]);
    return rows[0]?.version ?? 0;
  }
  const rows = await db.query(`SELECT version FROM ${tableOf[kind]} WHERE id = $1`, [id]);
  if (!rows[0]) throw new Error(`no ${kind} ${id}`);
  return rows[0].version;
}

/** Prints a proof's count line and keeps it in tmp/proof-counts.txt, which `npm test` prints at its end. */
export function reportProof(line: string): void {
  // eslint-disable-next-line no-console -- the count is what the proof prints
  console.log(line);
  const dir = join(__dirname, '../../../../tmp');
  mkdirSync(dir, { recursive: true });
  appendFileSync(join(dir, 'proof-counts.txt'), `${line}\n`);
}
