import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { userKeys } from '../../../lib/query-keys';

/** One user (`endpoints.users.get`, admin). */
export const userQueryOptions = (id: string) =>
  queryOptions({
    queryKey: userKeys.detail(id),
    queryFn: ({ signal }) => api(endpoints.users.get, { params: { id } }, { signal }),
  });

export const useUser = (id: string | undefined) => useQuery({ ...userQueryOptions(id ?? ''), enabled: !!id });
