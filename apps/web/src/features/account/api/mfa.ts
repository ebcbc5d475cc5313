import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type TotpConfirmInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { sessionKeys } from '../../../lib/query-keys';

/** `endpoints.auth.totpSetup`: a new secret and its otpauth URL, not active until confirmed. */
export function useTotpSetup() {
  return useMutation({ mutationFn: () => api(endpoints.auth.totpSetup) });
}

/**
 * `endpoints.auth.totpConfirm`: the first code turns the second factor on and answers the ten recovery codes
 * (shown once); the signed-in user is read again (mfaEnrolled, setupRequired).
 */
export function useTotpConfirm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TotpConfirmInput) => api(endpoints.auth.totpConfirm, { body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKeys.me() }),
  });
}
