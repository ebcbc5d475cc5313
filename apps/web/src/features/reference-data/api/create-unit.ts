import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type CreateUnitInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { unitKeys } from '../../../lib/query-keys';
import { retryCreateOnNetworkError } from '../../../lib/query-client';

export interface CreateUnitVariables {
  input: CreateUnitInput;
  idempotencyKey: string;
}

/** `endpoints.units.create`, sent with an Idempotency-Key, so a retried create never duplicates. */
export function useCreateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: CreateUnitVariables) =>
      api(endpoints.units.create, { body: input }, { idempotencyKey }),
    retry: retryCreateOnNetworkError,
    onSuccess: (created) => {
      queryClient.setQueryData(unitKeys.detail(created.id), created);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: unitKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: unitKeys.options() }),
      ]);
    },
  });
}
