import { screen, within } from '@testing-library/react';
import { dashboardSchema, type Dashboard } from '@jv/contracts';
import { ALL_ROLES, can } from '@jv/domain';
import { HomePage } from '../home/routes/home-page';
import { dashboardLinks } from './components/dashboard-links';
import { mockFetch } from '../../test/fetch-mock';
import { TEST_FACILITY_ID, TEST_PARTNER_ID } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';

const COHORT_ID = '7a1b2c3d-0000-4000-8000-000000000001';
const MODEL_ID = '7a1b2c3d-0000-4000-8000-000000000002';

const MONTHS = [
  '2025-12',
  '2026-01',
  '2026-02',
  '2026-03',
  '2026-04',
  '2026-05',
  '2026-06',
  '2026-07',
  '2026-08',
  '2026-09',
  '2026-10',
  '2026-11',
];

/** A dashboard as GET /v1/dashboard answers it (checked against the contract's schema). */
function testDashboard(overrides: Partial<Dashboard> = {}): Dashboard {
  return dashboardSchema.parse({
    partnerId: null,
    asOf: '2026-11-30T09:00:00.000Z',
    fleet: {
      inService: 40,
      byReadiness: [
        { readiness: 'FMC', systems: 24 },
        { readiness: 'PMC', systems: 6 },
        { readiness: 'NMC-M', systems: 5 },
        { readiness: 'NMC-S', systems: 3 },
      ],
      inTransit: 2,
      availabilityRate: 75,
      trend: MONTHS.map((month, i) => ({
        month,
        availabilityRate: i === 11 ? 12.5 : 70 + i,
        available: i === 11 ? 5 : 28,
        inService: 40,
        partial: i === 11,
      })),
    },
    backlog: [
      {
        facilityId: TEST_FACILITY_ID,
        facilityCode: 'LV-RW1',
        facilityName: 'Lviv repair workshop 1',
        open: 8,
        overdue: 3,
        awaitingParts: 2,
      },
    ],
    turnaround: { completed: 14, medianDays: 6.5 },
    overdueRequests: { count: 4, oldestNeededBy: '2026-10-01' },
    upcomingCohorts: [
      {
        cohortId: COHORT_ID,
        code: 'C-2026-12',
        courseTitle: 'Crew conversion',
        facilityName: 'Training base 1',
        startsOn: '2026-12-07',
        seats: 16,
        seatsTaken: 12,
      },
    ],
    crewCoverageGaps: [
      {
        modelId: MODEL_ID,
        designation: 'TH-155/52 towed howitzer',
        systemsInService: 10,
        crewsRequired: 10,
        crewsCovered: 7,
        gap: 3,
      },
    ],
    ...overrides,
  });
}

const hrefs = () => screen.getAllByRole('link').map((a) => a.getAttribute('href'));

