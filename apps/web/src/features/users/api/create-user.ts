import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUserInput, UserResponse } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { userKeys } from '../../../lib/query-keys';
import { retryCreateOnNetworkError } from '../../../lib/query-client';

export interface CreateUserVariables {
  input: CreateUserInput;
  idempotencyKey: string;
}

/** POST /users (admin) — with an Idempotency-Key. */
export const createUser = ({ input, idempotencyKey }: CreateUserVariables) => api.post<UserResponse>('/users', input, { idempotencyKey });

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    retry: retryCreateOnNetworkError,
    onSuccess: (created) => {
      queryClient.setQueryData(userKeys.detail(created.id), created);
      return queryClient.invalidateQueries({ queryKey: userKeys.lists() });
    },
  });
}
