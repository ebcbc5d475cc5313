import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { endpoints, type PartnerReportPreviewQuery } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { partnerReportKeys } from './keys';

/** The live figures for a partner and a period, computed now (nothing is stored); asked once both are chosen. */
export const usePartnerReportPreview = (query: PartnerReportPreviewQuery | null) =>
  useQuery({
    queryKey: partnerReportKeys.preview(query ?? { partnerId: '', period: '' }),
    queryFn: ({ signal }) => api(endpoints.partnerReports.preview, { query: query! }, { signal }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
