import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type CreateSystemModelInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { systemModelKeys } from '../../../lib/query-keys';
import { retryCreateOnNetworkError } from '../../../lib/query-client';

export interface CreateSystemModelVariables {
  input: CreateSystemModelInput;
  idempotencyKey: string;
}

/** `endpoints.systemModels.create`, sent with an Idempotency-Key, so a retried create never duplicates. */
export function useCreateSystemModel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: CreateSystemModelVariables) =>
      api(endpoints.systemModels.create, { body: input }, { idempotencyKey }),
    retry: retryCreateOnNetworkError,
    onSuccess: (created) => {
      queryClient.setQueryData(systemModelKeys.detail(created.id), created);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: systemModelKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: systemModelKeys.options() }),
      ]);
    },
  });
}
