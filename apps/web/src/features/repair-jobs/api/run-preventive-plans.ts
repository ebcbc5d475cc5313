import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { repairJobKeys, systemsRootKey } from './keys';

/** Runs the preventive scheduler now (admin): opens a `preventive` job for every system that is due. */
export const runPreventivePlans = () => api(endpoints.preventivePlans.run);

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
