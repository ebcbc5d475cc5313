import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CohortDetail,
  CohortResponse,
  CohortTransitionInput,
  CreateCohortInput,
  CreateEnrollmentInput,
  CurrentUser,
  EnrollmentResponse,
  ListCohortsQuery,
  Page,
  ScheduleConflict,
  UpdateCohortInput,
  UpdateEnrollmentInput,
} from '@jv/contracts';
import {
  allowedEnrollmentMoves,
  checkCohortMove,
  type CohortStatus,
  cohortTakesEnrollments,
  cohortTakesResults,
  type EnrollmentStatus,
  openCohortStatuses,
} from '@jv/domain';
import type { DataSource, EntityManager } from 'typeorm';
import {
  AppError,
  type FieldErrorInput,
  fieldErrors,
  NotFound,
  StaleVersion,
  ValidationFailed,
} from '../../common/errors';
import { decodeKeyCursor } from '../../common/keyset';
import { encodeCursor } from '../../common/pagination';
import { returnedRows, updateVersioned } from '../../common/optimistic';
import { withConstraintErrors } from '../../common/pg-errors';
import { containsPattern, SqlParams, whereSql } from '../../common/sql';
import { AuditService } from '../audit/audit.service';
import { workshopToday } from '../repair-jobs/repair-jobs.rules';
import {
  cohortClosed,
  cohortMoveError,
  COHORT_COLUMNS,
  COHORT_JOINS,
  type CohortRow,
  ENROLLMENT_SELECT,
  type EnrollmentRow,
  grantedOn,
  isExclusionViolation,
  scheduleConflict,
  seesNames,
  SEAT_HOLDING_COHORT_STATUSES_SQL,
  toCohort,
  toEnrollment,
} from './training.rules';
import { trainingScope } from './training.scope';

/** The cohort row as locked for a change, with what its course allows. */
interface LockedCohort {
  id: string;
  code: string;
  course_id: string;
  facility_id: string;
  starts_on: string;
  ends_on: string;
  seats: number;
  status: CohortStatus;
  version: number;
  course_seats: number;
  course_kind: string;
  system_model_id: string;
}

interface Window {
  startsOn: string;
  endsOn: string;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The person a PostgreSQL exclusion violation names in its detail (`Key (person_id, …)=(<uuid>, …)`). */
function personOfViolation(e: unknown): string | undefined {
  const inner = (e as { driverError?: { detail?: string } }).driverError;
  const detail = inner?.detail ?? (e as { detail?: string }).detail ?? '';
  return UUID.exec(detail)?.[0];
}

/**
 * Cohorts (one run of a course at a training base), their enrollments and the qualifications they grant.
 *
 * Schedule rules: a base's seats per day (the facility row is locked, so concurrent cohort writes at one
 * base serialize), instructors and trainees in one cohort at a time (checked in SQL to name the other
 * cohort; the exclusion constraints are the backstop under concurrency), a cohort's seats (the cohort row
 * is locked before an enrollment, so two enrollments for the last seat queue). Every change runs in one
 * transaction with its audit row.
 */
@Injectable()
export class CohortsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  // Reads ------------------------------------------------------------------------------------------

