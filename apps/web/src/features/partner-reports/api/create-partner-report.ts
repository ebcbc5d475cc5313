import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type CreatePartnerReportInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { retryCreateOnNetworkError } from '../../../lib/query-client';
import { notificationsRootKey, partnerReportKeys } from './keys';

export interface CreatePartnerReportVariables {
  input: CreatePartnerReportInput;
  idempotencyKey: string;
}

/** Prepares a draft (409 DUPLICATE while a draft or approved report exists for the partner and period). */
export function useCreatePartnerReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: CreatePartnerReportVariables) =>
      api(endpoints.partnerReports.create, { body: input }, { idempotencyKey }),
    retry: retryCreateOnNetworkError,
    onSuccess: (report) => queryClient.setQueryData(partnerReportKeys.detail(report.id), report),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: partnerReportKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: notificationsRootKey }),
      ]),
  });
}
