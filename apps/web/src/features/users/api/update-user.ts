import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateUserInput, UserResponse } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { userKeys } from '../../../lib/query-keys';

export interface UpdateUserVariables {
  id: string;
  /** Carries the edited `version`; a stale one is refused with 409 STALE_VERSION. */
  input: UpdateUserInput;
}

/** PATCH /users/{id} (admin) — role, scope, locale, display name, active. */
export const updateUser = ({ id, input }: UpdateUserVariables) => api.patch<UserResponse>(`/users/${encodeURIComponent(id)}`, input);

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: (updated) => {
      queryClient.setQueryData(userKeys.detail(updated.id), updated);
      return queryClient.invalidateQueries({ queryKey: userKeys.lists() });
    },
  });
}
