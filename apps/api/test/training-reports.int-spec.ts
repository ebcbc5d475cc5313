import { crewCoverageSchema, trainingCalendarSchema, trainingUtilisationSchema } from '@jv/contracts';
import { insertSystems, insertSystemsFixtures, type SystemsFixtures } from './support/systems-fixtures';
import { createTestApp, signedIn, type TestContext } from './support/test-app';

type Session = Awaited<ReturnType<typeof signedIn>>;

/** Every day from `from` to `to` (inclusive) with `seats`. */
function run(from: string, to: string, seats: number): Array<{ day: string; seats: number }> {
  const out: Array<{ day: string; seats: number }> = [];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1))
    out.push({ day: d.toISOString().slice(0, 10), seats });
  return out;
}

describe('training reports: calendar, utilisation, crew coverage (integration, real PostgreSQL)', () => {
  let ctx: TestContext;
  let fx: SystemsFixtures;
  let admin: Session;
  let training: Session;
  let partnerLV: Session;
  let partnerDE: Session;
  let TB1: string;
  let TB2: string;
  /** p[0..9] in unit U1, p[10..14] in U2 */
  const p: string[] = [];
  const names: string[] = [];
  const courses: Record<string, string> = {};
  let seq = 0;

  const id = async (sql: string, params: unknown[]) => (await ctx.db.query(sql, params))[0].id as string;

  /** A cohort with its enrollments (person index → status) and, when completed, their qualifications. */
  async function cohort(o: {
    course: string;
    facility: string;
    from: string;
    to: string;
    seats: number;
    status: string;
    enrollments?: Array<[number, string]>;
  }): Promise<string> {
    const cohortId = await id(
      `INSERT INTO cohorts (code, course_id, facility_id, starts_on, ends_on, seats, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [`TC-${++seq}`, courses[o.course], o.facility, o.from, o.to, o.seats, o.status],
    );
    for (const [person, status] of o.enrollments ?? []) {
      const active = status !== 'withdrawn' && o.status !== 'cancelled';
      const enrollmentId = await id(
        `INSERT INTO enrollments (cohort_id, person_id, status, starts_on, ends_on, active)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [cohortId, p[person], status, o.from, o.to, active],
      );
      if (o.status === 'completed' && status === 'completed') await qualify(cohortId, enrollmentId, o.to);
    }
    return cohortId;
  }

  async function qualify(cohortId: string, enrollmentId: string, on: string) {
    await ctx.db.query(
      `INSERT INTO qualifications (person_id, system_model_id, kind, granted_on, cohort_id, enrollment_id)
       SELECT e.person_id, co.system_model_id, co.kind, $2, c.id, e.id
         FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id JOIN courses co ON co.id = c.course_id
        WHERE e.id = $1 AND c.id = $3`,
      [enrollmentId, on, cohortId],
    );
  }

  const coverage = async (s: Session, unitId?: string) => {
    const res = await s.agent.get('/api/v1/training/crew-coverage').query(unitId ? { unitId } : {});
    expect(res.status).toBe(200);
    return crewCoverageSchema.parse(res.body);
  };
  const modelRow = (c: { models: Array<{ systemModelId: string }> }, modelId: string) =>
    c.models.find((m) => m.systemModelId === modelId);

  beforeAll(async () => {
    ctx = await createTestApp();
    fx = await insertSystemsFixtures(ctx.db);
    await ctx.db.query(`UPDATE system_models SET crew_size = 3`);
    const base = (code: string, seats: number) =>
      id(
        `INSERT INTO facilities (code, name, kind, oblast, training_seats)
         VALUES ($1, $2, 'training_base', 'zhytomyrska', $3) RETURNING id`,
        [code, `Base ${code}`, seats],
      );
    TB1 = await base('TB-T-01', 20);
    TB2 = await base('TB-T-02', 10);
    const course = async (key: string, model: string, kind: string) => {
      courses[key] = await id(
        `INSERT INTO courses (code, title, kind, system_model_id, duration_days, seats)
         VALUES ($1, $2, $3, $4, 10, 20) RETURNING id`,
        [key, `Course ${key}`, kind, model],
      );
    };
    await course('A-OP', fx.models.A, 'operator');
    await course('A-CMD', fx.models.A, 'commander');
    await course('A-MNT', fx.models.A, 'maintainer');
    await course('A-INS', fx.models.A, 'instructor');
    await course('B-OP', fx.models.B, 'operator');
    for (let i = 0; i < 15; i++) {
      names.push(`Trainee Secretname ${i}`);
      p.push(
        await id(
          `INSERT INTO personnel (service_number, full_name, rank, unit_id)
           VALUES ($1, $2, 'Sergeant', $3) RETURNING id`,
          [`SN-SECRET-${100 + i}`, names[i], i < 10 ? fx.units.U1 : fx.units.U2],
        ),
      );
    }
    // systems: model A — 3 in service in U1 and 1 written off (LV), 1 in U2 (FR); model B — 2 in U2 (FR)
    await insertSystems(ctx.db, [
      { modelId: fx.models.A, serial: 'TR-A1', donorPartnerId: fx.partners.LV, unitId: fx.units.U1 },
      { modelId: fx.models.A, serial: 'TR-A2', donorPartnerId: fx.partners.LV, unitId: fx.units.U1 },
      {
        modelId: fx.models.A,
        serial: 'TR-A3',
        donorPartnerId: fx.partners.LV,
        unitId: fx.units.U1,
        status: 'degraded',
      },
      {
        modelId: fx.models.A,
        serial: 'TR-A4',
        donorPartnerId: fx.partners.LV,
        unitId: fx.units.U1,
        status: 'written_off',
      },
      { modelId: fx.models.A, serial: 'TR-A5', donorPartnerId: fx.partners.FR, unitId: fx.units.U2 },
      { modelId: fx.models.B, serial: 'TR-B1', donorPartnerId: fx.partners.FR, unitId: fx.units.U2 },
      { modelId: fx.models.B, serial: 'TR-B2', donorPartnerId: fx.partners.FR, unitId: fx.units.U2 },
    ]);
    // qualifications from completed cohorts in 2029 (one month per kind, so nobody is booked twice)
    const done = (n: number[]) => n.map((i): [number, string] => [i, 'completed']);
    const past = { facility: TB2, seats: 15, status: 'completed' };
    // operators on A: p0..p8 (U1) and p10..p12 (U2); p9 failed
    await cohort({
      ...past,
      course: 'A-OP',
      from: '2029-01-01',
      to: '2029-01-10',
      enrollments: [...done([0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12]), [9, 'failed']],
    });
    // commanders on A: p0, p1 (U1), p10 (U2)
    await cohort({ ...past, course: 'A-CMD', from: '2029-02-01', to: '2029-02-10', enrollments: done([0, 1, 10]) });
    // maintainers on A: p2, p3, p9 (U1), p11 (U2); p4 withdrawn
    await cohort({
      ...past,
      course: 'A-MNT',
      from: '2029-03-01',
      to: '2029-03-10',
      enrollments: [...done([2, 3, 9, 11]), [4, 'withdrawn']],
    });
    // instructor on A: p4; operator on B: p13
    await cohort({ ...past, course: 'A-INS', from: '2029-04-01', to: '2029-04-10', enrollments: done([4]) });
    await cohort({ ...past, course: 'B-OP', from: '2029-04-01', to: '2029-04-10', enrollments: done([13]) });

    // the calendar window January 2030
    await cohort({
      course: 'A-OP',
      facility: TB1,
      from: '2030-01-01',
      to: '2030-01-10',
      seats: 8,
      status: 'completed',
      enrollments: [...done([0, 1, 2, 3]), [4, 'failed']],
    });
    await cohort({
      course: 'A-CMD',
      facility: TB1,
      from: '2030-01-05',
      to: '2030-01-20',
      seats: 6,
      status: 'enrolling',
      enrollments: [
        [5, 'enrolled'],
        [6, 'enrolled'],
        [7, 'withdrawn'],
      ],
    });
    await cohort({
      course: 'A-MNT',
      facility: TB1,
      from: '2030-01-08',
      to: '2030-01-09',
      seats: 5,
      status: 'cancelled',
      enrollments: [[9, 'enrolled']],
    });
    await cohort({
      course: 'B-OP',
      facility: TB2,
      from: '2029-12-25',
      to: '2030-01-03',
      seats: 4,
      status: 'in_progress',
      enrollments: [[8, 'enrolled']],
    });
    await cohort({ course: 'A-OP', facility: TB1, from: '2030-03-01', to: '2030-03-05', seats: 9, status: 'planned' });

    admin = await signedIn(ctx, { role: 'admin' });
    training = await signedIn(ctx, { role: 'training' });
    partnerLV = await signedIn(ctx, { role: 'partner', partnerId: fx.partners.LV });
    partnerDE = await signedIn(ctx, { role: 'partner', partnerId: fx.partners.DE });
  });
  afterAll(async () => {
    await ctx.close();
  });

  const noPersonalData = (body: unknown) => {
    const text = JSON.stringify(body);
    for (let i = 0; i < p.length; i++) {
      expect(text).not.toContain(p[i]);
      expect(text).not.toContain(names[i]);
      expect(text).not.toContain(`SN-SECRET-${100 + i}`);
    }
    expect(text).not.toMatch(/fullName|serviceNumber|personId/);
  };

  describe('GET /training/calendar', () => {
    it('lists the cohorts of every training base in the window with seats taken and seats per day', async () => {
      const res = await training.agent.get('/api/v1/training/calendar').query({ from: '2030-01-01', to: '2030-01-31' });
      expect(res.status).toBe(200);
      const cal = trainingCalendarSchema.parse(res.body);
      // training bases only (the workshops and the depot of the fixtures are left out), by code
      expect(cal.bases.map((b) => [b.facilityCode, b.capacity])).toEqual([
        ['TB-T-01', 20],
        ['TB-T-02', 10],
      ]);
      const [tb1, tb2] = cal.bases;
      // the cancelled cohort and the one in March are left out; withdrawn enrollments hold no seat
      expect(tb1?.cohorts.map((c) => [c.courseTitle, c.startsOn, c.endsOn, c.seats, c.seatsTaken, c.status])).toEqual([
        ['Course A-OP', '2030-01-01', '2030-01-10', 8, 5, 'completed'],
        ['Course A-CMD', '2030-01-05', '2030-01-20', 6, 2, 'enrolling'],
      ]);
      expect(tb1?.days).toEqual([
        ...run('2030-01-01', '2030-01-04', 8),
        ...run('2030-01-05', '2030-01-10', 14),
        ...run('2030-01-11', '2030-01-20', 6),
        ...run('2030-01-21', '2030-01-31', 0),
      ]);
      // a cohort that started before the window
      expect(tb2?.cohorts.map((c) => [c.startsOn, c.seatsTaken, c.status])).toEqual([['2029-12-25', 1, 'in_progress']]);
      expect(tb2?.days).toEqual([...run('2030-01-01', '2030-01-03', 4), ...run('2030-01-04', '2030-01-31', 0)]);
      noPersonalData(res.body);
    });

    it('shows one base when facilityId is given', async () => {
      const res = await admin.agent
        .get('/api/v1/training/calendar')
        .query({ facilityId: TB2, from: '2030-01-03', to: '2030-01-04' });
      expect(res.status).toBe(200);
      const cal = trainingCalendarSchema.parse(res.body);
      expect(cal.bases.map((b) => b.facilityId)).toEqual([TB2]);
      expect(cal.bases[0]?.days).toEqual([
        { day: '2030-01-03', seats: 4 },
        { day: '2030-01-04', seats: 0 },
      ]);
    });

    it('refuses windows longer than 92 days, reversed windows and facilities that are not training bases', async () => {
      const ok = await admin.agent.get('/api/v1/training/calendar').query({ from: '2030-01-01', to: '2030-04-02' });
      expect(ok.status).toBe(200); // 92 days
      expect(trainingCalendarSchema.parse(ok.body).bases[0]?.days).toHaveLength(92);
      const long = await admin.agent.get('/api/v1/training/calendar').query({ from: '2030-01-01', to: '2030-04-03' });
      expect(long.status).toBe(400);
      expect(long.body.errors).toEqual([
        expect.objectContaining({ path: 'to', code: 'period_too_long', params: { maximum: 92 } }),
      ]);
      const reversed = await admin.agent
        .get('/api/v1/training/calendar')
        .query({ from: '2030-02-01', to: '2030-01-01' });
      expect(reversed.status).toBe(400);
      expect(reversed.body.errors).toEqual([expect.objectContaining({ path: 'from', code: 'period_reversed' })]);
      const bad = await admin.agent.get('/api/v1/training/calendar').query({ from: '2030-13-01', to: '2030-01-01' });
      expect(bad.status).toBe(400);
      const workshop = await admin.agent
        .get('/api/v1/training/calendar')
        .query({ facilityId: fx.facilities.WS1, from: '2030-01-01', to: '2030-01-31' });
      expect(workshop.status).toBe(400);
      expect(workshop.body.errors).toEqual([
        expect.objectContaining({ path: 'facilityId', code: 'training_base_only' }),
      ]);
    });

    it('is not for partner users', async () => {
      const res = await partnerLV.agent
        .get('/api/v1/training/calendar')
        .query({ from: '2030-01-01', to: '2030-01-31' });
      expect(res.status).toBe(403);
    });
  });

  describe('GET /training/utilisation', () => {
    it('adds the seat-days of enrollments holding a seat inside the window', async () => {
      const res = await training.agent
        .get('/api/v1/training/utilisation')
        .query({ from: '2030-01-01', to: '2030-01-31' });
      expect(res.status).toBe(200);
      const u = trainingUtilisationSchema.parse(res.body);
      // TB1: 5 × 10 days (the completed cohort, the failed one included) + 2 × 16 days (two enrolled, one withdrawn)
      // TB2: 1 × 3 days (Jan 1–3 of a cohort that began in December)
      expect(u.bases).toEqual([
        {
          facilityId: TB1,
          facilityCode: 'TB-T-01',
          capacity: 20,
          seatDaysUsed: 82,
          seatDaysAvailable: 620,
          utilisationPercent: 13.2,
        },
        {
          facilityId: TB2,
          facilityCode: 'TB-T-02',
          capacity: 10,
          seatDaysUsed: 3,
          seatDaysAvailable: 310,
          utilisationPercent: 1,
        },
      ]);
      noPersonalData(res.body);
    });

    it('clips cohorts to a short window', async () => {
      const res = await admin.agent.get('/api/v1/training/utilisation').query({ from: '2030-01-06', to: '2030-01-08' });
      const u = trainingUtilisationSchema.parse(res.body);
      // 5 × 3 + 2 × 3 = 21 of 20 × 3
      expect(u.bases[0]).toMatchObject({ seatDaysUsed: 21, seatDaysAvailable: 60, utilisationPercent: 35 });
      expect(u.bases[1]).toMatchObject({ seatDaysUsed: 0, seatDaysAvailable: 30, utilisationPercent: 0 });
    });

    it('refuses windows longer than 366 days', async () => {
      const ok = await admin.agent.get('/api/v1/training/utilisation').query({ from: '2030-01-01', to: '2031-01-01' });
      expect(ok.status).toBe(200);
      const res = await admin.agent.get('/api/v1/training/utilisation').query({ from: '2030-01-01', to: '2031-01-02' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ path: 'to', code: 'period_too_long', params: { maximum: 366 } }),
      ]);
    });
  });

  describe('GET /training/crew-coverage', () => {
    it('counts systems in service and qualified people per model and applies the coverage rule', async () => {
      const c = await coverage(admin);
      expect(c.unitId).toBeNull();
      expect(c.models.map((m) => m.modelDesignation)).toEqual(['MRL-122/40 test launcher', 'TH-155/52 test howitzer']);
      // A: 4 in service (the written-off one left out); operators 12 → 4 crews of 3, commanders 3, maintainers 4
      expect(modelRow(c, fx.models.A)).toEqual({
        systemModelId: fx.models.A,
        modelDesignation: 'TH-155/52 test howitzer',
        crewSize: 3,
        systemsInService: 4,
        qualified: { operator: 12, maintainer: 4, commander: 3, instructor: 1 },
        crewsRequired: 4,
        operatorsRequired: 12,
        crewsCovered: 3,
        coveragePercent: 75,
        gap: 1,
      });
      expect(modelRow(c, fx.models.B)).toMatchObject({
        systemsInService: 2,
        qualified: { operator: 1, maintainer: 0, commander: 0, instructor: 0 },
        crewsRequired: 2,
        operatorsRequired: 6,
        crewsCovered: 0,
        coveragePercent: 0,
        gap: 2,
      });
      noPersonalData(c);
    });

    it('counts the systems and the people of one unit', async () => {
      const u1 = await coverage(training, fx.units.U1);
      expect(u1.unitId).toBe(fx.units.U1);
      expect(modelRow(u1, fx.models.A)).toMatchObject({
        systemsInService: 3,
        qualified: { operator: 9, maintainer: 3, commander: 2, instructor: 1 },
        crewsRequired: 3,
        operatorsRequired: 9,
        crewsCovered: 2,
        coveragePercent: 66.7,
        gap: 1,
      });
      expect(modelRow(u1, fx.models.B)).toMatchObject({
        systemsInService: 0,
        crewsRequired: 0,
        crewsCovered: 0,
        coveragePercent: null,
        gap: 0,
      });
      const u2 = await coverage(training, fx.units.U2);
      expect(modelRow(u2, fx.models.A)).toMatchObject({
        systemsInService: 1,
        qualified: { operator: 3, maintainer: 1, commander: 1, instructor: 0 },
        crewsCovered: 1,
        coveragePercent: 100,
        gap: 0,
      });
      expect(modelRow(u2, fx.models.B)).toMatchObject({ systemsInService: 2, crewsCovered: 0, gap: 2 });
      const unknown = await admin.agent
        .get('/api/v1/training/crew-coverage')
        .query({ unitId: '00000000-0000-4000-8000-000000000000' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toEqual([expect.objectContaining({ path: 'unitId', code: 'not_found' })]);
    });

    it('rises once a commander cohort completes and grants its qualification', async () => {
      const cohortId = await cohort({
        course: 'A-CMD',
        facility: TB2,
        from: '2029-06-01',
        to: '2029-06-10',
        seats: 2,
        status: 'in_progress',
        enrollments: [[5, 'enrolled']],
      });
      // in progress: nothing granted yet
      expect(modelRow(await coverage(admin, fx.units.U1), fx.models.A)).toMatchObject({ crewsCovered: 2 });
      await ctx.db.query(`UPDATE cohorts SET status = 'completed' WHERE id = $1`, [cohortId]);
      await ctx.db.query(`UPDATE enrollments SET status = 'completed', score = 91 WHERE cohort_id = $1`, [cohortId]);
      const [{ id: enrollmentId }] = await ctx.db.query(`SELECT id FROM enrollments WHERE cohort_id = $1`, [cohortId]);
      await qualify(cohortId, enrollmentId, '2029-06-10');
      expect(modelRow(await coverage(admin, fx.units.U1), fx.models.A)).toMatchObject({
        qualified: { operator: 9, maintainer: 3, commander: 3, instructor: 1 },
        crewsCovered: 3,
        coveragePercent: 100,
        gap: 0,
      });
      expect(modelRow(await coverage(admin), fx.models.A)).toMatchObject({
        qualified: { operator: 12, maintainer: 4, commander: 4, instructor: 1 },
        crewsCovered: 4,
        coveragePercent: 100,
        gap: 0,
      });
    });

    it('shows partner users only the models their country donated, counting its systems; counts only', async () => {
      const lv = await coverage(partnerLV);
      expect(lv.models.map((m) => m.systemModelId)).toEqual([fx.models.A]);
      // LV's three systems of model A in service (its written-off one left out, FR's left out)
      expect(lv.models[0]).toMatchObject({ systemsInService: 3, crewsRequired: 3, crewsCovered: 3, gap: 0 });
      noPersonalData(lv);
      expect((await coverage(partnerDE)).models).toEqual([]);
    });
  });
});
