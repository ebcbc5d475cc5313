import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { componentRequestKeys } from './keys';

/** One request with its moves, deliveries, delivered and remaining quantity, and its linked job. */
export const componentRequestQueryOptions = (id: string) =>
  queryOptions({
    queryKey: componentRequestKeys.detail(id),
    queryFn: ({ signal }) => api(endpoints.componentRequests.get, { params: { id } }, { signal }),
  });

/** A request's page shows its state: it always asks again when it mounts. */
export const useComponentRequest = (id: string | undefined) =>
  useQuery({ ...componentRequestQueryOptions(id ?? ''), enabled: !!id, refetchOnMount: 'always' });
