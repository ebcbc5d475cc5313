import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type CreatePartUsedInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { endpointDraft } from '../../../lib/outbox-draft';
import { isQueued, sendOrQueue } from '../../../lib/outbox/runtime';
import { useOutboxUserId } from '../../../lib/outbox/use-outbox-entries';
import { retryCreateOnNetworkError } from '../../../lib/query-client';
import { cachedJobNumber } from './cached-job-number';
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

/** Offline, or lost on the way: kept in the outbox with its key (`isQueued(result)`) and sent later. */
export function useCreatePartUsed() {
  const queryClient = useQueryClient();
  const userId = useOutboxUserId();
  return useMutation({
    // offline, the request is not held back (TanStack's default): it goes to the outbox and shows at once
    networkMode: 'always',
    mutationFn: (variables: CreatePartUsedVariables) =>
      sendOrQueue(
        userId,
        endpointDraft(
          'partUsed',
          endpoints.repairJobs.createPartUsed,
          { params: { id: variables.jobId }, body: variables.input },
          {
            idempotencyKey: variables.idempotencyKey,
            label: cachedJobNumber(queryClient, variables.jobId),
            scope: { jobId: variables.jobId },
          },
        ),
        () => createPartUsed(variables),
      ),
    retry: retryCreateOnNetworkError,
    onSuccess: (created, { jobId }) =>
      isQueued(created) ? undefined : queryClient.invalidateQueries({ queryKey: repairJobKeys.partsUsed(jobId) }),
  });
}
