import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Translation } from '../i18n/uk';
import type { Option } from './form-fields';

export type EnumGroup = keyof Translation['enums'];

/** Translated labels of enum values (roles, facility kinds, oblasts, audit actions…). */
export function useEnumLabel() {
  const { t } = useTranslation();
  return useCallback(
    (group: EnumGroup, value: string | null | undefined): string => {
      if (value === null || value === undefined || value === '') return t('common.none');
      // the key is built from contract enums; unknown values fall back to the raw value
      const translate = t as unknown as (key: string, options: { defaultValue: string }) => string;
      return translate(`enums.${group}.${value}`, { defaultValue: value });
    },
    [t],
  );
}

export function useEnumOptions(group: EnumGroup, values: readonly string[]): Option[] {
  const label = useEnumLabel();
  return values.map((value) => ({ value, label: label(group, value) }));
}
