import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { partnerReportKeys } from './keys';

/** One report with its figures, documents, history and the moves the user may make. */
export const partnerReportQueryOptions = (id: string) =>
  queryOptions({
    queryKey: partnerReportKeys.detail(id),
    queryFn: ({ signal }) => api(endpoints.partnerReports.get, { params: { id } }, { signal }),
  });

/** A report's page shows its state: it always asks again when it mounts. */
export const usePartnerReport = (id: string | undefined) =>
  useQuery({ ...partnerReportQueryOptions(id ?? ''), enabled: !!id, refetchOnMount: 'always' });
