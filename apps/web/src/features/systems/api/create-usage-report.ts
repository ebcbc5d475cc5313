import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUsageReportInput, UsageReportResponse } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { retryCreateOnNetworkError } from '../../../lib/query-client';
import { systemKeys } from './system-keys';

export const DUPLICATE_USAGE_DAY = 'DUPLICATE_USAGE_DAY';

export interface CreateUsageReportVariables {
  systemId: string;
  input: CreateUsageReportInput;
  idempotencyKey: string;
}

/** POST /systems/{id}/usage-reports — one report per system and day (409 DUPLICATE_USAGE_DAY). */
export const createUsageReport = ({ systemId, input, idempotencyKey }: CreateUsageReportVariables) =>
  api.post<UsageReportResponse>(`/systems/${encodeURIComponent(systemId)}/usage-reports`, input, { idempotencyKey });

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
