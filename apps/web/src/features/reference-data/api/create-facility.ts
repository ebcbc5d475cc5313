import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateFacilityInput, FacilityResponse } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { facilityKeys } from '../../../lib/query-keys';
import { retryCreateOnNetworkError } from '../../../lib/query-client';

export interface CreateFacilityVariables {
  input: CreateFacilityInput;
  idempotencyKey: string;
}

/** POST /facilities — sent with an Idempotency-Key, so a retried create never duplicates. */
export const createFacility = ({ input, idempotencyKey }: CreateFacilityVariables) =>
  api.post<FacilityResponse>('/facilities', input, { idempotencyKey });

export function useCreateFacility() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createFacility,
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