  /** Newest start first; keyset on (starts_on, id) descending. */
  async list(q: ListCohortsQuery, user: CurrentUser): Promise<Page<CohortResponse>> {
    const p = new SqlParams();
    const where = trainingScope(user, p, 'co.system_model_id');
    if (q.status) where.push(`c.status = ANY(${p.add(Array.isArray(q.status) ? q.status : [q.status])}::text[])`);
    if (q.facilityId) where.push(`c.facility_id = ${p.add(q.facilityId)}::uuid`);
    if (q.courseId) where.push(`c.course_id = ${p.add(q.courseId)}::uuid`);
    if (q.systemModelId) where.push(`co.system_model_id = ${p.add(q.systemModelId)}::uuid`);
    if (q.from) where.push(`c.ends_on >= ${p.add(q.from)}::date`);
    if (q.to) where.push(`c.starts_on <= ${p.add(q.to)}::date`);
    if (q.q) where.push(`c.code ILIKE ${p.add(containsPattern(q.q))}`);
    if (q.cursor) {
      const [startsOn, id] = decodeKeyCursor(q.cursor);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(startsOn))
        throw new ValidationFailed([{ path: 'cursor', code: 'invalid_cursor' }]);
      where.push(`(c.starts_on, c.id) < (${p.add(startsOn)}::date, ${p.add(id)}::uuid)`);
    }
    const rows: CohortRow[] = await this.db.query(
      `WITH page AS (
         SELECT c.* FROM cohorts c JOIN courses co ON co.id = c.course_id ${whereSql(where)}
          ORDER BY c.starts_on DESC, c.id DESC LIMIT ${p.add(q.limit + 1)}
       )
       SELECT ${COHORT_COLUMNS} FROM page c ${COHORT_JOINS}
        ORDER BY c.starts_on DESC, c.id DESC`,
      p.values,
    );
    const items = rows.slice(0, q.limit);
    const last = items[items.length - 1];
    return {
      items: items.map((r) => toCohort(r, user)),
      nextCursor: rows.length > q.limit && last ? encodeCursor([last.starts_on, last.id]) : null,
    };
  }

  async get(id: string, user: CurrentUser, m: EntityManager = this.db.manager): Promise<CohortResponse> {
    return toCohort(await this.readRow(m, id, user), user);
  }

  /** One cohort with its moves and, for admin and training users, its enrollments (names). */
  async detail(id: string, user: CurrentUser): Promise<CohortDetail> {
    const row = await this.readRow(this.db.manager, id, user);
    const cohort = toCohort(row, user);
    const names = seesNames(user);
    const [enrollments, transitions]: [
      EnrollmentRow[],
      Array<{ from_status: CohortStatus | null; to_status: CohortStatus; comment: string | null; at: Date }>,
    ] = await Promise.all([
      names
        ? this.db.query(`${ENROLLMENT_SELECT} WHERE e.cohort_id = $1 ORDER BY p.full_name, e.id`, [id])
        : Promise.resolve([]),
      this.db.query(
        `SELECT from_status, to_status, comment, at FROM cohort_transitions WHERE cohort_id = $1 ORDER BY at, id`,
        [id],
      ),
    ]);
    return {
      ...cohort,
      enrollments: enrollments.map((e) => toEnrollment(e, user)),
      transitions: transitions.map((t) => ({
        fromStatus: t.from_status,
        toStatus: t.to_status,
        comment: t.comment,
        at: t.at.toISOString(),
      })),
    };
  }

  // Cohorts ----------------------------------------------------------------------------------------

  /** Plans a cohort at a training base (status planned), its instructors booked for its days. */
  async create(input: CreateCohortInput, user: CurrentUser): Promise<CohortResponse> {
    const instructorIds = [...new Set(input.instructorIds ?? [])];
    const id = await this.guarded(user, () =>
      this.db.transaction(async (m) => {
        const errors: FieldErrorInput[] = [];
        const [course]: Array<{ seats: number; system_model_id: string }> = await m.query(
          `SELECT seats, system_model_id FROM courses WHERE id = $1`,
          [input.courseId],
        );
        if (!course) errors.push({ path: 'courseId', code: 'not_found' });
        else if (input.seats > course.seats)
          errors.push({ path: 'seats', code: 'over_course_seats', params: { maximum: course.seats } });
        // the base's row is locked: concurrent cohort writes at one base see each other's seats
        const base = await this.lockBase(m, input.facilityId, errors);
        errors.push(...(await this.missingPeople(m, instructorIds)));
        if (errors.length || !course || !base) throw new ValidationFailed(errors);
        await this.checkInstructorsQualified(m, instructorIds, course.system_model_id);

        const window = { startsOn: input.startsOn, endsOn: input.endsOn };
        const conflicts = [
          ...(await this.baseCapacity(m, input.facilityId, base.capacity, window, input.seats, null)),
          ...(await this.instructorsBusy(m, instructorIds, window, null)),
        ];
        if (conflicts.length) throw scheduleConflict(conflicts, user);

        const [{ id: cohortId }]: Array<{ id: string }> = await m.query(
          `INSERT INTO cohorts (code, course_id, facility_id, starts_on, ends_on, seats, status)
           VALUES ($1, $2, $3, $4, $5, $6, 'planned') RETURNING id`,
          [input.code, input.courseId, input.facilityId, input.startsOn, input.endsOn, input.seats],
        );
        await m.query(
          `INSERT INTO cohort_transitions (cohort_id, from_status, to_status, comment, actor_id, at)
           VALUES ($1, NULL, 'planned', NULL, $2, now())`,
          [cohortId, user.id],
        );
        await this.addInstructors(m, cohortId, instructorIds, window);
        const after = await this.get(cohortId, user, m);
        await this.audit.record(
          { action: 'create', entityType: 'cohort', entityId: cohortId, after: { ...after, instructorIds } },
          m,
        );
        return cohortId;
      }),
    );
    return this.get(id, user);
  }

  /** Dates, seats or instructors of an open cohort; the schedule is checked again (optimistic lock on version). */
  async update(id: string, { version, ...patch }: UpdateCohortInput, user: CurrentUser): Promise<CohortResponse> {
    await this.guarded(user, () =>
      this.db.transaction(async (m) => {
        const c = await this.lock(m, id, user);
        if (!openCohortStatuses.includes(c.status)) throw cohortClosed(c.status);
        if (c.version !== version) throw new StaleVersion(c.version);
        const window = { startsOn: patch.startsOn ?? c.starts_on, endsOn: patch.endsOn ?? c.ends_on };
        const seats = patch.seats ?? c.seats;
        const [current]: Array<{ ids: string[] }> = await m.query(
          `SELECT coalesce(array_agg(person_id ORDER BY person_id), '{}') AS ids FROM cohort_instructors
            WHERE cohort_id = $1`,
          [id],
        );
        const instructorIds = patch.instructorIds ? [...new Set(patch.instructorIds)] : current.ids;
        const datesChanged = window.startsOn !== c.starts_on || window.endsOn !== c.ends_on;
        const seatsChanged = seats !== c.seats;
        const added = instructorIds.filter((p) => !current.ids.includes(p));
        const removed = current.ids.filter((p) => !instructorIds.includes(p));
        if (!datesChanged && !seatsChanged && !added.length && !removed.length) return;

        const errors: FieldErrorInput[] = [];
        if (window.startsOn > window.endsOn) errors.push({ path: 'endsOn', code: 'period_reversed' });
        if (seats > c.course_seats)
          errors.push({ path: 'seats', code: 'over_course_seats', params: { maximum: c.course_seats } });
        errors.push(...(await this.missingPeople(m, added)));
        if (errors.length) throw new ValidationFailed(errors);
        await this.checkInstructorsQualified(m, added, c.system_model_id);

        const conflicts: ScheduleConflict[] = [];
        if (datesChanged || seatsChanged) {
          const base = await this.lockBase(m, c.facility_id, []);
          conflicts.push(...(await this.baseCapacity(m, c.facility_id, base?.capacity ?? 0, window, seats, id)));
          const [{ taken }]: Array<{ taken: number }> = await m.query(
            `SELECT count(*)::int AS taken FROM enrollments WHERE cohort_id = $1 AND status <> 'withdrawn'`,
            [id],
          );
          if (taken > seats) conflicts.push({ kind: 'cohort_full', seats, cohortId: id, cohortCode: c.code });
        }
        conflicts.push(...(await this.instructorsBusy(m, datesChanged ? instructorIds : added, window, id)));
        if (datesChanged) conflicts.push(...(await this.traineesBusy(m, id, window)));
        if (conflicts.length) throw scheduleConflict(conflicts, user);

        const set: Record<string, unknown> = {};
        if (window.startsOn !== c.starts_on) set['starts_on'] = window.startsOn;
        if (window.endsOn !== c.ends_on) set['ends_on'] = window.endsOn;
        if (seatsChanged) set['seats'] = seats;
        const row = await updateVersioned<{ version: number }>(m, 'cohorts', id, version, set, 'Cohort');
        if (removed.length)
          await m.query(`DELETE FROM cohort_instructors WHERE cohort_id = $1 AND person_id = ANY($2::uuid[])`, [
            id,
            removed,
          ]);
        if (datesChanged) {
          // the copies the exclusion constraints compare follow the cohort's dates
          for (const table of ['cohort_instructors', 'enrollments'])
            await m.query(`UPDATE ${table} SET starts_on = $2, ends_on = $3 WHERE cohort_id = $1`, [
              id,
              window.startsOn,
              window.endsOn,
            ]);
        }
        await this.addInstructors(m, id, added, window);
        await this.audit.record(
          {
            action: 'update',
            entityType: 'cohort',
            entityId: id,
            before: {
              startsOn: c.starts_on,
              endsOn: c.ends_on,
              seats: c.seats,
              instructorIds: current.ids,
              version: c.version,
            },
            after: { ...window, seats, instructorIds, version: row.version },
          },
          m,
        );
      }),
    );
    return this.get(id, user);
  }

  /**
   * Moves a cohort through its workflow (the row locked first). Cancelling frees its instructors' and
   * trainees' days; completing needs a result for every enrollment and grants a qualification for each
   * completed one, exactly once (unique per enrollment).
   */
  async transition(id: string, input: CohortTransitionInput, user: CurrentUser): Promise<CohortResponse> {
    await this.db.transaction(async (m) => {
      const c = await this.lock(m, id, user);
      if (input.version !== undefined && input.version !== c.version) throw new StaleVersion(c.version);
      const [{ waiting }]: Array<{ waiting: number }> = await m.query(
        `SELECT count(*)::int AS waiting FROM enrollments WHERE cohort_id = $1 AND status = 'enrolled'`,
        [id],
      );
      const check = checkCohortMove(c.status, input.to, { comment: input.comment, enrollmentsWithoutResult: waiting });
      if (!check.ok) throw cohortMoveError(check);
      const comment = input.comment?.trim() || null;
      let granted: string[] = [];
      let grantDate: string | null = null;
      if (input.to === 'cancelled') {
        await m.query(`UPDATE cohort_instructors SET active = false WHERE cohort_id = $1`, [id]);
        await m.query(`UPDATE enrollments SET active = false WHERE cohort_id = $1`, [id]);
      }
      if (input.to === 'completed') {
        grantDate = grantedOn(c.ends_on, workshopToday());
        const rows: Array<{ id: string }> = await m.query(
          `INSERT INTO qualifications (person_id, system_model_id, kind, granted_on, cohort_id, enrollment_id)
           SELECT e.person_id, $2::uuid, $3, $4::date, e.cohort_id, e.id
             FROM enrollments e WHERE e.cohort_id = $1 AND e.status = 'completed'
           ON CONFLICT (enrollment_id) DO NOTHING RETURNING id`,
          [id, c.system_model_id, c.course_kind, grantDate],
        );
        granted = rows.map((r) => r.id);
      }
      await m.query(
        `INSERT INTO cohort_transitions (cohort_id, from_status, to_status, comment, actor_id, at)
         VALUES ($1, $2, $3, $4, $5, now())`,
        [id, c.status, input.to, comment, user.id],
      );
      const [row] = returnedRows<{ version: number }>(
        await m.query(
          `UPDATE cohorts SET status = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING version`,
          [id, input.to],
        ),
      );
      await this.audit.record(
        {
          action: 'update',
          entityType: 'cohort',
          entityId: id,
          before: { status: c.status, version: c.version },
          after: {
            status: input.to,
            comment,
            version: row.version,
            ...(input.to === 'completed' ? { qualificationIds: granted, grantedOn: grantDate } : {}),
          },
        },
        m,
      );
    });
    return this.get(id, user);
  }

  // Enrollments ------------------------------------------------------------------------------------

  /** Enrolls a person; the cohort row is locked first, so two enrollments for the last seat queue. */
  async enroll(id: string, input: CreateEnrollmentInput, user: CurrentUser): Promise<EnrollmentResponse> {
    return this.guarded(user, () =>
      this.db.transaction(async (m) => {
        const c = await this.lock(m, id, user);
        if (!cohortTakesEnrollments(c.status)) throw cohortClosed(c.status);
        const missing = await this.missingPeople(m, [input.personId], 'personId');
        if (missing.length) throw new ValidationFailed(missing);
        const [already] = await m.query(`SELECT id FROM enrollments WHERE cohort_id = $1 AND person_id = $2`, [
          id,
          input.personId,
        ]);
        if (already)
          throw new AppError('DUPLICATE', {}, 'The person is already in this cohort', {
            errors: fieldErrors([{ path: 'personId', code: 'duplicate' }]),
          });
        const conflicts: ScheduleConflict[] = [];
        const [{ taken }]: Array<{ taken: number }> = await m.query(
          `SELECT count(*)::int AS taken FROM enrollments WHERE cohort_id = $1 AND status <> 'withdrawn'`,
          [id],
        );
        if (taken >= c.seats) conflicts.push({ kind: 'cohort_full', seats: c.seats, cohortId: id, cohortCode: c.code });
        const busy: Array<{ person_id: string; full_name: string; cohort_id: string; cohort_code: string }> =
          await m.query(
            `SELECT e.person_id, p.full_name, c.id AS cohort_id, c.code AS cohort_code
               FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id JOIN personnel p ON p.id = e.person_id
              WHERE e.active AND e.person_id = $1 AND e.cohort_id <> $2
                AND e.starts_on <= $4::date AND e.ends_on >= $3::date
              ORDER BY c.starts_on, c.code`,
            [input.personId, id, c.starts_on, c.ends_on],
          );
        for (const b of busy)
          conflicts.push({
            kind: 'trainee_busy',
            personId: b.person_id,
            personName: b.full_name,
            cohortId: b.cohort_id,
            cohortCode: b.cohort_code,
          });
        if (conflicts.length) throw scheduleConflict(conflicts, user);
        const [{ id: enrollmentId }]: Array<{ id: string }> = await m.query(
          `INSERT INTO enrollments (cohort_id, person_id, status, starts_on, ends_on)
           VALUES ($1, $2, 'enrolled', $3, $4) RETURNING id`,
          [id, input.personId, c.starts_on, c.ends_on],
        );
        const [row]: EnrollmentRow[] = await m.query(`${ENROLLMENT_SELECT} WHERE e.id = $1`, [enrollmentId]);
        await this.audit.record(
          {
            action: 'create',
            entityType: 'enrollment',
            entityId: enrollmentId,
            after: { cohortId: id, personId: input.personId, status: 'enrolled', version: row.version },
          },
          m,
        );
        return toEnrollment(row, user);
      }),
    );
  }

  /**
   * Records a result or a withdrawal. The enrollment is locked, its cohort share-locked (it cannot complete
   * meanwhile); results only while the cohort is in progress; nothing changes once the cohort closed.
   */
  async updateEnrollment(id: string, input: UpdateEnrollmentInput, user: CurrentUser): Promise<EnrollmentResponse> {
    return this.db.transaction(async (m) => {
      const [e]: Array<{
        status: EnrollmentStatus;
        score: string | null;
        version: number;
        cohort_id: string;
        cohort_status: CohortStatus;
      }> = await m.query(
        `SELECT e.status, e.score, e.version, e.cohort_id, c.status AS cohort_status
           FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id
          WHERE e.id = $1 FOR UPDATE OF e FOR SHARE OF c`,
        [id],
      );
      if (!e) throw new NotFound('Enrollment');
      if (e.version !== input.version) throw new StaleVersion(e.version);
      if (!openCohortStatuses.includes(e.cohort_status)) throw cohortClosed(e.cohort_status);
      const allowed = allowedEnrollmentMoves(e.status);
      if (!allowed.includes(input.status))
        throw new AppError(
          'INVALID_TRANSITION',
          { from: e.status, to: input.status, allowed: [...allowed] },
          `A ${e.status} enrollment cannot move to ${input.status}`,
        );
      const result = input.status === 'completed' || input.status === 'failed';
      if (result && !cohortTakesResults(e.cohort_status)) throw cohortClosed(e.cohort_status);
      const score = input.score === undefined ? (e.score === null ? null : Number(e.score)) : input.score;
      const [row] = returnedRows<{ version: number }>(
        await m.query(
          `UPDATE enrollments SET status = $3, score = $4, active = $5, version = version + 1
            WHERE id = $1 AND version = $2 RETURNING version`,
          [id, input.version, input.status, score, input.status !== 'withdrawn'],
        ),
      );
      if (!row) throw new StaleVersion();
      await this.audit.record(
        {
          action: 'update',
          entityType: 'enrollment',
          entityId: id,
          before: { status: e.status, score: e.score === null ? null : Number(e.score), version: e.version },
          after: { status: input.status, score, version: row.version },
        },
        m,
      );
      const [full]: EnrollmentRow[] = await m.query(`${ENROLLMENT_SELECT} WHERE e.id = $1`, [id]);
      return toEnrollment(full, user);
    });
  }

  // Helpers ----------------------------------------------------------------------------------------

  /**
   * Runs a change and turns the database's own refusals into the API's: the exclusion constraints into
   * SCHEDULE_CONFLICT (the person the constraint names), unique and foreign-key violations into 409 / 400.
   */
  private async guarded<T>(user: CurrentUser, fn: () => Promise<T>): Promise<T> {
    try {
      return await withConstraintErrors(fn);
    } catch (e) {
      for (const [constraint, kind] of [
        ['cohort_instructors_no_overlap', 'instructor_busy'],
        ['enrollments_no_overlap', 'trainee_busy'],
      ] as const) {
        if (!isExclusionViolation(e, constraint)) continue;
        const personId = personOfViolation(e);
        throw scheduleConflict([{ kind, ...(personId ? { personId } : {}) }], user);
      }
      throw e;
    }
  }

  /** A cohort in the caller's scope, with its names; 404 otherwise. */
  private async readRow(m: EntityManager, id: string, user: CurrentUser): Promise<CohortRow> {
    const p = new SqlParams();
    const where = [`c.id = ${p.add(id)}::uuid`, ...trainingScope(user, p, 'co.system_model_id')];
    const [row]: CohortRow[] = await m.query(
      `SELECT ${COHORT_COLUMNS} FROM cohorts c ${COHORT_JOINS} ${whereSql(where)}`,
      p.values,
    );
    if (!row) throw new NotFound('Cohort');
    return row;
  }

  /** Locks a cohort in the caller's scope for a change; 404 otherwise. */
  private async lock(m: EntityManager, id: string, user: CurrentUser): Promise<LockedCohort> {
    const p = new SqlParams();
    const where = [`c.id = ${p.add(id)}::uuid`, ...trainingScope(user, p, 'co.system_model_id')];
    const [row]: LockedCohort[] = await m.query(
      `SELECT c.id, c.code, c.course_id, c.facility_id, c.starts_on::text AS starts_on, c.ends_on::text AS ends_on,
              c.seats, c.status, c.version, co.seats AS course_seats, co.kind AS course_kind, co.system_model_id
         FROM cohorts c JOIN courses co ON co.id = c.course_id ${whereSql(where)} FOR UPDATE OF c`,
      p.values,
    );
    if (!row) throw new NotFound('Cohort');
    return row;
  }

  /** Locks a facility that must be a training base; problems go to `errors` (path facilityId). */
  private async lockBase(
    m: EntityManager,
    facilityId: string,
    errors: FieldErrorInput[],
  ): Promise<{ capacity: number } | null> {
    const [f]: Array<{ kind: string; training_seats: number }> = await m.query(
      `SELECT kind, training_seats FROM facilities WHERE id = $1 FOR UPDATE`,
      [facilityId],
    );
    if (!f) errors.push({ path: 'facilityId', code: 'not_found' });
    else if (f.kind !== 'training_base') errors.push({ path: 'facilityId', code: 'training_base_only' });
    return f ? { capacity: f.training_seats } : null;
  }

  /** The ids among `ids` with no person, as field errors. */
  private async missingPeople(m: EntityManager, ids: string[], path = 'instructorIds'): Promise<FieldErrorInput[]> {
    if (!ids.length) return [];
    const found: Array<{ id: string }> = await m.query(`SELECT id FROM personnel WHERE id = ANY($1::uuid[])`, [ids]);
    const known = new Set(found.map((f) => f.id));
    return ids
      .map((id, i) => ({ id, i }))
      .filter(({ id }) => !known.has(id))
      .map(({ i }) => ({ path: path === 'instructorIds' ? `${path}.${i}` : path, code: 'not_found' as const }));
  }

  /** Every instructor must hold an `instructor` qualification on the model (409 naming the others). */
  private async checkInstructorsQualified(m: EntityManager, ids: string[], systemModelId: string): Promise<void> {
    if (!ids.length) return;
    const found: Array<{ person_id: string }> = await m.query(
      `SELECT DISTINCT person_id FROM qualifications
        WHERE person_id = ANY($1::uuid[]) AND system_model_id = $2 AND kind = 'instructor'`,
      [ids, systemModelId],
    );
    const qualified = new Set(found.map((f) => f.person_id));
    const personIds = ids.filter((id) => !qualified.has(id));
    if (personIds.length)
      throw new AppError(
        'INSTRUCTOR_NOT_QUALIFIED',
        { personIds },
        `${personIds.length} instructor(s) are not qualified as instructors on the course's model`,
      );
  }

  /**
   * The first day in the window where the base's open and completed cohorts (but `self`) plus `seats`
   * exceed its capacity, as a conflict.
   */
  private async baseCapacity(
    m: EntityManager,
    facilityId: string,
    capacity: number,
    window: Window,
    seats: number,
    self: string | null,
  ): Promise<ScheduleConflict[]> {
    const [peak]: Array<{ day: string; seats: number }> = await m.query(
      `SELECT day, seats FROM (
         SELECT d.day::date::text AS day,
                $5::int + coalesce((SELECT sum(c.seats) FROM cohorts c
                   WHERE c.facility_id = $1 AND c.status IN ${SEAT_HOLDING_COHORT_STATUSES_SQL}
                     AND c.id IS DISTINCT FROM $4::uuid
                     AND c.starts_on <= d.day::date AND c.ends_on >= d.day::date), 0)::int AS seats
           FROM generate_series($2::date, $3::date, interval '1 day') AS d(day)
       ) per_day WHERE seats > $6::int ORDER BY day LIMIT 1`,
      [facilityId, window.startsOn, window.endsOn, self, seats, capacity],
    );
    return peak ? [{ kind: 'base_capacity', day: peak.day, seats: peak.seats, capacity }] : [];
  }

  /** Each of `ids` booked in another active cohort overlapping the window, naming that cohort. */
  private async instructorsBusy(
    m: EntityManager,
    ids: string[],
    window: Window,
    self: string | null,
  ): Promise<ScheduleConflict[]> {
    if (!ids.length) return [];
    const rows: Array<{ person_id: string; full_name: string; cohort_id: string; cohort_code: string }> = await m.query(
      `SELECT ci.person_id, p.full_name, c.id AS cohort_id, c.code AS cohort_code
           FROM cohort_instructors ci JOIN cohorts c ON c.id = ci.cohort_id JOIN personnel p ON p.id = ci.person_id
          WHERE ci.active AND ci.person_id = ANY($1::uuid[]) AND ci.cohort_id IS DISTINCT FROM $4::uuid
            AND ci.starts_on <= $3::date AND ci.ends_on >= $2::date
          ORDER BY p.full_name, c.starts_on, c.code`,
      [ids, window.startsOn, window.endsOn, self],
    );
    return rows.map((r) => ({
      kind: 'instructor_busy' as const,
      personId: r.person_id,
      personName: r.full_name,
      cohortId: r.cohort_id,
      cohortCode: r.cohort_code,
    }));
  }

  /** The trainees of `cohortId` (active) booked in another active cohort overlapping the new window. */
  private async traineesBusy(m: EntityManager, cohortId: string, window: Window): Promise<ScheduleConflict[]> {
    const rows: Array<{ person_id: string; full_name: string; cohort_id: string; cohort_code: string }> = await m.query(
      `SELECT o.person_id, p.full_name, c.id AS cohort_id, c.code AS cohort_code
           FROM enrollments mine
           JOIN enrollments o ON o.person_id = mine.person_id AND o.cohort_id <> mine.cohort_id AND o.active
           JOIN cohorts c ON c.id = o.cohort_id JOIN personnel p ON p.id = o.person_id
          WHERE mine.cohort_id = $1 AND mine.active AND o.starts_on <= $3::date AND o.ends_on >= $2::date
          ORDER BY p.full_name, c.starts_on, c.code`,
      [cohortId, window.startsOn, window.endsOn],
    );
    return rows.map((r) => ({
      kind: 'trainee_busy' as const,
      personId: r.person_id,
      personName: r.full_name,
      cohortId: r.cohort_id,
      cohortCode: r.cohort_code,
    }));
  }

  private async addInstructors(m: EntityManager, cohortId: string, ids: string[], window: Window): Promise<void> {
    if (!ids.length) return;
    await m.query(
      `INSERT INTO cohort_instructors (cohort_id, person_id, starts_on, ends_on)
       SELECT $1, x, $3::date, $4::date FROM unnest($2::uuid[]) AS x`,
      [cohortId, ids, window.startsOn, window.endsOn],
    );
  }
}
