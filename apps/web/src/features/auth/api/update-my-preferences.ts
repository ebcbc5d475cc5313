import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type UpdateMyPreferencesInput } from '@jv/contracts';
import { currentUiLocale, setUiLocale } from '../../../i18n/i18n';
import { api } from '../../../lib/api-client';
import { sessionKeys } from '../../../lib/query-keys';

/** `endpoints.auth.updatePreferences`: the UI switches at once and goes back if the server refuses. */
export function useUpdateMyPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateMyPreferencesInput) => api(endpoints.auth.updatePreferences, { body: input }),
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
