import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { endpoints, type CreateReportReleaseInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { retryCreateOnNetworkError } from '../../../lib/query-client';
import { partnerReportKeys } from './keys';

/** The release log of a report: partner users' downloads and the releases staff recorded, oldest first. */
export const useReportReleases = (id: string, enabled = true) =>
  useQuery({
    queryKey: partnerReportKeys.releases(id),
    queryFn: ({ signal }) => api(endpoints.partnerReports.releases, { params: { id } }, { signal }),
    enabled,
    refetchOnMount: 'always',
  });

export interface RecordReleaseVariables {
  id: string;
  input: CreateReportReleaseInput;
  idempotencyKey: string;
}

/** Records that a published report was released (409 REPORT_NOT_PUBLISHED otherwise). */
export function useRecordRelease() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input, idempotencyKey }: RecordReleaseVariables) =>
      api(endpoints.partnerReports.recordRelease, { params: { id }, body: input }, { idempotencyKey }),
    retry: retryCreateOnNetworkError,
    onSettled: (_data, _error, { id }) => queryClient.invalidateQueries({ queryKey: partnerReportKeys.releases(id) }),
  });
}
