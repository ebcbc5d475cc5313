import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type CreateFacilityInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { facilityKeys } from '../../../lib/query-keys';
import { retryCreateOnNetworkError } from '../../../lib/query-client';

export interface CreateFacilityVariables {
  input: CreateFacilityInput;
  idempotencyKey: string;
}

/** `endpoints.facilities.create`, sent with an Idempotency-Key, so a retried create never duplicates. */
export function useCreateFacility() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: CreateFacilityVariables) =>
      api(endpoints.facilities.create, { body: input }, { idempotencyKey }),
    retry: retryCreateOnNetworkError,
    onSuccess: (created) => {
      queryClient.setQueryData(facilityKeys.detail(created.id), created);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: facilityKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: facilityKeys.options() }),
      ]);
    },
  });
}
