import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { endpoints, type ListSystemModelsQuery } from '@jv/contracts';
import { systemModelKeys, type ListFilters } from '../../../lib/query-keys';
import { pagedQueryOptions } from '../../../lib/paged-query';

export type SystemModelFilters = ListFilters<ListSystemModelsQuery>;

/** System models (`endpoints.systemModels.list`): keyset-paged, with search and filters. */
export const systemModelsQueryOptions = (filters: SystemModelFilters) =>
  pagedQueryOptions(systemModelKeys.list(filters), endpoints.systemModels.list, filters);

export const useSystemModels = (filters: SystemModelFilters) =>
  useInfiniteQuery({ ...systemModelsQueryOptions(filters), placeholderData: keepPreviousData });
