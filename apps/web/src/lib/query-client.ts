import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './is-api-error';

/** Client errors (4xx) will not change on retry; network and server failures may. */
function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: shouldRetryQuery,
      refetchOnWindowFocus: false,
    },
    mutations: {
      retry: false,
    },
  },
});

/**
 * Retry policy for creates sent with an Idempotency-Key: only a network failure is retried, and the
 * retry carries the same key (it is part of the mutation variables), so the server never duplicates.
 */
export function retryCreateOnNetworkError(failureCount: number, error: unknown): boolean {
  return isApiError(error) && error.isNetworkError && failureCount < 3;
}

/** An answer this old at most was fetched for this very visit (a page's `firstData`, main.tsx). */
const JUST_FETCHED_MS = 5_000;

/**
 * `refetchOnMount` of a page that asks again on every visit, never trusting an earlier answer: except one fetched
 * seconds ago for this visit, before the first render (a page's `firstData`), which would otherwise be asked twice.
 */
export const refetchUnlessJustFetched = (query: { state: { dataUpdatedAt: number } }): boolean | 'always' =>
  query.state.dataUpdatedAt > 0 && Date.now() - query.state.dataUpdatedAt < JUST_FETCHED_MS ? false : 'always';
