import { screen, waitFor, within } from '@testing-library/react';
import type { CohortDetail, CrewCoverage, TrainingCalendar } from '@jv/contracts';
import { AppLayout } from '../../app/layout';
import { jsonResponse, mockFetch, page } from '../../test/fetch-mock';
import { renderWithProviders } from '../../test/render';
import { TrainingLayout } from './components/training-layout';
import { BaseCalendar, calendarWindow } from './routes/calendar-page';
import { CohortDetailPage } from './routes/cohort-detail-page';
import { CohortForm } from './routes/cohort-new-page';
import { CoverageTable } from './routes/coverage-page';

const COHORT_ID = '7c1e0f4a-1b2c-4d3e-8f90-000000000001';
const PERSON_ID = '7c1e0f4a-1b2c-4d3e-8f90-000000000002';
const ENROLLMENT_ID = '7c1e0f4a-1b2c-4d3e-8f90-000000000003';
const UUID = '7c1e0f4a-1b2c-4d3e-8f90-00000000000';

function cohort(overrides: Partial<CohortDetail> = {}): CohortDetail {
  return {
    id: COHORT_ID,
    code: 'OP-2026-07',
    courseId: `${UUID}4`,
    courseCode: 'PZH-OP',
    courseTitle: 'PzH 2000 operators',
    courseKind: 'operator',
    systemModelId: `${UUID}5`,
    modelDesignation: 'PzH 2000',
    facilityId: `${UUID}6`,
    facilityCode: 'TB-1',
    startsOn: '2026-07-01',
    endsOn: '2026-07-10',
    seats: 12,
    seatsTaken: 1,
    status: 'in_progress',
    allowedTransitions: ['completed', 'cancelled'],
    instructorIds: [],
    instructors: [],
    completedCount: 0,
    failedCount: 0,
    version: 4,
    createdAt: '2026-06-01T08:00:00.000Z',
    updatedAt: '2026-06-01T08:00:00.000Z',
    enrollments: [
      {
        id: ENROLLMENT_ID,
        cohortId: COHORT_ID,
        personId: PERSON_ID,
        fullName: 'Петренко Іван',
        serviceNumber: 'A-1234',
        rank: 'сержант',
        status: 'enrolled',
        score: null,
        version: 3,
      },
    ],
    transitions: [],
    ...overrides,
  };
}

const renderCohort = (role: 'training' | 'viewer' = 'training', locale: 'uk' | 'en' = 'uk') =>
  renderWithProviders(<CohortDetailPage />, {
    user: role,
    locale,
    route: `/training/cohorts/${COHORT_ID}`,
    path: '/training/cohorts/:id',
  });

describe('cohort detail', () => {
  it('records a result with PATCH carrying the enrollment version', async () => {
    const fetched = mockFetch({
      [`GET /cohorts/${COHORT_ID}`]: cohort(),
      [`PATCH /enrollments/${ENROLLMENT_ID}`]: (r) => ({ ...cohort().enrollments[0], ...(r.body as object) }),
    });
    const { events } = renderCohort();
    const form = await screen.findByTestId('result-form');
    await events.selectOptions(within(form).getByTestId('result-status'), 'completed');
    await events.type(within(form).getByTestId('result-score'), '87');
    await events.click(within(form).getByTestId('result-submit'));
    await waitFor(() => expect(fetched.requests.some((r) => r.method === 'PATCH')).toBe(true));
    const patch = fetched.requests.find((r) => r.method === 'PATCH');
    expect(patch?.body).toEqual({ version: 3, status: 'completed', score: 87 });
  });

  it.each([
    ['uk', 'Конфлікт розкладу: слухач Коваль Олег у ці дні вже навчається в групі MT-2026-03.'],
    ['en', 'Schedule conflict: trainee Коваль Олег is already in cohort MT-2026-03 on these days.'],
  ] as const)('an enroll conflict names the trainee and the other cohort (%s)', async (locale, sentence) => {
    const other = `${UUID}9`;
    mockFetch({
      [`GET /cohorts/${COHORT_ID}`]: cohort({ status: 'enrolling', allowedTransitions: ['in_progress', 'cancelled'] }),
      'GET /personnel': page([
        {
          id: other,
          serviceNumber: 'B-777',
          fullName: 'Коваль Олег',
          rank: 'солдат',
          unitId: null,
          unitCode: null,
          version: 1,
          createdAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-01T00:00:00.000Z',
        },
      ]),
      [`POST /cohorts/${COHORT_ID}/enrollments`]: jsonResponse(
        {
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          code: 'SCHEDULE_CONFLICT',
          conflicts: [{ kind: 'trainee_busy', personId: other, personName: 'Коваль Олег', cohortCode: 'MT-2026-03' }],
        },
        { status: 409 },
      ),
    });
    const { events } = renderCohort('training', locale);
    await events.type(await screen.findByTestId('enroll-search-input'), 'Ков');
    await events.click(await screen.findByTestId('enroll-search-choose', {}, { timeout: 2000 }));
    expect(await screen.findByTestId('enroll-error')).toHaveTextContent(sentence);
  });

  it('shows RESULTS_MISSING in words when completing too early', async () => {
    mockFetch({
      [`GET /cohorts/${COHORT_ID}`]: cohort(),
      [`POST /cohorts/${COHORT_ID}/transitions`]: jsonResponse(
        { type: 'about:blank', title: 'Conflict', status: 409, code: 'RESULTS_MISSING', missing: 1 },
        { status: 409 },
      ),
    });
    const { events } = renderCohort('training', 'en');
    await events.click(await screen.findByTestId('cohort-move-completed'));
    expect(await screen.findByTestId('cohort-move-error')).toHaveTextContent(
      'Record a result for every trainee first (1 missing).',
    );
  });

  it('hides trainees and moves from a viewer', async () => {
    mockFetch({ [`GET /cohorts/${COHORT_ID}`]: cohort({ enrollments: [] }) });
    renderCohort('viewer');
    expect(await screen.findByTestId('cohort-status')).toHaveTextContent('Триває');
    expect(screen.queryByTestId('cohort-move-completed')).toBeNull();
    expect(screen.queryByTestId('enrollments')).toBeNull();
  });
});

