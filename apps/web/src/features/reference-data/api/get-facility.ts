import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { facilityKeys } from '../../../lib/query-keys';

/** One facility (`endpoints.facilities.get`). */
export const facilityQueryOptions = (id: string) =>
  queryOptions({
    queryKey: facilityKeys.detail(id),
    queryFn: ({ signal }) => api(endpoints.facilities.get, { params: { id } }, { signal }),
  });

export const useFacility = (id: string | undefined) => useQuery({ ...facilityQueryOptions(id ?? ''), enabled: !!id });
