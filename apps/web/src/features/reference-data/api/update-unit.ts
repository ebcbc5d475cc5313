import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type UpdateUnitInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { unitKeys } from '../../../lib/query-keys';

export interface UpdateUnitVariables {
  id: string;
  /** Carries the `version` that was edited; a stale one is refused with 409 STALE_VERSION. */
  input: UpdateUnitInput;
}

/** `endpoints.units.update` */
export function useUpdateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: UpdateUnitVariables) => api(endpoints.units.update, { params: { id }, body: input }),
    onSuccess: (updated) => {
      queryClient.setQueryData(unitKeys.detail(updated.id), updated);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: unitKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: unitKeys.options() }),
      ]);
    },
  });
}
