import 'fake-indexeddb/auto';
import { act, screen, waitFor, within } from '@testing-library/react';
import { jsonResponse, mockFetch } from '../../../test/fetch-mock';
import { testUser } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { outboxDb } from '../../../lib/outbox/db';
import { enqueue, entriesOf, type OutboxDraft } from '../../../lib/outbox/store';
import { OutboxBadge } from '../components/outbox-badge';
import { OutboxBadgeLive } from '../components/outbox-badge-live';
import { OUTBOX_QUEUED_EVENT, resetOutboxStart } from '../../../lib/outbox/start';
import { OutboxPage } from './outbox-page';

const me = testUser('workshop');
const JOB_ID = '7a1c2d3e-0000-4000-8000-000000000777';

const workLog = (hours: number): OutboxDraft => ({
  kind: 'workLog',
  method: 'POST',
  path: `/v1/repair-jobs/${JOB_ID}/work-logs`,
  body: { date: '2026-11-30', hours, note: null },
  idempotencyKey: crypto.randomUUID(),
  label: 'RJ-2026-00077',
  scope: { jobId: JOB_ID },
});

async function seed(draft: OutboxDraft, change: object = {}, userId = me.id) {
  const entry = await enqueue(userId, draft);
  await outboxDb().entries.where('id').equals(entry.id).modify(change);
  return entry;
}

let online = false;
beforeAll(() => Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online }));
beforeEach(() => {
  online = false;
  resetOutboxStart();
});
afterEach(() => outboxDb().entries.clear());

describe('OutboxBadge', () => {
  it('counts the signed-in user’s waiting entries (not another user’s) and links to the outbox', async () => {
    await seed(workLog(1));
    await seed(workLog(2));
    await seed(workLog(3), {}, testUser('workshop', { id: '9e0f8a6b-0000-4000-8000-0000000000ff' }).id);
    renderWithProviders(<OutboxBadgeLive />, { user: me, locale: 'uk' });

    const badge = await screen.findByTestId('outbox-badge');
    expect(badge).toHaveAttribute('href', '/outbox');
    expect(badge).toHaveAccessibleName('Вихідні: чекають надсилання — 2');
    expect(within(badge).getByTestId('outbox-count')).toHaveTextContent('2');
  });

  it('shows nothing when no entry waits', async () => {
    renderWithProviders(
      <>
        <OutboxBadgeLive />
        <span data-testid="rendered" />
      </>,
      { user: me },
    );
    await screen.findByTestId('rendered');
    expect(screen.queryByTestId('outbox-badge')).not.toBeInTheDocument();
  });
});

describe('OutboxBadge start', () => {
  it('online, leaves the outbox unloaded while the page starts; an entry kept starts it at once', async () => {
    online = true;
    await seed(workLog(1));
    renderWithProviders(<OutboxBadge startDelayMs={60_000} />, { user: me, locale: 'uk' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByTestId('outbox-badge')).not.toBeInTheDocument();

    act(() => {
      window.dispatchEvent(new Event(OUTBOX_QUEUED_EVENT));
    });
    expect(await screen.findByTestId('outbox-count')).toHaveTextContent('1');
  });

  it('offline, starts at once', async () => {
    await seed(workLog(1));
    renderWithProviders(<OutboxBadge startDelayMs={60_000} />, { user: me, locale: 'uk' });
    expect(await screen.findByTestId('outbox-count')).toHaveTextContent('1');
  });

  it('online, starts once the page has settled', async () => {
    online = true;
    await seed(workLog(1));
    renderWithProviders(<OutboxBadge startDelayMs={10} />, { user: me, locale: 'uk' });
    expect(await screen.findByTestId('outbox-count')).toHaveTextContent('1');
  });
});

describe('OutboxPage', () => {
  it('shows a refused entry with the server’s message in the user’s language; "Drop" removes it', async () => {
    await seed(workLog(30), {
      state: 'conflict',
      lastError: {
        status: 400,
        code: 'VALIDATION_FAILED',
        detail: 'English',
        errors: [{ path: 'hours', code: 'too_big', params: { maximum: 24, origin: 'number', inclusive: true } }],
      },
    });
    const behind = await seed(workLog(2));
    const confirm = jest.spyOn(window, 'confirm').mockReturnValue(true);
    const { events } = renderWithProviders(<OutboxPage />, { user: me, locale: 'en', route: '/outbox' });

    const items = await screen.findAllByTestId('outbox-entry');
    expect(items.map((i) => i.getAttribute('data-state'))).toEqual(['conflict', 'pending']);
    expect(items[0]).toHaveTextContent('Work log RJ-2026-00077');
    const problem = within(items[0]).getByTestId('outbox-entry-problem');
    expect(problem).toHaveTextContent(/^Check the highlighted fields\. hours: .*24/);
    expect(problem).not.toHaveTextContent('English');
    expect(items[1]).toHaveTextContent('Waits behind a refused entry for the same job');
    expect(within(items[0]).getByRole('button', { name: 'Fix' })).toBeVisible();

    await events.click(within(items[0]).getByRole('button', { name: 'Drop' }));
    expect(confirm).toHaveBeenCalledWith('Drop this entry? It will not be sent.');
    await waitFor(() => expect(screen.getAllByTestId('outbox-entry')).toHaveLength(1));
    expect((await entriesOf(me.id)).map((e) => e.id)).toEqual([behind.id]);
  });

  it('"Fix" takes the entry out of the outbox and opens its form with what was typed', async () => {
    await seed(workLog(3), { state: 'conflict', lastError: { status: 409, code: 'JOB_CLOSED' } });
    const { events, router } = renderWithProviders(<OutboxPage />, {
      user: me,
      route: '/outbox',
      routes: [{ path: '/repair-jobs/:id', element: <span data-testid="job-page" /> }],
    });

    await events.click(await screen.findByTestId('outbox-fix'));

    await screen.findByTestId('job-page');
    expect(router.state.location.pathname).toBe(`/repair-jobs/${JOB_ID}`);
    expect(router.state.location.state).toEqual({
      outboxFix: { kind: 'workLog', body: { date: '2026-11-30', hours: 3, note: null } },
    });
    expect(await entriesOf(me.id)).toEqual([]);
  });

  it('"Retry" sends a failed entry again with the same key', async () => {
    const failed = await seed(workLog(1), { state: 'failed', lastError: { status: 500, code: 'INTERNAL' } });
    online = true;
    const fetch = mockFetch({
      [`POST /repair-jobs/${JOB_ID}/work-logs`]: jsonResponse({ id: 'wl-1' }, { status: 201 }),
    });
    const { events } = renderWithProviders(<OutboxPage />, { user: me, locale: 'en', route: '/outbox' });

    const item = await screen.findByTestId('outbox-entry');
    expect(item).toHaveTextContent('Could not be sent');
    await events.click(within(item).getByRole('button', { name: 'Retry' }));

    expect(await screen.findByText('Nothing is waiting to be sent.')).toBeVisible();
    expect(fetch.requests.map((r) => [r.method, r.path])).toEqual([['POST', `/repair-jobs/${JOB_ID}/work-logs`]]);
    expect(new Headers(fetch.spy.mock.calls[0][1]?.headers).get('Idempotency-Key')).toBe(failed.idempotencyKey);
  });
});
