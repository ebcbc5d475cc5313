import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { ListComponentsQuery, ComponentResponse } from '@jv/contracts';
import { componentKeys, type ListFilters } from '../../../lib/query-keys';
import { pagedQueryOptions } from '../../../lib/paged-query';

export type ComponentFilters = ListFilters<ListComponentsQuery>;

/** GET /components — keyset-paged list with search and filters. */
export const componentsQueryOptions = (filters: ComponentFilters) =>
  pagedQueryOptions<ComponentResponse, ReturnType<typeof componentKeys.list>>(componentKeys.list(filters), '/components', filters);

export const useComponents = (filters: ComponentFilters) => useInfiniteQuery({ ...componentsQueryOptions(filters), placeholderData: keepPreviousData });
