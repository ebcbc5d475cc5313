import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { componentCategories, createComponentInputSchema, type ComponentResponse, type CreateComponentInput } from '@jv/contracts';
import { FormAlert } from '../../../components/form-alert';
import { CheckboxListField, firstError, SelectField, TextField } from '../../../components/form-fields';
import { useEnumOptions } from '../../../components/use-enum-label';
import { useServerFormErrors } from '../../../lib/form-errors';
import { useSystemModelOptions } from '../../../lib/lookups';
import { useCreateComponent } from '../api/create-component';
import { useUpdateComponent } from '../api/update-component';
import { FormButtons } from './form-buttons';
import { useSaveRecord } from './use-save-record';

const FIELDS = ['partNumber', 'name', 'category', 'unitOfIssue', 'compatibleModelIds'] as const;
const LIST = '/reference/components';

export function ComponentForm({ record }: { record?: ComponentResponse }) {
  const { t } = useTranslation();
  const categoryOptions = useEnumOptions('componentCategory', componentCategories);
  const models = useSystemModelOptions();
  const modelOptions = (models.data ?? []).map((m) => ({ value: m.id, label: `${m.designation} (${m.originPartnerCode})` }));

  const form = useForm<z.input<typeof createComponentInputSchema>, unknown, CreateComponentInput>({
    resolver: zodResolver(createComponentInputSchema),
    defaultValues: record
      ? {
          partNumber: record.partNumber,
          name: record.name,
          category: record.category,
          unitOfIssue: record.unitOfIssue,
          compatibleModelIds: record.compatibleModelIds,
        }
      : { partNumber: '', name: '', unitOfIssue: '', compatibleModelIds: [] },
  });
  const { formError, handleError, clearFormError } = useServerFormErrors(form.setError, FIELDS);
  const { save, isSaving } = useSaveRecord({ record, create: useCreateComponent(), update: useUpdateComponent(), listPath: LIST, onError: handleError });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((input) => {
    clearFormError();
    save(input);
  });

  return (
    <form className="record-form" noValidate onSubmit={onSubmit}>
      <FormAlert formError={formError} />
      <div className="form-grid">
        <TextField
          label={t('reference.components.partNumber')}
          required
          maxLength={40}
          autoCapitalize="characters"
          className="input-code"
          formatHint={t('validation.partNumber')}
          error={errors.partNumber}
          {...form.register('partNumber')}
        />
        <TextField label={t('reference.components.name')} required error={errors.name} {...form.register('name')} />
        <SelectField
          label={t('reference.components.category')}
          required
          placeholder={t('common.notSelected')}
          options={categoryOptions}
          error={errors.category}
          {...form.register('category')}
        />
        <TextField label={t('reference.components.unitOfIssue')} required maxLength={20} error={errors.unitOfIssue} {...form.register('unitOfIssue')} />
      </div>
      <Controller
        control={form.control}
        name="compatibleModelIds"
        render={({ field }) => (
          <CheckboxListField
            label={t('reference.components.compatibleModels')}
            name={field.name}
            options={modelOptions}
            value={field.value ?? []}
            onChange={field.onChange}
            onBlur={field.onBlur}
            error={firstError(errors.compatibleModelIds)}
          />
        )}
      />
      <FormButtons isSaving={isSaving} cancelTo={LIST} />
    </form>
  );
}
