import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type CreateRepairJobInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { retryCreateOnNetworkError } from '../../../lib/query-client';
import { repairJobKeys, systemsRootKey } from './keys';

export interface CreateRepairJobVariables {
  input: CreateRepairJobInput;
  idempotencyKey: string;
}

/** Opens a job — with an Idempotency-Key (workshops have poor connections). */
export const createRepairJob = ({ input, idempotencyKey }: CreateRepairJobVariables) =>
  api(endpoints.repairJobs.create, { body: input }, { idempotencyKey });

export function useCreateRepairJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRepairJob,
    retry: retryCreateOnNetworkError,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: repairJobKeys.all }),
        // opening a job moves the system to in_repair
        queryClient.invalidateQueries({ queryKey: systemsRootKey }),
      ]),
  });
}
