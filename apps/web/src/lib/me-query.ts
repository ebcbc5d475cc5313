import { queryOptions } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from './api-client';
import { sessionKeys } from './query-keys';

/** The signed-in user — loaded by the app shell (app/require-auth.tsx), cached for every feature that needs it. */
export const getMe = (signal?: AbortSignal, response?: Promise<Response>) =>
  api(endpoints.auth.me, {}, { signal, response });

/** `early`: the answer of a request sent before the app's code had loaded (main.tsx), for the first load only. */
export const meQueryOptions = (early?: Promise<Response>) =>
  queryOptions({
    queryKey: sessionKeys.me(),
    queryFn: ({ signal }) => getMe(signal, early),
    staleTime: 5 * 60_000,
    retry: false,
  });
