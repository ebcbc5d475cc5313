import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type ResetPasswordInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { userKeys } from '../../../lib/query-keys';

export interface ResetUserPasswordVariables {
  id: string;
  input: ResetPasswordInput;
}

/** `endpoints.users.resetPassword` (admin) → 204; the user's sessions end. */
export function useResetUserPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: ResetUserPasswordVariables) =>
      api(endpoints.users.resetPassword, { params: { id }, body: input }),
    onSuccess: (_data, { id }) => queryClient.invalidateQueries({ queryKey: userKeys.detail(id) }),
  });
}
