import { screen, within } from '@testing-library/react';
import type { RepairJobMetrics } from '@jv/contracts';
import { mockFetch, page } from '../../../test/fetch-mock';
import { TEST_FACILITY_ID, testFacility } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { DashboardPage } from './dashboard-page';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('DashboardPage (workshop metrics): completed per week', () => {
  it('marks the week still running as partial in the numbers beside the chart', async () => {
    const metrics: RepairJobMetrics = {
      backlog: [{ facilityId: TEST_FACILITY_ID, facilityCode: 'LV-RW1', status: 'diagnosing', count: 2 }],
      turnaround: { completed: 5, medianHours: 48, p90Hours: 96 },
      awaitingParts: { medianHours: null, p90Hours: null },
      completedPerWeek: [
        { weekStart: day(-14), count: 4 },
        { weekStart: day(-7 - 1), count: 3 },
        { weekStart: day(-1), count: 1 },
      ],
      overdueOpen: 0,
    };
    mockFetch({ 'GET /facilities': page([testFacility()]), 'GET /repair-jobs/metrics': metrics });
    renderWithProviders(<DashboardPage />, { route: '/repair-jobs/dashboard', locale: 'en', user: 'admin' });

    const table = await screen.findByTestId('per-week-table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-partial'))).toEqual([null, null, 'true']);
    expect(rows[2]).toHaveTextContent('(partial)1');
    expect(rows[0]).toHaveTextContent('4');
    expect(screen.getByTestId('per-week-partial-note')).toHaveTextContent('Period not over yet');
  });
});