describe('Dashboard on the home page', () => {
  it('shows the figures of GET /v1/dashboard in English, each linking to its filtered list', async () => {
    const fetch = mockFetch({ 'GET /dashboard': testDashboard() });
    renderWithProviders(<HomePage />, { locale: 'en', user: 'admin' });

    expect(await screen.findByTestId('dash-availability')).toHaveTextContent('75%');
    expect(fetch.requests.map((r) => `${r.method} ${r.path}`)).toContain('GET /dashboard');
    expect(screen.getByTestId('dash-fleet')).toHaveTextContent('30 of 40 systems in service');
    expect(screen.getByTestId('dash-turnaround-median')).toHaveTextContent('6.5');
    expect(screen.getByTestId('dash-turnaround-completed')).toHaveTextContent('14');
    expect(screen.getByTestId('dash-overdue-count')).toHaveTextContent('4');
    expect(screen.getByTestId('dash-cohort')).toHaveTextContent('12 of 16');
    expect(screen.getByTestId('dash-crew-gap')).toHaveTextContent('Gap: 3');
    expect(screen.queryByTestId('dash-partner-slice')).toBeNull();
    // the greeting and the quick links stay
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Test Admin');
    expect(screen.getByRole('navigation', { name: 'Quick links' })).toBeInTheDocument();

    expect(screen.getByRole('link', { name: 'NMC-M (not mission capable, maintenance): 5' })).toHaveAttribute(
      'href',
      '/systems?readiness=NMC-M',
    );
    expect(screen.getByTestId('dash-availability')).toHaveAttribute('href', '/systems');
    expect(screen.getByTestId('dash-readiness-in_transit').querySelector('a')).toHaveAttribute(
      'href',
      '/systems?status=in_transit',
    );
    expect(screen.getByRole('link', { name: 'Open repair jobs: Lviv repair workshop 1: 8' })).toHaveAttribute(
      'href',
      `/repair-jobs?open=true&facilityId=${TEST_FACILITY_ID}`,
    );
    expect(screen.getByTestId('dash-backlog-overdue')).toHaveAttribute(
      'href',
      `/repair-jobs?open=true&facilityId=${TEST_FACILITY_ID}&overdue=true`,
    );
    expect(screen.getByTestId('dash-backlog-awaitingParts')).toHaveAttribute(
      'href',
      `/repair-jobs?open=true&facilityId=${TEST_FACILITY_ID}&status=awaiting_parts`,
    );
    expect(screen.getByTestId('dash-turnaround-link')).toHaveAttribute('href', '/repair-jobs/dashboard');
    expect(screen.getByTestId('dash-overdue-count')).toHaveAttribute('href', '/component-requests?overdue=true');
    expect(screen.getByRole('link', { name: 'C-2026-12' })).toHaveAttribute('href', `/training/cohorts/${COHORT_ID}`);
    expect(screen.getByTestId('dash-cohorts-link')).toHaveAttribute('href', '/training?from=2026-11-30&to=2026-12-30');
    expect(screen.getByTestId('dash-crew-link')).toHaveAttribute('href', '/training/coverage');
  });

  it('shows the same figures in Ukrainian', async () => {
    mockFetch({ 'GET /dashboard': testDashboard() });
    renderWithProviders(<HomePage />, { locale: 'uk', user: 'viewer' });

    expect(await screen.findByTestId('dash-availability')).toHaveTextContent(/75\s?%/);
    expect(screen.getByRole('heading', { name: 'Готовність парку зараз' })).toBeInTheDocument();
    expect(screen.getByTestId('dash-fleet')).toHaveTextContent('30 з 40 систем у строю');
    expect(screen.getByTestId('dash-turnaround-median')).toHaveTextContent('6,5');
    expect(screen.getByTestId('dash-cohort')).toHaveTextContent('12 з 16');
    expect(screen.getByTestId('dash-crew-gap')).toHaveTextContent('Нестача: 3');
    expect(screen.getByTestId('dash-backlog')).toHaveTextContent('Незавершені ремонти за майстернями');
    const lastMonth = screen.getAllByTestId('dash-trend-bar').at(-1) as HTMLElement;
    expect(lastMonth).toHaveAttribute('data-partial', 'true');
    expect(screen.getByTestId('dash-trend')).toHaveTextContent('неповний');
  });

  it('marks the current month of the trend as partial, on the chart and in its table', async () => {
    mockFetch({ 'GET /dashboard': testDashboard() });
    renderWithProviders(<HomePage />, { locale: 'en', user: 'logistics' });

    const bars = await screen.findAllByTestId('dash-trend-bar');
    expect(bars).toHaveLength(12);
    expect(bars.filter((b) => b.dataset.partial === 'true').map((b) => b.dataset.month)).toEqual(['2026-11']);
    // the partial month is hatched, not drawn like a finished month that dropped
    const partialBar = bars[11].querySelector('.dash-column-bar') as HTMLElement;
    const fullBar = bars[10].querySelector('.dash-column-bar') as HTMLElement;
    expect(partialBar.style.backgroundImage).toContain('repeating-linear-gradient');
    expect(fullBar.style.backgroundImage).toBe('');
    // the column height is the rate on a 0–100 axis
    expect(fullBar.style.height).toBe('80%');
    expect(partialBar.style.height).toBe('12.5%');
    expect(screen.getByTestId('dash-trend-partial-note')).toHaveTextContent('The current month is not over');

    const table = screen.getByTestId('dash-trend-table');
    const rows = within(table).getAllByRole('row');
    expect(rows.at(-1)).toHaveTextContent('November 2026 (partial)12.5%540');
    expect(rows.at(-2)).toHaveTextContent('October 2026');
    expect(rows.at(-2)).not.toHaveTextContent('partial');
  });

  it('puts the numbers of every chart in a table', async () => {
    mockFetch({ 'GET /dashboard': testDashboard() });
    renderWithProviders(<HomePage />, { locale: 'en', user: 'admin' });

    const readiness = await screen.findByTestId('dash-readiness-table');
    expect(within(readiness).getByRole('rowheader', { name: /NMC-S/ }).closest('tr')).toHaveTextContent('3');
    expect(within(readiness).getByRole('rowheader', { name: 'In transit' }).closest('tr')).toHaveTextContent('2');
    expect(within(screen.getByTestId('dash-backlog-table')).getAllByRole('row')[1]).toHaveTextContent(
      'LV-RW1 — Lviv repair workshop 1832',
    );
    expect(within(screen.getByTestId('dash-cohorts-table')).getAllByRole('row')[1]).toHaveTextContent('1216');
    expect(within(screen.getByTestId('dash-crew-table')).getAllByRole('row')[1]).toHaveTextContent(
      'TH-155/52 towed howitzer101073',
    );
  });

  it('draws the bars to scale and the legend in the bar order', async () => {
    mockFetch({ 'GET /dashboard': testDashboard() });
    renderWithProviders(<HomePage />, { locale: 'en', user: 'admin' });

    const bar = await screen.findByTestId('dash-readiness-bar');
    const segments = [...bar.querySelectorAll<HTMLElement>('.dash-stack-segment')];
    expect(segments.map((s) => s.dataset.segment)).toEqual(['FMC', 'PMC', 'NMC-M', 'NMC-S', 'in_transit']);
    expect(segments.map((s) => parseFloat(s.style.width))).toEqual([60, 15, 12.5, 7.5, 5]);
    const legend = screen.getByRole('list', { name: 'Systems by readiness class' });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((li) => li.dataset.testid),
    ).toEqual([
      'dash-readiness-FMC',
      'dash-readiness-PMC',
      'dash-readiness-NMC-M',
      'dash-readiness-NMC-S',
      'dash-readiness-in_transit',
    ]);
    // NMC-M and NMC-S in two Okabe–Ito colours (vermillion, blue)
    expect(segments[2].style.backgroundColor).toBe('rgb(213, 94, 0)');
    expect(segments[3].style.backgroundColor).toBe('rgb(0, 114, 178)');
    expect(screen.getByTestId('dash-backlog-bar-open').style.width).toBe('100%');
    expect(screen.getByTestId('dash-backlog-bar-overdue').style.width).toBe('37.5%');
    expect(screen.getByTestId('dash-cohort-bar').style.width).toBe('75%');
  });

  it("tells a partner it is their country's slice, and shows no link the partner may not open", async () => {
    mockFetch({ 'GET /dashboard': testDashboard({ partnerId: TEST_PARTNER_ID }) });
    renderWithProviders(<HomePage />, { locale: 'en', user: 'partner' });

    expect(await screen.findByTestId('dash-partner-slice')).toHaveTextContent("your country's slice");
    const links = hrefs();
    expect(links).not.toContain('/repair-jobs/dashboard'); // workshop metrics: not for partners
    expect(links.filter((h) => h?.startsWith('/training/calendar') || h?.startsWith('/admin'))).toEqual([]);
    // turnaround leads to the completed jobs instead, which a partner may read (its country's)
    expect(screen.getByTestId('dash-turnaround-link')).toHaveAttribute('href', '/repair-jobs?status=completed');
    expect(links).toContain('/component-requests?overdue=true');
    expect(links).toContain('/training/coverage');
  });

  it('shows the figures without links where the role may not open the list', () => {
    for (const role of ALL_ROLES) {
      const links = dashboardLinks(role);
      expect(links.turnaround === '/repair-jobs/dashboard').toBe(can(role, 'repairMetrics', 'read'));
      expect(links.crewCoverage !== null).toBe(can(role, 'crewCoverage', 'read'));
    }
  });
});
