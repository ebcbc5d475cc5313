import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PartnerResponse } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { partnerKeys } from '../../../lib/query-keys';

/** GET /partners/{id} */
export const getPartner = (id: string, signal?: AbortSignal) => api.get<PartnerResponse>(`/partners/${encodeURIComponent(id)}`, undefined, signal);

export const partnerQueryOptions = (id: string) =>
  queryOptions({ queryKey: partnerKeys.detail(id), queryFn: ({ signal }) => getPartner(id, signal) });

export const usePartner = (id: string | undefined) => useQuery({ ...partnerQueryOptions(id ?? ''), enabled: !!id });
