import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type CreatePartnerInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { partnerKeys } from '../../../lib/query-keys';
import { retryCreateOnNetworkError } from '../../../lib/query-client';

export interface CreatePartnerVariables {
  input: CreatePartnerInput;
  idempotencyKey: string;
}

/** `endpoints.partners.create`, sent with an Idempotency-Key, so a retried create never duplicates. */
export function useCreatePartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: CreatePartnerVariables) =>
      api(endpoints.partners.create, { body: input }, { idempotencyKey }),
    retry: retryCreateOnNetworkError,
    onSuccess: (created) => {
      queryClient.setQueryData(partnerKeys.detail(created.id), created);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: partnerKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: partnerKeys.options() }),
      ]);
    },
  });
}
