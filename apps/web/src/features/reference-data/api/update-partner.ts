import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type UpdatePartnerInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { partnerKeys } from '../../../lib/query-keys';

export interface UpdatePartnerVariables {
  id: string;
  /** Carries the `version` that was edited; a stale one is refused with 409 STALE_VERSION. */
  input: UpdatePartnerInput;
}

/** `endpoints.partners.update` */
export function useUpdatePartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: UpdatePartnerVariables) =>
      api(endpoints.partners.update, { params: { id }, body: input }),
    onSuccess: (updated) => {
      queryClient.setQueryData(partnerKeys.detail(updated.id), updated);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: partnerKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: partnerKeys.options() }),
      ]);
    },
  });
}
