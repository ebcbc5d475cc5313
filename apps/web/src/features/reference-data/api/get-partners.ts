import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { ListPartnersQuery, PartnerResponse } from '@jv/contracts';
import { partnerKeys, type ListFilters } from '../../../lib/query-keys';
import { pagedQueryOptions } from '../../../lib/paged-query';

export type PartnerFilters = ListFilters<ListPartnersQuery>;

/** GET /partners — keyset-paged list with search and filters. */
export const partnersQueryOptions = (filters: PartnerFilters) =>
  pagedQueryOptions<PartnerResponse, ReturnType<typeof partnerKeys.list>>(partnerKeys.list(filters), '/partners', filters);

export const usePartners = (filters: PartnerFilters) => useInfiniteQuery({ ...partnersQueryOptions(filters), placeholderData: keepPreviousData });
