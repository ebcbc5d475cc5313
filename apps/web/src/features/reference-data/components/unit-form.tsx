import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { createUnitInputSchema, type CreateUnitInput, type UnitResponse } from '@jv/contracts';
import { FormAlert } from '../../../components/form-alert';
import { TextField } from '../../../components/form-fields';
import { useServerFormErrors } from '../../../lib/form-errors';
import { useCreateUnit } from '../api/create-unit';
import { useUpdateUnit } from '../api/update-unit';
import { FormButtons } from './form-buttons';
import { useSaveRecord } from './use-save-record';

const FIELDS = ['code', 'name'] as const;
const LIST = '/reference/units';

export function UnitForm({ record }: { record?: UnitResponse }) {
  const { t } = useTranslation();
  const form = useForm<z.input<typeof createUnitInputSchema>, unknown, CreateUnitInput>({
    resolver: zodResolver(createUnitInputSchema),
    defaultValues: record ? { code: record.code, name: record.name } : { code: '', name: '' },
  });
  const { formError, handleError, clearFormError } = useServerFormErrors(form.setError, FIELDS);
  const { save, isSaving } = useSaveRecord({ record, create: useCreateUnit(), update: useUpdateUnit(), listPath: LIST, onError: handleError });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((input) => {
    clearFormError();
    save(input);
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
