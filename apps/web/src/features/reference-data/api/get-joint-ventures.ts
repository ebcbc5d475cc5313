import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { ListJointVenturesQuery, JointVentureResponse } from '@jv/contracts';
import { jointVentureKeys, type ListFilters } from '../../../lib/query-keys';
import { pagedQueryOptions } from '../../../lib/paged-query';

export type JointVentureFilters = ListFilters<ListJointVenturesQuery>;

/** GET /joint-ventures — keyset-paged list with search and filters. */
export const jointVenturesQueryOptions = (filters: JointVentureFilters) =>
  pagedQueryOptions<JointVentureResponse, ReturnType<typeof jointVentureKeys.list>>(jointVentureKeys.list(filters), '/joint-ventures', filters);

export const useJointVentures = (filters: JointVentureFilters) => useInfiniteQuery({ ...jointVenturesQueryOptions(filters), placeholderData: keepPreviousData });
