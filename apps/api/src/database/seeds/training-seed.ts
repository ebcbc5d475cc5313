import { type CohortStatus, type CourseKind, type EnrollmentStatus, peakSeats, rangesOverlap } from '@jv/domain';
import type { EntityManager } from 'typeorm';

/*
 * Demo training data, on top of the demo reference data and systems:
 * - crew sizes on the demo system models;
 * - 10 courses on three models (TH-155, SPH-155W, MRL-122) in all four kinds, instructor courses included;
 * - 600 personnel with invented names and service numbers (UA-D-10001 …) spread over the demo units; the
 *   first 12 (at the training battalion) take the instructor courses and then teach;
 * - 30 cohorts at the training base(s), one every 12 days from 180 days ago: the three instructor courses
 *   first (completed, granting the instructor qualifications), then completed cohorts with their results
 *   and qualifications, one in progress from today, enrolling (starting within 45 days), planned, and one
 *   cancelled. Base capacity is respected on every day, and no instructor or trainee is booked in two
 *   overlapping cohorts (checked here before inserting, then by the exclusion constraints).
 * Deterministic (seeded PRNG; dates relative to today). Does nothing without a training base or systems.
 */

const DAY = 86_400_000;
const COHORTS = 30;
const PERSONNEL = 600;
const INSTRUCTORS_PER_MODEL = 4;

/** Operators per system, by model designation prefix. */
const CREW_SIZES: ReadonlyArray<[prefix: string, crew: number]> = [
  ['TH-155/52', 6],
  ['TH-105/30', 5],
  ['SPH-155/52W', 5],
  ['SPH-155/52T', 4],
  ['SPH-152/47W', 5],
  ['SPH-155/52N', 4],
  ['MRL-122/40', 4],
  ['MRL-227/12', 3],
  ['MT-120', 4],
  ['MT-81', 3],
];

interface SeedCourse {
  code: string;
  title: string;
  kind: CourseKind;
  model: string;
  days: number;
  seats: number;
}
/** The instructor courses come first: they run first and qualify the instructors. */
const COURSES: SeedCourse[] = [
  { code: 'INS-TH155', title: 'TH-155 instructor course', kind: 'instructor', model: 'TH-155/52', days: 10, seats: 8 },
  {
    code: 'INS-SPW155',
    title: 'SPH-155W instructor course',
    kind: 'instructor',
    model: 'SPH-155/52W',
    days: 10,
    seats: 8,
  },
  {
    code: 'INS-MRL122',
    title: 'MRL-122 instructor course',
    kind: 'instructor',
    model: 'MRL-122/40',
    days: 10,
    seats: 8,
  },
  { code: 'OP-TH155', title: 'TH-155 gun crew operator', kind: 'operator', model: 'TH-155/52', days: 20, seats: 24 },
  { code: 'CMD-TH155', title: 'TH-155 section commander', kind: 'commander', model: 'TH-155/52', days: 15, seats: 12 },
  { code: 'MNT-TH155', title: 'TH-155 field maintenance', kind: 'maintainer', model: 'TH-155/52', days: 25, seats: 16 },
  { code: 'OP-SPW155', title: 'SPH-155W crew operator', kind: 'operator', model: 'SPH-155/52W', days: 25, seats: 20 },
  { code: 'MNT-SPW155', title: 'SPH-155W maintenance', kind: 'maintainer', model: 'SPH-155/52W', days: 30, seats: 12 },
  { code: 'OP-MRL122', title: 'MRL-122 launcher operator', kind: 'operator', model: 'MRL-122/40', days: 20, seats: 20 },
  {
    code: 'CMD-MRL122',
    title: 'MRL-122 launcher commander',
    kind: 'commander',
    model: 'MRL-122/40',
    days: 15,
    seats: 10,
  },
];
/** Index (among the 30) of the cancelled cohort: a future one. */
const CANCELLED_INDEX = 22;

