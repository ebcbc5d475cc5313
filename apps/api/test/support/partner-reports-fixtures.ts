import type { DataSource } from 'typeorm';
import { insertSystemsFixtures, type SystemsFixtures } from './systems-fixtures';

/**
 * Partner-report data for 2025-Q3 (July–September 2025; the period's days are Kyiv days, so it runs
 * from 2025-06-30T21:00Z to 2025-09-30T21:00Z), with the figures it must give worked out by hand in
 * `expectedQ3Figures`. Rows sit on both sides of every boundary (the Kyiv end versus the UTC one among them).
 */
export interface ReportFixtures extends SystemsFixtures {
  modelC: string;
  systems: Record<'S1' | 'S2' | 'S3' | 'S4' | 'S5' | 'S6' | 'F1', string>;
  requests: Record<'R2' | 'R3', string>;
  /** the training base */
  base: string;
  /** names of people, service numbers and the technician's display name: none may appear in a report */
  secrets: string[];
  technicianId: string;
}

export const Q3 = { period: '2025-Q3', start: '2025-07-01', end: '2025-09-30' };

export async function insertReportFixtures(db: DataSource): Promise<ReportFixtures> {
  const fx = await insertSystemsFixtures(db);
  const id = async (sql: string, params: unknown[] = []) => (await db.query(sql, params))[0].id as string;
  await db.query(`UPDATE system_models SET crew_size = 2`);
  const modelC = await id(
    `INSERT INTO system_models (designation, kind, caliber_mm, origin_partner_id, barrel_life_efc, crew_size)
     VALUES ('M-120 other mortar', 'mortar', 120, $1, 9000, 3) RETURNING id`,
    [fx.partners.DE],
  );
  await db.query(`INSERT INTO partners (code, name, role) VALUES ('UA', 'Ukraine', 'host')`);

  const techName = 'Technician Secretname Kovalenko';
  const technicianId = await id(
    `INSERT INTO users (email, display_name, role, locale, facility_ids, password_hash)
     VALUES ('tech-secret@test.example', $1, 'workshop', 'en', $2, 'x') RETURNING id`,
    [techName, [fx.facilities.WS1]],
  );

  // systems ------------------------------------------------------------------------------------------
  const system = (
    serial: string,
    model: string,
    donor: string,
    status: string,
    createdAt: string,
    deliveredOn: string | null,
  ) =>
    id(
      `INSERT INTO systems (model_id, serial_number, donor_partner_id, status, created_at, delivered_on)
       VALUES ($1, $2, $3, $4, $5::timestamptz, $6::date) RETURNING id`,
      [model, serial, donor, status, createdAt, deliveredOn],
    );
  const { A, B } = fx.models;
  const { LV, FR } = fx.partners;
  const S1 = await system('RP-S1', A, LV, 'operational', '2025-01-01T00:00Z', '2025-08-10');
  const S2 = await system('RP-S2', A, LV, 'in_repair', '2025-01-01T00:00Z', null);
  const S3 = await system('RP-S3', B, LV, 'operational', '2025-01-01T00:00Z', null);
  const S4 = await system('RP-S4', B, LV, 'written_off', '2025-01-01T00:00Z', null);
  const S5 = await system('RP-S5', A, LV, 'operational', '2025-10-10T00:00Z', '2025-10-09');
  const S6 = await system('RP-S6', B, LV, 'in_transit', '2025-01-01T00:00Z', '2025-09-30');
  const F1 = await system('RP-F1', A, FR, 'operational', '2025-01-01T00:00Z', '2025-08-01');
  const history = (system: string, from: string, to: string, at: string) =>
    db.query(`INSERT INTO system_status_history (system_id, from_status, to_status, at) VALUES ($1, $2, $3, $4)`, [
      system,
      from,
      to,
      at,
    ]);
  // S2: degraded since September, in repair after the end → degraded at the end
  await history(S2, 'operational', 'degraded', '2025-09-01T10:00Z');
  await history(S2, 'degraded', 'in_repair', '2025-10-05T10:00Z');
  // S3: back in operation at 01:00 Kyiv on 1 October (22:00Z on 30 September): awaiting parts at the end
  await history(S3, 'awaiting_parts', 'operational', '2025-09-30T22:00Z');
  await history(S4, 'operational', 'written_off', '2025-08-15T10:00Z');
  await history(F1, 'degraded', 'operational', '2025-10-05T10:00Z');

  // repair jobs ---------------------------------------------------------------------------------------
  let jobSeq = 0;
  const job = (system: string, status: string, openedAt: string, closedAt: string | null) =>
    db.query(
      `INSERT INTO repair_jobs (number, facility_id, system_id, kind, priority, priority_rank, status, reported_fault,
                                system_status_before, opened_at, due_at, closed_at, technician_ids)
       VALUES ($1, $2, $3, 'corrective', 'routine', 2, $4, 'Fault', 'operational', $5::timestamptz,
               $5::timestamptz + interval '14 days', $6::timestamptz, $7)`,
      [
        `RJ-2025-${String(++jobSeq).padStart(5, '0')}`,
        fx.facilities.WS1,
        system,
        status,
        openedAt,
        closedAt,
        [technicianId],
      ],
    );
  await job(S2, 'completed', '2025-07-10T08:00Z', '2025-07-14T08:00Z'); // J1: 4 days
  await job(S3, 'completed', '2025-06-20T08:00Z', '2025-07-05T08:00Z'); // J2: 15 days, opened before
  await job(S1, 'in_repair', '2025-09-20T08:00Z', null); // J3: open at the end
  await job(S3, 'cancelled', '2025-08-01T08:00Z', '2025-08-05T08:00Z'); // J4: opened, cancelled
  await job(S2, 'completed', '2025-09-25T08:00Z', '2025-10-03T08:00Z'); // J5: open at the end
  await job(S1, 'completed', '2025-09-30T22:00Z', '2025-10-02T08:00Z'); // J6: after the Kyiv end
  await job(F1, 'completed', '2025-07-10T08:00Z', '2025-07-11T08:00Z'); // another partner's

  // usage ---------------------------------------------------------------------------------------------
  const usage = (system: string, date: string, rounds: number, efc: number) =>
    db.query(`INSERT INTO usage_reports (system_id, date, rounds, efc) VALUES ($1, $2, $3, $4)`, [
      system,
      date,
      rounds,
      efc,
    ]);
  await usage(S1, '2025-07-15', 10, 10.5);
  await usage(S2, '2025-08-01', 20, 5.25);
  await usage(S3, '2025-09-30', 7, 7);
  await usage(S3, '2025-10-01', 100, 100);
  await usage(S1, '2025-06-30', 100, 100);
  await usage(F1, '2025-08-01', 50, 50);

  // supply --------------------------------------------------------------------------------------------
  const component = await id(
    `INSERT INTO components (part_number, name, category, unit_of_issue)
     VALUES ('CMP-R', 'Report part', 'breech', 'ea') RETURNING id`,
  );
  const plan = async (month: string, lines: Array<[string | null, string | null, number]>) => {
    const planId = await id(`INSERT INTO supply_plans (partner_id, month) VALUES ($1, $2) RETURNING id`, [LV, month]);
    for (const [componentId, modelId, quantity] of lines)
      await db.query(
        `INSERT INTO supply_plan_lines (plan_id, component_id, system_model_id, quantity) VALUES ($1, $2, $3, $4)`,
        [planId, componentId, modelId, quantity],
      );
  };
  await plan('2025-07-01', [
    [component, null, 10],
    [null, A, 2],
  ]);
  await plan('2025-09-01', [[component, null, 4]]);
  let reqSeq = 0;
  const request = (o: {
    supplier: string;
    status: string;
    quantity: number;
    delivered?: number;
    neededBy: string;
    approvedAt: string | null;
    closedAt?: string | null;
  }) =>
    id(
      `INSERT INTO component_requests (number, component_id, quantity, delivered_quantity, priority, needed_by,
                                       facility_id, justification, status, supplier_partner_id, approved_at,
                                       delivered_at, closed_at)
       VALUES ($1, $2, $3, $4, 'routine', $5, $6, 'For the report', $7, $8, $9::timestamptz,
               CASE WHEN $7 = 'delivered' THEN $10::timestamptz END, $10::timestamptz) RETURNING id`,
      [
        `CR-2025-${String(++reqSeq).padStart(5, '0')}`,
        component,
        o.quantity,
        o.delivered ?? 0,
        o.neededBy,
        fx.facilities.WS1,
        o.status,
        o.supplier,
        o.approvedAt,
        o.closedAt ?? null,
      ],
    );
  const delivery = (requestId: string, quantity: number, on: string) =>
    db.query(`INSERT INTO deliveries (request_id, quantity, received_on, waybill) VALUES ($1, $2, $3, 'WB-1')`, [
      requestId,
      quantity,
      on,
    ]);
  const R1 = await request({
    supplier: LV,
    status: 'delivered',
    quantity: 6,
    delivered: 6,
    neededBy: '2025-07-30',
    approvedAt: '2025-07-02T08:00Z',
    closedAt: '2025-07-20T08:00Z',
  });
  await delivery(R1, 4, '2025-07-10');
  await delivery(R1, 2, '2025-07-20');
  const R2 = await request({
    supplier: LV,
    status: 'shipped',
    quantity: 5,
    delivered: 3,
    neededBy: '2025-09-15',
    approvedAt: '2025-08-01T08:00Z',
  });
  await delivery(R2, 3, '2025-09-05');
  const R3 = await request({
    supplier: LV,
    status: 'approved',
    quantity: 2,
    neededBy: '2025-12-01',
    approvedAt: '2025-09-10T08:00Z',
  });
  const R4 = await request({
    supplier: LV,
    status: 'delivered',
    quantity: 1,
    delivered: 1,
    neededBy: '2025-09-30',
    approvedAt: '2025-09-01T08:00Z',
    closedAt: '2025-10-05T08:00Z',
  });
  await delivery(R4, 1, '2025-10-05');
  await request({
    supplier: LV,
    status: 'approved',
    quantity: 1,
    neededBy: '2025-10-01',
    approvedAt: '2025-10-10T08:00Z',
  });
  await request({ supplier: LV, status: 'submitted', quantity: 1, neededBy: '2025-08-01', approvedAt: null });
  await request({
    supplier: LV,
    status: 'cancelled',
    quantity: 1,
    neededBy: '2025-07-10',
    approvedAt: '2025-07-05T08:00Z',
    closedAt: '2025-08-01T08:00Z',
  });
  const R8 = await request({
    supplier: FR,
    status: 'ordered',
    quantity: 9,
    neededBy: '2025-07-01',
    approvedAt: '2025-07-01T08:00Z',
  });
  await delivery(R8, 1, '2025-08-10');

  // training ------------------------------------------------------------------------------------------
  const base = await id(
    `INSERT INTO facilities (code, name, kind, oblast, training_seats)
     VALUES ('TB-R-01', 'Base R', 'training_base', 'zhytomyrska', 30) RETURNING id`,
  );
  const course = (code: string, model: string, kind: string) =>
    id(
      `INSERT INTO courses (code, title, kind, system_model_id, duration_days, seats)
       VALUES ($1, $1, $2, $3, 10, 20) RETURNING id`,
      [code, kind, model],
    );
  const courses = {
    aOp: await course('R-A-OP', A, 'operator'),
    aMnt: await course('R-A-MNT', A, 'maintainer'),
    aCmd: await course('R-A-CMD', A, 'commander'),
    bMnt: await course('R-B-MNT', B, 'maintainer'),
    cOp: await course('R-C-OP', modelC, 'operator'),
  };
  const secrets = [techName];
  const people: string[] = [];
  for (let i = 1; i <= 5; i++) {
    const name = `Trainee Secretname Petrenko-${i}`;
    const serviceNumber = `SN-SECRET-R${i}`;
    secrets.push(name, serviceNumber);
    people.push(
      await id(
        `INSERT INTO personnel (service_number, full_name, rank, unit_id) VALUES ($1, $2, 'Sergeant', $3) RETURNING id`,
        [serviceNumber, name, fx.units.U1],
      ),
    );
  }
  let cohortSeq = 0;
  /** A cohort with enrollments of `persons` (indexes); completed cohorts qualify them on their last day. */
  const cohort = async (courseId: string, from: string, to: string, status: string, persons: number[]) => {
    const cohortId = await id(
      `INSERT INTO cohorts (code, course_id, facility_id, starts_on, ends_on, seats, status)
       VALUES ($1, $2, $3, $4, $5, 10, $6) RETURNING id`,
      [`RC-${++cohortSeq}`, courseId, base, from, to, status],
    );
    for (const i of persons) {
      const enrollment = await id(
        `INSERT INTO enrollments (cohort_id, person_id, status, starts_on, ends_on, active)
         VALUES ($1, $2, $3, $4, $5, false) RETURNING id`,
        [cohortId, people[i], status === 'completed' ? 'completed' : 'enrolled', from, to],
      );
      if (status === 'completed')
        await db.query(
          `INSERT INTO qualifications (person_id, system_model_id, kind, granted_on, cohort_id, enrollment_id)
           SELECT $1, co.system_model_id, co.kind, $2, $3, $4 FROM courses co WHERE co.id = $5`,
          [people[i], to, cohortId, enrollment, courseId],
        );
    }
  };
  await cohort(courses.aOp, '2025-08-11', '2025-08-20', 'completed', [0, 1, 2]); // C1: in the period
  await cohort(courses.bMnt, '2025-09-25', '2025-10-02', 'completed', [3]); // C2: ends after
  await cohort(courses.aOp, '2025-09-01', '2025-09-10', 'in_progress', [4]); // C3: not completed
  await cohort(courses.aCmd, '2025-04-20', '2025-05-01', 'completed', [3]); // C5: before
  await cohort(courses.aMnt, '2025-09-08', '2025-09-15', 'completed', [0]); // C6: in the period
  await cohort(courses.cOp, '2025-07-20', '2025-08-01', 'completed', [4]); // another model's

  return {
    ...fx,
    modelC,
    systems: { S1, S2, S3, S4, S5, S6, F1 },
    requests: { R2, R3 },
    base,
    secrets,
    technicianId,
  };
}

