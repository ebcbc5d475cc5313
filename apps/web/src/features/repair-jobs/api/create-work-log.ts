import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateWorkLogInput, WorkLogResponse } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { retryCreateOnNetworkError } from '../../../lib/query-client';
import { repairJobKeys } from './keys';

export interface CreateWorkLogVariables {
  jobId: string;
  input: CreateWorkLogInput;
  idempotencyKey: string;
}

/** POST /repair-jobs/{id}/work-logs `{ date, hours, note }` — the signed-in user is the technician. */
export const createWorkLog = ({ jobId, input, idempotencyKey }: CreateWorkLogVariables) =>
  api.post<WorkLogResponse>(`/repair-jobs/${encodeURIComponent(jobId)}/work-logs`, input, { idempotencyKey });

export function useCreateWorkLog() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createWorkLog,
    retry: retryCreateOnNetworkError,
    // the work logs, the job's total hours and the lists that show them
    onSuccess: () => queryClient.invalidateQueries({ queryKey: repairJobKeys.all }),
  });
}
