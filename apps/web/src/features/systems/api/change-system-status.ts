import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangeSystemStatusInput, SystemResponse } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { systemKeys } from './system-keys';

export interface ChangeSystemStatusVariables {
  id: string;
  /** `version` given: a stale one is refused with 409 STALE_VERSION. */
  input: ChangeSystemStatusInput;
}

/** POST /systems/{id}/status (admin, logistics; workshop at its facilities) — kept in the history with the reason. */
export const changeSystemStatus = ({ id, input }: ChangeSystemStatusVariables) =>
  api.post<SystemResponse>(`/systems/${encodeURIComponent(id)}/status`, input);

export function useChangeSystemStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeSystemStatus,
    onSuccess: (updated, { id }) => {
      // the new version at once, so a second change from the same page is not refused as stale
      if (updated && typeof updated === 'object' && 'version' in updated) queryClient.setQueryData(systemKeys.detail(id), updated);
      return Promise.all([
        // the detail and everything under it (history) are refetched, whatever the answer's shape
        queryClient.invalidateQueries({ queryKey: systemKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: systemKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: [...systemKeys.all, 'readiness'] }),
      ]);
    },
  });
}
