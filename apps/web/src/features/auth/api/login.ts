import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type LoginInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { sessionKeys } from '../../../lib/query-keys';

/** `endpoints.auth.login`: sets the session cookie; 401 BAD_CREDENTIALS, 429 TOO_MANY_REQUESTS. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => api(endpoints.auth.login, { body: input }),
    onSuccess: (user) => {
      // a different user may sign in on the same device: start from an empty query cache
      queryClient.removeQueries();
      queryClient.setQueryData(sessionKeys.me(), user);
    },
  });
}
