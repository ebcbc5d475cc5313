import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { systemKeys } from './system-keys';

/** The record card (`endpoints.systems.history`) — status changes, barrel changes and usage, newest first. */
export const systemHistoryQueryOptions = (id: string) =>
  queryOptions({
    queryKey: systemKeys.history(id),
    queryFn: ({ signal }) => api(endpoints.systems.history, { params: { id } }, { signal }),
  });

export const useSystemHistory = (id: string) => useQuery(systemHistoryQueryOptions(id));
