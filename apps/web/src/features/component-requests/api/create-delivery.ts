import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type CreateDeliveryInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { retryCreateOnNetworkError } from '../../../lib/query-client';
import { componentRequestKeys, repairJobsRootKey } from './keys';

export interface CreateDeliveryVariables {
  requestId: string;
  input: CreateDeliveryInput;
  idempotencyKey: string;
}

/**
 * Records a delivery received on an ordered or shipped request (with an Idempotency-Key). More than
 * remains: 409 OVER_DELIVERY with `remaining`.
 */
export const createDelivery = ({ requestId, input, idempotencyKey }: CreateDeliveryVariables) =>
  api(endpoints.componentRequests.createDelivery, { params: { id: requestId }, body: input }, { idempotencyKey });

export function useCreateDelivery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createDelivery,
    retry: retryCreateOnNetworkError,
    onSettled: () =>
      Promise.all([
        // delivered and remaining quantities, and the request's state once it is complete
        queryClient.invalidateQueries({ queryKey: componentRequestKeys.all }),
        // the last delivery makes the linked job's parts ready
        queryClient.invalidateQueries({ queryKey: repairJobsRootKey }),
      ]),
  });
}
