import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUnitInput, UnitResponse } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { unitKeys } from '../../../lib/query-keys';
import { retryCreateOnNetworkError } from '../../../lib/query-client';

export interface CreateUnitVariables {
  input: CreateUnitInput;
  idempotencyKey: string;
}

/** POST /units — sent with an Idempotency-Key, so a retried create never duplicates. */
export const createUnit = ({ input, idempotencyKey }: CreateUnitVariables) =>
  api.post<UnitResponse>('/units', input, { idempotencyKey });

export function useCreateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUnit,
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
