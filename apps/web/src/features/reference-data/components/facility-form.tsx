import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { createFacilityInputSchema, facilityKinds, oblasts, type FacilityResponse } from '@jv/contracts';
import { FormAlert } from '../../../components/form-alert';
import { SelectField, TextField } from '../../../components/form-fields';
import { useEnumOptions } from '../../../components/use-enum-label';
import { useJointVentureOptions } from '../../../lib/lookups';
import { useCreateFacility } from '../api/create-facility';
import { useUpdateFacility } from '../api/update-facility';
import { FormButtons } from './form-buttons';
import { useRecordForm } from './use-save-record';

const FIELDS = ['code', 'name', 'kind', 'oblast', 'jointVentureId', 'repairBays', 'trainingSeats'] as const;
const LIST = '/reference/facilities';

export function FacilityForm({ record }: { record?: FacilityResponse }) {
  const { t } = useTranslation();
  const kindOptions = useEnumOptions('facilityKind', facilityKinds);
  const oblastOptions = useEnumOptions('oblast', oblasts);
  const jointVentures = useJointVentureOptions();
  const jvOptions = (jointVentures.data ?? []).map((jv) => ({ value: jv.id, label: jv.name }));
  // keep the current JV selectable even if it is not among the first 200
  if (record?.jointVentureId && !jvOptions.some((o) => o.value === record.jointVentureId)) {
    jvOptions.unshift({ value: record.jointVentureId, label: record.jointVentureName ?? record.jointVentureId });
  }

  const { form, errors, onSubmit, formError, isSaving } = useRecordForm({
    schema: createFacilityInputSchema,
    fields: FIELDS,
    defaultValues: record
      ? {
          code: record.code,
          name: record.name,
          kind: record.kind,
          oblast: record.oblast,
          jointVentureId: record.jointVentureId,
          repairBays: record.repairBays,
          trainingSeats: record.trainingSeats,
        }
      : { code: '', name: '', jointVentureId: null, repairBays: 0, trainingSeats: 0 },
    record,
    create: useCreateFacility(),
    update: useUpdateFacility(),
    listPath: LIST,
  });

  return (
    <form className="record-form" noValidate onSubmit={onSubmit}>
      <FormAlert formError={formError} />
      <div className="form-grid">
        <TextField
          label={t('reference.facilities.code')}
          required
          maxLength={20}
          autoCapitalize="characters"
          className="input-code"
          formatHint={t('validation.facilityCode')}
          error={errors.code}
          {...form.register('code')}
        />
        <TextField label={t('reference.facilities.name')} required error={errors.name} {...form.register('name')} />
        <SelectField
          label={t('reference.facilities.kind')}
          required
          placeholder={t('common.notSelected')}
          options={kindOptions}
          error={errors.kind}
          {...form.register('kind')}
        />
        <SelectField
          label={t('reference.facilities.oblast')}
          required
          placeholder={t('common.notSelected')}
          options={oblastOptions}
          error={errors.oblast}
          {...form.register('oblast')}
        />
        <Controller
          control={form.control}
          name="jointVentureId"
          render={({ field }) => (
            // controlled: the options arrive after the form, the select must still show the saved value
            <SelectField
              label={t('reference.facilities.jointVenture')}
              placeholder={t('reference.facilities.noJointVenture')}
              options={jvOptions}
              error={errors.jointVentureId}
              name={field.name}
              ref={field.ref}
              value={field.value ?? ''}
              onChange={(e) => field.onChange(e.target.value || null)}
              onBlur={field.onBlur}
            />
          )}
        />
        <TextField
          label={t('reference.facilities.repairBays')}
          type="number"
          inputMode="numeric"
          min={0}
          max={500}
          required
          error={errors.repairBays}
          {...form.register('repairBays', { valueAsNumber: true })}
        />
        <TextField
          label={t('reference.facilities.trainingSeats')}
          type="number"
          inputMode="numeric"
          min={0}
          max={5000}
          required
          error={errors.trainingSeats}
          {...form.register('trainingSeats', { valueAsNumber: true })}
        />
      </div>
      <FormButtons isSaving={isSaving} cancelTo={LIST} />
    </form>
  );
}
