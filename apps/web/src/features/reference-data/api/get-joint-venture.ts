import { queryOptions, useQuery } from '@tanstack/react-query';
import type { JointVentureResponse } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { jointVentureKeys } from '../../../lib/query-keys';

/** GET /joint-ventures/{id} */
export const getJointVenture = (id: string, signal?: AbortSignal) => api.get<JointVentureResponse>(`/joint-ventures/${encodeURIComponent(id)}`, undefined, signal);

export const jointVentureQueryOptions = (id: string) =>
  queryOptions({ queryKey: jointVentureKeys.detail(id), queryFn: ({ signal }) => getJointVenture(id, signal) });

export const useJointVenture = (id: string | undefined) => useQuery({ ...jointVentureQueryOptions(id ?? ''), enabled: !!id });
