import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { ListUnitsQuery, UnitResponse } from '@jv/contracts';
import { unitKeys, type ListFilters } from '../../../lib/query-keys';
import { pagedQueryOptions } from '../../../lib/paged-query';

export type UnitFilters = ListFilters<ListUnitsQuery>;

/** GET /units — keyset-paged list with search and filters. */
export const unitsQueryOptions = (filters: UnitFilters) =>
  pagedQueryOptions<UnitResponse, ReturnType<typeof unitKeys.list>>(unitKeys.list(filters), '/units', filters);

export const useUnits = (filters: UnitFilters) => useInfiniteQuery({ ...unitsQueryOptions(filters), placeholderData: keepPreviousData });
