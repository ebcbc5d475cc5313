import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PreventivePlanResponse, UpdatePreventivePlanInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { preventivePlanKeys } from './keys';

export interface UpdatePreventivePlanVariables {
  id: string;
  /** Carries the loaded `version`; a stale one is refused with 409 STALE_VERSION. */
  input: UpdatePreventivePlanInput;
}

/** PATCH /preventive-plans/{id} (admin) */
export const updatePreventivePlan = ({ id, input }: UpdatePreventivePlanVariables) =>
  api.patch<PreventivePlanResponse>(`/preventive-plans/${encodeURIComponent(id)}`, input);

export function useUpdatePreventivePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePreventivePlan,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: preventivePlanKeys.all }),
  });
}
