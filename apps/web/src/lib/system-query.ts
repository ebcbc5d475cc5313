import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from './api-client';

/** `['systems', 'detail', id]` — the systems feature's `systemKeys.detail(id)`, shared by every feature. */
export const systemDetailKey = (id: string) => ['systems', 'detail', id] as const;

/**
 * One system (`endpoints.systems.get`), 404 outside the caller's scope. THE query of a system by id:
 * the systems pages and the repair jobs' preselected system use these options, so one key never holds
 * two shapes. It lives in lib/ because features do not import each other.
 */
export const systemQueryOptions = (id: string) =>
  queryOptions({
    queryKey: systemDetailKey(id),
    queryFn: ({ signal }) => api(endpoints.systems.get, { params: { id } }, { signal }),
  });

export const useSystem = (id: string | undefined) => useQuery({ ...systemQueryOptions(id ?? ''), enabled: !!id });
