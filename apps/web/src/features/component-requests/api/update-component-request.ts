import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type ComponentRequestDetail, type UpdateComponentRequestInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { componentRequestKeys, repairJobsRootKey } from './keys';

export interface UpdateComponentRequestVariables {
  id: string;
  /**
   * Carries the loaded `version`: a stale one is refused with 409 STALE_VERSION, a request that is no
   * longer a draft with 409 REQUEST_LOCKED.
   */
  input: UpdateComponentRequestInput;
}

/** Changes a draft request: quantity, priority, needed by, justification. */
export const updateComponentRequest = ({ id, input }: UpdateComponentRequestVariables) =>
  api(endpoints.componentRequests.update, { params: { id }, body: input });

export function useUpdateComponentRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateComponentRequest,
    onSuccess: (updated) => {
      // the detail keeps its transitions, deliveries and linked job; the request's own fields come at once
      queryClient.setQueryData<ComponentRequestDetail>(componentRequestKeys.detail(updated.id), (old) =>
        old ? { ...old, ...updated } : old,
      );
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: componentRequestKeys.all }),
        // a job lists its requests' quantities and needed-by dates
        queryClient.invalidateQueries({ queryKey: repairJobsRootKey }),
      ]);
    },
  });
}
