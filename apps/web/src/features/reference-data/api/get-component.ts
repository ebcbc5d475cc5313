import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { componentKeys } from '../../../lib/query-keys';

/** One component of the catalog (`endpoints.components.get`). */
export const componentQueryOptions = (id: string) =>
  queryOptions({
    queryKey: componentKeys.detail(id),
    queryFn: ({ signal }) => api(endpoints.components.get, { params: { id } }, { signal }),
  });

export const useComponent = (id: string | undefined) => useQuery({ ...componentQueryOptions(id ?? ''), enabled: !!id });
