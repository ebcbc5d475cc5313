import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type CreateComponentRequestInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { endpointDraft } from '../../../lib/outbox-draft';
import { isQueued, sendOrQueue } from '../../../lib/outbox/runtime';
import { useOutboxUserId } from '../../../lib/outbox/use-outbox-entries';
import { retryCreateOnNetworkError } from '../../../lib/query-client';
import { componentRequestKeys, repairJobsRootKey } from './keys';

export interface CreateComponentRequestVariables {
  input: CreateComponentRequestInput;
  idempotencyKey: string;
  /** what the outbox shows while the request waits to be sent (the job's number) */
  label?: string;
}

/** Raises a draft request — with an Idempotency-Key (workshops have poor connections). */
export const createComponentRequest = ({ input, idempotencyKey }: CreateComponentRequestVariables) =>
  api(endpoints.componentRequests.create, { body: input }, { idempotencyKey });

/**
 * A request raised from a job (in the workshop) goes to the outbox when offline or lost on the way
 * (`isQueued(result)`); one raised from the office is the plain request, as before.
 */
export function useCreateComponentRequest() {
  const queryClient = useQueryClient();
  const userId = useOutboxUserId();
  return useMutation({
    // offline, the request is not held back (TanStack's default): it goes to the outbox and shows at once
    networkMode: 'always',
    mutationFn: (variables: CreateComponentRequestVariables) => {
      const { repairJobId, systemId } = variables.input;
      return sendOrQueue(
        repairJobId ? userId : undefined,
        endpointDraft(
          'componentRequest',
          endpoints.componentRequests.create,
          { body: variables.input },
          {
            idempotencyKey: variables.idempotencyKey,
            label: variables.label ?? '',
            scope: { jobId: repairJobId ?? undefined, systemId: systemId ?? undefined },
          },
        ),
        () => createComponentRequest(variables),
      );
    },
    retry: retryCreateOnNetworkError,
    onSuccess: (created) =>
      isQueued(created)
        ? undefined
        : Promise.all([
            queryClient.invalidateQueries({ queryKey: componentRequestKeys.all }),
            // the job lists its requests, and a new one means its parts are not ready
            queryClient.invalidateQueries({ queryKey: repairJobsRootKey }),
          ]),
  });
}
