import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { pagedQueryOptions } from '../../../lib/paged-query';
import { partnerReportKeys, type PartnerReportFilters } from './keys';

/** Partner reports, newest first, filtered on the server (partner users get their country's published ones). */
export const partnerReportsQueryOptions = (filters: PartnerReportFilters) =>
  pagedQueryOptions(partnerReportKeys.list(filters), endpoints.partnerReports.list, filters);

export const usePartnerReports = (filters: PartnerReportFilters) =>
  useInfiniteQuery({
    ...partnerReportsQueryOptions(filters),
    placeholderData: keepPreviousData,
    refetchOnMount: 'always',
  });
