import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type CreateJointVentureInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { jointVentureKeys } from '../../../lib/query-keys';
import { retryCreateOnNetworkError } from '../../../lib/query-client';

export interface CreateJointVentureVariables {
  input: CreateJointVentureInput;
  idempotencyKey: string;
}

/** `endpoints.jointVentures.create`, sent with an Idempotency-Key, so a retried create never duplicates. */
export function useCreateJointVenture() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: CreateJointVentureVariables) =>
      api(endpoints.jointVentures.create, { body: input }, { idempotencyKey }),
    retry: retryCreateOnNetworkError,
    onSuccess: (created) => {
      queryClient.setQueryData(jointVentureKeys.detail(created.id), created);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: jointVentureKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: jointVentureKeys.options() }),
      ]);
    },
  });
}
