import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SystemResponse } from '@jv/contracts';
import { mockFetch } from '../../../test/fetch-mock';
import { renderWithProviders } from '../../../test/render';
import { StatusForm } from './status-form';

const system = (status: SystemResponse['status']): SystemResponse => ({
  id: '0b6f3c1e-8a52-4d6e-9f2a-3c4d5e6f7a8b',
  modelId: '0b6f3c1e-8a52-4d6e-9f2a-3c4d5e6f7a01',
  modelDesignation: 'M777',
  serialNumber: 'SN-1',
  donorPartnerId: '0b6f3c1e-8a52-4d6e-9f2a-3c4d5e6f7a02',
  donorPartnerCode: 'US',
  unitId: null,
  unitName: null,
  facilityId: null,
  facilityCode: null,
  status,
  readiness: null,
  totalEfc: 0,
  barrelEfc: 0,
  barrelLifeEfc: 2500,
  barrelSerial: null,
  barrelWear: 0,
  wearFlagged: false,
  firingRatePerDay: 0,
  barrelForecastDate: null,
  statusChangedAt: '2026-01-01T00:00:00.000Z',
  notes: null,
  deliveredOn: null,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  openRepairJob: null,
  writeOffRequest: null,
});

const optionValues = () =>
  within(screen.getByTestId('field-status'))
    .getAllByRole('option')
    .map((o) => (o as HTMLOptionElement).value);

describe('StatusForm', () => {
  it.each(['degraded', 'in_repair', 'awaiting_parts'] as const)(
    'for a %s system offers no hand return to operational and names the way (a repair job)',
    (status) => {
      mockFetch({});
      renderWithProviders(<StatusForm system={system(status)} />, { locale: 'en' });
      expect(optionValues()).not.toContain('operational');
      expect(optionValues()).toContain('in_transit');
      expect(screen.getByTestId('status-via-job')).toHaveTextContent(/open a repair job/);
    },
  );

  it('offers operational for a system in transit, without the note', () => {
    mockFetch({});
    renderWithProviders(<StatusForm system={system('in_transit')} />, { locale: 'uk' });
    expect(optionValues()).toContain('operational');
    expect(screen.queryByTestId('status-via-job')).toBeNull();
  });

  it('says a first write-off only asks: the status stays until a second person confirms', async () => {
    const current = system('degraded');
    const fetch = mockFetch({
      [`POST /systems/${current.id}/status`]: {
        ...current,
        version: 2,
        writeOffRequest: {
          requestedById: current.id,
          requestedByName: 'Test Admin',
          requestedAt: '2026-11-30T10:00:00.000Z',
          reason: 'destroyed by shelling',
        },
      },
    });
    renderWithProviders(<StatusForm system={current} />, { locale: 'uk' });
    await userEvent.selectOptions(screen.getByTestId('field-status'), 'written_off');
    await userEvent.type(screen.getByTestId('field-reason'), 'destroyed by shelling');
    await userEvent.click(screen.getByTestId('status-submit'));
    await waitFor(() => expect(screen.getByTestId('write-off-requested')).toHaveTextContent(/інша людина/));
    expect(screen.queryByTestId('status-done')).toBeNull();
    expect(fetch.requests[0]?.body).toMatchObject({ status: 'written_off', version: 1 });
  });
});
