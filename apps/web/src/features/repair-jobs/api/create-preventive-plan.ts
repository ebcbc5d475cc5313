import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type CreatePreventivePlanInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { retryCreateOnNetworkError } from '../../../lib/query-client';
import { preventivePlanKeys } from './keys';

export interface CreatePreventivePlanVariables {
  input: CreatePreventivePlanInput;
  idempotencyKey: string;
}

/** Adds a preventive plan (admin). */
export const createPreventivePlan = ({ input, idempotencyKey }: CreatePreventivePlanVariables) =>
  api(endpoints.preventivePlans.create, { body: input }, { idempotencyKey });

export function useCreatePreventivePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPreventivePlan,
    retry: retryCreateOnNetworkError,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: preventivePlanKeys.all }),
  });
}
