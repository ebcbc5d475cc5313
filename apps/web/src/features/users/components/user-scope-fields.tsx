import { Controller, type Control, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Role } from '@jv/contracts';
import { CheckboxListField, firstError, SelectField } from '../../../components/form-fields';
import { facilityLabel, partnerLabel, useFacilityOptions, usePartnerOptions } from '../../../lib/lookups';

interface ScopeValues {
  facilityIds?: string[];
  partnerId?: string | null;
}

/**
 * Per-object scope of a user: facilities for a workshop user, the partner country for a partner user.
 * Only the part that the chosen role needs is shown (and loaded).
 */
export function UserScopeFields({
  role,
  control,
  errors,
}: {
  role: Role | undefined;
  control: Control<ScopeValues>;
  errors: FieldErrors<ScopeValues>;
}) {
  const { t } = useTranslation();
  const facilities = useFacilityOptions(role === 'workshop');
  const partners = usePartnerOptions(role === 'partner');

  if (role === 'workshop') {
    return (
      <Controller
        control={control}
        name="facilityIds"
        render={({ field }) => (
          <CheckboxListField
            label={t('users.facilities')}
            required
            name={field.name}
            options={(facilities.data ?? []).map((f) => ({ value: f.id, label: facilityLabel(f) }))}
            value={field.value ?? []}
            onChange={field.onChange}
            onBlur={field.onBlur}
            error={firstError(errors.facilityIds)}
            customMessage={t('validation.facilitiesRequired')}
          />
        )}
      />
    );
  }
  if (role === 'partner') {
    return (
      <Controller
        control={control}
        name="partnerId"
        render={({ field }) => (
          <SelectField
            label={t('users.partner')}
            required
            placeholder={t('common.notSelected')}
            options={(partners.data ?? []).map((p) => ({ value: p.id, label: partnerLabel(p) }))}
            error={errors.partnerId}
            customMessage={errors.partnerId?.type === 'custom' ? t('validation.partnerRequired') : undefined}
            name={field.name}
            ref={field.ref}
            value={field.value ?? ''}
            onChange={(e) => field.onChange(e.target.value || null)}
            onBlur={field.onBlur}
          />
        )}
      />
    );
  }
  return null;
}

/** Drops the scope a role does not use, so a former workshop user keeps no stale facilities. */
export function scopeForRole<T extends ScopeValues & { role?: Role }>(values: T): T {
  return {
    ...values,
    facilityIds: values.role === 'workshop' ? (values.facilityIds ?? []) : [],
    partnerId: values.role === 'partner' ? (values.partnerId ?? null) : null,
  };
}
