import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ComponentResponse } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { componentKeys } from '../../../lib/query-keys';

/** GET /components/{id} */
export const getComponent = (id: string, signal?: AbortSignal) => api.get<ComponentResponse>(`/components/${encodeURIComponent(id)}`, undefined, signal);

export const componentQueryOptions = (id: string) =>
  queryOptions({ queryKey: componentKeys.detail(id), queryFn: ({ signal }) => getComponent(id, signal) });

export const useComponent = (id: string | undefined) => useQuery({ ...componentQueryOptions(id ?? ''), enabled: !!id });
