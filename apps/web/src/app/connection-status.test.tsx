import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { onlineManager, useQuery } from '@tanstack/react-query';
import { LoadingState } from '../components/loading-state';
import { mockFetch, page } from '../test/fetch-mock';
import { testRepairJob, testUser, TEST_FACILITY_ID } from '../test/fixtures';
import { createTestQueryClient, renderWithProviders } from '../test/render';
import { offerUpdate } from '../pwa/pwa-state';
import { ConnectionBanners, ConnectionStatus, WARM_UP_DELAY_MS } from './connection-status';

const jobKey = ['repair-jobs', 'detail', 'j1'];

/** A page showing one answer, or its loading state while it has none. */
function JobProbe() {
  const query = useQuery({ queryKey: jobKey, queryFn: () => new Promise<string>(() => undefined) });
  return query.data ? <p>{query.data}</p> : <LoadingState />;
}

/** Today at 09:07 local time (TZ=UTC in tests), when the cached answer was fetched. */
function fetchedToday(): number {
  const at = new Date();
  at.setHours(9, 7, 0, 0);
  return at.getTime();
}

describe('offline notices', () => {
  afterEach(() => {
    cleanup();
    onlineManager.setOnline(true);
  });

  it('marks a page shown from the cache "Offline — data from HH:MM", the time it was fetched, uk and en', async () => {
    for (const [locale, banner] of [
      ['uk', 'Офлайн — дані від 09:07'],
      ['en', 'Offline — data from 09:07'],
    ] as const) {
      onlineManager.setOnline(false);
      const queryClient = createTestQueryClient();
      queryClient.setQueryData(jobKey, 'KR-0001', { updatedAt: fetchedToday() });
      const { unmount } = renderWithProviders(
        <>
          <ConnectionBanners />
          <JobProbe />
        </>,
        { queryClient, locale, user: 'workshop' },
      );
      expect(await screen.findByText('KR-0001')).toBeInTheDocument();
      expect(screen.getByTestId('offline-banner')).toHaveTextContent(banner);
      unmount();
    }
  });

  it('shows no banner online, and shows it once the network drops', async () => {
    const queryClient = createTestQueryClient();
    queryClient.setQueryData(jobKey, 'KR-0001', { updatedAt: fetchedToday() });
    mockFetch({});
    renderWithProviders(
      <>
        <ConnectionBanners />
        <ConnectionStatus />
        <JobProbe />
      </>,
      { queryClient, user: 'viewer' },
    );
    expect(await screen.findByText('KR-0001')).toBeInTheDocument();
    expect(screen.queryByTestId('offline-banner')).not.toBeInTheDocument();
    expect(screen.getByTestId('connection-status')).toHaveAttribute('data-online', 'true');
    act(() => onlineManager.setOnline(false));
    expect(screen.getByTestId('offline-banner')).toHaveTextContent('Офлайн — дані від 09:07');
    expect(screen.getByTestId('connection-status')).toHaveTextContent('Офлайн');
    expect(screen.getByTestId('connection-status')).toHaveAttribute('data-online', 'false');
  });

  it('says that the data is not on the device instead of spinning, offline, for a page without a cached answer', () => {
    onlineManager.setOnline(false);
    renderWithProviders(
      <>
        <ConnectionBanners />
        <JobProbe />
      </>,
      { user: 'workshop', locale: 'en' },
    );
    expect(screen.getByTestId('offline-notice')).toHaveTextContent('You are offline and this page’s data is not saved');
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument();
    // nothing is shown from the cache: no date to give
    expect(screen.queryByTestId('offline-banner')).not.toBeInTheDocument();
  });

  it('spins online while the answer is on its way', () => {
    renderWithProviders(<JobProbe />, { user: 'workshop', locale: 'en' });
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
    expect(screen.queryByTestId('offline-notice')).not.toBeInTheDocument();
  });

  it('offers the waiting new version, which is applied on a tap', async () => {
    mockFetch({});
    const { events } = renderWithProviders(<ConnectionBanners />, { user: 'viewer', locale: 'en' });
    expect(screen.queryByTestId('app-update')).not.toBeInTheDocument();
    const apply = jest.fn();
    act(() => offerUpdate(apply));
    await events.click(screen.getByRole('button', { name: 'New version — reload' }));
    expect(apply).toHaveBeenCalledTimes(1);
  });
});

