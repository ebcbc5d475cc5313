import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type CreateRepairJobInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { endpointDraft } from '../../../lib/outbox-draft';
import { isQueued, sendOrQueue } from '../../../lib/outbox/runtime';
import { useOutboxUserId } from '../../../lib/outbox/use-outbox-entries';
import { retryCreateOnNetworkError } from '../../../lib/query-client';
import { repairJobKeys, systemsRootKey } from './keys';

export interface CreateRepairJobVariables {
  input: CreateRepairJobInput;
  idempotencyKey: string;
  /** what the outbox shows while the job waits to be sent (the system's serial) */
  label?: string;
}

/** Opens a job — with an Idempotency-Key (workshops have poor connections). */
export const createRepairJob = ({ input, idempotencyKey }: CreateRepairJobVariables) =>
  api(endpoints.repairJobs.create, { body: input }, { idempotencyKey });

/**
 * Offline, or lost on the way: kept in the outbox with its key (`isQueued(result)`); the job has no number and no
 * page until the server answers, so the outbox shows it meanwhile.
 */
export function useCreateRepairJob() {
  const queryClient = useQueryClient();
  const userId = useOutboxUserId();
  return useMutation({
    // offline, the request is not held back (TanStack's default): it goes to the outbox and shows at once
    networkMode: 'always',
    mutationFn: (variables: CreateRepairJobVariables) =>
      sendOrQueue(
        userId,
        endpointDraft(
          'newJob',
          endpoints.repairJobs.create,
          { body: variables.input },
          {
            idempotencyKey: variables.idempotencyKey,
            label: variables.label ?? '',
            scope: { systemId: variables.input.systemId },
          },
        ),
        () => createRepairJob(variables),
      ),
    retry: retryCreateOnNetworkError,
    onSuccess: (created) =>
      isQueued(created)
        ? undefined
        : Promise.all([
            queryClient.invalidateQueries({ queryKey: repairJobKeys.all }),
            // opening a job moves the system to in_repair
            queryClient.invalidateQueries({ queryKey: systemsRootKey }),
          ]),
  });
}
