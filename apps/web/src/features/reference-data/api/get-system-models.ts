import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { ListSystemModelsQuery, SystemModelResponse } from '@jv/contracts';
import { systemModelKeys, type ListFilters } from '../../../lib/query-keys';
import { pagedQueryOptions } from '../../../lib/paged-query';

export type SystemModelFilters = ListFilters<ListSystemModelsQuery>;

/** GET /system-models — keyset-paged list with search and filters. */
export const systemModelsQueryOptions = (filters: SystemModelFilters) =>
  pagedQueryOptions<SystemModelResponse, ReturnType<typeof systemModelKeys.list>>(systemModelKeys.list(filters), '/system-models', filters);

export const useSystemModels = (filters: SystemModelFilters) => useInfiniteQuery({ ...systemModelsQueryOptions(filters), placeholderData: keepPreviousData });
