import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadinessClass, SystemStatus } from '@jv/domain';
import { formatPercent, useFormatters } from '../../../lib/format';

/**
 * Translated labels of system statuses and readiness classes, the wear bar's texts, and percent formatting in the
 * user's locale. A list's rows take them from here rather than each calling `useTranslation` and `t`: fifty rows
 * asked i18next for the same few texts some two hundred times per render.
 */
export function useSystemLabels() {
  const { t } = useTranslation();
  const { locale } = useFormatters();
  return useMemo(() => {
    // each text asked for once per language (a new `t` makes a new object)
    const texts = new Map<string, string>();
    const once = (key: string, text: () => string) => {
      let value = texts.get(key);
      if (value === undefined) {
        value = text();
        texts.set(key, value);
      }
      return value;
    };
    return {
      status: (status: SystemStatus) => once(`status.${status}`, () => t(`systems.status.${status}`)),
      readiness: (cls: ReadinessClass | null) =>
        once(`readiness.${cls}`, () => t(`systems.readiness.${cls ?? 'none'}`)),
      readinessLong: (cls: ReadinessClass | null) =>
        once(`readinessLong.${cls}`, () => t(`systems.readinessLong.${cls ?? 'none'}`)),
      /** the wear bar's name, and what it adds when the barrel is flagged (over 80 %) */
      wear: t('systems.fields.barrelWear'),
      wearFlagged: t('systems.detail.wearFlagged'),
      /** 0.823 → "82,3%" (uk) / "82.3%" (en) */
      percent: (ratio: number | null | undefined) =>
        ratio === null || ratio === undefined ? '—' : formatPercent(locale, ratio),
    };
  }, [t, locale]);
}

export type SystemLabels = ReturnType<typeof useSystemLabels>;
