import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type PartnerReportTransitionInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { notificationsRootKey, partnerReportKeys } from './keys';

export interface TransitionPartnerReportVariables {
  id: string;
  input: PartnerReportTransitionInput;
}

/**
 * Approves (409 FOUR_EYES for its preparer), publishes (freezes it) or discards a report. Refusals:
 * 409 INVALID_TRANSITION (with `allowed`), STALE_VERSION.
 */
export function useTransitionPartnerReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: TransitionPartnerReportVariables) =>
      api(endpoints.partnerReports.transition, { params: { id }, body: input }),
    onSuccess: (report) => queryClient.setQueryData(partnerReportKeys.detail(report.id), report),
    // on a refusal, too: the report may have moved on elsewhere and the buttons must follow
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: partnerReportKeys.all }),
        queryClient.invalidateQueries({ queryKey: notificationsRootKey }),
      ]),
  });
}

/** Recomputes the figures of a draft (409 REPORT_NOT_DRAFT otherwise). */
export function useRefreshPartnerReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(endpoints.partnerReports.refresh, { params: { id } }),
    onSuccess: (report) => queryClient.setQueryData(partnerReportKeys.detail(report.id), report),
    onSettled: () => queryClient.invalidateQueries({ queryKey: partnerReportKeys.all }),
  });
}
