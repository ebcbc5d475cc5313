import { queryOptions, useQuery } from '@tanstack/react-query';
import type { FacilityResponse } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { facilityKeys } from '../../../lib/query-keys';

/** GET /facilities/{id} */
export const getFacility = (id: string, signal?: AbortSignal) => api.get<FacilityResponse>(`/facilities/${encodeURIComponent(id)}`, undefined, signal);

export const facilityQueryOptions = (id: string) =>
  queryOptions({ queryKey: facilityKeys.detail(id), queryFn: ({ signal }) => getFacility(id, signal) });

export const useFacility = (id: string | undefined) => useQuery({ ...facilityQueryOptions(id ?? ''), enabled: !!id });
