import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { JointVentureResponse, UpdateJointVentureInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { jointVentureKeys } from '../../../lib/query-keys';

export interface UpdateJointVentureVariables {
  id: string;
  /** Carries the `version` that was edited; a stale one is refused with 409 STALE_VERSION. */
  input: UpdateJointVentureInput;
}

/** PATCH /joint-ventures/{id} */
export const updateJointVenture = ({ id, input }: UpdateJointVentureVariables) =>
  api.patch<JointVentureResponse>(`/joint-ventures/${encodeURIComponent(id)}`, input);

export function useUpdateJointVenture() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateJointVenture,
    onSuccess: (updated) => {
      queryClient.setQueryData(jointVentureKeys.detail(updated.id), updated);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: jointVentureKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: jointVentureKeys.options() }),
      ]);
    },
  });
}
