import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UnitResponse } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { unitKeys } from '../../../lib/query-keys';

/** GET /units/{id} */
export const getUnit = (id: string, signal?: AbortSignal) => api.get<UnitResponse>(`/units/${encodeURIComponent(id)}`, undefined, signal);

export const unitQueryOptions = (id: string) =>
  queryOptions({ queryKey: unitKeys.detail(id), queryFn: ({ signal }) => getUnit(id, signal) });

export const useUnit = (id: string | undefined) => useQuery({ ...unitQueryOptions(id ?? ''), enabled: !!id });
