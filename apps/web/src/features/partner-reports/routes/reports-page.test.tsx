import { screen, waitFor, within } from '@testing-library/react';
import { mockFetch, page } from '../../../test/fetch-mock';
import { TEST_PARTNER_ID, testPartner } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { OTHER_REPORT_ID, REPORT_ID, testReportSummary } from '../test/fixtures';
import { ReportsPage } from './reports-page';

const HOST_ID = '4d2b7f3c-5a1e-4b8e-8f0a-2c3d4e5f0009';
const reports = [
  testReportSummary({ status: 'draft' }),
  testReportSummary({ id: OTHER_REPORT_ID, status: 'published', period: '2026-06', supersedesId: REPORT_ID }),
];

function mockListApi(items = reports) {
  return mockFetch({
    'GET /partner-reports': page(items),
    'GET /partners': page([
      testPartner({ code: 'LV', name: 'Latvia' }),
      testPartner({ id: HOST_ID, code: 'UA', name: 'Ukraine', role: 'host' }),
    ]),
  });
}

describe('ReportsPage', () => {
  it('lists the reports in Ukrainian with status badges, links and the filters of staff', async () => {
    mockListApi();
    renderWithProviders(<ReportsPage />, { route: '/partner-reports', user: 'logistics', locale: 'uk' });

    const rows = await screen.findAllByTestId('row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByTestId('report-status')).toHaveTextContent('Чернетка');
    expect(within(rows[1]).getByTestId('report-status')).toHaveTextContent('Опубліковано');
    expect(rows[1]).toHaveTextContent('виправлення');
    expect(within(rows[0]).getByRole('link', { name: 'Відкрити звіт LV за 2026-Q3' })).toHaveAttribute(
      'href',
      `/partner-reports/${REPORT_ID}`,
    );
    expect(screen.getByTestId('prepare-report')).toHaveTextContent('Підготувати звіт');
    // the host country gets no reports: it is not offered as a partner
    const partner = screen.getByLabelText('Партнер');
    await waitFor(() => expect(within(partner).getByRole('option', { name: 'LV — Latvia' })).toBeInTheDocument());
    expect(within(partner).queryByRole('option', { name: 'UA — Ukraine' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Статус')).toBeInTheDocument();
  });

  it('sends the filters to the API and refuses a malformed period on the spot (English)', async () => {
    const fetch = mockListApi();
    const { events } = renderWithProviders(<ReportsPage />, {
      route: `/partner-reports?status=published&partnerId=${TEST_PARTNER_ID}`,
      user: 'admin',
      locale: 'en',
    });
    await screen.findAllByTestId('row');
    const list = () => fetch.requests.filter((r) => r.path === '/partner-reports');
    expect(list()[0]?.query.get('status')).toBe('published');
    expect(list()[0]?.query.get('partnerId')).toBe(TEST_PARTNER_ID);

    const period = screen.getByLabelText('Period');
    await events.type(period, '2026-13{Enter}');
    expect(await screen.findByText('A month (2026-10) or a quarter (2026-Q3)')).toBeInTheDocument();
    expect(list().some((r) => r.query.has('period'))).toBe(false);

    await events.clear(period);
    await events.type(period, '2026-Q3{Enter}');
    await waitFor(() => expect(list().at(-1)?.query.get('period')).toBe('2026-Q3'));
  });

  it('shows a partner user its published reports without staff filters or "prepare"', async () => {
    const fetch = mockListApi([reports[1]]);
    renderWithProviders(<ReportsPage />, { route: '/partner-reports', user: 'partner', locale: 'en' });

    expect(await screen.findAllByTestId('row')).toHaveLength(1);
    expect(screen.getByText('The published reports for your country.')).toBeInTheDocument();
    expect(screen.queryByTestId('prepare-report')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Partner')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Status')).not.toBeInTheDocument();
    expect(fetch.requests.some((r) => r.path === '/partners')).toBe(false);
  });
});
