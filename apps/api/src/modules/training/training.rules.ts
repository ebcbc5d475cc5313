import type {
  CohortResponse,
  CourseResponse,
  CurrentUser,
  EnrollmentResponse,
  PersonResponse,
  QualificationResponse,
  ScheduleConflict,
} from '@jv/contracts';
import {
  allowedCohortMoves,
  can,
  type CohortMoveCheck,
  type CohortStatus,
  type CourseKind,
  type EnrollmentStatus,
  openCohortStatuses,
} from '@jv/domain';
import { AppError, fieldErrors } from '../../common/errors';

/*
 * Training: the rows the queries read, their mapping to responses (personal data only for the roles
 * that may read personnel), the refusals with their codes, and the SQL fragments shared by the services.
 */

/** Whether the caller may see names and service numbers (admin and training: permission `personnel`). */
export const seesNames = (user: Pick<CurrentUser, 'role'>) => can(user.role, 'personnel', 'read');

/** The SQL list of the states whose seats count at a base: open and completed cohorts. */
export const SEAT_HOLDING_COHORT_STATUSES_SQL = `(${[...openCohortStatuses, 'completed']
  .map((s) => `'${s}'`)
  .join(', ')})`;

/** The SQL list of the open states (a cohort that may still change). */
export const OPEN_COHORT_STATUSES_SQL = `(${openCohortStatuses.map((s) => `'${s}'`).join(', ')})`;

// Courses ------------------------------------------------------------------------------------------

