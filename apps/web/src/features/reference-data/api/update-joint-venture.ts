import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type UpdateJointVentureInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { jointVentureKeys } from '../../../lib/query-keys';

export interface UpdateJointVentureVariables {
  id: string;
  /** Carries the `version` that was edited; a stale one is refused with 409 STALE_VERSION. */
  input: UpdateJointVentureInput;
}

/** `endpoints.jointVentures.update` */
export function useUpdateJointVenture() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: UpdateJointVentureVariables) =>
      api(endpoints.jointVentures.update, { params: { id }, body: input }),
    onSuccess: (updated) => {
      queryClient.setQueryData(jointVentureKeys.detail(updated.id), updated);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: jointVentureKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: jointVentureKeys.options() }),
      ]);
    },
  });
}
