import { lazyPage, type FirstData } from './lazy-page';
import { refetchUnlessJustFetched } from './query-client';

describe('lazyPage', () => {
  it("hands the router a page's firstData as the route's handle, and nothing for a page without one", async () => {
    const firstData: FirstData = () => Promise.resolve();
    const withData = await lazyPage(
      () => Promise.resolve({ Page: () => null, firstData }),
      () => 'page',
    )();
    expect(withData).toEqual({ element: 'page', handle: { firstData } });
    const without = await lazyPage(
      () => Promise.resolve({ Page: () => null }),
      () => 'page',
    )();
    expect(without.handle.firstData).toBeUndefined();
  });
});

describe('refetchUnlessJustFetched', () => {
  it('asks again on mount, except for an answer fetched seconds ago for this visit', () => {
    const fetchedAgo = (ms: number) => ({ state: { dataUpdatedAt: Date.now() - ms } });
    expect(refetchUnlessJustFetched({ state: { dataUpdatedAt: 0 } })).toBe('always');
    expect(refetchUnlessJustFetched(fetchedAgo(1_000))).toBe(false);
    expect(refetchUnlessJustFetched(fetchedAgo(6_000))).toBe('always');
    expect(refetchUnlessJustFetched(fetchedAgo(60_000))).toBe('always');
  });
});
