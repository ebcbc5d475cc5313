import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type CurrentUser, type LoginInput, type LoginMfaInput, type LoginResult } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { sessionKeys } from '../../../lib/query-keys';

/** The password step asked for the second factor: there is no session yet. */
export const isMfaChallenge = (result: LoginResult): result is { mfaRequired: true } =>
  'mfaRequired' in result && result.mfaRequired === true;

/**
 * `endpoints.auth.login`: sets the session cookie, or answers `{ mfaRequired: true }` (no session yet) for a
 * user with a second factor; 401 BAD_CREDENTIALS, 429 TOO_MANY_REQUESTS.
 */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => api(endpoints.auth.login, { body: input }),
    onSuccess: (result) => {
      // a different user may sign in on the same device: start from an empty query cache
      queryClient.removeQueries();
      if (!isMfaChallenge(result)) queryClient.setQueryData(sessionKeys.me(), result as CurrentUser);
    },
  });
}

/**
 * `endpoints.auth.loginMfa`: the second step, a TOTP code or a recovery code; sets the session cookie.
 * 401 MFA_CODE_INVALID (wrong or used) or MFA_NOT_STARTED (the password step expired), 429 TOO_MANY_REQUESTS.
 */
export function useLoginMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginMfaInput) => api(endpoints.auth.loginMfa, { body: input }),
    onSuccess: (user) => {
      queryClient.removeQueries();
      queryClient.setQueryData(sessionKeys.me(), user);
    },
  });
}
