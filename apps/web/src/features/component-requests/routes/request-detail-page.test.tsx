import { screen, waitFor, within } from '@testing-library/react';
import type { ComponentRequestDetail } from '@jv/contracts';
import type { Role } from '@jv/domain';
import { jsonResponse, mockFetch, type FetchRoute } from '../../../test/fetch-mock';
import { testComponentRequestDetail } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { RequestDetailPage } from './request-detail-page';

const JOB_ID = '7a1c2d3e-0000-4000-8000-000000099999';

function mockRequestApi(request: ComponentRequestDetail, more: Record<string, FetchRoute> = {}) {
  return mockFetch({ [`GET /component-requests/${request.id}`]: request, ...more });
}

const renderRequest = (request: ComponentRequestDetail, user: Role = 'workshop', locale: 'uk' | 'en' = 'en') =>
  renderWithProviders(<RequestDetailPage />, {
    route: `/component-requests/${request.id}`,
    path: '/component-requests/:id',
    locale,
    user,
  });

describe('RequestDetailPage', () => {
  it('shows the header (quantities, overdue, linked job), its deliveries and the form for the next one', async () => {
    const request = testComponentRequestDetail({
      status: 'shipped',
      quantity: 5,
      deliveredQuantity: 2,
      overdue: true,
      repairJobId: JOB_ID,
      repairJobNumber: 'RJ-2026-00099',
      supplierPartnerCode: 'PL',
      deliveries: [
        {
          id: '1f2e3d4c-0000-4000-8000-000000000001',
          requestId: 'x',
          quantity: 2,
          receivedOn: '2026-03-10',
          waybill: 'WB-001',
          note: null,
          receiverName: 'Test Workshop',
          createdAt: '2026-03-10T10:00:00.000Z',
        },
      ],
    });
    mockRequestApi(request);
    renderRequest(request, 'logistics');

    expect(await screen.findByTestId('request-number')).toHaveTextContent(request.number);
    expect(screen.getByTestId('request-delivered')).toHaveTextContent('2 of 5');
    expect(screen.getByTestId('request-remaining')).toHaveTextContent('3');
    expect(screen.getByTestId('request-needed-by')).toHaveTextContent(/overdue since/);
    expect(screen.getByTestId('request-job-link')).toHaveAttribute('href', `/repair-jobs/${JOB_ID}`);
    expect(screen.getAllByTestId('delivery-row')).toHaveLength(1);
    expect(screen.getByTestId('delivery-form')).toBeInTheDocument();
  });

  it('refuses a delivery of more than remains before sending it', async () => {
    const request = testComponentRequestDetail({ status: 'ordered', quantity: 5, deliveredQuantity: 2 });
    const fetch = mockRequestApi(request);
    const { events } = renderRequest(request);

    const form = await screen.findByTestId('delivery-form');
    const quantity = within(form).getByLabelText(/Quantity/);
    await events.clear(quantity);
    await events.type(quantity, '4');
    await events.type(within(form).getByLabelText(/Waybill/), 'WB-7');
    await events.click(within(form).getByRole('button', { name: 'Record delivery' }));

    expect(quantity).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByRole('alert')).toHaveTextContent('At most the remaining 3');
    expect(fetch.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it("shows the server's OVER_DELIVERY refusal with what remains (someone delivered meanwhile)", async () => {
    const request = testComponentRequestDetail({ status: 'shipped', quantity: 5, deliveredQuantity: 1 });
    const fetch = mockRequestApi(request, {
      [`POST /component-requests/${request.id}/deliveries`]: jsonResponse(
        { type: 'about:blank', title: 'Conflict', status: 409, code: 'OVER_DELIVERY', detail: 'English', remaining: 1 },
        { status: 409 },
      ),
    });
    const { events } = renderRequest(request, 'workshop', 'uk');

    const form = await screen.findByTestId('delivery-form');
    // the whole remainder is proposed, received today
    expect(within(form).getByLabelText(/Кількість/)).toHaveValue(4);
    await events.type(within(form).getByLabelText(/Накладна/), 'WB-9');
    await events.click(within(form).getByRole('button', { name: 'Записати поставку' }));

    expect(await within(form).findByTestId('form-error')).toHaveTextContent(
      'Поставка більша за залишок заявки: залишилося 1.',
    );
    const post = fetch.requests.find((r) => r.method === 'POST');
    expect(post?.body).toEqual(expect.objectContaining({ quantity: 4, waybill: 'WB-9', note: null }));
    const headers = fetch.spy.mock.calls.find(([, init]) => init?.method === 'POST')?.[1]?.headers as Record<
      string,
      string
    >;
    expect(headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('offers no delivery form and no moves to a viewer', async () => {
    const request = testComponentRequestDetail({ status: 'ordered' });
    mockRequestApi(request);
    renderRequest(request, 'viewer');

    await screen.findByTestId('request-number');
    expect(screen.queryByTestId('delivery-form')).not.toBeInTheDocument();
    expect(screen.queryByTestId('request-move-shipped')).not.toBeInTheDocument();
  });

  it('gives a workshop user Submit and Cancel on its draft, but never the approval moves', async () => {
    const draft = testComponentRequestDetail({ status: 'draft' });
    mockRequestApi(draft);
    const { unmount } = renderRequest(draft, 'workshop');
    await screen.findByTestId('request-number');
    expect(
      within(screen.getByRole('region', { name: 'Actions' }))
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Submit', 'Cancel request']);
    unmount();

    const submitted = testComponentRequestDetail({ status: 'submitted' });
    mockRequestApi(submitted);
    renderRequest(submitted, 'workshop');
    await screen.findByTestId('request-number');
    await waitFor(() => expect(screen.queryByTestId('request-move-approved')).not.toBeInTheDocument());
    expect(screen.getByTestId('request-move-cancelled')).toBeInTheDocument();
  });

  describe('editing a draft', () => {
    const problem = (status: number, code: string, errors: object[] = []) =>
      jsonResponse({ type: 'about:blank', title: 'Refused', status, code, detail: 'English', errors }, { status });

    it('sends the changed fields with the loaded version', async () => {
      const draft = testComponentRequestDetail({ status: 'draft', quantity: 2, neededBy: '2099-05-01', version: 3 });
      const fetch = mockRequestApi(draft, {
        [`PATCH /component-requests/${draft.id}`]: ({ body }) => ({ ...draft, ...(body as object), version: 4 }),
      });
      const { events } = renderRequest(draft, 'workshop');

      const form = await screen.findByTestId('request-edit-form');
      const quantity = within(form).getByLabelText(/Quantity/);
      await events.clear(quantity);
      await events.type(quantity, '6');
      await events.selectOptions(within(form).getByLabelText(/Priority/), 'urgent');
      await events.click(within(form).getByRole('button', { name: 'Save changes' }));

      expect(await within(form).findByText('Changes saved.')).toBeInTheDocument();
      expect(fetch.requests.find((r) => r.method === 'PATCH')?.body).toEqual({
        version: 3,
        quantity: 6,
        priority: 'urgent',
        neededBy: '2099-05-01',
        justification: draft.justification,
      });
    });

    it('shows a stale version in the shared banner and field refusals on their fields', async () => {
      const draft = testComponentRequestDetail({ status: 'draft', neededBy: '2099-05-01' });
      let answer = problem(409, 'STALE_VERSION');
      mockRequestApi(draft, { [`PATCH /component-requests/${draft.id}`]: () => answer });
      const { events } = renderRequest(draft, 'workshop', 'uk');

      const form = await screen.findByTestId('request-edit-form');
      const justification = within(form).getByLabelText(/Обґрунтування/);
      await events.type(justification, ' now');
      await events.click(within(form).getByRole('button', { name: 'Зберегти зміни' }));
      expect(await within(form).findByTestId('stale-version-error')).toBeInTheDocument();

      answer = problem(400, 'VALIDATION_FAILED', [{ path: 'neededBy', code: 'too_small', message: 'English' }]);
      await events.click(within(form).getByRole('button', { name: 'Зберегти зміни' }));
      await waitFor(() => expect(within(form).getByLabelText(/Потрібно до/)).toHaveAttribute('aria-invalid', 'true'));
      expect(within(form).getByTestId('form-error')).not.toHaveTextContent('English');
    });

    it('is offered only on a draft, and never to a viewer', async () => {
      const submitted = testComponentRequestDetail({ status: 'submitted' });
      mockRequestApi(submitted);
      const { unmount } = renderRequest(submitted, 'workshop');
      await screen.findByTestId('request-number');
      expect(screen.queryByTestId('request-edit-form')).not.toBeInTheDocument();
      unmount();

      const draft = testComponentRequestDetail({ status: 'draft' });
      mockRequestApi(draft);
      renderRequest(draft, 'viewer');
      await screen.findByTestId('request-number');
      expect(screen.queryByTestId('request-edit-form')).not.toBeInTheDocument();
    });
  });
});
