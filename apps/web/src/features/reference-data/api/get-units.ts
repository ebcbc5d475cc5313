import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { endpoints, type ListUnitsQuery } from '@jv/contracts';
import { unitKeys, type ListFilters } from '../../../lib/query-keys';
import { pagedQueryOptions } from '../../../lib/paged-query';

export type UnitFilters = ListFilters<ListUnitsQuery>;

/** Military units (`endpoints.units.list`): keyset-paged, with search and filters. */
export const unitsQueryOptions = (filters: UnitFilters) =>
  pagedQueryOptions(unitKeys.list(filters), endpoints.units.list, filters);

export const useUnits = (filters: UnitFilters) =>
  useInfiniteQuery({ ...unitsQueryOptions(filters), placeholderData: keepPreviousData });
