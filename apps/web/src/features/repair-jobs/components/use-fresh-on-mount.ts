import { useState } from 'react';

/**
 * True while a query shows an answer cached from an earlier visit and its fresh copy is loading:
 * pages that count things (board columns, list rows, a job's state) show "loading" instead, so what
 * is on screen after a change made elsewhere is never the old state.
 */
export function useOutdatedOnMount(query: { isFetching: boolean; dataUpdatedAt: number }): boolean {
  const [mountedAt] = useState(() => Date.now());
  return query.isFetching && query.dataUpdatedAt > 0 && query.dataUpdatedAt < mountedAt;
}
