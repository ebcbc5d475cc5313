import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatePartnerInput, PartnerResponse } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { partnerKeys } from '../../../lib/query-keys';
import { retryCreateOnNetworkError } from '../../../lib/query-client';

export interface CreatePartnerVariables {
  input: CreatePartnerInput;
  idempotencyKey: string;
}

/** POST /partners — sent with an Idempotency-Key, so a retried create never duplicates. */
export const createPartner = ({ input, idempotencyKey }: CreatePartnerVariables) =>
  api.post<PartnerResponse>('/partners', input, { idempotencyKey });

export function useCreatePartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPartner,
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
