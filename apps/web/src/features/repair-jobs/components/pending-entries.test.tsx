import 'fake-indexeddb/auto';
import { screen, waitFor, within } from '@testing-library/react';
import type { RepairJobDetail } from '@jv/contracts';
import { mockFetch, page } from '../../../test/fetch-mock';
import { testRepairJob, testUser } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { outboxDb } from '../../../lib/outbox/db';
import { enqueue, entriesOf } from '../../../lib/outbox/store';
import { JobDetailPage } from '../routes/job-detail-page';

const me = testUser('workshop');
const job: RepairJobDetail = {
  ...testRepairJob({ status: 'in_repair' }),
  modelId: '3c4d5e6f-0000-4000-8000-000000000001',
  facilityName: 'Lviv repair works',
  transitions: [],
  timeInStates: {},
  componentRequests: [],
};

function mockJobApi(postWorkLog?: () => never) {
  return mockFetch({
    [`GET /repair-jobs/${job.id}`]: job,
    [`GET /repair-jobs/${job.id}/work-logs`]: { items: [], totalHours: 0 },
    [`GET /repair-jobs/${job.id}/parts-used`]: { items: [] },
    [`GET /repair-jobs/${job.id}/photos`]: { items: [] },
    'GET /repair-jobs/technicians': { items: [] },
    'GET /components': page([]),
    ...(postWorkLog ? { [`POST /repair-jobs/${job.id}/work-logs`]: postWorkLog } : {}),
  });
}

const renderJob = (locale: 'uk' | 'en' = 'en') =>
  renderWithProviders(<JobDetailPage />, {
    route: `/repair-jobs/${job.id}`,
    path: '/repair-jobs/:id',
    locale,
    user: me,
  });

let online = true;
beforeAll(() => Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online }));
beforeEach(() => {
  online = true;
});
afterEach(() => outboxDb().entries.clear());

describe('work logs kept in the outbox', () => {
  it('offline: a work log shows at once as a row waiting to send, kept with its key; nothing is sent', async () => {
    online = false;
    const fetch = mockJobApi();
    const { events } = renderJob();

    const form = await screen.findByTestId('worklog-form');
    await events.click(within(form).getByTestId('worklog-submit'));

    const row = await screen.findByTestId('worklog-row-pending');
    expect(within(row).getByTestId('waiting-badge')).toHaveTextContent('Waiting to send');
    expect(row).toHaveTextContent(me.displayName);
    expect(within(form).getByText('Saved on this device — it will be sent when the connection returns.')).toBeVisible();
    expect(fetch.requests.filter((r) => r.method === 'POST')).toEqual([]);
    const [entry] = await entriesOf(me.id);
    expect(entry).toMatchObject({
      kind: 'workLog',
      method: 'POST',
      path: `/v1/repair-jobs/${job.id}/work-logs`,
      state: 'pending',
      label: job.number,
      scope: { jobId: job.id },
    });
    expect(entry.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('online: a work log whose request is lost on the way is kept with the key that request carried', async () => {
    const fetch = mockJobApi(() => {
      throw new TypeError('Failed to fetch');
    });
    const { events } = renderJob('uk');

    const form = await screen.findByTestId('worklog-form');
    await events.click(within(form).getByTestId('worklog-submit'));

    const row = await screen.findByTestId('worklog-row-pending');
    expect(within(row).getByTestId('waiting-badge')).toHaveTextContent('Чекає надсилання');
    // the outbox tried once more at once, with the same key, and now waits for the network
    await waitFor(() => expect(fetch.requests.filter((r) => r.method === 'POST')).toHaveLength(2));
    const keys = fetch.spy.mock.calls
      .filter(([, init]) => init?.method === 'POST')
      .map(([, init]) => new Headers(init?.headers).get('Idempotency-Key'));
    const [entry] = await entriesOf(me.id);
    expect(keys).toEqual([entry.idempotencyKey, entry.idempotencyKey]);
    await waitFor(async () => expect((await entriesOf(me.id))[0]).toMatchObject({ state: 'pending', attempts: 1 }));
  });
});

describe('a pending move on the job', () => {
  it('shows a move refused by the server with its message in the user’s language', async () => {
    online = false;
    const entry = await enqueue(me.id, {
      kind: 'jobMove',
      method: 'POST',
      path: `/v1/repair-jobs/${job.id}/transitions`,
      body: { to: 'awaiting_parts', comment: null, version: job.version },
      idempotencyKey: crypto.randomUUID(),
      label: job.number,
      scope: { jobId: job.id },
    });
    await outboxDb()
      .entries.where('id')
      .equals(entry.id)
      .modify({
        state: 'conflict',
        lastError: { status: 409, code: 'STALE_VERSION', title: 'Conflict', detail: 'English' },
      });
    mockJobApi();
    renderJob('uk');

    const pending = await screen.findByTestId('pending-entry');
    expect(pending).toHaveAttribute('data-state', 'conflict');
    expect(pending).toHaveTextContent('Відхилено');
    const problem = within(pending).getByTestId('pending-entry-problem');
    expect(problem).toHaveTextContent('Цей запис щойно змінив інший користувач.');
    expect(problem).not.toHaveTextContent('English');
    expect(within(pending).getByRole('link', { name: 'Виправити або відкинути у вихідних' })).toHaveAttribute(
      'href',
      '/outbox',
    );
  });

  it('shows a move waiting to be sent with the state it goes to', async () => {
    online = false;
    await enqueue(me.id, {
      kind: 'jobMove',
      method: 'POST',
      path: `/v1/repair-jobs/${job.id}/transitions`,
      body: { to: 'awaiting_parts', comment: null, version: job.version },
      idempotencyKey: crypto.randomUUID(),
      label: job.number,
      scope: { jobId: job.id },
    });
    mockJobApi();
    renderJob();
    const pending = await screen.findByTestId('pending-entry');
    expect(pending).toHaveTextContent(/^Move to “.+” waiting to send/);
    expect(within(pending).getByTestId('waiting-badge')).toBeVisible();
  });
});
