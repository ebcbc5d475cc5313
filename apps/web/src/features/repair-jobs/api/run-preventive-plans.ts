import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PreventiveRunResult } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { repairJobKeys, systemsRootKey } from './keys';

/** POST /preventive-plans/run (admin) — opens a `preventive` job for every system that is due. */
export const runPreventivePlans = () => api.post<PreventiveRunResult>('/preventive-plans/run');

export function useRunPreventivePlans() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runPreventivePlans,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: repairJobKeys.all }),
        queryClient.invalidateQueries({ queryKey: systemsRootKey }),
      ]),
  });
}
