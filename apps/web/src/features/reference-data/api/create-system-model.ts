import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateSystemModelInput, SystemModelResponse } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { systemModelKeys } from '../../../lib/query-keys';
import { retryCreateOnNetworkError } from '../../../lib/query-client';

export interface CreateSystemModelVariables {
  input: CreateSystemModelInput;
  idempotencyKey: string;
}

/** POST /system-models — sent with an Idempotency-Key, so a retried create never duplicates. */
export const createSystemModel = ({ input, idempotencyKey }: CreateSystemModelVariables) =>
  api.post<SystemModelResponse>('/system-models', input, { idempotencyKey });

export function useCreateSystemModel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSystemModel,
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
