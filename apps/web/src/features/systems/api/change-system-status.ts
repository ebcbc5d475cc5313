import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type ChangeSystemStatusInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { systemKeys } from './system-keys';

export interface ChangeSystemStatusVariables {
  id: string;
  /** `version` given: a stale one is refused with 409 STALE_VERSION. */
  input: ChangeSystemStatusInput;
}

/**
 * Changes the status with a reason (`endpoints.systems.changeStatus`; admin, logistics; workshop at its
 * facilities) — kept in the history.
 */
export const changeSystemStatus = ({ id, input }: ChangeSystemStatusVariables) =>
  api(endpoints.systems.changeStatus, { params: { id }, body: input });

export function useChangeSystemStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeSystemStatus,
    onSuccess: (updated, { id }) => {
      // the new version at once, so a second change from the same page is not refused as stale
      queryClient.setQueryData(systemKeys.detail(id), updated);
      return Promise.all([
        // the detail and everything under it (history) are refetched
        queryClient.invalidateQueries({ queryKey: systemKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: systemKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: [...systemKeys.all, 'readiness'] }),
      ]);
    },
  });
}
