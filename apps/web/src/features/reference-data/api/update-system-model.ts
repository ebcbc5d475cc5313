import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type UpdateSystemModelInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { systemModelKeys } from '../../../lib/query-keys';

export interface UpdateSystemModelVariables {
  id: string;
  /** Carries the `version` that was edited; a stale one is refused with 409 STALE_VERSION. */
  input: UpdateSystemModelInput;
}

/** `endpoints.systemModels.update` */
export function useUpdateSystemModel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: UpdateSystemModelVariables) =>
      api(endpoints.systemModels.update, { params: { id }, body: input }),
    onSuccess: (updated) => {
      queryClient.setQueryData(systemModelKeys.detail(updated.id), updated);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: systemModelKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: systemModelKeys.options() }),
      ]);
    },
  });
}
