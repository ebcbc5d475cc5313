import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { endpoints, type ListJointVenturesQuery } from '@jv/contracts';
import { jointVentureKeys, type ListFilters } from '../../../lib/query-keys';
import { pagedQueryOptions } from '../../../lib/paged-query';

export type JointVentureFilters = ListFilters<ListJointVenturesQuery>;

/** Joint ventures (`endpoints.jointVentures.list`): keyset-paged, with search and filters. */
export const jointVenturesQueryOptions = (filters: JointVentureFilters) =>
  pagedQueryOptions(jointVentureKeys.list(filters), endpoints.jointVentures.list, filters);

export const useJointVentures = (filters: JointVentureFilters) =>
  useInfiniteQuery({ ...jointVenturesQueryOptions(filters), placeholderData: keepPreviousData });
