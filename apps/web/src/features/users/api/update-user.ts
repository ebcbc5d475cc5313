import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type UpdateUserInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { userKeys } from '../../../lib/query-keys';

export interface UpdateUserVariables {
  id: string;
  /** Carries the edited `version`; a stale one is refused with 409 STALE_VERSION. */
  input: UpdateUserInput;
}

/** `endpoints.users.update` (admin): role, scope, locale, display name, active. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: UpdateUserVariables) => api(endpoints.users.update, { params: { id }, body: input }),
    onSuccess: (updated) => {
      queryClient.setQueryData(userKeys.detail(updated.id), updated);
      return queryClient.invalidateQueries({ queryKey: userKeys.lists() });
    },
  });
}
