import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { ListFacilitiesQuery, FacilityResponse } from '@jv/contracts';
import { facilityKeys, type ListFilters } from '../../../lib/query-keys';
import { pagedQueryOptions } from '../../../lib/paged-query';

export type FacilityFilters = ListFilters<ListFacilitiesQuery>;

/** GET /facilities — keyset-paged list with search and filters. */
export const facilitiesQueryOptions = (filters: FacilityFilters) =>
  pagedQueryOptions<FacilityResponse, ReturnType<typeof facilityKeys.list>>(facilityKeys.list(filters), '/facilities', filters);

export const useFacilities = (filters: FacilityFilters) => useInfiniteQuery({ ...facilitiesQueryOptions(filters), placeholderData: keepPreviousData });
