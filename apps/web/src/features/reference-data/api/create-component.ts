import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateComponentInput, ComponentResponse } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { componentKeys } from '../../../lib/query-keys';
import { retryCreateOnNetworkError } from '../../../lib/query-client';

export interface CreateComponentVariables {
  input: CreateComponentInput;
  idempotencyKey: string;
}

/** POST /components — sent with an Idempotency-Key, so a retried create never duplicates. */
export const createComponent = ({ input, idempotencyKey }: CreateComponentVariables) =>
  api.post<ComponentResponse>('/components', input, { idempotencyKey });

export function useCreateComponent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createComponent,
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
