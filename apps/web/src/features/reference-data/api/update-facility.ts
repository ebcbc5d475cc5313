import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FacilityResponse, UpdateFacilityInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { facilityKeys } from '../../../lib/query-keys';

export interface UpdateFacilityVariables {
  id: string;
  /** Carries the `version` that was edited; a stale one is refused with 409 STALE_VERSION. */
  input: UpdateFacilityInput;
}

/** PATCH /facilities/{id} */
export const updateFacility = ({ id, input }: UpdateFacilityVariables) =>
  api.patch<FacilityResponse>(`/facilities/${encodeURIComponent(id)}`, input);

export function useUpdateFacility() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateFacility,
    onSuccess: (updated) => {
      queryClient.setQueryData(facilityKeys.detail(updated.id), updated);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: facilityKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: facilityKeys.options() }),
      ]);
    },
  });
}
