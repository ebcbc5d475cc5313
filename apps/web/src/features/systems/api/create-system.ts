import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type CreateSystemInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { retryCreateOnNetworkError } from '../../../lib/query-client';
import { systemKeys } from './system-keys';

export interface CreateSystemVariables {
  input: CreateSystemInput;
  idempotencyKey: string;
}

/** Registers a system (`endpoints.systems.create`; admin, logistics) — with an Idempotency-Key. */
export const createSystem = ({ input, idempotencyKey }: CreateSystemVariables) =>
  api(endpoints.systems.create, { body: input }, { idempotencyKey });

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
