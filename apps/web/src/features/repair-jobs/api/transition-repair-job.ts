import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type RepairJobTransitionInput } from '@jv/contracts';
import { api, newIdempotencyKey } from '../../../lib/api-client';
import { endpointDraft } from '../../../lib/outbox-draft';
import { isQueued, sendOrQueue } from '../../../lib/outbox/runtime';
import { useOutboxUserId } from '../../../lib/outbox/use-outbox-entries';
import { cachedJobNumber } from './cached-job-number';
import { repairJobKeys, systemsRootKey } from './keys';

export interface TransitionRepairJobVariables {
  id: string;
  input: RepairJobTransitionInput;
}

/**
 * Moves a job. Refusals: 409 INVALID_TRANSITION (with `allowed`), FOUR_EYES, WORK_LOG_REQUIRED,
 * STALE_VERSION; 400 on `comment` when cancelling without one. Offline, or lost on the way, the move waits in the
 * outbox (`isQueued(result)`) with the job's version it was meant for: a job moved meanwhile by someone else
 * answers 409 there, next to the entry.
 */
export function useTransitionRepairJob() {
  const queryClient = useQueryClient();
  const userId = useOutboxUserId();
  return useMutation({
    // offline, TanStack would pause the mutation ("Saving…" for ever): run it, so that it is queued or refused
    networkMode: 'always',
    mutationFn: ({ id, input }: TransitionRepairJobVariables) => {
      // one key per move: a move whose answer was lost is replayed from the outbox, never made twice
      const idempotencyKey = newIdempotencyKey();
      return sendOrQueue(
        userId,
        endpointDraft(
          'jobMove',
          endpoints.repairJobs.transition,
          { params: { id }, body: input },
          { idempotencyKey, label: cachedJobNumber(queryClient, id), scope: { jobId: id } },
        ),
        () => api(endpoints.repairJobs.transition, { params: { id }, body: input }, { idempotencyKey }),
      );
    },
    onSettled: (moved) =>
      isQueued(moved)
        ? undefined
        : Promise.all([
            // on a refusal, too: the job may have moved on elsewhere and the buttons must follow
            queryClient.invalidateQueries({ queryKey: repairJobKeys.all }),
            // the system's status follows the job's
            queryClient.invalidateQueries({ queryKey: systemsRootKey }),
          ]),
  });
}
