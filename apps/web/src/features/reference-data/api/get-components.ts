import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { endpoints, type ListComponentsQuery } from '@jv/contracts';
import { componentKeys, type ListFilters } from '../../../lib/query-keys';
import { pagedQueryOptions } from '../../../lib/paged-query';

export type ComponentFilters = ListFilters<ListComponentsQuery>;

/** The component catalog (`endpoints.components.list`): keyset-paged, with search and filters. */
export const componentsQueryOptions = (filters: ComponentFilters) =>
  pagedQueryOptions(componentKeys.list(filters), endpoints.components.list, filters);

export const useComponents = (filters: ComponentFilters) =>
  useInfiniteQuery({ ...componentsQueryOptions(filters), placeholderData: keepPreviousData });
