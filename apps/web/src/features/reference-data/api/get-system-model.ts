import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { systemModelKeys } from '../../../lib/query-keys';

/** One system model (`endpoints.systemModels.get`). */
export const systemModelQueryOptions = (id: string) =>
  queryOptions({
    queryKey: systemModelKeys.detail(id),
    queryFn: ({ signal }) => api(endpoints.systemModels.get, { params: { id } }, { signal }),
  });

export const useSystemModel = (id: string | undefined) =>
  useQuery({ ...systemModelQueryOptions(id ?? ''), enabled: !!id });
