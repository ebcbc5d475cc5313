import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { endpoints, type ListFacilitiesQuery } from '@jv/contracts';
import { facilityKeys, type ListFilters } from '../../../lib/query-keys';
import { pagedQueryOptions } from '../../../lib/paged-query';

export type FacilityFilters = ListFilters<ListFacilitiesQuery>;

/** Facilities (`endpoints.facilities.list`): keyset-paged, with search and filters. */
export const facilitiesQueryOptions = (filters: FacilityFilters) =>
  pagedQueryOptions(facilityKeys.list(filters), endpoints.facilities.list, filters);

export const useFacilities = (filters: FacilityFilters) =>
  useInfiniteQuery({ ...facilitiesQueryOptions(filters), placeholderData: keepPreviousData });
