import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CurrentUser, LoginInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { sessionKeys } from '../../../lib/query-keys';

/** POST /auth/login — sets the session cookie; 401 wrong credentials, 429 too many attempts. */
export const login = (input: LoginInput) => api.post<CurrentUser>('/auth/login', input);

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (user) => {
      // a different user may sign in on the same device: start from an empty query cache
      queryClient.removeQueries();
      queryClient.setQueryData(sessionKeys.me(), user);
    },
  });
}
