import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UnitResponse, UpdateUnitInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { unitKeys } from '../../../lib/query-keys';

export interface UpdateUnitVariables {
  id: string;
  /** Carries the `version` that was edited; a stale one is refused with 409 STALE_VERSION. */
  input: UpdateUnitInput;
}

/** PATCH /units/{id} */
export const updateUnit = ({ id, input }: UpdateUnitVariables) =>
  api.patch<UnitResponse>(`/units/${encodeURIComponent(id)}`, input);

export function useUpdateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUnit,
    onSuccess: (updated) => {
      queryClient.setQueryData(unitKeys.detail(updated.id), updated);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: unitKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: unitKeys.options() }),
      ]);
    },
  });
}
