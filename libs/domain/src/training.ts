/**
 * Training: course kinds, the cohort workflow and the enrollment results as tables plus functions,
 * schedule conflicts and crew coverage as pure computations (the API runs them inside a transaction
 * that holds the rows they read).
 */
export const courseKinds = ['operator', 'maintainer', 'commander', 'instructor'] as const;
export type CourseKind = (typeof courseKinds)[number];

/** The kinds that make up a crew (instructors teach; they are counted apart). */
export const crewKinds: readonly CourseKind[] = ['operator', 'maintainer', 'commander'];

export const cohortStatuses = ['planned', 'enrolling', 'in_progress', 'completed', 'cancelled'] as const;
export type CohortStatus = (typeof cohortStatuses)[number];
export const openCohortStatuses: readonly CohortStatus[] = ['planned', 'enrolling', 'in_progress'];

const COHORT_MOVES: Record<CohortStatus, readonly CohortStatus[]> = {
  planned: ['enrolling', 'cancelled'],
  enrolling: ['in_progress', 'cancelled'],
  in_progress: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

export const allowedCohortMoves = (from: CohortStatus): readonly CohortStatus[] => COHORT_MOVES[from];

export type CohortMoveCheck =
  | { ok: true }
  | { ok: false; code: 'INVALID_TRANSITION'; from: CohortStatus; to: CohortStatus; allowed: readonly CohortStatus[] }
  | { ok: false; code: 'COMMENT_REQUIRED' }
  | { ok: false; code: 'RESULTS_MISSING'; missing: number };

/** Whether a cohort may move `from → to`; completing needs a result for every enrollment. */
export function checkCohortMove(
  from: CohortStatus,
  to: CohortStatus,
  facts: { comment?: string | null; enrollmentsWithoutResult: number },
): CohortMoveCheck {
  const allowed = allowedCohortMoves(from);
  if (!allowed.includes(to)) return { ok: false, code: 'INVALID_TRANSITION', from, to, allowed };
  if (to === 'cancelled' && !facts.comment?.trim()) return { ok: false, code: 'COMMENT_REQUIRED' };
  if (to === 'completed' && facts.enrollmentsWithoutResult > 0) {
    return { ok: false, code: 'RESULTS_MISSING', missing: facts.enrollmentsWithoutResult };
  }
  return { ok: true };
}

export const enrollmentStatuses = ['enrolled', 'completed', 'failed', 'withdrawn'] as const;
export type EnrollmentStatus = (typeof enrollmentStatuses)[number];

const ENROLLMENT_MOVES: Record<EnrollmentStatus, readonly EnrollmentStatus[]> = {
  enrolled: ['completed', 'failed', 'withdrawn'],
  completed: [],
  failed: [],
  withdrawn: [],
};

export const allowedEnrollmentMoves = (from: EnrollmentStatus): readonly EnrollmentStatus[] => ENROLLMENT_MOVES[from];

/** An enrollment holds a seat (and its trainee's days) unless withdrawn. */
export const holdsSeat = (status: EnrollmentStatus) => status !== 'withdrawn';

/** Results are recorded while the cohort runs (or just before completing it). */
export const cohortTakesResults = (status: CohortStatus) => status === 'in_progress';

/** Enrollment opens while planned or enrolling (and, for late joiners, in progress). */
export const cohortTakesEnrollments = (status: CohortStatus) =>
  status === 'planned' || status === 'enrolling' || status === 'in_progress';

/** Two inclusive date ranges (YYYY-MM-DD) overlap. */
export const rangesOverlap = (a: { startsOn: string; endsOn: string }, b: { startsOn: string; endsOn: string }) =>
  a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;

/**
 * The busiest day of a training base between `startsOn` and `endsOn`: the seats of every overlapping
 * cohort added per day. `cohorts` are the base's other open cohorts plus the one being checked.
 */
export function peakSeats(
  window: { startsOn: string; endsOn: string },
  cohorts: ReadonlyArray<{ startsOn: string; endsOn: string; seats: number }>,
): { day: string; seats: number } | null {
  const days: string[] = [];
  for (let d = new Date(`${window.startsOn}T00:00:00Z`); ; d.setUTCDate(d.getUTCDate() + 1)) {
    const day = d.toISOString().slice(0, 10);
    if (day > window.endsOn) break;
    days.push(day);
  }
  let peak: { day: string; seats: number } | null = null;
  for (const day of days) {
    const seats = cohorts.filter((c) => c.startsOn <= day && day <= c.endsOn).reduce((sum, c) => sum + c.seats, 0);
    if (!peak || seats > peak.seats) peak = { day, seats };
  }
  return peak;
}

/** Crews a model needs and how far its qualified people cover them. */
export function crewCoverage(input: {
  systemsInService: number;
  crewSize: number | null;
  qualified: Record<'operator' | 'maintainer' | 'commander', number>;
}) {
  const crewSize = input.crewSize ?? 0;
  const crewsRequired = input.systemsInService;
  const operatorsRequired = crewsRequired * crewSize;
  // a crew needs its operators, one commander and one maintainer per system
  const crewsCovered = Math.min(
    crewSize > 0 ? Math.floor(input.qualified.operator / crewSize) : 0,
    input.qualified.commander,
    input.qualified.maintainer,
  );
  const covered = Math.min(crewsCovered, crewsRequired);
  return {
    crewsRequired,
    operatorsRequired,
    crewsCovered: covered,
    coveragePercent: crewsRequired > 0 ? Math.round((covered / crewsRequired) * 1000) / 10 : null,
    gap: Math.max(0, crewsRequired - covered),
  };
}
