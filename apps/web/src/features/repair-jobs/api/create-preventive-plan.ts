import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatePreventivePlanInput, PreventivePlanResponse } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { retryCreateOnNetworkError } from '../../../lib/query-client';
import { preventivePlanKeys } from './keys';

export interface CreatePreventivePlanVariables {
  input: CreatePreventivePlanInput;
  idempotencyKey: string;
}

/** POST /preventive-plans (admin) */
export const createPreventivePlan = ({ input, idempotencyKey }: CreatePreventivePlanVariables) =>
  api.post<PreventivePlanResponse>('/preventive-plans', input, { idempotencyKey });

export function useCreatePreventivePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPreventivePlan,
    retry: retryCreateOnNetworkError,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: preventivePlanKeys.all }),
  });
}
