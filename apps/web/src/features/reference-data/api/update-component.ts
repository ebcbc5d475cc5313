import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type UpdateComponentInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { componentKeys } from '../../../lib/query-keys';

export interface UpdateComponentVariables {
  id: string;
  /** Carries the `version` that was edited; a stale one is refused with 409 STALE_VERSION. */
  input: UpdateComponentInput;
}

/** `endpoints.components.update` */
export function useUpdateComponent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: UpdateComponentVariables) =>
      api(endpoints.components.update, { params: { id }, body: input }),
    onSuccess: (updated) => {
      queryClient.setQueryData(componentKeys.detail(updated.id), updated);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: componentKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: componentKeys.options() }),
      ]);
    },
  });
}