describe('offline cache warm-up', () => {
  afterEach(() => {
    cleanup();
    onlineManager.setOnline(true);
  });

  const job = testRepairJob({ id: 'c0000000-0000-4000-8000-000000000001' });
  const detail = { ...job, modelId: 'd0000000-0000-4000-8000-000000000001', componentRequests: [] };
  const routes = {
    'GET /facilities': page([]),
    'GET /repair-jobs': page([job]),
    [`GET /repair-jobs/${job.id}`]: detail,
    [`GET /repair-jobs/${job.id}/work-logs`]: page([]),
    [`GET /repair-jobs/${job.id}/parts-used`]: page([]),
    [`GET /systems/${job.systemId}`]: { id: job.systemId },
    'GET /components': page([]),
  };

  it('fetches, for a workshop user online, the board, each open job, its system and the parts that fit', async () => {
    const fetch = mockFetch(routes);
    const queryClient = createTestQueryClient();
    renderWithProviders(<ConnectionStatus warmUpDelayMs={0} />, {
      queryClient,
      user: testUser('workshop', { facilityIds: [TEST_FACILITY_ID] }),
    });
    // the job's four requests run together, after the board: all of them answered
    await waitFor(() => {
      expect(queryClient.getQueryData(['repair-jobs', 'detail', job.id, 'work-logs'])).toEqual(page([]));
      expect(queryClient.getQueryData(['repair-jobs', 'detail', job.id, 'parts-used'])).toEqual([]);
      expect(queryClient.getQueryData(['systems', 'detail', job.systemId])).toEqual({ id: job.systemId });
      expect(queryClient.getQueryData(['components', 'options', { modelId: detail.modelId }])).toEqual([]);
    });
    expect(fetch.unhandled).toEqual([]);
    expect(queryClient.getQueryData(['repair-jobs', 'board', TEST_FACILITY_ID])).toEqual(page([job]));
    expect(queryClient.getQueryData(['repair-jobs', 'detail', job.id])).toEqual(detail);
    const board = fetch.requests.find((r) => r.path === '/repair-jobs')!;
    expect(board.query.get('facilityId')).toBe(TEST_FACILITY_ID);
    expect(board.query.get('open')).toBe('true');
  });

  it('fetches nothing for other roles, nor offline until the network returns', async () => {
    const fetch = mockFetch(routes);
    const { unmount } = renderWithProviders(<ConnectionStatus warmUpDelayMs={0} />, { user: 'logistics' });
    await act(async () => undefined);
    unmount();
    onlineManager.setOnline(false);
    const queryClient = createTestQueryClient();
    renderWithProviders(<ConnectionStatus warmUpDelayMs={0} />, {
      queryClient,
      user: testUser('workshop', { facilityIds: [TEST_FACILITY_ID] }),
    });
    await act(async () => undefined);
    expect(fetch.requests).toEqual([]);
    act(() => onlineManager.setOnline(true));
    await waitFor(() => expect(queryClient.getQueryData(['repair-jobs', 'detail', job.id])).toEqual(detail));
  });

  it('waits until the page has had its turn before it asks for anything', async () => {
    jest.useFakeTimers();
    try {
      const fetch = mockFetch(routes);
      renderWithProviders(<ConnectionStatus />, { user: testUser('workshop', { facilityIds: [TEST_FACILITY_ID] }) });
      await act(async () => {
        jest.advanceTimersByTime(WARM_UP_DELAY_MS - 1);
      });
      expect(fetch.requests).toEqual([]);
      await act(async () => {
        jest.advanceTimersByTime(1);
      });
      jest.useRealTimers();
      await waitFor(() => expect(fetch.requests.map((r) => r.path)).toContain('/facilities'));
    } finally {
      jest.useRealTimers();
    }
  });
});
