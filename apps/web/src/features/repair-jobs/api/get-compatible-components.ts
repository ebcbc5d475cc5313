import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { LOOKUP_LIMIT } from '../../../lib/lookups';
import { componentKeys } from '../../../lib/query-keys';

/** The parts that fit the job's system: components of its model (`modelId=…&limit=200`). */
export const getCompatibleComponents = (modelId: string, signal?: AbortSignal) =>
  api(endpoints.components.list, { query: { modelId, limit: LOOKUP_LIMIT } }, { signal }).then((page) => page.items);

export const compatibleComponentsQueryOptions = (modelId: string) =>
  queryOptions({
    queryKey: [...componentKeys.options(), { modelId }] as const,
    queryFn: ({ signal }) => getCompatibleComponents(modelId, signal),
    staleTime: 5 * 60_000,
  });

export const useCompatibleComponents = (modelId: string | undefined) =>
  useQuery({ ...compatibleComponentsQueryOptions(modelId ?? ''), enabled: !!modelId });
