import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type ComponentRequestTransitionInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { componentRequestKeys, repairJobsRootKey } from './keys';

export interface TransitionComponentRequestVariables {
  id: string;
  input: ComponentRequestTransitionInput;
}

/**
 * Moves a request: submit, approve (with a supplier; 409 FOUR_EYES for its own requester), reject or
 * cancel (comment required), order, ship. Refusals: 409 INVALID_TRANSITION (with `allowed`), STALE_VERSION.
 */
export function useTransitionComponentRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: TransitionComponentRequestVariables) =>
      api(endpoints.componentRequests.transition, { params: { id }, body: input }),
    onSettled: () =>
      Promise.all([
        // on a refusal, too: the request may have moved on elsewhere and the buttons must follow
        queryClient.invalidateQueries({ queryKey: componentRequestKeys.all }),
        // a job's requests show their states
        queryClient.invalidateQueries({ queryKey: repairJobsRootKey }),
      ]),
  });
}
