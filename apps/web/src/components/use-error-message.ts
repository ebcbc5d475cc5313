import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, STALE_VERSION_CODE } from '../lib/api-client';
import { uk } from '../i18n/uk';

/** Domain error codes the API sends (docs/api.md) that have a sentence of their own in both languages. */
type KnownCode = keyof (typeof uk)['errors']['codes'];
const isKnownCode = (code: string | undefined): code is KnownCode => !!code && Object.hasOwn(uk.errors.codes, code);

/** A translated, human sentence for any error thrown by the API client. */
export function useErrorMessage() {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown): string => {
      if (!isApiError(error)) return t('errors.generic');
      if (error.isNetworkError) return t('errors.network');
      if (isKnownCode(error.code)) return t(`errors.codes.${error.code}`);
      switch (error.status) {
        case 400:
          return t('errors.validation');
        case 403:
          return t('errors.forbidden');
        case 404:
          return t('errors.notFound');
        case 409:
          if (error.code === STALE_VERSION_CODE) return t('errors.staleVersion');
          return error.detail ?? t('errors.conflict');
        case 429:
          return t('errors.tooManyRequests');
        default:
          return error.status >= 500 ? t('errors.server') : (error.detail ?? t('errors.generic'));
      }
    },
    [t],
  );
}
