import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SystemHistoryEntry } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { systemKeys } from './system-keys';

/** GET /systems/{id}/history — status changes, barrel changes and usage, newest first. */
export const getSystemHistory = (id: string, signal?: AbortSignal) =>
  api.get<SystemHistoryEntry[]>(`/systems/${encodeURIComponent(id)}/history`, undefined, signal);

export const systemHistoryQueryOptions = (id: string) =>
  queryOptions({ queryKey: systemKeys.history(id), queryFn: ({ signal }) => getSystemHistory(id, signal) });

export const useSystemHistory = (id: string) => useQuery(systemHistoryQueryOptions(id));
