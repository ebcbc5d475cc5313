import 'fake-indexeddb/auto';
import { screen, waitFor } from '@testing-library/react';
import { outboxDb } from '../lib/outbox/db';
import { enqueue } from '../lib/outbox/store';
import { jsonResponse, mockFetch } from '../test/fetch-mock';
import { testUser } from '../test/fixtures';
import { renderWithProviders } from '../test/render';
import { AppLayout } from './layout';

const me = testUser('workshop');

beforeAll(() => Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false }));
afterEach(() => outboxDb().entries.clear());

const renderShell = () =>
  renderWithProviders(<AppLayout />, {
    user: me,
    locale: 'en',
    routes: [{ path: '/login', element: <span data-testid="login-page" /> }],
  });

describe('signing out with entries waiting in the outbox', () => {
  beforeEach(() =>
    enqueue(me.id, {
      kind: 'workLog',
      method: 'POST',
      path: '/v1/repair-jobs/job-1/work-logs',
      body: { date: '2026-11-30', hours: 1, note: null },
      idempotencyKey: crypto.randomUUID(),
      label: 'RJ-1',
      scope: { jobId: 'job-1' },
    }),
  );

  it('warns first and stays signed in when the user says no; the entries stay', async () => {
    const fetch = mockFetch({ 'POST /auth/logout': jsonResponse(null, { status: 204 }) });
    const confirm = jest.spyOn(window, 'confirm').mockReturnValue(false);
    const { events } = renderShell();

    await screen.findByTestId('outbox-badge');
    await events.click(screen.getByRole('button', { name: 'Sign out' }));

    await waitFor(() =>
      expect(confirm).toHaveBeenCalledWith(
        '1 entry has not been sent. It stays on this device and is sent when you sign in again. Sign out?',
      ),
    );
    expect(fetch.requests.filter((r) => r.path === '/auth/logout')).toEqual([]);
    expect(await outboxDb().entries.count()).toBe(1);
  });

  it('signs out when the user confirms, keeping the entries for their owner', async () => {
    const fetch = mockFetch({ 'POST /auth/logout': jsonResponse(null, { status: 204 }) });
    jest.spyOn(window, 'confirm').mockReturnValue(true);
    const { events } = renderShell();

    await events.click(screen.getByRole('button', { name: 'Sign out' }));

    await screen.findByTestId('login-page');
    expect(fetch.requests.filter((r) => r.path === '/auth/logout')).toHaveLength(1);
    expect(await outboxDb().entries.count()).toBe(1);
  });
});
