import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { endpoints, type ListPartnersQuery } from '@jv/contracts';
import { partnerKeys, type ListFilters } from '../../../lib/query-keys';
import { pagedQueryOptions } from '../../../lib/paged-query';

export type PartnerFilters = ListFilters<ListPartnersQuery>;

/** Partner countries (`endpoints.partners.list`): keyset-paged, with search and filters. */
export const partnersQueryOptions = (filters: PartnerFilters) =>
  pagedQueryOptions(partnerKeys.list(filters), endpoints.partners.list, filters);

export const usePartners = (filters: PartnerFilters) =>
  useInfiniteQuery({ ...partnersQueryOptions(filters), placeholderData: keepPreviousData });
