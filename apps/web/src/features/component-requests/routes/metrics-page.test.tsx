import { screen, within } from '@testing-library/react';
import type { ComponentRequestMetrics } from '@jv/contracts';
import { mockFetch } from '../../../test/fetch-mock';
import { TEST_PARTNER_ID } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { MetricsPage } from './metrics-page';

const METRICS: ComponentRequestMetrics = {
  openByStatus: { submitted: 3, draft: 2, shipped: 1 },
  overdue: 4,
  onTimeRate: 0.875,
  perSupplier: [
    {
      supplierPartnerId: TEST_PARTNER_ID,
      supplierPartnerCode: 'PL',
      medianSubmitToApproveDays: 1.5,
      medianApproveToDeliverDays: null,
      delivered: 7,
      open: 2,
    },
  ],
};

describe('MetricsPage', () => {
  it('shows open requests by status, overdue, the on-time rate as % and the per-supplier table', async () => {
    const fetch = mockFetch({ 'GET /component-requests/metrics': METRICS });
    renderWithProviders(<MetricsPage />, { route: '/component-requests/metrics', locale: 'en', user: 'partner' });

    const open = await screen.findByTestId('metric-open');
    expect(open).toHaveTextContent('6');
    // in the workflow's order
    expect(
      within(open)
        .getAllByRole('term')
        .map((d) => d.textContent),
    ).toEqual(['Draft', 'Submitted', 'Shipped']);
    expect(screen.getByTestId('metric-open-submitted')).toHaveTextContent('3');
    expect(screen.getByTestId('metric-overdue')).toHaveTextContent('4');
    expect(within(screen.getByTestId('metric-overdue')).getByRole('link')).toHaveAttribute(
      'href',
      '/component-requests?overdue=true',
    );
    expect(screen.getByTestId('metric-on-time-rate')).toHaveTextContent('87.5%');

    const row = screen.getByTestId('metric-supplier-row');
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['1.5', '—', '7', '2']);
    expect(row).toHaveTextContent('PL');
    expect(fetch.unhandled).toEqual([]);
  });

  it('says so in Ukrainian when there is no rate and no supplier yet', async () => {
    mockFetch({
      'GET /component-requests/metrics': { openByStatus: {}, overdue: 0, onTimeRate: null, perSupplier: [] },
    });
    renderWithProviders(<MetricsPage />, { locale: 'uk', user: 'viewer' });

    expect(await screen.findByTestId('metric-on-time-rate')).toHaveTextContent('—');
    expect(screen.getByText('Заявок з постачальником ще немає.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Показники заявок' })).toBeInTheDocument();
  });
});
