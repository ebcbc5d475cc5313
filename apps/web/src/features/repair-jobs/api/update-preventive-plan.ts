import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type UpdatePreventivePlanInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { preventivePlanKeys } from './keys';

export interface UpdatePreventivePlanVariables {
  id: string;
  /** Carries the loaded `version`; a stale one is refused with 409 STALE_VERSION. */
  input: UpdatePreventivePlanInput;
}

/** Changes a preventive plan (admin). */
export const updatePreventivePlan = ({ id, input }: UpdatePreventivePlanVariables) =>
  api(endpoints.preventivePlans.update, { params: { id }, body: input });

export function useUpdatePreventivePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePreventivePlan,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: preventivePlanKeys.all }),
  });
}
