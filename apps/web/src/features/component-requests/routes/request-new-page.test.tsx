import { screen, waitFor, within } from '@testing-library/react';
import type { ComponentResponse, RepairJobDetail } from '@jv/contracts';
import { mockFetch, page } from '../../../test/fetch-mock';
import { OTHER_FACILITY_ID, TEST_FACILITY_ID, testFacility, testRepairJob } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { RequestNewPage } from './request-new-page';

const MODEL_ID = '3c4d5e6f-0000-4000-8000-000000000001';
const job: RepairJobDetail = {
  ...testRepairJob({ status: 'awaiting_parts' }),
  modelId: MODEL_ID,
  facilityName: 'Lviv repair works',
  transitions: [],
  timeInStates: {},
  componentRequests: [],
};

const component = (id: string, partNumber: string, name: string): ComponentResponse => ({
  id,
  partNumber,
  name,
  category: 'recoil',
  unitOfIssue: 'pc',
  compatibleModelIds: [MODEL_ID],
  version: 1,
  createdAt: '2026-01-05T08:00:00.000Z',
  updatedAt: '2026-01-05T08:00:00.000Z',
});
const fits = component('2a3b4c5d-0000-4000-8000-000000000001', 'M777-RCL-01', 'Recoil buffer');
const other = component('2a3b4c5d-0000-4000-8000-000000000002', 'PZH-BRL-02', 'Barrel (other model)');

function mockNewRequestApi() {
  return mockFetch({
    [`GET /repair-jobs/${job.id}`]: job,
    // the API filters by model: only what fits when modelId is given
    'GET /components': ({ query }) => page(query.get('modelId') === MODEL_ID ? [fits] : [fits, other]),
    'GET /facilities': page([
      testFacility(),
      testFacility({ id: OTHER_FACILITY_ID, code: 'KV-DP1', name: 'Kyiv depot', kind: 'depot' }),
    ]),
    'POST /component-requests': ({ body }) => ({ ...(body as object), id: '6c1d2e3f-0000-4000-8000-000000000777' }),
  });
}

const route =
  `/component-requests/new?repairJobId=${job.id}&systemId=${job.systemId}` +
  `&facilityId=${TEST_FACILITY_ID}&modelId=${MODEL_ID}`;

describe('RequestNewPage ("Request parts" from a repair job)', () => {
  it("offers only components compatible with the job's system and prefills the job, system and facility", async () => {
    const fetch = mockNewRequestApi();
    const { events, router } = renderWithProviders(<RequestNewPage />, { route, locale: 'en', user: 'workshop' });

    expect(await screen.findByTestId('linked-job-number')).toHaveTextContent(job.number);
    expect(screen.getByTestId('linked-job-system')).toHaveTextContent(job.systemSerial);
    const select = screen.getByLabelText(/Component/);
    await waitFor(() =>
      expect(
        within(select)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['— not selected —', 'M777-RCL-01 — Recoil buffer']),
    );
    expect(fetch.requests.find((r) => r.path === '/components')?.query.get('modelId')).toBe(MODEL_ID);
    // a workshop user sends requests to its own facility, preselected from the job
    expect(screen.getByLabelText(/Destination facility/)).toHaveValue(TEST_FACILITY_ID);
    expect(
      within(screen.getByLabelText(/Destination facility/))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['— not selected —', 'LV-RW1 — Lviv repair works']);

    await events.selectOptions(select, 'M777-RCL-01 — Recoil buffer');
    await events.clear(screen.getByLabelText(/Quantity/));
    await events.type(screen.getByLabelText(/Quantity/), '2');
    await events.type(screen.getByLabelText(/Justification/), 'Recoil buffer leaks after firing');
    await events.click(screen.getByRole('button', { name: 'Create request' }));

    await waitFor(() =>
      expect(router.state.location.pathname).toBe('/component-requests/6c1d2e3f-0000-4000-8000-000000000777'),
    );
    const post = fetch.requests.find((r) => r.method === 'POST');
    expect(post?.body).toEqual(
      expect.objectContaining({
        componentId: fits.id,
        quantity: 2,
        priority: 'routine',
        facilityId: TEST_FACILITY_ID,
        repairJobId: job.id,
        systemId: job.systemId,
        justification: 'Recoil buffer leaks after firing',
      }),
    );
    const headers = fetch.spy.mock.calls.find(([, init]) => init?.method === 'POST')?.[1]?.headers as Record<
      string,
      string
    >;
    expect(headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('without a job, offers the whole catalogue and every workshop and depot to logistics', async () => {
    mockNewRequestApi();
    renderWithProviders(<RequestNewPage />, { route: '/component-requests/new', locale: 'en', user: 'logistics' });

    await waitFor(() => expect(within(screen.getByLabelText(/Component/)).getAllByRole('option')).toHaveLength(3));
    await waitFor(() =>
      expect(within(screen.getByLabelText(/Destination facility/)).getAllByRole('option')).toHaveLength(3),
    );
    expect(screen.queryByTestId('linked-job')).not.toBeInTheDocument();
  });
});
