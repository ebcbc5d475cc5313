import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type CreateUserInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { userKeys } from '../../../lib/query-keys';
import { retryCreateOnNetworkError } from '../../../lib/query-client';

export interface CreateUserVariables {
  input: CreateUserInput;
  idempotencyKey: string;
}

/** `endpoints.users.create` (admin), sent with an Idempotency-Key, so a retried create never duplicates. */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: CreateUserVariables) =>
      api(endpoints.users.create, { body: input }, { idempotencyKey }),
    retry: retryCreateOnNetworkError,
    onSuccess: (created) => {
      queryClient.setQueryData(userKeys.detail(created.id), created);
      return queryClient.invalidateQueries({ queryKey: userKeys.lists() });
    },
  });
}
