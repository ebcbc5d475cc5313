import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type CreateWorkLogInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { endpointDraft } from '../../../lib/outbox-draft';
import { isQueued, sendOrQueue } from '../../../lib/outbox/runtime';
import { useOutboxUserId } from '../../../lib/outbox/use-outbox-entries';
import { retryCreateOnNetworkError } from '../../../lib/query-client';
import { cachedJobNumber } from './cached-job-number';
import { repairJobKeys } from './keys';

export interface CreateWorkLogVariables {
  jobId: string;
  input: CreateWorkLogInput;
  idempotencyKey: string;
}

/** Logs work on a job `{ date, hours, note }` — the signed-in user is the technician. */
export const createWorkLog = ({ jobId, input, idempotencyKey }: CreateWorkLogVariables) =>
  api(endpoints.repairJobs.createWorkLog, { params: { id: jobId }, body: input }, { idempotencyKey });

/**
 * Online, sent as ever. Offline, or lost on the way, it goes to the outbox with its key (`isQueued(result)`), shows
 * on the job as waiting to send and is sent when the connection returns.
 */
export function useCreateWorkLog() {
  const queryClient = useQueryClient();
  const userId = useOutboxUserId();
  return useMutation({
    // offline, the request is not held back (TanStack's default): it goes to the outbox and shows at once
    networkMode: 'always',
    mutationFn: (variables: CreateWorkLogVariables) =>
      sendOrQueue(
        userId,
        endpointDraft(
          'workLog',
          endpoints.repairJobs.createWorkLog,
          { params: { id: variables.jobId }, body: variables.input },
          {
            idempotencyKey: variables.idempotencyKey,
            label: cachedJobNumber(queryClient, variables.jobId),
            scope: { jobId: variables.jobId },
          },
        ),
        () => createWorkLog(variables),
      ),
    retry: retryCreateOnNetworkError,
    // the work logs, the job's total hours and the lists that show them
    // (an entry kept in the outbox changes nothing on the server yet: the outbox refreshes them once it is sent)
    onSuccess: (result) =>
      isQueued(result) ? undefined : queryClient.invalidateQueries({ queryKey: repairJobKeys.all }),
  });
}
