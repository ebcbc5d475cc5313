import { screen, waitFor, within } from '@testing-library/react';
import type { SupplyPlanResponse } from '@jv/contracts';
import { jsonResponse, mockFetch, page, type FetchRequest } from '../../../test/fetch-mock';
import { TEST_PARTNER_ID, testPartner } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { SupplyPlansPage } from './supply-plans-page';

const COMPONENT_ID = '2a3b4c5d-0000-4000-8000-000000000001';
const MODEL_ID = '3c4d5e6f-0000-4000-8000-000000000001';

const plan = (month: string, version: number, lines: SupplyPlanResponse['lines'] = []): SupplyPlanResponse => ({
  partnerId: TEST_PARTNER_ID,
  partnerCode: 'PL',
  month,
  version,
  lines,
  updatedAt: version ? '2026-03-01T08:00:00.000Z' : null,
});
const march = plan('2026-03', 4, [
  { componentId: COMPONENT_ID, systemModelId: null, label: 'M777-RCL-01', quantity: 10 },
]);
const april = plan('2026-04', 0);

function mockPlansApi(put: (request: FetchRequest) => Response | object) {
  return mockFetch({
    'GET /partners': page([testPartner()]),
    'GET /components': page([
      {
        id: COMPONENT_ID,
        partNumber: 'M777-RCL-01',
        name: 'Recoil buffer',
        category: 'recoil',
        unitOfIssue: 'pc',
        compatibleModelIds: [MODEL_ID],
        version: 1,
        createdAt: '2026-01-05T08:00:00.000Z',
        updatedAt: '2026-01-05T08:00:00.000Z',
      },
    ]),
    'GET /system-models': page([
      {
        id: MODEL_ID,
        designation: 'M777A2',
        kind: 'towed_howitzer',
        caliberMm: 155,
        originPartnerId: TEST_PARTNER_ID,
        originPartnerCode: 'PL',
        barrelLifeEfc: 2650,
        barrelLeadDays: null,
        version: 1,
        createdAt: '2026-01-05T08:00:00.000Z',
        updatedAt: '2026-01-05T08:00:00.000Z',
      },
    ]),
    [`GET /supply-plans/${TEST_PARTNER_ID}/2026-03`]: march,
    [`GET /supply-plans/${TEST_PARTNER_ID}/2026-04`]: april,
    [`PUT /supply-plans/${TEST_PARTNER_ID}/2026-03`]: put,
    [`PUT /supply-plans/${TEST_PARTNER_ID}/2026-04`]: put,
  });
}

const route = `/supply-plans?partnerId=${TEST_PARTNER_ID}&from=2026-03&to=2026-04`;
const monthCard = (month: string) =>
  screen.getAllByTestId('month-plan').find((el) => el.getAttribute('data-month') === month) as HTMLElement;

describe('SupplyPlansPage (partner × month editor)', () => {
  it("shows one plan per month of the range and saves a month with PUT and that month's version", async () => {
    const fetch = mockPlansApi(({ body }) => ({ ...april, version: 1, lines: [], ...(body as object) }));
    const { events } = renderWithProviders(<SupplyPlansPage />, { route, locale: 'en', user: 'logistics' });

    await waitFor(() => expect(screen.getAllByTestId('month-plan')).toHaveLength(2));
    const card = monthCard('2026-04');
    await events.click(within(card).getByRole('button', { name: 'Add line' }));
    await waitFor(() => expect(within(card).getAllByRole('option', { name: 'M777A2' })).toHaveLength(1));
    await events.selectOptions(within(card).getByLabelText('Component or model'), 'M777A2');
    await events.clear(within(card).getByLabelText('Quantity'));
    await events.type(within(card).getByLabelText('Quantity'), '3');
    await events.click(within(card).getByRole('button', { name: /^Save/ }));

    await waitFor(() => expect(fetch.requests.filter((r) => r.method === 'PUT')).toHaveLength(1));
    expect(fetch.requests.find((r) => r.method === 'PUT')).toEqual(
      expect.objectContaining({
        path: `/supply-plans/${TEST_PARTNER_ID}/2026-04`,
        body: { version: 0, lines: [{ componentId: null, systemModelId: MODEL_ID, quantity: 3 }] },
      }),
    );
  });

  it('shows the stale-version banner with a reload when someone else saved the month meanwhile', async () => {
    const fetch = mockPlansApi(() =>
      jsonResponse(
        { type: 'about:blank', title: 'Conflict', status: 409, code: 'STALE_VERSION', currentVersion: 5 },
        { status: 409 },
      ),
    );
    const { events } = renderWithProviders(<SupplyPlansPage />, { route, locale: 'uk', user: 'logistics' });

    await waitFor(() => expect(screen.getAllByTestId('month-plan')).toHaveLength(2));
    const card = monthCard('2026-03');
    await waitFor(() => expect(within(card).getByLabelText('Кількість')).toHaveValue(10));
    await events.clear(within(card).getByLabelText('Кількість'));
    await events.type(within(card).getByLabelText('Кількість'), '12');
    await events.click(within(card).getByRole('button', { name: /^Зберегти/ }));

    const banner = await within(card).findByTestId('stale-version-error');
    expect(banner).toHaveTextContent('щойно змінив інший користувач');
    expect(within(banner).getByRole('button', { name: 'Перезавантажити сторінку' })).toBeInTheDocument();
    expect(fetch.requests.find((r) => r.method === 'PUT')?.body).toEqual({
      version: 4,
      lines: [{ componentId: COMPONENT_ID, systemModelId: null, quantity: 12 }],
    });
  });

  it('shows the plans read only to a role that may not change them', async () => {
    mockPlansApi(() => ({}));
    renderWithProviders(<SupplyPlansPage />, { route, locale: 'en', user: 'viewer' });

    await waitFor(() => expect(screen.getAllByTestId('month-plan')).toHaveLength(2));
    expect(within(monthCard('2026-03')).getByText('M777-RCL-01')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Save/ })).not.toBeInTheDocument();
  });
});
