import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ResetPasswordInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { userKeys } from '../../../lib/query-keys';

export interface ResetUserPasswordVariables {
  id: string;
  input: ResetPasswordInput;
}

/** POST /users/{id}/reset-password (admin) → 204; the user's sessions end. */
export const resetUserPassword = ({ id, input }: ResetUserPasswordVariables) =>
  api.post<void>(`/users/${encodeURIComponent(id)}/reset-password`, input);

export function useResetUserPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetUserPassword,
    onSuccess: (_data, { id }) => queryClient.invalidateQueries({ queryKey: userKeys.detail(id) }),
  });
}
