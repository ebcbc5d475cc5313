import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type RepairJobTransitionInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { repairJobKeys, systemsRootKey } from './keys';

export interface TransitionRepairJobVariables {
  id: string;
  input: RepairJobTransitionInput;
}

/**
 * Moves a job. Refusals: 409 INVALID_TRANSITION (with `allowed`), FOUR_EYES, WORK_LOG_REQUIRED,
 * STALE_VERSION; 400 on `comment` when cancelling without one.
 */
export function useTransitionRepairJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: TransitionRepairJobVariables) =>
      api(endpoints.repairJobs.transition, { params: { id }, body: input }),
    onSettled: () =>
      Promise.all([
        // on a refusal, too: the job may have moved on elsewhere and the buttons must follow
        queryClient.invalidateQueries({ queryKey: repairJobKeys.all }),
        // the system's status follows the job's
        queryClient.invalidateQueries({ queryKey: systemsRootKey }),
      ]),
  });
}
