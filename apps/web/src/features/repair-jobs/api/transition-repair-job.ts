import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RepairJobResponse, RepairJobTransitionInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { repairJobKeys, systemsRootKey } from './keys';

export interface TransitionRepairJobVariables {
  id: string;
  input: RepairJobTransitionInput;
}

/**
 * POST /repair-jobs/{id}/transitions `{ to, comment, version, newBarrelSerial? }`. Refusals: 409
 * INVALID_TRANSITION (with `allowed`), FOUR_EYES, WORK_LOG_REQUIRED, STALE_VERSION; 400 on `comment`
 * when cancelling without one.
 */
export const transitionRepairJob = ({ id, input }: TransitionRepairJobVariables) =>
  api.post<RepairJobResponse>(`/repair-jobs/${encodeURIComponent(id)}/transitions`, input);

export function useTransitionRepairJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: transitionRepairJob,
    onSettled: () =>
      Promise.all([
        // on a refusal, too: the job may have moved on elsewhere and the buttons must follow
        queryClient.invalidateQueries({ queryKey: repairJobKeys.all }),
        // the system's status follows the job's
        queryClient.invalidateQueries({ queryKey: systemsRootKey }),
      ]),
  });
}
