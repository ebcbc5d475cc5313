import { screen, within } from '@testing-library/react';
import { mockFetch, page } from '../../../test/fetch-mock';
import { testFacility, testRepairJob } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { JobsPage } from './jobs-page';

describe('JobsPage (repair jobs list)', () => {
  it('filters on "parts ready" (list and CSV) and marks the jobs whose parts are ready', async () => {
    const ready = testRepairJob({ status: 'awaiting_parts', partsReady: true });
    const fetch = mockFetch({ 'GET /facilities': page([testFacility()]), 'GET /repair-jobs': page([ready]) });
    const { events, router } = renderWithProviders(<JobsPage />, {
      route: '/repair-jobs?open=true&partsReady=true',
      locale: 'en',
      user: 'logistics',
    });

    const link = await screen.findByRole('link', { name: ready.number });
    expect(within(link.closest('tr') as HTMLElement).getByTestId('parts-ready-mark')).toHaveTextContent('Parts ready');
    expect(fetch.requests.find((r) => r.path === '/repair-jobs')?.query.get('partsReady')).toBe('true');
    expect(screen.getByTestId('export-csv').getAttribute('href')).toContain('partsReady=true');
    expect(screen.getByLabelText('Parts')).toHaveValue('true');

    await events.selectOptions(screen.getByLabelText('Parts'), 'Parts not ready yet');
    expect(new URLSearchParams(router.state.location.search).get('partsReady')).toBe('false');
    expect(
      fetch.requests
        .filter((r) => r.path === '/repair-jobs')
        .at(-1)
        ?.query.get('partsReady'),
    ).toBe('false');
  });
});
