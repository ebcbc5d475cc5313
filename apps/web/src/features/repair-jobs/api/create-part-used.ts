import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type CreatePartUsedInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { retryCreateOnNetworkError } from '../../../lib/query-client';
import { repairJobKeys } from './keys';

export interface CreatePartUsedVariables {
  jobId: string;
  input: CreatePartUsedInput;
  idempotencyKey: string;
}

/**
 * Records a part fitted on a job `{ componentId, quantity, componentRequestId }` — only components of the
 * system’s model; from a request, no more than was delivered on it and not yet used.
 */
export const createPartUsed = ({ jobId, input, idempotencyKey }: CreatePartUsedVariables) =>
  api(endpoints.repairJobs.createPartUsed, { params: { id: jobId }, body: input }, { idempotencyKey });

export function useCreatePartUsed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPartUsed,
    retry: retryCreateOnNetworkError,
    onSuccess: (_created, { jobId }) => queryClient.invalidateQueries({ queryKey: repairJobKeys.partsUsed(jobId) }),
  });
}
