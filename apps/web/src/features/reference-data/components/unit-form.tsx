import { useTranslation } from 'react-i18next';
import { createUnitInputSchema, type UnitResponse } from '@jv/contracts';
import { FormAlert } from '../../../components/form-alert';
import { TextField } from '../../../components/form-fields';
import { useCreateUnit } from '../api/create-unit';
import { useUpdateUnit } from '../api/update-unit';
import { FormButtons } from './form-buttons';
import { useRecordForm } from './use-save-record';

const FIELDS = ['code', 'name'] as const;
const LIST = '/reference/units';

export function UnitForm({ record }: { record?: UnitResponse }) {
  const { t } = useTranslation();
  const { form, errors, onSubmit, formError, isSaving } = useRecordForm({
    schema: createUnitInputSchema,
    fields: FIELDS,
    defaultValues: record ? { code: record.code, name: record.name } : { code: '', name: '' },
    record,
    create: useCreateUnit(),
    update: useUpdateUnit(),
    listPath: LIST,
  });

  return (
    <form className="record-form" noValidate onSubmit={onSubmit}>
      <FormAlert formError={formError} />
      <TextField
        label={t('reference.units.code')}
        required
        maxLength={20}
        autoCapitalize="characters"
        className="input-code"
        formatHint={t('validation.unitCode')}
        error={errors.code}
        {...form.register('code')}
      />
      <TextField label={t('reference.units.name')} required error={errors.name} {...form.register('name')} />
      <FormButtons isSaving={isSaving} cancelTo={LIST} />
    </form>
  );
}
