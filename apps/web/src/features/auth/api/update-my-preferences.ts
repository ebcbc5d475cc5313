import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CurrentUser, UpdateMyPreferencesInput } from '@jv/contracts';
import { currentUiLocale, setUiLocale } from '../../../i18n/i18n';
import { api } from '../../../lib/api-client';
import { sessionKeys } from '../../../lib/query-keys';

/** PATCH /auth/me/preferences — the UI switches at once and goes back if the server refuses. */
export const updateMyPreferences = (input: UpdateMyPreferencesInput) =>
  api.patch<CurrentUser>('/auth/me/preferences', input);

export function useUpdateMyPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMyPreferences,
    onMutate: (input) => {
      const previous = currentUiLocale();
      setUiLocale(input.locale);
      return { previous };
    },
    onError: (_error, _input, context) => {
      if (context) setUiLocale(context.previous);
    },
    onSuccess: (user) => {
      queryClient.setQueryData(sessionKeys.me(), user);
    },
  });
}
