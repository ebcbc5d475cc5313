import { useCallback } from 'react';
import type { FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

/**
 * The message of an EFC field (decimals allowed, two places at most) when it holds no number or too
 * many decimals. Without it, a number input that is empty or not a number says "enter a whole number"
 * (the shared `validation.number`, right for counts such as rounds, wrong for EFC).
 */
export function useEfcMessage() {
  const { t } = useTranslation();
  return useCallback(
    (error: FieldError | undefined): string | undefined =>
      error && (error.type === 'invalid_type' || error.type === 'not_multiple_of')
        ? t('systems.validation.efcNumber')
        : undefined,
    [t],
  );
}
