import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { unitKeys } from '../../../lib/query-keys';

/** One military unit (`endpoints.units.get`). */
export const unitQueryOptions = (id: string) =>
  queryOptions({
    queryKey: unitKeys.detail(id),
    queryFn: ({ signal }) => api(endpoints.units.get, { params: { id } }, { signal }),
  });

export const useUnit = (id: string | undefined) => useQuery({ ...unitQueryOptions(id ?? ''), enabled: !!id });
