import { screen, waitFor, within } from '@testing-library/react';
import type { Locale } from '@jv/contracts';
import { jsonResponse, mockFetch, page } from '../../../test/fetch-mock';
import { TEST_PARTNER_ID, testComponentRequest, testPartner } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { ApprovalsPage } from './approvals-page';

const HOST_ID = '4d2b7f3c-5a1e-4b8e-8f0a-2c3d4e5f0009';
const request = testComponentRequest({ status: 'submitted', version: 3 });

function mockQueueApi(transition?: Parameters<typeof jsonResponse>[0], status = 200) {
  return mockFetch({
    'GET /component-requests': page([request]),
    'GET /partners': page([testPartner(), testPartner({ id: HOST_ID, code: 'UA', name: 'Ukraine', role: 'host' })]),
    [`POST /component-requests/${request.id}/transitions`]: () =>
      jsonResponse(transition ?? { ...request, status: 'approved' }, { status }),
  });
}

async function renderQueue(locale: Locale) {
  const view = renderWithProviders(<ApprovalsPage />, {
    route: '/component-requests/approvals',
    locale,
    user: 'logistics',
  });
  await screen.findByRole('link', { name: request.number });
  return view;
}

const posts = (fetch: ReturnType<typeof mockFetch>) => fetch.requests.filter((r) => r.method === 'POST');

describe('ApprovalsPage (approval queue)', () => {
  it('asks only for the requests awaiting my approval', async () => {
    const fetch = mockQueueApi();
    await renderQueue('en');
    expect(fetch.requests.find((r) => r.path === '/component-requests')?.query.get('awaitingMyApproval')).toBe('true');
    // the queue offers approve and reject, nothing else
    expect(
      within(screen.getByRole('link', { name: request.number }).closest('tr') as HTMLElement)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Approve', 'Reject']);
  });

  it('will not approve without a supplier partner (the host is not one), then sends it with the version', async () => {
    const fetch = mockQueueApi();
    const { events } = await renderQueue('en');

    await events.click(screen.getByRole('button', { name: 'Approve' }));
    const dialog = screen.getByRole('dialog', { name: `Request ${request.number}: Submitted → Approved` });
    const supplier = within(dialog).getByLabelText(/Supplier/);
    await waitFor(() => expect(within(supplier).getAllByRole('option')).toHaveLength(2));
    expect(within(supplier).queryByRole('option', { name: /Ukraine/ })).not.toBeInTheDocument();

    await events.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(supplier).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Choose a value from the list');
    expect(posts(fetch)).toEqual([]);

    await events.selectOptions(supplier, 'PL — Poland');
    await events.type(within(dialog).getByLabelText(/Expected delivery date/), '2026-05-15');
    await events.click(within(dialog).getByRole('button', { name: 'Confirm' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(posts(fetch)).toEqual([
      expect.objectContaining({
        path: `/component-requests/${request.id}/transitions`,
        body: {
          to: 'approved',
          comment: null,
          version: 3,
          supplierPartnerId: TEST_PARTNER_ID,
          expectedOn: '2026-05-15',
        },
      }),
    ]);
  });

  it.each([
    ['uk', 'Відхилити', 'Підтвердити', /Коментар/, 'Додайте коментар із причиною'],
    ['en', 'Reject', 'Confirm', /Comment/, 'Add a comment saying why'],
  ] as const)(
    'in %s, will not reject without a comment saying why',
    async (locale, reject, confirm, label, message) => {
      const fetch = mockQueueApi({ ...request, status: 'rejected' });
      const { events } = await renderQueue(locale);

      await events.click(screen.getByRole('button', { name: reject }));
      const dialog = screen.getByRole('dialog');
      await events.click(within(dialog).getByRole('button', { name: confirm }));

      expect(within(dialog).getByRole('alert')).toHaveTextContent(message);
      expect(within(dialog).getByLabelText(label)).toHaveAttribute('aria-invalid', 'true');
      expect(posts(fetch)).toEqual([]);

      await events.type(within(dialog).getByLabelText(label), 'Wrong part number');
      await events.click(within(dialog).getByRole('button', { name: confirm }));
      await waitFor(() =>
        expect(posts(fetch)).toEqual([
          expect.objectContaining({ body: { to: 'rejected', comment: 'Wrong part number', version: 3 } }),
        ]),
      );
    },
  );

  it("says the four-eyes refusal in the request's own words, and keeps the dialog open", async () => {
    mockQueueApi({ type: 'about:blank', title: 'Conflict', status: 409, code: 'FOUR_EYES', detail: 'English' }, 409);
    const { events } = await renderQueue('uk');

    await events.click(screen.getByRole('button', { name: 'Погодити' }));
    const dialog = screen.getByRole('dialog');
    await events.selectOptions(within(dialog).getByLabelText(/Постачальник/), 'PL — Poland');
    await events.click(within(dialog).getByRole('button', { name: 'Підтвердити' }));

    const refusal = await within(dialog).findByTestId('transition-error');
    expect(refusal).toHaveAttribute('data-code', 'FOUR_EYES');
    expect(refusal).toHaveTextContent('Погодити заявку має інший користувач');
    expect(refusal).not.toHaveTextContent('контроль якості');
  });
});
