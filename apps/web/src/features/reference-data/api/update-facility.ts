import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type UpdateFacilityInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { facilityKeys } from '../../../lib/query-keys';

export interface UpdateFacilityVariables {
  id: string;
  /** Carries the `version` that was edited; a stale one is refused with 409 STALE_VERSION. */
  input: UpdateFacilityInput;
}

/** `endpoints.facilities.update` */
export function useUpdateFacility() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: UpdateFacilityVariables) =>
      api(endpoints.facilities.update, { params: { id }, body: input }),
    onSuccess: (updated) => {
      queryClient.setQueryData(facilityKeys.detail(updated.id), updated);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: facilityKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: facilityKeys.options() }),
      ]);
    },
  });
}
