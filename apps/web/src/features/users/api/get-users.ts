import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { endpoints, type ListUsersQuery } from '@jv/contracts';
import { userKeys, type ListFilters } from '../../../lib/query-keys';
import { pagedQueryOptions } from '../../../lib/paged-query';

export type UserFilters = ListFilters<ListUsersQuery>;

/** Users (`endpoints.users.list`, admin): keyset-paged, search by name or email, filter by role and active. */
export const usersQueryOptions = (filters: UserFilters) =>
  pagedQueryOptions(userKeys.list(filters), endpoints.users.list, filters);

export const useUsers = (filters: UserFilters) =>
  useInfiniteQuery({ ...usersQueryOptions(filters), placeholderData: keepPreviousData });
