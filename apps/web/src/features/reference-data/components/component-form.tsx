import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { componentCategories, createComponentInputSchema, type ComponentResponse } from '@jv/contracts';
import { FormAlert } from '../../../components/form-alert';
import { CheckboxListField, firstError, SelectField, TextField } from '../../../components/form-fields';
import { useEnumOptions } from '../../../components/use-enum-label';
import { useSystemModelOptions } from '../../../lib/lookups';
import { useCreateComponent } from '../api/create-component';
import { useUpdateComponent } from '../api/update-component';
import { FormButtons } from './form-buttons';
import { useRecordForm } from './use-save-record';

const FIELDS = ['partNumber', 'name', 'category', 'unitOfIssue', 'compatibleModelIds'] as const;
const LIST = '/reference/components';

export function ComponentForm({ record }: { record?: ComponentResponse }) {
  const { t } = useTranslation();
  const categoryOptions = useEnumOptions('componentCategory', componentCategories);
  const models = useSystemModelOptions();
  const modelOptions = (models.data ?? []).map((m) => ({
    value: m.id,
    label: `${m.designation} (${m.originPartnerCode})`,
  }));

  const { form, errors, onSubmit, formError, isSaving } = useRecordForm({
    schema: createComponentInputSchema,
    fields: FIELDS,
    defaultValues: record
      ? {
          partNumber: record.partNumber,
          name: record.name,
          category: record.category,
          unitOfIssue: record.unitOfIssue,
          compatibleModelIds: record.compatibleModelIds,
        }
      : { partNumber: '', name: '', unitOfIssue: '', compatibleModelIds: [] },
    record,
    create: useCreateComponent(),
    update: useUpdateComponent(),
    listPath: LIST,
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
        <TextField
          label={t('reference.components.unitOfIssue')}
          required
          maxLength={20}
          error={errors.unitOfIssue}
          {...form.register('unitOfIssue')}
        />
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
