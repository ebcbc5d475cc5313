import { screen, within } from '@testing-library/react';
import { mockFetch, page } from '../../../test/fetch-mock';
import {
  TEST_FACILITY_ID,
  TEST_PARTNER_ID,
  testComponentRequest,
  testFacility,
  testPartner,
} from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { RequestsPage } from './requests-page';

const late = testComponentRequest({ status: 'ordered', overdue: true, neededBy: '2026-02-01' });
const onTime = testComponentRequest({ status: 'approved', overdue: false });

function mockListApi() {
  return mockFetch({
    'GET /component-requests': page([late, onTime]),
    'GET /facilities': page([testFacility()]),
    'GET /partners': page([
      testPartner(),
      testPartner({ id: '4d2b7f3c-5a1e-4b8e-8f0a-2c3d4e5f0009', code: 'UA', role: 'host' }),
    ]),
  });
}

const rowOf = (number: string) => screen.getByRole('link', { name: number }).closest('tr') as HTMLElement;

describe('RequestsPage (component requests list)', () => {
  it('highlights an overdue request and says so in words, not only by colour', async () => {
    mockListApi();
    renderWithProviders(<RequestsPage />, { route: '/component-requests', locale: 'en', user: 'logistics' });
    await screen.findByRole('link', { name: late.number });

    expect(rowOf(late.number)).toHaveClass('row-overdue');
    expect(within(rowOf(late.number)).getByTestId('request-overdue-mark')).toHaveTextContent('Overdue');
    expect(rowOf(onTime.number)).not.toHaveClass('row-overdue');
    expect(within(rowOf(onTime.number)).queryByTestId('request-overdue-mark')).not.toBeInTheDocument();
  });

  it("sends the URL's filters to the list and builds the CSV link from the same filters", async () => {
    const fetch = mockListApi();
    const route =
      `/component-requests?status=submitted,ordered&priority=urgent&facilityId=${TEST_FACILITY_ID}` +
      `&supplierPartnerId=${TEST_PARTNER_ID}&overdue=true&mine=true&q=CR-2026`;
    renderWithProviders(<RequestsPage />, { route, locale: 'uk', user: 'logistics' });
    await screen.findByRole('link', { name: late.number });

    const expected = {
      q: ['CR-2026'],
      status: ['submitted', 'ordered'],
      priority: ['urgent'],
      facilityId: [TEST_FACILITY_ID],
      supplierPartnerId: [TEST_PARTNER_ID],
      overdue: ['true'],
      mine: ['true'],
    };
    const list = fetch.requests.find((r) => r.path === '/component-requests');
    for (const [key, values] of Object.entries(expected)) expect(list?.query.getAll(key)).toEqual(values);

    const csv = new URL(screen.getByTestId('export-csv').getAttribute('href') ?? '', 'http://localhost');
    expect(csv.pathname).toBe('/api/v1/component-requests/export.csv');
    for (const [key, values] of Object.entries(expected)) expect(csv.searchParams.getAll(key)).toEqual(values);
    expect(csv.searchParams.has('limit')).toBe(false);
    expect(csv.searchParams.has('cursor')).toBe(false);

    // the status filter shows the URL's statuses checked; the supplier select offers no host
    expect(screen.getByTestId('filter-status-submitted')).toBeChecked();
    expect(screen.getByTestId('filter-status-draft')).not.toBeChecked();
    expect(
      within(screen.getByLabelText('Постачальник'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Усі', 'PL — Poland']);
  });

  it('adds a status to the filter (several at once) and asks the list again', async () => {
    const fetch = mockListApi();
    const { events, router } = renderWithProviders(<RequestsPage />, {
      route: '/component-requests?status=submitted',
      locale: 'en',
      user: 'logistics',
    });
    await screen.findByRole('link', { name: late.number });

    expect(screen.getByTestId('filter-status-summary')).toHaveTextContent('Statuses: Submitted');
    await events.click(screen.getByTestId('filter-status-summary'));
    await events.click(screen.getByRole('checkbox', { name: 'Shipped' }));

    expect(new URLSearchParams(router.state.location.search).get('status')).toBe('submitted,shipped');
    expect(screen.getByTestId('filter-status-summary')).toHaveTextContent('Statuses: Submitted, Shipped');
    const last = fetch.requests.filter((r) => r.path === '/component-requests').at(-1);
    expect(last?.query.getAll('status')).toEqual(['submitted', 'shipped']);
  });
});
