import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../components/use-error-message';
import { isApiError } from '../../../lib/api-client';

/**
 * The sentence for a refused sign-in step: wrong credentials, a wrong second-factor code, or 429 with how long
 * to wait (seconds under a minute, else whole minutes, in the language's plural forms), worded from the error's code.
 */
export function useSignInErrorMessage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  return useCallback(
    (error: unknown): string => {
      if (!isApiError(error)) return errorMessage(error);
      if (error.code === 'BAD_CREDENTIALS' || (error.status === 401 && !error.code)) return t('auth.wrongCredentials');
      if (error.status === 429) {
        const seconds = Number(error.params['retryAfterSeconds']);
        if (!Number.isFinite(seconds) || seconds <= 0) return t('auth.tooManyAttempts');
        if (seconds < 60) return t('auth.waitSeconds', { count: Math.ceil(seconds) });
        return t('auth.waitMinutes', { count: Math.ceil(seconds / 60) });
      }
      return errorMessage(error);
    },
    [t, errorMessage],
  );
}