export interface CourseRow {
  id: string;
  code: string;
  title: string;
  kind: CourseKind;
  system_model_id: string;
  model_designation: string;
  duration_days: number;
  seats: number;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export const COURSE_SELECT = `SELECT c.id, c.code, c.title, c.kind, c.system_model_id,
       sm.designation AS model_designation, c.duration_days, c.seats, c.version, c.created_at, c.updated_at
  FROM courses c JOIN system_models sm ON sm.id = c.system_model_id`;

export const toCourse = (r: CourseRow): CourseResponse => ({
  id: r.id,
  code: r.code,
  title: r.title,
  kind: r.kind,
  systemModelId: r.system_model_id,
  modelDesignation: r.model_designation,
  durationDays: r.duration_days,
  seats: r.seats,
  version: r.version,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

// Personnel ----------------------------------------------------------------------------------------

export interface PersonRow {
  id: string;
  service_number: string;
  full_name: string;
  rank: string;
  unit_id: string | null;
  unit_code: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export const PERSON_SELECT = `SELECT p.id, p.service_number, p.full_name, p.rank, p.unit_id, u.code AS unit_code,
       p.version, p.created_at, p.updated_at
  FROM personnel p LEFT JOIN units u ON u.id = p.unit_id`;

export const toPerson = (r: PersonRow): PersonResponse => ({
  id: r.id,
  serviceNumber: r.service_number,
  fullName: r.full_name,
  rank: r.rank,
  unitId: r.unit_id,
  unitCode: r.unit_code,
  version: r.version,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

// Cohorts ------------------------------------------------------------------------------------------

export interface CohortRow {
  id: string;
  code: string;
  course_id: string;
  course_code: string;
  course_title: string;
  course_kind: CourseKind;
  system_model_id: string;
  model_designation: string;
  facility_id: string;
  facility_code: string;
  starts_on: string;
  ends_on: string;
  seats: number;
  seats_taken: number;
  status: CohortStatus;
  completed_count: number;
  failed_count: number;
  instructors: Array<{ id: string; full_name: string }>;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** The cohort columns over `cohorts c`, with its course, model, base, counts and instructors (one query). */
export const COHORT_COLUMNS = `c.id, c.code, c.course_id, co.code AS course_code, co.title AS course_title,
       co.kind AS course_kind, co.system_model_id, sm.designation AS model_designation, c.facility_id,
       f.code AS facility_code, c.starts_on::text AS starts_on, c.ends_on::text AS ends_on, c.seats, c.status,
       (SELECT count(*) FROM enrollments e WHERE e.cohort_id = c.id AND e.status <> 'withdrawn')::int AS seats_taken,
       (SELECT count(*) FROM enrollments e WHERE e.cohort_id = c.id AND e.status = 'completed')::int AS completed_count,
       (SELECT count(*) FROM enrollments e WHERE e.cohort_id = c.id AND e.status = 'failed')::int AS failed_count,
       coalesce((SELECT json_agg(json_build_object('id', p.id, 'full_name', p.full_name) ORDER BY p.full_name, p.id)
                   FROM cohort_instructors ci JOIN personnel p ON p.id = ci.person_id
                  WHERE ci.cohort_id = c.id), '[]'::json) AS instructors,
       c.version, c.created_at, c.updated_at`;

export const COHORT_JOINS = `JOIN courses co ON co.id = c.course_id
  JOIN system_models sm ON sm.id = co.system_model_id
  JOIN facilities f ON f.id = c.facility_id`;

export function toCohort(r: CohortRow, user: Pick<CurrentUser, 'role'>): CohortResponse {
  const names = seesNames(user);
  return {
    id: r.id,
    code: r.code,
    courseId: r.course_id,
    courseCode: r.course_code,
    courseTitle: r.course_title,
    courseKind: r.course_kind,
    systemModelId: r.system_model_id,
    modelDesignation: r.model_designation,
    facilityId: r.facility_id,
    facilityCode: r.facility_code,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    seats: r.seats,
    seatsTaken: r.seats_taken,
    status: r.status,
    allowedTransitions: [...allowedCohortMoves(r.status)],
    instructorIds: names ? r.instructors.map((i) => i.id) : [],
    instructors: names ? r.instructors.map((i) => ({ id: i.id, fullName: i.full_name })) : [],
    completedCount: r.completed_count,
    failedCount: r.failed_count,
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export interface EnrollmentRow {
  id: string;
  cohort_id: string;
  person_id: string;
  full_name: string;
  service_number: string;
  rank: string;
  status: EnrollmentStatus;
  score: string | number | null;
  version: number;
}

export const ENROLLMENT_SELECT = `SELECT e.id, e.cohort_id, e.person_id, p.full_name, p.service_number, p.rank,
       e.status, e.score, e.version
  FROM enrollments e JOIN personnel p ON p.id = e.person_id`;

export function toEnrollment(r: EnrollmentRow, user: Pick<CurrentUser, 'role'>): EnrollmentResponse {
  const names = seesNames(user);
  return {
    id: r.id,
    cohortId: r.cohort_id,
    personId: r.person_id,
    fullName: names ? r.full_name : null,
    serviceNumber: names ? r.service_number : null,
    rank: names ? r.rank : null,
    status: r.status,
    score: r.score === null ? null : Number(r.score),
    version: r.version,
  };
}

// Qualifications -----------------------------------------------------------------------------------

export interface QualificationRow {
  id: string;
  person_id: string;
  full_name: string;
  service_number: string;
  system_model_id: string;
  model_designation: string;
  kind: CourseKind;
  granted_on: string;
  cohort_id: string;
  cohort_code: string;
}

export const toQualification = (r: QualificationRow): QualificationResponse => ({
  id: r.id,
  personId: r.person_id,
  fullName: r.full_name,
  serviceNumber: r.service_number,
  systemModelId: r.system_model_id,
  modelDesignation: r.model_designation,
  kind: r.kind,
  grantedOn: r.granted_on,
  cohortId: r.cohort_id,
  cohortCode: r.cohort_code,
});

// Refusals -----------------------------------------------------------------------------------------

/** One 409 listing every schedule conflict found; names are dropped for roles that may not read personnel. */
export function scheduleConflict(conflicts: ScheduleConflict[], user: Pick<CurrentUser, 'role'>): AppError {
  const names = seesNames(user);
  const listed = conflicts.map((c) => {
    if (names || c.personName === undefined) return c;
    const { personName: _hidden, ...rest } = c;
    return rest;
  });
  const kinds = [...new Set(listed.map((c) => c.kind))].join(', ');
  return new AppError('SCHEDULE_CONFLICT', { conflicts: listed }, `The schedule conflicts: ${kinds}`);
}

export const cohortClosed = (status: CohortStatus) =>
  new AppError('COHORT_CLOSED', { cohortStatus: status }, `A ${status} cohort can no longer change`);

/** The refusal that goes with a failed cohort move. */
export function cohortMoveError(check: Exclude<CohortMoveCheck, { ok: true }>): AppError {
  switch (check.code) {
    case 'INVALID_TRANSITION':
      return new AppError(
        'INVALID_TRANSITION',
        { from: check.from, to: check.to, allowed: [...check.allowed] },
        `A ${check.from} cohort cannot move to ${check.to}`,
      );
    case 'COMMENT_REQUIRED':
      return new AppError('COMMENT_REQUIRED', {}, 'Cancelling a cohort needs a comment', {
        errors: fieldErrors([{ path: 'comment', code: 'comment_required' }]),
      });
    case 'RESULTS_MISSING':
      return new AppError(
        'RESULTS_MISSING',
        { missing: check.missing },
        `${check.missing} enrollment(s) still have no result`,
      );
  }
}

/** The PostgreSQL exclusion violation (23P01) of `constraint`, if `e` is one. */
export function isExclusionViolation(e: unknown, constraint: string): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const inner = (e as { driverError?: unknown }).driverError;
  const err = (typeof inner === 'object' && inner !== null ? inner : e) as { code?: string; constraint?: string };
  return err.code === '23P01' && err.constraint === constraint;
}

/** The grant date of a completed cohort's qualifications: its end date, or today when it completes early. */
export const grantedOn = (endsOn: string, today: string) => (endsOn < today ? endsOn : today);
