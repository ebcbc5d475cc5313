import { type Dashboard, dashboardSchema } from '@jv/contracts';
import { addDays } from '../src/modules/notifications/cohort-starting.service';
import { workshopToday } from '../src/modules/repair-jobs/repair-jobs.rules';
import { createSystem, repairFixtures, type RepairFixtures } from './support/repair-fixtures';
import { createTestApp, signedIn, type TestContext } from './support/test-app';

type Session = Awaited<ReturnType<typeof signedIn>>;

const today = workshopToday();
/** The month `k` months before the current one (Kyiv), `YYYY-MM`. */
function monthBack(k: number): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - k;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
/** The middle of the month `k` months back: far from any month boundary in any time zone. */
const midMonth = (k: number) => `${monthBack(k)}-15T12:00:00Z`;

describe('dashboard (integration, real PostgreSQL)', () => {
  let ctx: TestContext;
  let fx: RepairFixtures;
  let admin: Session;
  let workshop: Session;
  let partnerA: Session;
  let partnerB: Session;
  let seq = 0;
  const sys: Record<string, string> = {};
  const cohorts: Record<string, string> = {};

  const one = async (sql: string, params: unknown[] = []) => (await ctx.db.query(sql, params))[0].id as string;
  const history = (system: string, from: string | null, to: string, at: string) =>
    ctx.db.query(`INSERT INTO system_status_history (system_id, from_status, to_status, at) VALUES ($1, $2, $3, $4)`, [
      sys[system],
      from,
      to,
      at,
    ]);
  const job = (o: {
    facility: string;
    system: string;
    status: string;
    due: string;
    opened?: string;
    closed?: string;
  }) =>
    ctx.db.query(
      `INSERT INTO repair_jobs (number, facility_id, system_id, kind, priority, priority_rank, status, reported_fault,
                                system_status_before, opened_at, due_at, closed_at)
       VALUES ($1, $2, $3, 'corrective', 'routine', 2, $4, 'Fault', 'operational',
               coalesce($5::timestamptz, now()), $6, $7::timestamptz)`,
      [`RJ-2026-${String(++seq).padStart(5, '0')}`, o.facility, sys[o.system], o.status, o.opened, o.due, o.closed],
    );
  const request = (status: string, supplier: string | null, neededBy: string) =>
    ctx.db.query(
      `INSERT INTO component_requests (number, component_id, quantity, priority, needed_by, facility_id,
                                       justification, status, supplier_partner_id, delivered_quantity)
       VALUES ($1, $2, 2, 'routine', $3, $4, 'Needed', $5, $6, CASE WHEN $5 = 'delivered' THEN 2 ELSE 0 END)`,
      [`CR-2026-${String(++seq).padStart(5, '0')}`, fx.componentA, neededBy, fx.ws1, status, supplier],
    );
  const dashboard = async (s: Session): Promise<Dashboard> => {
    const res = await s.agent.get('/api/v1/dashboard');
    expect(res.status).toBe(200);
    return dashboardSchema.parse(res.body);
  };
  const trendOf = (d: Dashboard) => d.fleet.trend.map((t) => [t.month, t.available, t.inService, t.availabilityRate]);

  beforeAll(async () => {
    ctx = await createTestApp();
    fx = await repairFixtures(ctx.db);
    admin = await signedIn(ctx, { role: 'admin' });
    workshop = await signedIn(ctx, { role: 'workshop', facilityIds: [fx.ws2] });
    partnerA = await signedIn(ctx, { role: 'partner', partnerId: fx.partnerA });
    partnerB = await signedIn(ctx, { role: 'partner', partnerId: fx.partnerB });

    // the fleet now: partner A donated A1..A5 (model A), partner B B1, B2 (model B)
    const system = async (key: string, status: string) => {
      const [modelId, donorPartnerId] = key.startsWith('A') ? [fx.modelA, fx.partnerA] : [fx.modelB, fx.partnerB];
      sys[key] = await createSystem(ctx.db, { modelId, donorPartnerId, status });
    };
    await system('A1', 'operational');
    await system('A2', 'operational');
    await system('A3', 'written_off');
    await system('A4', 'in_transit');
    await system('A5', 'in_repair');
    await system('B1', 'awaiting_parts');
    await system('B2', 'operational');
    // its history: old rows (before the window) count for nothing
    for (const key of ['A1', 'A2', 'A3', 'A5', 'B1', 'B2'])
      await history(key, null, 'operational', '2020-01-10T10:00:00Z');
    await history('A2', 'operational', 'in_repair', '2021-05-10T10:00:00Z');
    await history('A3', 'operational', 'written_off', midMonth(5)); // written off five months back
    await history('A2', 'in_repair', 'operational', midMonth(3)); // repaired three months back
    await history('B1', 'operational', 'awaiting_parts', midMonth(2));
    await history('A4', null, 'in_transit', midMonth(1)); // registered last month
    await ctx.db.query(
      `INSERT INTO system_status_history (system_id, from_status, to_status, at)
       VALUES ($1, 'operational', 'in_repair', now() - interval '1 second')`,
      [sys.A5],
    ); // this month

    // repair jobs: open at WS-T1 (A5 overdue, B1 awaiting parts), at WS-T2 (A1 overdue); completed and cancelled
    const past = new Date(Date.now() - 86_400_000).toISOString();
    const future = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
    await job({ facility: fx.ws1, system: 'A5', status: 'in_repair', due: past });
    await job({ facility: fx.ws1, system: 'B1', status: 'awaiting_parts', due: future });
    await job({ facility: fx.ws2, system: 'A1', status: 'reported', due: past });
    await job({
      facility: fx.ws1,
      system: 'A2',
      status: 'completed',
      due: past,
      opened: daysAgo(10),
      closed: daysAgo(4),
    });
    await job({
      facility: fx.ws2,
      system: 'B2',
      status: 'completed',
      due: past,
      opened: daysAgo(30),
      closed: daysAgo(28),
    });
    await job({
      facility: fx.ws1,
      system: 'B2',
      status: 'completed',
      due: past,
      opened: daysAgo(31),
      closed: daysAgo(29),
    });
    await job({
      facility: fx.ws1,
      system: 'A3',
      status: 'completed',
      due: past,
      opened: daysAgo(200),
      closed: daysAgo(100),
    });
    await job({
      facility: fx.ws2,
      system: 'A4',
      status: 'cancelled',
      due: past,
      opened: daysAgo(9),
      closed: daysAgo(5),
    });

    // component requests: overdue = approved / ordered / shipped with needed-by before today (Kyiv)
    await request('approved', fx.partnerA, addDays(today, -5));
    await request('shipped', fx.partnerB, addDays(today, -10));
    await request('ordered', fx.partnerA, today); // due today: not yet overdue
    await request('submitted', null, addDays(today, -20)); // not approved
    await request('delivered', fx.partnerA, addDays(today, -30));

    // training: a base, courses on model A (operator, commander, maintainer) and B, people
    await ctx.db.query(`UPDATE system_models SET crew_size = 2`);
    await one(
      `INSERT INTO system_models (designation, kind, caliber_mm, origin_partner_id, barrel_life_efc, crew_size)
       VALUES ('Model C', 'mortar', 120, $1, 8000, 2) RETURNING id`,
      [fx.partnerA],
    ); // no systems: no gap
    const base = await one(
      `INSERT INTO facilities (code, name, kind, oblast, training_seats)
       VALUES ('TB-D-1', 'Base D1', 'training_base', 'zhytomyrska', 60) RETURNING id`,
    );
    const course = (code: string, kind: string, model: string) =>
      one(
        `INSERT INTO courses (code, title, kind, system_model_id, duration_days, seats)
         VALUES ($1, $2, $3, $4, 5, 20) RETURNING id`,
        [code, `Course ${code}`, kind, model],
      );
    const courses = {
      aOp: await course('D-A-OP', 'operator', fx.modelA),
      aCmd: await course('D-A-CMD', 'commander', fx.modelA),
      aMnt: await course('D-A-MNT', 'maintainer', fx.modelA),
      bOp: await course('D-B-OP', 'operator', fx.modelB),
    };
    const people: string[] = [];
    for (let i = 0; i < 6; i++)
      people.push(
        await one(`INSERT INTO personnel (service_number, full_name, rank) VALUES ($1, $2, 'Sergeant') RETURNING id`, [
          `SN-D-${i}`,
          `Person ${i}`,
        ]),
      );
    const cohort = async (
      code: string,
      courseId: string,
      startsOn: string,
      status: string,
      enrolled: Array<[number, string]> = [],
    ) => {
      const endsOn = addDays(startsOn, 4);
      cohorts[code] = await one(
        `INSERT INTO cohorts (code, course_id, facility_id, starts_on, ends_on, seats, status)
         VALUES ($1, $2, $3, $4, $5, 20, $6) RETURNING id`,
        [code, courseId, base, startsOn, endsOn, status],
      );
      for (const [person, enrollment] of enrolled) {
        const enrollmentId = await one(
          `INSERT INTO enrollments (cohort_id, person_id, status, starts_on, ends_on, active)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [cohorts[code], people[person], enrollment, startsOn, endsOn, enrollment !== 'withdrawn'],
        );
        if (status === 'completed')
          await ctx.db.query(
            `INSERT INTO qualifications (person_id, system_model_id, kind, granted_on, cohort_id, enrollment_id)
             SELECT $1, co.system_model_id, co.kind, $2, $3, $4 FROM courses co WHERE co.id = $5`,
            [people[person], endsOn, cohorts[code], enrollmentId, courseId],
          );
      }
    };
    // model A: 4 operators, 1 commander, 1 maintainer → 1 crew of 2 covered; model B: none
    const done = (...ps: number[]) => ps.map((p): [number, string] => [p, 'completed']);
    await cohort('D-PAST-OP', courses.aOp, '2025-01-06', 'completed', done(0, 1, 2, 3));
    await cohort('D-PAST-CMD', courses.aCmd, '2025-02-03', 'completed', done(4));
    await cohort('D-PAST-MNT', courses.aMnt, '2025-03-03', 'completed', done(5));
    // upcoming: today .. today + 30, not cancelled
    await cohort('D-SOON', courses.aOp, addDays(today, 3), 'planned', [
      [0, 'enrolled'],
      [1, 'enrolled'],
      [2, 'withdrawn'],
    ]);
    await cohort('D-EDGE', courses.bOp, addDays(today, 30), 'enrolling');
    await cohort('D-TOO-LATE', courses.aOp, addDays(today, 31), 'planned');
    await cohort('D-CANCELLED', courses.aOp, addDays(today, 5), 'cancelled');
    await cohort('D-RUNNING', courses.bOp, addDays(today, -1), 'in_progress');
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('the whole coalition: every figure as computed by hand', async () => {
    const d = await dashboard(admin);
    expect(d.partnerId).toBeNull();
    expect(d.fleet).toMatchObject({
      inService: 6,
      inTransit: 1,
      availabilityRate: 50,
      byReadiness: [
        { readiness: 'FMC', systems: 3 },
        { readiness: 'PMC', systems: 0 },
        { readiness: 'NMC-M', systems: 1 },
        { readiness: 'NMC-S', systems: 1 },
      ],
    });
    // backwards from now: each month's end takes off the changes after it
    expect(trendOf(d)).toEqual([
      ...[11, 10, 9, 8, 7, 6].map((k) => [monthBack(k), 5, 6, 83.3]),
      [monthBack(5), 4, 5, 80], // A3 written off in that month
      [monthBack(4), 4, 5, 80],
      [monthBack(3), 5, 5, 100], // A2 back from repair
      [monthBack(2), 4, 5, 80], // B1 waits for parts
      [monthBack(1), 4, 6, 66.7], // A4 arrived (in transit)
      [monthBack(0), 3, 6, 50], // A5 in repair since a second ago
    ]);
    expect(d.fleet.trend.map((t) => t.partial)).toEqual([...Array(11).fill(false), true]);

    expect(d.backlog).toEqual([
      { facilityId: fx.ws1, facilityCode: 'WS-T1', facilityName: 'WS-T1', open: 2, overdue: 1, awaitingParts: 1 },
      { facilityId: fx.ws2, facilityCode: 'WS-T2', facilityName: 'WS-T2', open: 1, overdue: 1, awaitingParts: 0 },
    ]);
    expect(d.turnaround).toEqual({ completed: 3, medianDays: 2 }); // 6, 2 and 2 days; the 200-day-old one is out
    expect(d.overdueRequests).toEqual({ count: 2, oldestNeededBy: addDays(today, -10) });
    expect(d.upcomingCohorts).toEqual([
      {
        cohortId: cohorts['D-SOON'],
        code: 'D-SOON',
        courseTitle: 'Course D-A-OP',
        facilityName: 'Base D1',
        startsOn: addDays(today, 3),
        seats: 20,
        seatsTaken: 2,
      },
      {
        cohortId: cohorts['D-EDGE'],
        code: 'D-EDGE',
        courseTitle: 'Course D-B-OP',
        facilityName: 'Base D1',
        startsOn: addDays(today, 30),
        seats: 20,
        seatsTaken: 0,
      },
    ]);
    // model A: 4 in service (A3 written off), 1 crew covered; model B: 2, none; model C: no systems
    expect(d.crewCoverageGaps).toEqual([
      { modelId: fx.modelA, designation: 'Model A', systemsInService: 4, crewsRequired: 4, crewsCovered: 1, gap: 3 },
      { modelId: fx.modelB, designation: 'Model B', systemsInService: 2, crewsRequired: 2, crewsCovered: 0, gap: 2 },
    ]);
  });

  it('workshop users see the whole coalition too', async () => {
    const { asOf: _a, ...all } = await dashboard(admin);
    const { asOf: _w, ...theirs } = await dashboard(workshop);
    expect(theirs).toEqual(all);
  });

  it("a partner user gets its country's slice only", async () => {
    const a = await dashboard(partnerA);
    expect(a.partnerId).toBe(fx.partnerA);
    expect(a.fleet).toMatchObject({ inService: 4, inTransit: 1, availabilityRate: 50 });
    expect(trendOf(a)).toEqual([
      ...[11, 10, 9, 8, 7, 6].map((k) => [monthBack(k), 3, 4, 75]),
      [monthBack(5), 2, 3, 66.7],
      [monthBack(4), 2, 3, 66.7],
      [monthBack(3), 3, 3, 100],
      [monthBack(2), 3, 3, 100],
      [monthBack(1), 3, 4, 75],
      [monthBack(0), 2, 4, 50],
    ]);
    expect(a.backlog.map((b) => [b.facilityCode, b.open, b.overdue, b.awaitingParts])).toEqual([
      ['WS-T1', 1, 1, 0],
      ['WS-T2', 1, 1, 0],
    ]);
    expect(a.turnaround).toEqual({ completed: 1, medianDays: 6 });
    expect(a.overdueRequests).toEqual({ count: 1, oldestNeededBy: addDays(today, -5) });
    expect(a.upcomingCohorts.map((c) => c.code)).toEqual(['D-SOON']);
    expect(a.crewCoverageGaps.map((g) => [g.designation, g.gap])).toEqual([['Model A', 3]]);

    const b = await dashboard(partnerB);
    expect(b.partnerId).toBe(fx.partnerB);
    expect(b.fleet).toMatchObject({ inService: 2, inTransit: 0, availabilityRate: 50 });
    expect(b.fleet.trend[0]).toMatchObject({ available: 2, inService: 2 });
    expect(b.backlog.map((x) => [x.facilityCode, x.open, x.awaitingParts])).toEqual([
      ['WS-T1', 1, 1],
      ['WS-T2', 0, 0],
    ]);
    expect(b.turnaround).toEqual({ completed: 2, medianDays: 2 });
    expect(b.overdueRequests).toEqual({ count: 1, oldestNeededBy: addDays(today, -10) });
    expect(b.upcomingCohorts.map((c) => c.code)).toEqual(['D-EDGE']);
    expect(b.crewCoverageGaps.map((g) => [g.designation, g.gap])).toEqual([['Model B', 2]]);
  });

  it('a partner account without a country sees nothing', async () => {
    const lost = await signedIn(ctx, { role: 'partner', partnerId: null });
    const d = await dashboard(lost);
    expect(d.fleet).toMatchObject({ inService: 0, availabilityRate: null });
    expect(d.fleet.trend.every((t) => t.inService === 0 && t.availabilityRate === null)).toBe(true);
    expect(d.backlog.every((x) => x.open === 0)).toBe(true);
    expect(d.turnaround).toEqual({ completed: 0, medianDays: null });
    expect(d.overdueRequests).toEqual({ count: 0, oldestNeededBy: null });
    expect(d.upcomingCohorts).toEqual([]);
    expect(d.crewCoverageGaps).toEqual([]);
  });

  it('answers signed-in users only (the endpoint takes no query: nothing to refuse)', async () => {
    expect((await ctx.http().get('/api/v1/dashboard')).status).toBe(401);
    expect((await admin.agent.get('/api/v1/dashboard').query({ unknown: 'x' })).status).toBe(200);
  });
});
