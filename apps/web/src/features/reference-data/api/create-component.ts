import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type CreateComponentInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { componentKeys } from '../../../lib/query-keys';
import { retryCreateOnNetworkError } from '../../../lib/query-client';

export interface CreateComponentVariables {
  input: CreateComponentInput;
  idempotencyKey: string;
}

/** `endpoints.components.create`, sent with an Idempotency-Key, so a retried create never duplicates. */
export function useCreateComponent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: CreateComponentVariables) =>
      api(endpoints.components.create, { body: input }, { idempotencyKey }),
    retry: retryCreateOnNetworkError,
    onSuccess: (created) => {
      queryClient.setQueryData(componentKeys.detail(created.id), created);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: componentKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: componentKeys.options() }),
      ]);
    },
  });
}
