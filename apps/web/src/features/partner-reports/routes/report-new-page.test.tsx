import { screen, waitFor, within } from '@testing-library/react';
import { latestEndedPeriods } from '@jv/domain';
import { jsonResponse, mockFetch, page } from '../../../test/fetch-mock';
import { TEST_PARTNER_ID, testPartner } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { REPORT_ID, testFigures, testReport } from '../test/fixtures';
import { ReportNewPage } from './report-new-page';

const suggested = latestEndedPeriods(new Date().toISOString().slice(0, 10));

function mockNewApi() {
  return mockFetch({
    'GET /partners': page([testPartner({ code: 'LV', name: 'Latvia' })]),
    'GET /partner-reports/preview': (request) =>
      testFigures({
        period: { period: request.query.get('period') ?? '', kind: 'quarter', start: '2026-07-01', end: '2026-09-30' },
      }),
    'POST /partner-reports': jsonResponse(testReport(), { status: 201 }),
    [`GET /partner-reports/${REPORT_ID}`]: testReport(),
  });
}

const renderNew = (locale: 'uk' | 'en' = 'uk') =>
  renderWithProviders(<ReportNewPage />, {
    route: '/partner-reports/new',
    path: '/partner-reports/new',
    locale,
    user: 'logistics',
    routes: [{ path: '/partner-reports/:id', element: <p data-testid="detail-page">detail</p> }],
  });

describe('ReportNewPage', () => {
  it('offers the last ended month and quarter, previews the figures, then prepares the draft', async () => {
    const fetch = mockNewApi();
    const { events, router } = renderNew('uk');

    expect(screen.getByTestId('suggest-quarter')).toHaveTextContent(`Квартал ${suggested.quarter}`);
    expect(screen.getByTestId('suggest-month')).toHaveTextContent(`Місяць ${suggested.month}`);
    expect(screen.getByLabelText(/Період/)).toHaveValue(suggested.quarter);
    expect(screen.getByTestId('report-preview')).toHaveTextContent('Виберіть партнера та період');

    const partner = screen.getByLabelText(/Партнер/);
    await waitFor(() => expect(within(partner).getByRole('option', { name: 'LV — Latvia' })).toBeInTheDocument());
    await events.selectOptions(partner, TEST_PARTNER_ID);
    const preview = screen.getByTestId('report-preview');
    expect(await within(preview).findByTestId('figure-systems')).toHaveTextContent('12');
    expect(fetch.requests.find((r) => r.path === '/partner-reports/preview')?.query.get('period')).toBe(
      suggested.quarter,
    );

    await events.click(screen.getByTestId('suggest-month'));
    await waitFor(() =>
      expect(
        fetch.requests
          .filter((r) => r.path === '/partner-reports/preview')
          .at(-1)
          ?.query.get('period'),
      ).toBe(suggested.month),
    );

    await events.click(screen.getByTestId('save-button'));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/partner-reports/${REPORT_ID}`));
    const post = fetch.requests.find((r) => r.method === 'POST');
    expect(post?.body).toEqual({ partnerId: TEST_PARTNER_ID, period: suggested.month });
  });

  it('refuses a malformed period before asking anything (English)', async () => {
    const fetch = mockNewApi();
    const { events } = renderNew('en');
    const period = screen.getByLabelText(/Period/);
    await events.clear(period);
    await events.type(period, '2026-Q5');
    await events.click(screen.getByTestId('save-button'));

    expect(await screen.findAllByText('A month (2026-10) or a quarter (2026-Q3)')).not.toHaveLength(0);
    expect(period).toHaveAttribute('aria-invalid', 'true');
    expect(fetch.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });
});
