import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateJointVentureInput, JointVentureResponse } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { jointVentureKeys } from '../../../lib/query-keys';
import { retryCreateOnNetworkError } from '../../../lib/query-client';

export interface CreateJointVentureVariables {
  input: CreateJointVentureInput;
  idempotencyKey: string;
}

/** POST /joint-ventures — sent with an Idempotency-Key, so a retried create never duplicates. */
export const createJointVenture = ({ input, idempotencyKey }: CreateJointVentureVariables) =>
  api.post<JointVentureResponse>('/joint-ventures', input, { idempotencyKey });

export function useCreateJointVenture() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createJointVenture,
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
