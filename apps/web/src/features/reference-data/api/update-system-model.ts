import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SystemModelResponse, UpdateSystemModelInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { systemModelKeys } from '../../../lib/query-keys';

export interface UpdateSystemModelVariables {
  id: string;
  /** Carries the `version` that was edited; a stale one is refused with 409 STALE_VERSION. */
  input: UpdateSystemModelInput;
}

/** PATCH /system-models/{id} */
export const updateSystemModel = ({ id, input }: UpdateSystemModelVariables) =>
  api.patch<SystemModelResponse>(`/system-models/${encodeURIComponent(id)}`, input);

export function useUpdateSystemModel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSystemModel,
    onSuccess: (updated) => {
      queryClient.setQueryData(systemModelKeys.detail(updated.id), updated);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: systemModelKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: systemModelKeys.options() }),
      ]);
    },
  });
}
