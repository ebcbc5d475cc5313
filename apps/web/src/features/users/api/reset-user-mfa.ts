import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { userKeys } from '../../../lib/query-keys';

/** `endpoints.users.resetMfa` (admin) → 204: the user's second factor and recovery codes go, sessions end. */
export function useResetUserMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(endpoints.users.resetMfa, { params: { id } }),
    onSuccess: (_data, id) => queryClient.invalidateQueries({ queryKey: userKeys.detail(id) }),
  });
}
