import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type CreateComponentRequestInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { retryCreateOnNetworkError } from '../../../lib/query-client';
import { componentRequestKeys, repairJobsRootKey } from './keys';

export interface CreateComponentRequestVariables {
  input: CreateComponentRequestInput;
  idempotencyKey: string;
}

/** Raises a draft request — with an Idempotency-Key (workshops have poor connections). */
export const createComponentRequest = ({ input, idempotencyKey }: CreateComponentRequestVariables) =>
  api(endpoints.componentRequests.create, { body: input }, { idempotencyKey });

export function useCreateComponentRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createComponentRequest,
    retry: retryCreateOnNetworkError,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: componentRequestKeys.all }),
        // the job lists its requests, and a new one means its parts are not ready
        queryClient.invalidateQueries({ queryKey: repairJobsRootKey }),
      ]),
  });
}
