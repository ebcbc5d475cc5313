import { screen, within } from '@testing-library/react';
import type { PlanVsActual } from '@jv/contracts';
import { mockFetch, page } from '../../../test/fetch-mock';
import { TEST_PARTNER_ID, testPartner } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { PlanVsActualPage } from './plan-vs-actual-page';

// recharts measures its container (ResizeObserver), which jsdom lacks: the chart is a stand-in here
jest.mock('../components/plan-vs-actual-chart', () => ({
  __esModule: true,
  default: ({ data }: { data: PlanVsActual }) => (
    <div data-testid="plan-vs-actual-chart">
      {data.months.map((m) => `${m.month}:${m.planned}/${m.delivered}`).join(' ')}
    </div>
  ),
}));

const result: PlanVsActual = {
  partnerId: TEST_PARTNER_ID,
  from: '2026-01',
  to: '2026-02',
  months: [
    {
      month: '2026-01',
      planned: 10,
      delivered: 7,
      fulfilmentPercent: 70,
      lines: [
        {
          componentId: null,
          systemModelId: '3c4d5e6f-0000-4000-8000-000000000001',
          label: 'M777A2',
          planned: 4,
          delivered: 4,
          fulfilmentPercent: 100,
        },
        {
          componentId: '2a3b4c5d-0000-4000-8000-000000000001',
          systemModelId: null,
          label: 'M777-RCL-01',
          planned: 6,
          delivered: 3,
          fulfilmentPercent: 50,
        },
      ],
    },
    { month: '2026-02', planned: 0, delivered: 2, fulfilmentPercent: null, lines: [] },
  ],
};

describe('PlanVsActualPage', () => {
  it('shows planned, delivered and fulfilment per month and line for the partner and period of the URL', async () => {
    const fetch = mockFetch({ 'GET /partners': page([testPartner()]), 'GET /supply-plans/plan-vs-actual': result });
    renderWithProviders(<PlanVsActualPage />, {
      route: `/supply-plans/plan-vs-actual?partnerId=${TEST_PARTNER_ID}&from=2026-01&to=2026-02`,
      locale: 'en',
      user: 'logistics',
    });

    expect(await screen.findByTestId('plan-vs-actual-chart')).toHaveTextContent('2026-01:10/7 2026-02:0/2');
    const query = fetch.requests.find((r) => r.path === '/supply-plans/plan-vs-actual')?.query;
    expect(Object.fromEntries(query ?? [])).toEqual({ partnerId: TEST_PARTNER_ID, from: '2026-01', to: '2026-02' });

    const months = screen.getAllByTestId('plan-vs-actual-month');
    expect(months.map((m) => m.getAttribute('data-month'))).toEqual(['2026-01', '2026-02']);
    expect(within(months[0]).getByTestId('month-fulfilment')).toHaveTextContent('70 %');
    expect(within(months[1]).getByTestId('month-fulfilment')).toHaveTextContent('—');
    const line = screen.getByRole('rowheader', { name: 'M777-RCL-01' }).closest('tr') as HTMLElement;
    expect(
      within(line)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['6', '3', '50 %']);
  });

  it("shows a partner user its own country's plan without a partner select", async () => {
    const fetch = mockFetch({ 'GET /supply-plans/plan-vs-actual': result });
    renderWithProviders(<PlanVsActualPage />, {
      route: '/supply-plans/plan-vs-actual?from=2026-01&to=2026-02',
      locale: 'en',
      user: 'partner',
    });

    await screen.findByTestId('plan-vs-actual-table');
    expect(screen.queryByLabelText('Partner')).not.toBeInTheDocument();
    expect(fetch.requests.find((r) => r.path === '/supply-plans/plan-vs-actual')?.query.get('partnerId')).toBe(
      TEST_PARTNER_ID,
    );
  });

  it('preselects the first co-lead partner of the lookup, so the figures show at once', async () => {
    const CO_LEAD_ID = '4d2b7f3c-5a1e-4b8e-8f0a-2c3d4e5f0002';
    const fetch = mockFetch({
      'GET /partners': page([
        testPartner({ id: '4d2b7f3c-5a1e-4b8e-8f0a-2c3d4e5f0009', code: 'UA', name: 'Ukraine', role: 'host' }),
        testPartner({ id: '4d2b7f3c-5a1e-4b8e-8f0a-2c3d4e5f0003', code: 'CZ', name: 'Czechia', role: 'member' }),
        testPartner({ id: CO_LEAD_ID, code: 'DE', name: 'Germany', role: 'co_lead' }),
        testPartner({ role: 'co_lead' }),
      ]),
      'GET /supply-plans/plan-vs-actual': { ...result, partnerId: CO_LEAD_ID },
    });
    renderWithProviders(<PlanVsActualPage />, {
      route: '/supply-plans/plan-vs-actual?from=2026-01&to=2026-02',
      locale: 'uk',
      user: 'logistics',
    });

    await screen.findByTestId('plan-vs-actual-table');
    expect(screen.getByLabelText('Партнер')).toHaveValue(CO_LEAD_ID);
    expect(screen.queryByText('Виберіть партнера.')).not.toBeInTheDocument();
    const asked = fetch.requests.filter((r) => r.path === '/supply-plans/plan-vs-actual');
    expect(asked.map((r) => r.query.get('partnerId'))).toEqual([CO_LEAD_ID]);
  });
});
