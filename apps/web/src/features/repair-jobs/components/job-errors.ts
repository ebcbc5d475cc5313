import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '../../../lib/api-client';

const JOB_NUMBER = /RJ-\d{4}-\d{5}/;

/**
 * The API's repair-job refusals in the user's language: the same ApiError with a translated `detail`,
 * so the shared form banner shows it. Other errors pass through unchanged.
 */
export function useLocalizedJobError() {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown): unknown => {
      const problem = isApiError(error) ? error.problem : undefined;
      if (!isApiError(error) || !problem) return error;
      const translated = (detail: string) => new ApiError(error.status, { ...problem, detail }, detail);
      switch (error.code) {
        case 'OPEN_JOB_EXISTS':
          return translated(t('repairJobs.errors.openJobExists', { number: error.detail?.match(JOB_NUMBER)?.[0] ?? '' }).replace(/\s+\./, '.'));
        case 'SYSTEM_NOT_REPAIRABLE':
          return translated(t('repairJobs.errors.systemNotRepairable'));
        case 'JOB_CLOSED':
          return translated(t('repairJobs.errors.jobClosed'));
        default:
          return error;
      }
    },
    [t],
  );
}
