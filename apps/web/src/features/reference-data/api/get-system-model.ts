import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SystemModelResponse } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { systemModelKeys } from '../../../lib/query-keys';

/** GET /system-models/{id} */
export const getSystemModel = (id: string, signal?: AbortSignal) => api.get<SystemModelResponse>(`/system-models/${encodeURIComponent(id)}`, undefined, signal);

export const systemModelQueryOptions = (id: string) =>
  queryOptions({ queryKey: systemModelKeys.detail(id), queryFn: ({ signal }) => getSystemModel(id, signal) });

export const useSystemModel = (id: string | undefined) => useQuery({ ...systemModelQueryOptions(id ?? ''), enabled: !!id });
