import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { partnerKeys } from '../../../lib/query-keys';

/** One partner country (`endpoints.partners.get`). */
export const partnerQueryOptions = (id: string) =>
  queryOptions({
    queryKey: partnerKeys.detail(id),
    queryFn: ({ signal }) => api(endpoints.partners.get, { params: { id } }, { signal }),
  });

export const usePartner = (id: string | undefined) => useQuery({ ...partnerQueryOptions(id ?? ''), enabled: !!id });
