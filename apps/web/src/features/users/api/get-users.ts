import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { ListUsersQuery, UserResponse } from '@jv/contracts';
import { userKeys, type ListFilters } from '../../../lib/query-keys';
import { pagedQueryOptions } from '../../../lib/paged-query';

export type UserFilters = ListFilters<ListUsersQuery>;

/** GET /users (admin) — keyset-paged, search by name or email, filter by role and active. */
export const usersQueryOptions = (filters: UserFilters) =>
  pagedQueryOptions<UserResponse, ReturnType<typeof userKeys.list>>(userKeys.list(filters), '/users', filters);

export const useUsers = (filters: UserFilters) => useInfiniteQuery({ ...usersQueryOptions(filters), placeholderData: keepPreviousData });
