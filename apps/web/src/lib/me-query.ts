import { queryOptions } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from './api-client';
import { sessionKeys } from './query-keys';

/** The signed-in user — loaded by the app shell (app/require-auth.tsx), cached for every feature that needs it. */
export const getMe = (signal?: AbortSignal) => api(endpoints.auth.me, {}, { signal });

export const meQueryOptions = () =>
  queryOptions({
    queryKey: sessionKeys.me(),
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
