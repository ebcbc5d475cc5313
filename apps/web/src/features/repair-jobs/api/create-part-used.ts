import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatePartUsedInput, PartUsedResponse } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { retryCreateOnNetworkError } from '../../../lib/query-client';
import { repairJobKeys } from './keys';

export interface CreatePartUsedVariables {
  jobId: string;
  input: CreatePartUsedInput;
  idempotencyKey: string;
}

/** POST /repair-jobs/{id}/parts-used `{ componentId, quantity }` — only components of the system's model. */
export const createPartUsed = ({ jobId, input, idempotencyKey }: CreatePartUsedVariables) =>
  api.post<PartUsedResponse>(`/repair-jobs/${encodeURIComponent(jobId)}/parts-used`, input, { idempotencyKey });

export function useCreatePartUsed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPartUsed,
    retry: retryCreateOnNetworkError,
    onSuccess: (_created, { jobId }) => queryClient.invalidateQueries({ queryKey: repairJobKeys.partsUsed(jobId) }),
  });
}
