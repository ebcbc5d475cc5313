import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notification } from '@jv/contracts';
import type { NotificationSubject } from '@jv/domain';
import { useFormatters } from '../../../lib/format';

/** The page of the record a notification is about. */
const SUBJECT_PATHS: Record<NotificationSubject, (id: string) => string> = {
  component_request: (id) => `/component-requests/${id}`,
  repair_job: (id) => `/repair-jobs/${id}`,
  partner_report: (id) => `/partner-reports/${id}`,
  cohort: (id) => `/training/cohorts/${id}`,
};

export const notificationHref = (n: Pick<Notification, 'subjectType' | 'subjectId'>) =>
  SUBJECT_PATHS[n.subjectType](n.subjectId);

const PARAM_NAMES = ['requestNumber', 'jobNumber', 'partnerCode', 'period', 'cohortCode', 'startsOn'] as const;

/**
 * A notification as a sentence in the UI language, from its kind and parameters
 * ("Звіт для LV за 2026-Q3 очікує вашого затвердження"); a missing parameter reads as a dash.
 */
export function useNotificationSentence() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return useCallback(
    (n: Pick<Notification, 'kind' | 'params'>): string => {
      const values: Record<string, string> = {};
      for (const name of PARAM_NAMES) {
        const value = n.params[name];
        values[name] = value === undefined || value === '' ? '—' : String(value);
      }
      if (typeof n.params['startsOn'] === 'string') values['startsOn'] = fmt.date(n.params['startsOn']);
      // the sentences name different parameters per kind; every one of them is given
      const sentence = t as unknown as (key: string, options: Record<string, string>) => string;
      return sentence(`notifications.kind.${n.kind}`, values);
    },
    [t, fmt],
  );
}
