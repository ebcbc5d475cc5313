import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { systemKeys } from './system-keys';

/**
 * One system (`endpoints.systems.get`) — 404 outside the caller's scope. THE query of a system's detail:
 * whoever needs a system by id (the repair jobs' preselected system too) uses these options, so one
 * key never holds two shapes.
 */
export const systemQueryOptions = (id: string) =>
  queryOptions({
    queryKey: systemKeys.detail(id),
    queryFn: ({ signal }) => api(endpoints.systems.get, { params: { id } }, { signal }),
  });

export const useSystem = (id: string | undefined) => useQuery({ ...systemQueryOptions(id ?? ''), enabled: !!id });