describe('new cohort form', () => {
  it('refuses an end date before the start date', async () => {
    const fetched = mockFetch({
      'GET /courses': page([]),
      'GET /facilities': page([]),
    });
    const { events } = renderWithProviders(<CohortForm />, { user: 'training', locale: 'en' });
    await events.type(screen.getByTestId('field-code'), 'OP-01');
    await events.type(screen.getByTestId('field-startsOn'), '2026-07-10');
    await events.type(screen.getByTestId('field-endsOn'), '2026-07-01');
    await events.click(screen.getByTestId('save-button'));
    const endsOn = screen.getByTestId('field-endsOn');
    await waitFor(() => expect(endsOn).toHaveAttribute('aria-invalid', 'true'));
    expect(fetched.requests.some((r) => r.method === 'POST')).toBe(false);
  });
});

describe('crew coverage', () => {
  it('marks a model short of crews in words, not only in colour', () => {
    const data: CrewCoverage = {
      unitId: null,
      models: [
        {
          systemModelId: `${UUID}5`,
          modelDesignation: 'PzH 2000',
          crewSize: 5,
          systemsInService: 4,
          qualified: { operator: 10, maintainer: 2, commander: 2, instructor: 1 },
          crewsRequired: 4,
          operatorsRequired: 20,
          crewsCovered: 2,
          coveragePercent: 50,
          gap: 2,
        },
        {
          systemModelId: `${UUID}7`,
          modelDesignation: 'M109',
          crewSize: 4,
          systemsInService: 1,
          qualified: { operator: 4, maintainer: 1, commander: 1, instructor: 0 },
          crewsRequired: 1,
          operatorsRequired: 4,
          crewsCovered: 1,
          coveragePercent: 100,
          gap: 0,
        },
      ],
    };
    renderWithProviders(<CoverageTable data={data} />, { locale: 'en' });
    const [short, full] = screen.getAllByTestId('coverage-row');
    expect(short).toHaveClass('tr-gap-row');
    expect(within(short).getByTestId('coverage-gap')).toHaveTextContent('2 short');
    expect(full).not.toHaveClass('tr-gap-row');
    expect(full).toHaveTextContent('no gap');
  });
});

describe('calendar', () => {
  it('shows the seats used per day against the capacity', () => {
    const { days } = calendarWindow('2026-07-15', 'week');
    expect(days).toEqual([
      '2026-07-13',
      '2026-07-14',
      '2026-07-15',
      '2026-07-16',
      '2026-07-17',
      '2026-07-18',
      '2026-07-19',
    ]);
    const base: TrainingCalendar['bases'][number] = {
      facilityId: `${UUID}6`,
      facilityCode: 'TB-1',
      facilityName: 'Training base 1',
      capacity: 20,
      cohorts: [
        {
          id: COHORT_ID,
          code: 'OP-2026-07',
          courseTitle: 'PzH 2000 operators',
          courseKind: 'operator',
          startsOn: '2026-07-14',
          endsOn: '2026-07-16',
          seats: 24,
          seatsTaken: 10,
          status: 'planned',
        },
      ],
      days: days.map((day) => ({ day, seats: day >= '2026-07-14' && day <= '2026-07-16' ? 24 : 0 })),
    };
    renderWithProviders(<BaseCalendar base={base} days={days} />, { locale: 'en' });
    const cells = screen.getAllByTestId('calendar-day');
    expect(cells).toHaveLength(7);
    expect(screen.getByTestId('calendar-seats')).toHaveTextContent('Capacity: 20');
    expect(cells[0]).toHaveTextContent(/^0$/);
    expect(cells[0]).toHaveAttribute('title', '2026-07-13: 0/20');
    expect(cells[1]).toHaveTextContent('24');
    expect(cells[1]).toHaveAttribute('title', '2026-07-14: 24/20');
    expect(cells[1]).toHaveTextContent('over capacity');
    expect(cells[1]).toHaveClass('tr-cal-seats-over');
  });
});

describe('training navigation per role', () => {
  it('shows the training entry and, for a viewer, no personnel section', async () => {
    mockFetch({});
    renderWithProviders(<AppLayout />, {
      user: 'viewer',
      route: '/training',
      routes: [],
    });
    expect(screen.getByTestId('nav-training')).toHaveTextContent('Навчання');
  });

  it.each([
    ['viewer', false, true],
    ['training', true, true],
    ['partner', false, false],
  ] as const)('%s: personnel %s, calendar %s in the sub-navigation', (role, personnel, calendar) => {
    renderWithProviders(<TrainingLayout />, { user: role });
    expect(!!screen.queryByTestId('subnav-personnel')).toBe(personnel);
    expect(!!screen.queryByTestId('subnav-calendar')).toBe(calendar);
    expect(screen.getByTestId('subnav-cohorts')).toBeInTheDocument();
  });
});
