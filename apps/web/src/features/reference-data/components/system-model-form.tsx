import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { createSystemModelInputSchema, systemKinds, type SystemModelResponse } from '@jv/contracts';
import { FormAlert } from '../../../components/form-alert';
import { SelectField, TextField } from '../../../components/form-fields';
import { useEnumOptions } from '../../../components/use-enum-label';
import { partnerLabel, usePartnerOptions } from '../../../lib/lookups';
import { useCreateSystemModel } from '../api/create-system-model';
import { useUpdateSystemModel } from '../api/update-system-model';
import { FormButtons } from './form-buttons';
import { useRecordForm } from './use-save-record';

const FIELDS = [
  'designation',
  'kind',
  'caliberMm',
  'originPartnerId',
  'barrelLifeEfc',
  'crewSize',
  'barrelLeadDays',
] as const;

/** An optional number field: empty is null (the contract's nullable), anything else a number. */
const optionalNumber = { setValueAs: (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v)) };
const LIST = '/reference/system-models';

export function SystemModelForm({ record }: { record?: SystemModelResponse }) {
  const { t } = useTranslation();
  const kindOptions = useEnumOptions('systemKind', systemKinds);
  const partners = usePartnerOptions();
  const partnerOptions = (partners.data ?? []).map((p) => ({ value: p.id, label: partnerLabel(p) }));
  if (record && !partnerOptions.some((o) => o.value === record.originPartnerId)) {
    partnerOptions.unshift({ value: record.originPartnerId, label: record.originPartnerCode });
  }

  const { form, errors, onSubmit, formError, isSaving } = useRecordForm({
    schema: createSystemModelInputSchema,
    fields: FIELDS,
    defaultValues: record
      ? {
          designation: record.designation,
          kind: record.kind,
          caliberMm: record.caliberMm,
          originPartnerId: record.originPartnerId,
          barrelLifeEfc: record.barrelLifeEfc,
          crewSize: record.crewSize,
          barrelLeadDays: record.barrelLeadDays,
        }
      : { designation: '', originPartnerId: '', crewSize: null, barrelLeadDays: null },
    record,
    create: useCreateSystemModel(),
    update: useUpdateSystemModel(),
    listPath: LIST,
  });

  return (
    <form className="record-form" noValidate onSubmit={onSubmit}>
      <FormAlert formError={formError} />
      <div className="form-grid">
        <TextField
          label={t('reference.systemModels.designation')}
          required
          error={errors.designation}
          {...form.register('designation')}
        />
        <SelectField
          label={t('reference.systemModels.kind')}
          required
          placeholder={t('common.notSelected')}
          options={kindOptions}
          error={errors.kind}
          {...form.register('kind')}
        />
        <TextField
          label={t('reference.systemModels.caliberMm')}
          type="number"
          inputMode="numeric"
          min={60}
          max={400}
          required
          error={errors.caliberMm}
          {...form.register('caliberMm', { valueAsNumber: true })}
        />
        <Controller
          control={form.control}
          name="originPartnerId"
          render={({ field }) => (
            <SelectField
              label={t('reference.systemModels.originPartner')}
              required
              placeholder={t('common.notSelected')}
              options={partnerOptions}
              error={errors.originPartnerId}
              name={field.name}
              ref={field.ref}
              value={field.value ?? ''}
              onChange={(e) => field.onChange(e.target.value)}
              onBlur={field.onBlur}
            />
          )}
        />
        <TextField
          label={t('reference.systemModels.barrelLifeEfc')}
          type="number"
          inputMode="numeric"
          min={1}
          max={100000}
          required
          error={errors.barrelLifeEfc}
          {...form.register('barrelLifeEfc', { valueAsNumber: true })}
        />
        <TextField
          label={t('reference.systemModels.crewSize')}
          hint={t('reference.systemModels.crewSizeHint')}
          type="number"
          inputMode="numeric"
          min={1}
          max={20}
          error={errors.crewSize}
          {...form.register('crewSize', optionalNumber)}
        />
        <TextField
          label={t('reference.systemModels.barrelLeadDays')}
          hint={t('reference.systemModels.barrelLeadDaysHint')}
          type="number"
          inputMode="numeric"
          min={1}
          max={730}
          error={errors.barrelLeadDays}
          {...form.register('barrelLeadDays', optionalNumber)}
        />
      </div>
      <FormButtons isSaving={isSaving} cancelTo={LIST} />
    </form>
  );
}
