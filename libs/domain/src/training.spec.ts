import {
  allowedCohortMoves,
  allowedEnrollmentMoves,
  checkCohortMove,
  cohortTakesEnrollments,
  crewCoverage,
  holdsSeat,
  peakSeats,
  rangesOverlap,
} from './training';

describe('cohort workflow', () => {
  it('goes planned → enrolling → in_progress → completed, any open state may be cancelled', () => {
    expect(allowedCohortMoves('planned')).toEqual(['enrolling', 'cancelled']);
    expect(allowedCohortMoves('enrolling')).toEqual(['in_progress', 'cancelled']);
    expect(allowedCohortMoves('in_progress')).toEqual(['completed', 'cancelled']);
    expect(allowedCohortMoves('completed')).toEqual([]);
    expect(allowedCohortMoves('cancelled')).toEqual([]);
  });

  it('refuses other moves, a cancel without a comment, and completing with results missing', () => {
    expect(checkCohortMove('planned', 'completed', { enrollmentsWithoutResult: 0 })).toEqual({
      ok: false,
      code: 'INVALID_TRANSITION',
      from: 'planned',
      to: 'completed',
      allowed: ['enrolling', 'cancelled'],
    });
    expect(checkCohortMove('enrolling', 'cancelled', { comment: ' ', enrollmentsWithoutResult: 0 })).toEqual({
      ok: false,
      code: 'COMMENT_REQUIRED',
    });
    expect(checkCohortMove('in_progress', 'completed', { enrollmentsWithoutResult: 2 })).toEqual({
      ok: false,
      code: 'RESULTS_MISSING',
      missing: 2,
    });
    expect(checkCohortMove('in_progress', 'completed', { enrollmentsWithoutResult: 0 })).toEqual({ ok: true });
  });

  it('takes enrollments until it completes; a withdrawn trainee frees the seat', () => {
    expect(['planned', 'enrolling', 'in_progress'].every((s) => cohortTakesEnrollments(s as never))).toBe(true);
    expect(cohortTakesEnrollments('completed')).toBe(false);
    expect(allowedEnrollmentMoves('enrolled')).toEqual(['completed', 'failed', 'withdrawn']);
    expect(allowedEnrollmentMoves('completed')).toEqual([]);
    expect(holdsSeat('withdrawn')).toBe(false);
    expect(holdsSeat('failed')).toBe(true);
  });
});

describe('schedule arithmetic', () => {
  it('sees overlap of inclusive date ranges, touching ends included', () => {
    expect(
      rangesOverlap({ startsOn: '2026-12-01', endsOn: '2026-12-10' }, { startsOn: '2026-12-10', endsOn: '2026-12-20' }),
    ).toBe(true);
    expect(
      rangesOverlap({ startsOn: '2026-12-01', endsOn: '2026-12-09' }, { startsOn: '2026-12-10', endsOn: '2026-12-20' }),
    ).toBe(false);
  });

  it('finds the busiest day of a base over the window', () => {
    const cohorts = [
      { startsOn: '2026-12-01', endsOn: '2026-12-05', seats: 10 },
      { startsOn: '2026-12-04', endsOn: '2026-12-08', seats: 12 },
      { startsOn: '2026-12-08', endsOn: '2026-12-09', seats: 5 },
    ];
    expect(peakSeats({ startsOn: '2026-12-01', endsOn: '2026-12-09' }, cohorts)).toEqual({
      day: '2026-12-04',
      seats: 22,
    });
  });
});

describe('crew coverage', () => {
  it('counts crews by the scarcest qualification and reports the gap', () => {
    expect(
      crewCoverage({ systemsInService: 10, crewSize: 6, qualified: { operator: 30, maintainer: 8, commander: 7 } }),
    ).toEqual({
      crewsRequired: 10,
      operatorsRequired: 60,
      crewsCovered: 5,
      coveragePercent: 50,
      gap: 5,
    });
  });

  it('never covers more crews than systems, and has no percentage without systems or crew size', () => {
    expect(
      crewCoverage({ systemsInService: 2, crewSize: 4, qualified: { operator: 40, maintainer: 9, commander: 9 } }),
    ).toMatchObject({
      crewsCovered: 2,
      coveragePercent: 100,
      gap: 0,
    });
    expect(
      crewCoverage({ systemsInService: 0, crewSize: 4, qualified: { operator: 4, maintainer: 1, commander: 1 } }),
    ).toMatchObject({
      coveragePercent: null,
      gap: 0,
    });
    expect(
      crewCoverage({ systemsInService: 3, crewSize: null, qualified: { operator: 9, maintainer: 3, commander: 3 } }),
    ).toMatchObject({
      crewsCovered: 0,
      gap: 3,
    });
  });
});
