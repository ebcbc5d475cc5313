import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type CreateUsageReportInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
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

export function useCreateUsageReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUsageReport,
    retry: retryCreateOnNetworkError,
    // the counters, the wear bar, the forecast, the weekly chart and the history all change at once:
    // they all sit under the system's detail key
    onSuccess: (_report, { systemId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: systemKeys.detail(systemId) }),
        queryClient.invalidateQueries({ queryKey: systemKeys.lists() }),
      ]),
  });
}
