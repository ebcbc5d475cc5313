import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type UpdateSystemInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { systemKeys } from './system-keys';

export interface UpdateSystemVariables {
  id: string;
  /** Carries the edited `version`; a stale one is refused with 409 STALE_VERSION. */
  input: UpdateSystemInput;
}

/**
 * Changes a system (`endpoints.systems.update`; admin, logistics) — serial, donor, unit, facility,
 * barrel serial, notes.
 */
export const updateSystem = ({ id, input }: UpdateSystemVariables) =>
  api(endpoints.systems.update, { params: { id }, body: input });

export function useUpdateSystem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSystem,
    onSuccess: (updated) => {
      queryClient.setQueryData(systemKeys.detail(updated.id), updated);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: systemKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: systemKeys.history(updated.id) }),
        queryClient.invalidateQueries({ queryKey: [...systemKeys.all, 'readiness'] }),
      ]);
    },
  });
}
