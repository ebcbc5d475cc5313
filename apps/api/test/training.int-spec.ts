import {
  cohortDetailSchema,
  cohortResponseSchema,
  courseResponseSchema,
  enrollmentResponseSchema,
  pageSchema,
  personResponseSchema,
  qualificationResponseSchema,
  systemImportResultSchema,
} from '@jv/contracts';
import type { CohortStatus } from '@jv/domain';
import type TestAgent from 'supertest/lib/agent';
import { createSystem, repairFixtures, type RepairFixtures } from './support/repair-fixtures';
import { auditRows, createTestApp, signedIn, type TestContext } from './support/test-app';

type Agent = TestAgent;
interface Signed {
  agent: Agent;
  user: { id: string };
}

describe('training (integration, real PostgreSQL)', () => {
  let ctx: TestContext;
  let fx: RepairFixtures;
  let admin: Signed;
  let training: Signed;
  let viewer: Signed;
  let partnerA: Signed;
  let workshop: Signed;
  let logistics: Signed;
  /** training bases: 20 seats each */
  let baseA: string;
  let baseB: string;
  /** where the instructors' own qualifying cohorts ran (in 2020) */
  let baseQ: string;
  let unitId: string;
  /** course on model A (partner A donated a system of it), 20 seats */
  let courseA: string;
  /** course on model B (donated by partner B only) */
  let courseB: string;
  let n = 0;

  const count = async (table: string) => (await ctx.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  /** A person straight in the database; names are unique so the privacy walk can look for them. */
  async function person(name = `Trainee Kovalenko ${++n}`) {
    const serviceNumber = `SN-${String(++n).padStart(5, '0')}`;
    const [{ id }] = await ctx.db.query(
      `INSERT INTO personnel (service_number, full_name, rank, unit_id) VALUES ($1, $2, 'Sergeant', $3) RETURNING id`,
      [serviceNumber, name, unitId],
    );
    return { id: id as string, fullName: name, serviceNumber };
  }

  /** A person qualified as an instructor on `modelId` (a completed qualifying cohort in 2020). */
  async function instructor(modelId = fx.modelA) {
    const p = await person(`Instructor Shevchenko ${++n}`);
    const k = ++n;
    const [{ id: course }] = await ctx.db.query(
      `INSERT INTO courses (code, title, kind, system_model_id, duration_days, seats)
       VALUES ($1, 'Instructor course', 'instructor', $2, 5, 20) RETURNING id`,
      [`INS-${k}`, modelId],
    );
    const [{ id: cohort }] = await ctx.db.query(
      `INSERT INTO cohorts (code, course_id, facility_id, starts_on, ends_on, seats, status)
       VALUES ($1, $2, $3, '2020-01-01', '2020-01-05', 1, 'completed') RETURNING id`,
      [`QC-${k}`, course, baseQ],
    );
    const [{ id: enrollment }] = await ctx.db.query(
      `INSERT INTO enrollments (cohort_id, person_id, status, starts_on, ends_on, active)
       VALUES ($1, $2, 'completed', '2020-01-01', '2020-01-05', false) RETURNING id`,
      [cohort, p.id],
    );
    await ctx.db.query(
      `INSERT INTO qualifications (person_id, system_model_id, kind, granted_on, cohort_id, enrollment_id)
       VALUES ($1, $2, 'instructor', '2020-01-05', $3, $4)`,
      [p.id, modelId, cohort, enrollment],
    );
    return p;
  }

  const postCohort = (body: Record<string, unknown>, agent: Agent = admin.agent) =>
    agent.post('/api/v1/cohorts').send({
      code: `CH-${++n}`,
      courseId: courseA,
      facilityId: baseA,
      startsOn: '2031-01-10',
      endsOn: '2031-01-20',
      seats: 5,
      instructorIds: [],
      ...body,
    });

  async function cohort(body: Record<string, unknown>) {
    const res = await postCohort(body);
    if (res.status !== 201) throw new Error(`cohort: ${res.status} ${JSON.stringify(res.body)}`);
    return cohortResponseSchema.parse(res.body);
  }

  const enroll = (cohortId: string, personId: string, agent: Agent = training.agent) =>
    agent.post(`/api/v1/cohorts/${cohortId}/enrollments`).send({ personId });

  async function enrolled(cohortId: string, personId: string) {
    const res = await enroll(cohortId, personId);
    if (res.status !== 201) throw new Error(`enroll: ${res.status} ${JSON.stringify(res.body)}`);
    return enrollmentResponseSchema.parse(res.body);
  }

  const move = (id: string, to: CohortStatus, comment?: string) =>
    admin.agent.post(`/api/v1/cohorts/${id}/transitions`).send({ to, ...(comment ? { comment } : {}) });

  async function moveTo(id: string, ...path: CohortStatus[]) {
    for (const to of path) {
      const res = await move(id, to, to === 'cancelled' ? 'Called off' : undefined);
      if (res.status !== 200) throw new Error(`move to ${to}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }

  const result = (id: string, version: number, status: string, score?: number) =>
    training.agent.patch(`/api/v1/enrollments/${id}`).send({ version, status, ...(score ? { score } : {}) });

  beforeAll(async () => {
    ctx = await createTestApp();
    fx = await repairFixtures(ctx.db);
    const base = async (code: string) =>
      (
        await ctx.db.query(
          `INSERT INTO facilities (code, name, kind, oblast, repair_bays, training_seats)
           VALUES ($1, $1, 'training_base', 'lvivska', 0, 20) RETURNING id`,
          [code],
        )
      )[0].id as string;
    baseA = await base('TB-A');
    baseB = await base('TB-B');
    baseQ = await base('TB-Q');
    [{ id: unitId }] = await ctx.db.query(`INSERT INTO units (code, name) VALUES ('U-1', 'First unit') RETURNING id`);
    await createSystem(ctx.db, { modelId: fx.modelA, donorPartnerId: fx.partnerA, facilityId: null });
    await createSystem(ctx.db, { modelId: fx.modelB, donorPartnerId: fx.partnerB, facilityId: null });
    admin = await signedIn(ctx, { role: 'admin' });
    training = await signedIn(ctx, { role: 'training' });
    viewer = await signedIn(ctx, { role: 'viewer' });
    partnerA = await signedIn(ctx, { role: 'partner', partnerId: fx.partnerA });
    workshop = await signedIn(ctx, { role: 'workshop', facilityIds: [fx.ws1] });
    logistics = await signedIn(ctx, { role: 'logistics' });
    const course = async (code: string, systemModelId: string) => {
      const res = await training.agent
        .post('/api/v1/courses')
        .send({ code, title: `${code} operators`, kind: 'operator', systemModelId, durationDays: 10, seats: 20 });
      expect(res.status).toBe(201);
      return courseResponseSchema.parse(res.body).id;
    };
    courseA = await course('OPS-A', fx.modelA);
    courseB = await course('OPS-B', fx.modelB);
  });
  afterAll(async () => {
    await ctx.close();
  });

  describe('courses', () => {
    it('lists by code with filters, refuses an unknown model and a known code, audits changes', async () => {
      const list = await viewer.agent.get('/api/v1/courses').query({ systemModelId: fx.modelA });
      expect(list.status).toBe(200);
      const page = pageSchema(courseResponseSchema).parse(list.body);
      expect(page.items.map((c) => c.code)).toEqual(['OPS-A']);
      expect((await viewer.agent.get('/api/v1/courses').query({ q: 'ops-b' })).body.items).toHaveLength(1);
      expect((await viewer.agent.get('/api/v1/courses').query({ kind: 'commander' })).body.items).toHaveLength(0);

      const before = await count('courses');
      const bad = await admin.agent.post('/api/v1/courses').send({
        code: 'OPS-X',
        title: 'x',
        kind: 'operator',
        systemModelId: '00000000-0000-4000-8000-000000000000',
        durationDays: 3,
        seats: 5,
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'systemModelId', code: 'not_found' })]);
      const dup = await admin.agent
        .post('/api/v1/courses')
        .send({ code: 'ops-a', title: 'x', kind: 'operator', systemModelId: fx.modelA, durationDays: 3, seats: 5 });
      expect(dup.status).toBe(409);
      expect(dup.body.code).toBe('DUPLICATE');
      expect(await count('courses')).toBe(before);

      const current = courseResponseSchema.parse((await admin.agent.get(`/api/v1/courses/${courseA}`)).body);
      const upd = await admin.agent.patch(`/api/v1/courses/${courseA}`).send({ version: current.version, seats: 18 });
      expect(upd.status).toBe(200);
      const stale = await admin.agent.patch(`/api/v1/courses/${courseA}`).send({ version: current.version, seats: 20 });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      await admin.agent.patch(`/api/v1/courses/${courseA}`).send({ version: current.version + 1, seats: 20 });
      const audit = await auditRows(ctx.db, 'course', courseA);
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['create', 'update', 'update']);
      expect(audit[1].after).toMatchObject({ seats: 18 });
    });

    it('partner users read only the courses of the models their country donated (others 404)', async () => {
      const list = await partnerA.agent.get('/api/v1/courses');
      expect(list.status).toBe(200);
      expect(list.body.items.map((c: { code: string }) => c.code)).toEqual(['OPS-A']);
      expect((await partnerA.agent.get(`/api/v1/courses/${courseA}`)).status).toBe(200);
      expect((await partnerA.agent.get(`/api/v1/courses/${courseB}`)).status).toBe(404);
    });
  });

  describe('personnel', () => {
    it('creates, searches by name or number, refuses an unknown unit and a known number, audits', async () => {
      const res = await training.agent
        .post('/api/v1/personnel')
        .send({ serviceNumber: 'ua-90001', fullName: 'Olena Bondarenko', rank: 'Lieutenant', unitId });
      expect(res.status).toBe(201);
      const p = personResponseSchema.parse(res.body);
      expect(p).toMatchObject({ serviceNumber: 'UA-90001', unitCode: 'U-1' });
      const byNumber = await training.agent.get('/api/v1/personnel').query({ q: '90001' });
      expect(byNumber.body.items.map((x: { id: string }) => x.id)).toEqual([p.id]);
      const byName = await training.agent.get('/api/v1/personnel').query({ q: 'bondarenko' });
      expect(byName.body.items.map((x: { id: string }) => x.id)).toEqual([p.id]);

      const before = await count('personnel');
      const unknownUnit = await training.agent.post('/api/v1/personnel').send({
        serviceNumber: 'UA-90002',
        fullName: 'Nobody',
        rank: 'Private',
        unitId: '00000000-0000-4000-8000-000000000000',
      });
      expect(unknownUnit.status).toBe(400);
      expect(unknownUnit.body.errors).toEqual([expect.objectContaining({ path: 'unitId', code: 'not_found' })]);
      const badNumber = await training.agent
        .post('/api/v1/personnel')
        .send({ serviceNumber: 'A!', fullName: 'Nobody', rank: 'Private' });
      expect(badNumber.status).toBe(400);
      expect(badNumber.body.errors).toEqual([
        expect.objectContaining({ path: 'serviceNumber', code: 'service_number_chars' }),
      ]);
      const dup = await training.agent
        .post('/api/v1/personnel')
        .send({ serviceNumber: 'UA-90001', fullName: 'Twin', rank: 'Private' });
      expect(dup.status).toBe(409);
      expect(dup.body.code).toBe('DUPLICATE');
      expect(await count('personnel')).toBe(before);

      const upd = await training.agent.patch(`/api/v1/personnel/${p.id}`).send({ version: 1, rank: 'Captain' });
      expect(upd.status).toBe(200);
      expect(upd.body.rank).toBe('Captain');
      const audit = await auditRows(ctx.db, 'person', p.id);
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['create', 'update']);
    });

    it('personnel and qualifications are refused to viewer, partner, workshop and logistics users', async () => {
      for (const s of [viewer, partnerA, workshop, logistics]) {
        expect((await s.agent.get('/api/v1/personnel')).status).toBe(403);
        expect((await s.agent.get('/api/v1/qualifications')).status).toBe(403);
        const p = await person();
        expect((await s.agent.get(`/api/v1/personnel/${p.id}`)).status).toBe(403);
      }
    });

    it('import: dry run names each bad line and column, writes nothing; real import is all or nothing', async () => {
      await training.agent
        .post('/api/v1/personnel')
        .send({ serviceNumber: 'UA-70000', fullName: 'Already Here', rank: 'Private' });
      const csv = [
        'service_number,full_name,rank,unit',
        'UA-70001,Taras Melnyk,Private,U-1',
        'UA-70002,,Private,',
        'A!,Bad Number,Private,',
        'UA-70004,Lost Unit,Private,NOPE',
        'UA-70001,Taras Again,Private,',
        'UA-70000,Already Here,Private,',
      ].join('\n');
      const before = await count('personnel');
      const send = (dryRun: string, body: string) =>
        training.agent.post('/api/v1/personnel/import').query({ dryRun }).set('Content-Type', 'text/csv').send(body);

      const dry = await send('true', csv);
      expect(dry.status).toBe(200);
      const r = systemImportResultSchema.parse(dry.body);
      expect(r).toMatchObject({ dryRun: true, totalRows: 6, validRows: 1, imported: 0 });
      expect(r.errors.map((e) => [e.line, e.column, e.code, e.params])).toEqual([
        [3, 'full_name', 'required', undefined],
        [4, 'service_number', 'service_number_chars', undefined],
        [5, 'unit', 'unknown_reference', { value: 'NOPE' }],
        [6, 'service_number', 'listed_twice', { line: 2 }],
        [7, 'service_number', 'duplicate', { value: 'UA-70000' }],
      ]);
      expect(await count('personnel')).toBe(before);

      const real = await send('false', csv);
      expect(real.status).toBe(200);
      expect(real.body).toMatchObject({ dryRun: false, imported: 0 });
      expect(real.body.errors).toHaveLength(5);
      expect(await count('personnel')).toBe(before);

      const good = await send(
        'false',
        'service_number,full_name,rank,unit\nUA-70011,A One,Private,u-1\nUA-70012,B Two,Private,\n',
      );
      expect(good.status).toBe(201);
      expect(good.body).toMatchObject({ dryRun: false, totalRows: 2, validRows: 2, imported: 2, errors: [] });
      expect(await count('personnel')).toBe(before + 2);
      const audit = await auditRows(ctx.db, 'personnel_import');
      expect(audit).toHaveLength(1);
      expect(audit[0].after).toMatchObject({ count: 2 });
    });
  });

  describe('cohorts', () => {
    it('plans a cohort with a qualified instructor; bad input is 400 and writes nothing', async () => {
      const teacher = await instructor();
      const c = await cohort({ instructorIds: [teacher.id], startsOn: '2031-02-01', endsOn: '2031-02-05' });
      expect(c).toMatchObject({ status: 'planned', seats: 5, seatsTaken: 0, instructorIds: [teacher.id] });
      expect(c.allowedTransitions).toEqual(['enrolling', 'cancelled']);
      const audit = await auditRows(ctx.db, 'cohort', c.id);
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['create']);

      const before = await count('cohorts');
      const notBase = await postCohort({ facilityId: fx.ws1 });
      expect(notBase.status).toBe(400);
      expect(notBase.body.errors).toEqual([
        expect.objectContaining({ path: 'facilityId', code: 'training_base_only' }),
      ]);
      const tooMany = await postCohort({ seats: 21 });
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.errors).toEqual([
        expect.objectContaining({ path: 'seats', code: 'over_course_seats', params: { maximum: 20 } }),
      ]);
      const noCourse = await postCohort({ courseId: '00000000-0000-4000-8000-000000000000' });
      expect(noCourse.status).toBe(400);
      expect(noCourse.body.errors).toEqual([expect.objectContaining({ path: 'courseId', code: 'not_found' })]);
      const reversed = await postCohort({ startsOn: '2031-02-10', endsOn: '2031-02-01' });
      expect(reversed.status).toBe(400);
      expect(reversed.body.errors).toEqual([expect.objectContaining({ path: 'endsOn', code: 'period_reversed' })]);
      const dup = await postCohort({ code: c.code, startsOn: '2032-02-01', endsOn: '2032-02-05' });
      expect(dup.status).toBe(409);
      expect(dup.body.code).toBe('DUPLICATE');
      expect(await count('cohorts')).toBe(before);
      expect((await postCohort({}, viewer.agent)).status).toBe(403);
    });

    it('refuses instructors not qualified as instructors on the course model (409 naming them)', async () => {
      const onB = await instructor(fx.modelB);
      const plain = await person();
      const ok = await instructor();
      const before = await count('cohorts');
      const res = await postCohort({
        instructorIds: [ok.id, onB.id, plain.id],
        startsOn: '2031-03-01',
        endsOn: '2031-03-02',
      });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('INSTRUCTOR_NOT_QUALIFIED');
      expect([...res.body.personIds].sort()).toEqual([onB.id, plain.id].sort());
      expect(await count('cohorts')).toBe(before);
    });

    it('base capacity: names the first day the base is over its seats', async () => {
      await cohort({ facilityId: baseB, seats: 15, startsOn: '2031-04-10', endsOn: '2031-04-20' });
      const res = await postCohort({ facilityId: baseB, seats: 10, startsOn: '2031-04-01', endsOn: '2031-04-25' });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('SCHEDULE_CONFLICT');
      expect(res.body.conflicts).toEqual([{ kind: 'base_capacity', day: '2031-04-10', seats: 25, capacity: 20 }]);
      // after the other cohort ends, the base has room again
      expect(
        (await postCohort({ facilityId: baseB, seats: 10, startsOn: '2031-04-21', endsOn: '2031-04-25' })).status,
      ).toBe(201);
    });

    it('instructor busy: names the instructor and the other cohort, with every conflict in one answer', async () => {
      const teacher = await instructor();
      const first = await cohort({
        facilityId: baseB,
        seats: 15,
        instructorIds: [teacher.id],
        startsOn: '2031-05-01',
        endsOn: '2031-05-10',
      });
      const res = await postCohort({
        facilityId: baseB,
        seats: 10,
        instructorIds: [teacher.id],
        startsOn: '2031-05-10',
        endsOn: '2031-05-12',
      });
      expect(res.status).toBe(409);
      expect(res.body.conflicts).toEqual([
        { kind: 'base_capacity', day: '2031-05-10', seats: 25, capacity: 20 },
        {
          kind: 'instructor_busy',
          personId: teacher.id,
          personName: teacher.fullName,
          cohortId: first.id,
          cohortCode: first.code,
        },
      ]);
      // a cancelled cohort frees its instructor's days
      await moveTo(first.id, 'cancelled');
      expect(
        (await postCohort({ instructorIds: [teacher.id], startsOn: '2031-05-10', endsOn: '2031-05-12' })).status,
      ).toBe(201);
    });

    it('race: two cohorts at two bases, same instructor, overlapping dates → one 201, one 409', async () => {
      const teacher = await instructor();
      const before = await count('cohorts');
      const [a, b] = await Promise.all([
        postCohort({ facilityId: baseA, instructorIds: [teacher.id], startsOn: '2031-06-01', endsOn: '2031-06-10' }),
        postCohort({ facilityId: baseB, instructorIds: [teacher.id], startsOn: '2031-06-05', endsOn: '2031-06-15' }),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      const refused = a.status === 409 ? a : b;
      expect(refused.body.code).toBe('SCHEDULE_CONFLICT');
      expect(refused.body.conflicts).toEqual([
        expect.objectContaining({ kind: 'instructor_busy', personId: teacher.id }),
      ]);
      expect(await count('cohorts')).toBe(before + 1);
    });

    it('enrollment: cohort full, trainee busy (named), already enrolled, closed cohort', async () => {
      const small = await cohort({ seats: 1, startsOn: '2031-07-01', endsOn: '2031-07-05' });
      const other = await cohort({ seats: 5, startsOn: '2031-07-04', endsOn: '2031-07-08' });
      const t1 = await person();
      const t2 = await person();
      const e1 = await enrolled(small.id, t1.id);
      expect(e1).toMatchObject({ status: 'enrolled', fullName: t1.fullName, serviceNumber: t1.serviceNumber });

      const full = await enroll(small.id, t2.id);
      expect(full.status).toBe(409);
      expect(full.body.conflicts).toEqual([
        expect.objectContaining({ kind: 'cohort_full', seats: 1, cohortId: small.id }),
      ]);
      const busy = await enroll(other.id, t1.id);
      expect(busy.status).toBe(409);
      expect(busy.body.conflicts).toEqual([
        { kind: 'trainee_busy', personId: t1.id, personName: t1.fullName, cohortId: small.id, cohortCode: small.code },
      ]);
      const twice = await enroll(small.id, t1.id);
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('DUPLICATE');
      const nobody = await enroll(other.id, '00000000-0000-4000-8000-000000000000');
      expect(nobody.status).toBe(400);
      expect(nobody.body.errors).toEqual([expect.objectContaining({ path: 'personId', code: 'not_found' })]);
      expect((await enroll(other.id, t2.id, viewer.agent)).status).toBe(403);

      await moveTo(other.id, 'cancelled');
      const closed = await enroll(other.id, t2.id);
      expect(closed.status).toBe(409);
      expect(closed.body).toMatchObject({ code: 'COHORT_CLOSED', cohortStatus: 'cancelled' });
      expect(await auditRows(ctx.db, 'enrollment', e1.id)).toHaveLength(1);
    });

    it('race: two enrollments for the last seat → one 201, one 409 cohort_full', async () => {
      const c = await cohort({ seats: 1, startsOn: '2031-08-01', endsOn: '2031-08-05' });
      const [p1, p2] = [await person(), await person()];
      const [a, b] = await Promise.all([enroll(c.id, p1.id), enroll(c.id, p2.id)]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      const refused = a.status === 409 ? a : b;
      expect(refused.body.conflicts).toEqual([expect.objectContaining({ kind: 'cohort_full', seats: 1 })]);
      expect((await ctx.db.query(`SELECT count(*)::int AS n FROM enrollments WHERE cohort_id = $1`, [c.id]))[0].n).toBe(
        1,
      );
    });

    it('PATCH: fewer seats than enrolled → cohort_full; new dates re-checked for trainees and copied', async () => {
      const c = await cohort({ seats: 3, startsOn: '2031-09-01', endsOn: '2031-09-05' });
      const later = await cohort({ seats: 3, startsOn: '2031-09-10', endsOn: '2031-09-12' });
      const [p1, p2] = [await person(), await person()];
      await enrolled(c.id, p1.id);
      await enrolled(c.id, p2.id);
      await enrolled(later.id, p2.id);

      const fewer = await admin.agent.patch(`/api/v1/cohorts/${c.id}`).send({ version: c.version, seats: 1 });
      expect(fewer.status).toBe(409);
      expect(fewer.body.conflicts).toEqual([expect.objectContaining({ kind: 'cohort_full', seats: 1 })]);
      const overlap = await admin.agent
        .patch(`/api/v1/cohorts/${c.id}`)
        .send({ version: c.version, endsOn: '2031-09-10' });
      expect(overlap.status).toBe(409);
      expect(overlap.body.conflicts).toEqual([
        { kind: 'trainee_busy', personId: p2.id, personName: p2.fullName, cohortId: later.id, cohortCode: later.code },
      ]);
      const moved = await admin.agent
        .patch(`/api/v1/cohorts/${c.id}`)
        .send({ version: c.version, startsOn: '2031-09-02', endsOn: '2031-09-06' });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ startsOn: '2031-09-02', endsOn: '2031-09-06', version: c.version + 1 });
      const copies: Array<{ starts_on: string; ends_on: string }> = await ctx.db.query(
        `SELECT starts_on::text, ends_on::text FROM enrollments WHERE cohort_id = $1`,
        [c.id],
      );
      expect(copies).toEqual([
        { starts_on: '2031-09-02', ends_on: '2031-09-06' },
        { starts_on: '2031-09-02', ends_on: '2031-09-06' },
      ]);
      const stale = await admin.agent.patch(`/api/v1/cohorts/${c.id}`).send({ version: c.version, seats: 2 });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      const audit = await auditRows(ctx.db, 'cohort', c.id);
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['create', 'update']);
    });

    it('completing: RESULTS_MISSING, then grants qualifications exactly once', async () => {
      const c = await cohort({ seats: 4, startsOn: '2020-10-01', endsOn: '2020-10-05', facilityId: baseB });
      const [p1, p2, p3] = [await person(), await person(), await person()];
      const e1 = await enrolled(c.id, p1.id);
      const e2 = await enrolled(c.id, p2.id);
      const e3 = await enrolled(c.id, p3.id);
      const early = await result(e1.id, e1.version, 'completed', 90);
      expect(early.status).toBe(409);
      expect(early.body).toMatchObject({ code: 'COHORT_CLOSED', cohortStatus: 'planned' });
      await moveTo(c.id, 'enrolling', 'in_progress');
      expect((await result(e1.id, e1.version, 'completed', 90)).status).toBe(200);
      expect((await result(e2.id, e2.version, 'failed', 30)).status).toBe(200);

      const missing = await move(c.id, 'completed');
      expect(missing.status).toBe(409);
      expect(missing.body).toMatchObject({ code: 'RESULTS_MISSING', missing: 1 });
      const withdrawn = await result(e3.id, e3.version, 'withdrawn');
      expect(withdrawn.status).toBe(200);
      expect((await ctx.db.query(`SELECT active FROM enrollments WHERE id = $1`, [e3.id]))[0].active).toBe(false);
      const wrong = await result(e1.id, e1.version + 1, 'failed');
      expect(wrong.status).toBe(409);
      expect(wrong.body.code).toBe('INVALID_TRANSITION');

      const before = await count('qualifications');
      const done = await move(c.id, 'completed');
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ status: 'completed', completedCount: 1, failedCount: 1, seatsTaken: 2 });
      expect(await count('qualifications')).toBe(before + 1);
      const again = await move(c.id, 'completed');
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('INVALID_TRANSITION');
      expect(await count('qualifications')).toBe(before + 1);
      const closed = await result(e2.id, e2.version + 1, 'withdrawn');
      expect(closed.status).toBe(409);
      expect(closed.body.code).toBe('COHORT_CLOSED');

      const q = await training.agent.get('/api/v1/qualifications').query({ personId: p1.id });
      expect(q.status).toBe(200);
      const page = pageSchema(qualificationResponseSchema).parse(q.body);
      expect(page.items).toEqual([
        expect.objectContaining({
          personId: p1.id,
          fullName: p1.fullName,
          kind: 'operator',
          systemModelId: fx.modelA,
          grantedOn: '2020-10-05',
          cohortId: c.id,
        }),
      ]);
      const audit = await auditRows(ctx.db, 'cohort', c.id);
      expect(audit.map((a: { after: { status?: string } }) => a.after.status)).toEqual([
        'planned',
        'enrolling',
        'in_progress',
        'completed',
      ]);
      expect(audit[3].after.qualificationIds).toHaveLength(1);
      expect(await auditRows(ctx.db, 'enrollment', e1.id)).toHaveLength(2);
    });

    it('cancelling needs a comment (field error) and frees the days', async () => {
      const c = await cohort({ seats: 2, startsOn: '2031-11-01', endsOn: '2031-11-03' });
      const res = await move(c.id, 'cancelled');
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('COMMENT_REQUIRED');
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'comment', code: 'comment_required' })]);
      const detail = await admin.agent.get(`/api/v1/cohorts/${c.id}`);
      expect(detail.body.status).toBe('planned');
      await moveTo(c.id, 'cancelled');
      const closed = await admin.agent.patch(`/api/v1/cohorts/${c.id}`).send({ version: c.version + 1, seats: 1 });
      expect(closed.status).toBe(409);
      expect(closed.body).toMatchObject({ code: 'COHORT_CLOSED', cohortStatus: 'cancelled' });
    });
  });

  describe('privacy and scope', () => {
    it('no names or service numbers reach viewer, partner, workshop or logistics users', async () => {
      const teacher = await instructor();
      const c = await cohort({ seats: 3, instructorIds: [teacher.id], startsOn: '2031-12-01', endsOn: '2031-12-05' });
      const trainee = await person();
      await enrolled(c.id, trainee.id);
      const secrets = [teacher.fullName, teacher.serviceNumber, trainee.fullName, trainee.serviceNumber];

      const own = cohortDetailSchema.parse((await training.agent.get(`/api/v1/cohorts/${c.id}`)).body);
      expect(own.enrollments.map((e) => e.fullName)).toEqual([trainee.fullName]);
      expect(own.instructors).toEqual([{ id: teacher.id, fullName: teacher.fullName }]);

      for (const s of [viewer, partnerA, workshop, logistics]) {
        const list = await s.agent.get('/api/v1/cohorts').query({ limit: 200 });
        const detail = await s.agent.get(`/api/v1/cohorts/${c.id}`);
        const courses = await s.agent.get('/api/v1/courses');
        for (const res of [list, detail, courses]) expect(res.status).toBe(200);
        const parsed = cohortDetailSchema.parse(detail.body);
        expect(parsed).toMatchObject({ enrollments: [], instructors: [], instructorIds: [], seatsTaken: 1 });
        const json = JSON.stringify([list.body, detail.body, courses.body]);
        for (const secret of secrets) expect(json).not.toContain(secret);
        expect(json).not.toMatch(/fullName|serviceNumber|personName/);
      }
    });

    it('partner users see only cohorts of the models their country donated (others 404)', async () => {
      const onB = await cohort({ courseId: courseB, seats: 2, startsOn: '2032-01-01', endsOn: '2032-01-02' });
      const onA = await cohort({ seats: 2, startsOn: '2032-01-03', endsOn: '2032-01-04' });
      expect((await partnerA.agent.get(`/api/v1/cohorts/${onB.id}`)).status).toBe(404);
      expect((await partnerA.agent.get(`/api/v1/cohorts/${onA.id}`)).status).toBe(200);
      const list = await partnerA.agent.get('/api/v1/cohorts').query({ limit: 200 });
      const ids = list.body.items.map((c: { id: string }) => c.id);
      expect(ids).toContain(onA.id);
      expect(ids).not.toContain(onB.id);
      expect(list.body.items.every((c: { systemModelId: string }) => c.systemModelId === fx.modelA)).toBe(true);
    });

    it('lists cohorts newest start first, by keyset', async () => {
      const first = await admin.agent.get('/api/v1/cohorts').query({ limit: 2 });
      expect(first.status).toBe(200);
      const second = await admin.agent.get('/api/v1/cohorts').query({ limit: 2, cursor: first.body.nextCursor });
      const starts = [...first.body.items, ...second.body.items].map((c: { startsOn: string }) => c.startsOn);
      expect(starts).toEqual([...starts].sort().reverse());
      const filtered = await admin.agent.get('/api/v1/cohorts').query({ from: '2031-04-01', to: '2031-04-30' });
      expect(filtered.body.items.length).toBeGreaterThan(0);
      for (const c of filtered.body.items) expect(c.endsOn >= '2031-04-01' && c.startsOn <= '2031-04-30').toBe(true);
    });
  });
});
