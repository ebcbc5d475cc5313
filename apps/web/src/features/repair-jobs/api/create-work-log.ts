import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type CreateWorkLogInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { retryCreateOnNetworkError } from '../../../lib/query-client';
import { repairJobKeys } from './keys';

export interface CreateWorkLogVariables {
  jobId: string;
  input: CreateWorkLogInput;
  idempotencyKey: string;
}

/** Logs work on a job `{ date, hours, note }` — the signed-in user is the technician. */
export const createWorkLog = ({ jobId, input, idempotencyKey }: CreateWorkLogVariables) =>
  api(endpoints.repairJobs.createWorkLog, { params: { id: jobId }, body: input }, { idempotencyKey });

export function useCreateWorkLog() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createWorkLog,
    retry: retryCreateOnNetworkError,
    // the work logs, the job's total hours and the lists that show them
    onSuccess: () => queryClient.invalidateQueries({ queryKey: repairJobKeys.all }),
  });
}
