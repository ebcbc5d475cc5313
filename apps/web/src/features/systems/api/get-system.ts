import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SystemResponse } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { systemKeys } from './system-keys';

/** GET /systems/{id} — 404 outside the caller's scope. */
export const getSystem = (id: string, signal?: AbortSignal) => api.get<SystemResponse>(`/systems/${encodeURIComponent(id)}`, undefined, signal);

export const systemQueryOptions = (id: string) => queryOptions({ queryKey: systemKeys.detail(id), queryFn: ({ signal }) => getSystem(id, signal) });

export const useSystem = (id: string | undefined) => useQuery({ ...systemQueryOptions(id ?? ''), enabled: !!id });
