import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldMessage } from '../lib/messages';

/** A translated sentence for any error thrown by the API client (its code and parameters). */
export function useErrorMessage() {
  const { t } = useTranslation();
  return useCallback((error: unknown): string => errorMessage(t, error), [t]);
}

/** A translated sentence for one server field error `{ code, params }`. */
export function useFieldMessage() {
  const { t } = useTranslation();
  return useCallback((e: { code: string; params?: Record<string, unknown> }): string => fieldMessage(t, e), [t]);
}
