import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateSystemInput, SystemResponse } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { retryCreateOnNetworkError } from '../../../lib/query-client';
import { systemKeys } from './system-keys';

export interface CreateSystemVariables {
  input: CreateSystemInput;
  idempotencyKey: string;
}

/** POST /systems (admin, logistics) — with an Idempotency-Key. */
export const createSystem = ({ input, idempotencyKey }: CreateSystemVariables) => api.post<SystemResponse>('/systems', input, { idempotencyKey });

export function useCreateSystem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSystem,
    retry: retryCreateOnNetworkError,
    onSuccess: (created) => {
      queryClient.setQueryData(systemKeys.detail(created.id), created);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: systemKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: [...systemKeys.all, 'readiness'] }),
      ]);
    },
  });
}
