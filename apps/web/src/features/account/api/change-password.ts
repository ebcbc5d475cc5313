import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type ChangePasswordInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { sessionKeys } from '../../../lib/query-keys';

/**
 * `endpoints.auth.changePassword` → 204; other sessions end. Refused fields: currentPassword password_wrong,
 * newPassword password_unchanged / password_breached. The signed-in user is read again (setupRequired).
 */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangePasswordInput) => api(endpoints.auth.changePassword, { body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKeys.me() }),
  });
}
