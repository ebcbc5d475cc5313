import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UserResponse } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { userKeys } from '../../../lib/query-keys';

/** GET /users/{id} (admin) */
export const getUser = (id: string, signal?: AbortSignal) => api.get<UserResponse>(`/users/${encodeURIComponent(id)}`, undefined, signal);

export const userQueryOptions = (id: string) => queryOptions({ queryKey: userKeys.detail(id), queryFn: ({ signal }) => getUser(id, signal) });

export const useUser = (id: string | undefined) => useQuery({ ...userQueryOptions(id ?? ''), enabled: !!id });
