import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { pagedQueryOptions } from '../../../lib/paged-query';
import { componentRequestKeys, type ComponentRequestFilters } from './keys';

/**
 * Component requests — keyset-paged, newest first, filtered on the server. The approval queue is the
 * same list with `awaitingMyApproval=true`.
 */
export const componentRequestsQueryOptions = (filters: ComponentRequestFilters) =>
  pagedQueryOptions(componentRequestKeys.list(filters), endpoints.componentRequests.list, filters);

export const useComponentRequests = (filters: ComponentRequestFilters) =>
  useInfiniteQuery({
    ...componentRequestsQueryOptions(filters),
    placeholderData: keepPreviousData,
    refetchOnMount: 'always',
  });
