import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from '../../../lib/api-client';

/** `endpoints.auth.logout` → 204; the cache is cleared whatever the answer, so no data outlives the session. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api(endpoints.auth.logout),
    onSettled: () => queryClient.removeQueries(),
  });
}