/** The 2025-Q3 figures of LV, worked out by hand from the rows above (computedAt left out). */
export function expectedQ3Figures(fx: ReportFixtures) {
  const A = { modelId: fx.models.A, designation: 'TH-155/52 test howitzer' };
  const B = { modelId: fx.models.B, designation: 'MRL-122/40 test launcher' };
  return {
    partner: { id: fx.partners.LV, code: 'LV', name: 'Partner LV', role: 'co_lead' },
    period: { period: '2025-Q3', kind: 'quarter', start: '2025-07-01', end: '2025-09-30' },
    inProgress: false,
    fleet: {
      // S1 operational, S2 degraded, S3 awaiting parts, S4 written off, S6 in transit; S5 came later
      systems: 5,
      byStatus: [
        { status: 'operational', systems: 1 },
        { status: 'degraded', systems: 1 },
        { status: 'in_repair', systems: 0 },
        { status: 'awaiting_parts', systems: 1 },
        { status: 'in_transit', systems: 1 },
        { status: 'written_off', systems: 1 },
      ],
      byReadiness: [
        { readiness: 'FMC', systems: 1 },
        { readiness: 'PMC', systems: 1 },
        { readiness: 'NMC-M', systems: 0 },
        { readiness: 'NMC-S', systems: 1 },
      ],
      // FMC + PMC = 2 of the 4 not written off
      availabilityRate: 50,
      deliveredInPeriod: 2,
      byModel: [
        { ...B, systems: 3, available: 0, delivered: 1 },
        { ...A, systems: 2, available: 2, delivered: 1 },
      ],
    },
    // opened: J1, J3, J4, J5; completed: J1 (4 d), J2 (15 d); open at the end: J3, J5
    repairs: { opened: 4, completed: 2, medianTurnaroundDays: 9.5, openAtEnd: 2 },
    use: {
      rounds: 37,
      efc: 22.75,
      byModel: [
        { ...B, rounds: 7, efc: 7 },
        { ...A, rounds: 30, efc: 15.75 },
      ],
    },
    supply: {
      months: [
        { month: '2025-07', plannedComponents: 10, deliveredComponents: 6, plannedSystems: 2, deliveredSystems: 0 },
        { month: '2025-08', plannedComponents: 0, deliveredComponents: 0, plannedSystems: 0, deliveredSystems: 1 },
        { month: '2025-09', plannedComponents: 4, deliveredComponents: 3, plannedSystems: 0, deliveredSystems: 1 },
      ],
      // open at the end: R2, R3, R4 (delivered after the end); overdue: R2 (15 Sep), R4 (30 Sep)
      openRequests: 3,
      overdueRequests: 2,
    },
    training: {
      // C1 and C6; people P1, P2, P3 (P1 twice)
      cohortsCompleted: 2,
      peopleQualified: 3,
      coverage: [
        // B: S3 and S6 in service, nobody qualified by the end (P4's maintainer course ended in October)
        { ...B, systemsInService: 2, crewsRequired: 2, crewsCovered: 0, coveragePercent: 0 },
        // A: operators P1–P3 (crew of 2 → 1 crew), maintainer P1, commander P4 → 1 of 2
        { ...A, systemsInService: 2, crewsRequired: 2, crewsCovered: 1, coveragePercent: 50 },
      ],
    },
  };
}
