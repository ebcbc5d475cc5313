import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type CreateUsageReportInput, type SystemResponse } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { endpointDraft } from '../../../lib/outbox-draft';
import { isQueued, sendOrQueue } from '../../../lib/outbox/runtime';
import { useOutboxUserId } from '../../../lib/outbox/use-outbox-entries';
import { retryCreateOnNetworkError } from '../../../lib/query-client';
import { systemKeys } from './system-keys';

export interface CreateUsageReportVariables {
  systemId: string;
  input: CreateUsageReportInput;
  idempotencyKey: string;
}

/**
 * Reports one day's firing (`endpoints.systems.createUsageReport`) with an Idempotency-Key — one report
 * per system and day (409 DUPLICATE_USAGE_DAY).
 */
export const createUsageReport = ({ systemId, input, idempotencyKey }: CreateUsageReportVariables) =>
  api(endpoints.systems.createUsageReport, { params: { id: systemId }, body: input }, { idempotencyKey });

/** Offline, or lost on the way: kept in the outbox with its key (`isQueued(result)`) and sent later. */
export function useCreateUsageReport() {
  const queryClient = useQueryClient();
  const userId = useOutboxUserId();
  return useMutation({
    // offline, the request is not held back (TanStack's default): it goes to the outbox and shows at once
    networkMode: 'always',
    mutationFn: (variables: CreateUsageReportVariables) =>
      sendOrQueue(
        userId,
        endpointDraft(
          'usageReport',
          endpoints.systems.createUsageReport,
          { params: { id: variables.systemId }, body: variables.input },
          {
            idempotencyKey: variables.idempotencyKey,
            label: queryClient.getQueryData<SystemResponse>(systemKeys.detail(variables.systemId))?.serialNumber ?? '',
            scope: { systemId: variables.systemId },
          },
        ),
        () => createUsageReport(variables),
      ),
    retry: retryCreateOnNetworkError,
    // the counters, the wear bar, the forecast, the weekly chart and the history all change at once:
    // they all sit under the system's detail key
    onSuccess: (report, { systemId }) =>
      isQueued(report)
        ? undefined
        : Promise.all([
            queryClient.invalidateQueries({ queryKey: systemKeys.detail(systemId) }),
            queryClient.invalidateQueries({ queryKey: systemKeys.lists() }),
          ]),
  });
}
