import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { jointVentureKeys } from '../../../lib/query-keys';

/** One joint venture with its foreign partners (`endpoints.jointVentures.get`). */
export const jointVentureQueryOptions = (id: string) =>
  queryOptions({
    queryKey: jointVentureKeys.detail(id),
    queryFn: ({ signal }) => api(endpoints.jointVentures.get, { params: { id } }, { signal }),
  });

export const useJointVenture = (id: string | undefined) =>
  useQuery({ ...jointVentureQueryOptions(id ?? ''), enabled: !!id });