const FIRST_NAMES = [
  'Andrii',
  'Bohdan',
  'Vasyl',
  'Dmytro',
  'Yevhen',
  'Ivan',
  'Kostiantyn',
  'Maksym',
  'Mykola',
  'Oleh',
  'Pavlo',
  'Roman',
  'Serhii',
  'Taras',
  'Yurii',
  'Oksana',
  'Iryna',
  'Nataliia',
  'Olena',
  'Kateryna',
];
const LAST_NAMES = [
  'Demoshenko',
  'Vyhadko',
  'Prykladiuk',
  'Testovych',
  'Zrazkovyi',
  'Uiavnyi',
  'Maketenko',
  'Shablonchuk',
  'Proektenko',
  'Chernetko',
  'Modelchuk',
  'Nazvenko',
  'Vymyslenko',
  'Kazkovych',
  'Fiktyvniuk',
  'Ilustrenko',
  'Obraztsiv',
  'Etalonenko',
  'Navchenko',
  'Trenuvalko',
  'Pidhotovych',
  'Studiienko',
  'Kursovyk',
  'Poligonenko',
  'Hartuvalko',
];
const RANKS = ['Soldier', 'Senior soldier', 'Junior sergeant', 'Sergeant', 'Senior sergeant', 'Lieutenant'];

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function insertRows(
  m: EntityManager,
  table: string,
  columns: string[],
  rows: unknown[][],
  returning = '',
): Promise<Array<Record<string, string>>> {
  const out: Array<Record<string, string>> = [];
  // batches keep the parameter count under PostgreSQL's 65 535
  const batch = Math.max(1, Math.floor(60_000 / columns.length));
  for (let i = 0; i < rows.length; i += batch) {
    const params: unknown[] = [];
    const values = rows
      .slice(i, i + batch)
      .map((r) => `(${r.map((v) => (params.push(v), `$${params.length}`)).join(', ')})`)
      .join(', ');
    const res = await m.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}${returning ? ` RETURNING ${returning}` : ''}`,
      params,
    );
    if (returning) out.push(...res);
  }
  return out;
}

const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const addDays = (date: string, days: number) => dateOf(Date.parse(`${date}T00:00:00Z`) + days * DAY);

interface PlannedCohort {
  code: string;
  course: SeedCourse;
  startsOn: string;
  endsOn: string;
  seats: number;
  status: CohortStatus;
  instructors: number[];
  enrollments: Array<{ person: number; status: EnrollmentStatus; score: number | null }>;
}

/** The status a cohort has today from its dates (the cancelled one apart). */
function statusOn(today: string, startsOn: string, endsOn: string): CohortStatus {
  if (endsOn < today) return 'completed';
  if (startsOn <= today) return 'in_progress';
  return startsOn <= addDays(today, 45) ? 'enrolling' : 'planned';
}

export async function seedTrainingDemo(m: EntityManager, now = Date.now()): Promise<void> {
  const bases: Array<{ id: string; training_seats: number }> = await m.query(
    `SELECT id, training_seats FROM facilities WHERE kind = 'training_base' AND training_seats > 0 ORDER BY code`,
  );
  const models: Array<{ id: string; designation: string }> = await m.query(
    `SELECT id, designation FROM system_models ORDER BY designation`,
  );
  const units: Array<{ id: string; code: string }> = await m.query(`SELECT id, code FROM units ORDER BY code`);
  if (bases.length === 0 || units.length === 0) return;
  const modelOf = (prefix: string) => models.find((x) => x.designation.startsWith(prefix))?.id;
  for (const [prefix, crew] of CREW_SIZES) {
    const id = modelOf(prefix);
    if (id) await m.query(`UPDATE system_models SET crew_size = $1 WHERE id = $2`, [crew, id]);
  }
  const courses = COURSES.filter((c) => modelOf(c.model));
  if (courses.length < COURSES.length) return;
  const [trainingUser]: Array<{ id: string }> = await m.query(
    `SELECT id FROM users WHERE email = 'training@jv.example'`,
  );
  const rand = prng(20_261_130);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

  // courses
  const courseIds = new Map(
    (
      await insertRows(
        m,
        'courses',
        ['code', 'title', 'kind', 'system_model_id', 'duration_days', 'seats'],
        courses.map((c) => [c.code, c.title, c.kind, modelOf(c.model), c.days, c.seats]),
        'id, code',
      )
    ).map((r) => [r['code'], r['id']]),
  );

  // personnel: the instructors at the training battalion, the others over the units whose systems
  // match the courses' models when there are any
  const trainingUnit = units.find((u) => u.code.startsWith('TRG'))?.id ?? units[0]?.id;
  const people = Array.from({ length: PERSONNEL }, (_, i) => ({
    serviceNumber: `UA-D-${10_001 + i}`,
    fullName: `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`,
    rank: i < 12 ? pick(RANKS.slice(3)) : pick(RANKS),
    unitId:
      i < courses.filter((c) => c.kind === 'instructor').length * INSTRUCTORS_PER_MODEL
        ? trainingUnit
        : units[i % units.length]?.id,
  }));
  const personIds = (
    await insertRows(
      m,
      'personnel',
      ['service_number', 'full_name', 'rank', 'unit_id'],
      people.map((p) => [p.serviceNumber, p.fullName, p.rank, p.unitId]),
      'id',
    )
  ).map((r) => r['id'] as string);

  // the 30 cohorts, one every 12 days from 180 days ago, courses in turn (instructor courses first)
  const today = dateOf(now);
  const instructorCourses = courses.filter((c) => c.kind === 'instructor');
  const otherCourses = courses.filter((c) => c.kind !== 'instructor');
  /** instructor person indexes per model */
  const teachers = new Map(
    instructorCourses.map((c, k) => [
      c.model,
      Array.from({ length: INSTRUCTORS_PER_MODEL }, (_, j) => k * INSTRUCTORS_PER_MODEL + j),
    ]),
  );
  const busy = new Map<number, Array<{ startsOn: string; endsOn: string }>>();
  const free = (person: number, range: { startsOn: string; endsOn: string }) =>
    !(busy.get(person) ?? []).some((r) => rangesOverlap(r, range));
  const book = (person: number, range: { startsOn: string; endsOn: string }) =>
    busy.set(person, [...(busy.get(person) ?? []), range]);
  const firstTrainee = instructorCourses.length * INSTRUCTORS_PER_MODEL;
  let nextTrainee = firstTrainee;
  const planned: PlannedCohort[] = [];
  for (let i = 0; i < COHORTS; i++) {
    const course =
      i < instructorCourses.length
        ? (instructorCourses[i] as SeedCourse)
        : (otherCourses[(i - instructorCourses.length) % otherCourses.length] as SeedCourse);
    const startsOn = addDays(today, -180 + i * 12);
    const endsOn = addDays(startsOn, course.days - 1);
    const range = { startsOn, endsOn };
    const status = i === CANCELLED_INDEX ? 'cancelled' : statusOn(today, startsOn, endsOn);
    const seats = course.seats - (i % 3);
    const cohort: PlannedCohort = {
      code: `TC-${startsOn.slice(0, 4)}-${String(i + 1).padStart(3, '0')}`,
      course,
      startsOn,
      endsOn,
      seats,
      status,
      instructors: [],
      enrollments: [],
    };
    // instructors: qualified on the model (their instructor course ended before), not busy
    if (course.kind !== 'instructor') {
      const wanted = seats > 12 ? 2 : 1;
      for (const t of teachers.get(course.model) ?? []) {
        if (cohort.instructors.length < wanted && free(t, range)) cohort.instructors.push(t);
      }
      if (status !== 'cancelled') cohort.instructors.forEach((t) => book(t, range));
    }
    // trainees: the instructors-to-be on an instructor course, otherwise the next free people
    const fill = status === 'planned' ? 0.3 : status === 'enrolling' ? 0.6 : 0.85;
    const trainees =
      course.kind === 'instructor'
        ? (teachers.get(course.model) ?? [])
        : Array.from({ length: Math.max(1, Math.floor(seats * fill)) }, () => {
            for (let tries = 0; tries < PERSONNEL; tries++) {
              const p = nextTrainee;
              nextTrainee = nextTrainee + 1 >= PERSONNEL ? firstTrainee : nextTrainee + 1;
              if (free(p, range)) return p;
            }
            throw new Error('training seed: nobody free');
          });
    trainees.forEach((person, k) => {
      let result: EnrollmentStatus = 'enrolled';
      let score: number | null = null;
      if (status === 'completed') {
        const r = course.kind === 'instructor' ? 0 : rand();
        result = r < 0.8 ? 'completed' : r < 0.9 ? 'failed' : 'withdrawn';
        score =
          result === 'completed'
            ? 70 + Math.floor(rand() * 29)
            : result === 'failed'
              ? 40 + Math.floor(rand() * 25)
              : null;
      } else if (status === 'in_progress' && k === 0) result = 'withdrawn';
      cohort.enrollments.push({ person, status: result, score });
      if (result !== 'withdrawn' && status !== 'cancelled') book(person, range);
    });
    planned.push(cohort);
  }
  // base capacity on every day (the cohorts holding seats: every one but the cancelled)
  const base = bases[0] as { id: string; training_seats: number };
  const holding = planned.filter((c) => c.status !== 'cancelled');
  const peak = peakSeats({ startsOn: planned[0]?.startsOn ?? today, endsOn: planned.at(-1)?.endsOn ?? today }, holding);
  if (peak && peak.seats > base.training_seats) throw new Error(`training seed: base over capacity on ${peak.day}`);

  // insert: cohorts, their moves, instructors, enrollments, qualifications
  const cohortIds = (
    await insertRows(
      m,
      'cohorts',
      ['code', 'course_id', 'facility_id', 'starts_on', 'ends_on', 'seats', 'status'],
      planned.map((c) => [c.code, courseIds.get(c.course.code), base.id, c.startsOn, c.endsOn, c.seats, c.status]),
      'id',
    )
  ).map((r) => r['id'] as string);
  const path: Record<CohortStatus, CohortStatus[]> = {
    planned: ['planned'],
    enrolling: ['planned', 'enrolling'],
    in_progress: ['planned', 'enrolling', 'in_progress'],
    completed: ['planned', 'enrolling', 'in_progress', 'completed'],
    cancelled: ['planned', 'enrolling', 'cancelled'],
  };
  const at = (date: string, days: number) => new Date(Date.parse(`${date}T09:00:00Z`) + days * DAY).toISOString();
  const moves = planned.flatMap((c, i) =>
    path[c.status].map((to, k, all) => {
      const when: Record<CohortStatus, string> = {
        planned: at(c.startsOn, -60),
        enrolling: at(c.startsOn, -40),
        in_progress: at(c.startsOn, 0),
        completed: at(c.endsOn, 1),
        cancelled: at(today, 1),
      };
      return [
        cohortIds[i],
        k === 0 ? null : all[k - 1],
        to,
        to === 'cancelled' ? 'Training base needed for a priority course (demo)' : null,
        trainingUser?.id ?? null,
        when[to] < new Date(now).toISOString() ? when[to] : new Date(now - (all.length - k) * 60_000).toISOString(),
      ];
    }),
  );
  await insertRows(
    m,
    'cohort_transitions',
    ['cohort_id', 'from_status', 'to_status', 'comment', 'actor_id', 'at'],
    moves,
  );
  await insertRows(
    m,
    'cohort_instructors',
    ['cohort_id', 'person_id', 'starts_on', 'ends_on', 'active'],
    planned.flatMap((c, i) =>
      c.instructors.map((t) => [cohortIds[i], personIds[t], c.startsOn, c.endsOn, c.status !== 'cancelled']),
    ),
  );
  const enrollmentRows = planned.flatMap((c, i) =>
    c.enrollments.map((e) => ({ cohort: c, cohortId: cohortIds[i] as string, ...e })),
  );
  const enrollmentIds = (
    await insertRows(
      m,
      'enrollments',
      ['cohort_id', 'person_id', 'status', 'score', 'starts_on', 'ends_on', 'active', 'created_at'],
      enrollmentRows.map((e) => [
        e.cohortId,
        personIds[e.person],
        e.status,
        e.score,
        e.cohort.startsOn,
        e.cohort.endsOn,
        e.status !== 'withdrawn' && e.cohort.status !== 'cancelled',
        at(e.cohort.startsOn, -30) < new Date(now).toISOString()
          ? at(e.cohort.startsOn, -30)
          : new Date(now).toISOString(),
      ]),
      'id',
    )
  ).map((r) => r['id'] as string);
  await insertRows(
    m,
    'qualifications',
    ['person_id', 'system_model_id', 'kind', 'granted_on', 'cohort_id', 'enrollment_id'],
    enrollmentRows.flatMap((e, k) =>
      e.cohort.status === 'completed' && e.status === 'completed'
        ? [
            [
              personIds[e.person],
              modelOf(e.cohort.course.model),
              e.cohort.course.kind,
              e.cohort.endsOn,
              e.cohortId,
              enrollmentIds[k],
            ],
          ]
        : [],
    ),
  );
}
