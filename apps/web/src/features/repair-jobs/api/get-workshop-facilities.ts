import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { LOOKUP_LIMIT } from '../../../lib/lookups';
import { facilityKeys } from '../../../lib/query-keys';

/** The repair workshops, where repair jobs happen (`kind=repair_workshop&limit=200`). */
export const getWorkshopFacilities = (signal?: AbortSignal) =>
  api(endpoints.facilities.list, { query: { kind: 'repair_workshop', limit: LOOKUP_LIMIT } }, { signal }).then(
    (page) => page.items,
  );

export const workshopFacilitiesQueryOptions = () =>
  queryOptions({
    queryKey: [...facilityKeys.options(), 'repair_workshop'] as const,
    queryFn: ({ signal }) => getWorkshopFacilities(signal),
    staleTime: 5 * 60_000,
  });

export const useWorkshopFacilities = () => useQuery(workshopFacilitiesQueryOptions());
