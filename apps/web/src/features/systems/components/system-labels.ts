import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadinessClass, SystemStatus } from '@jv/domain';
import { formatPercent, useFormatters } from '../../../lib/format';

/** Translated labels of system statuses and readiness classes, and percent formatting in the user's locale. */
export function useSystemLabels() {
  const { t } = useTranslation();
  const { locale } = useFormatters();
  return useMemo(
    () => ({
      status: (status: SystemStatus) => t(`systems.status.${status}`),
      readiness: (cls: ReadinessClass | null) => (cls ? t(`systems.readiness.${cls}`) : t('systems.readiness.none')),
      readinessLong: (cls: ReadinessClass | null) =>
        cls ? t(`systems.readinessLong.${cls}`) : t('systems.readinessLong.none'),
      /** 0.823 → "82,3%" (uk) / "82.3%" (en) */
      percent: (ratio: number | null | undefined) =>
        ratio === null || ratio === undefined ? '—' : formatPercent(locale, ratio),
    }),
    [t, locale],
  );
}

export type SystemLabels = ReturnType<typeof useSystemLabels>;
