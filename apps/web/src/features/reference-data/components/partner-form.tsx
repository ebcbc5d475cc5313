import { useTranslation } from 'react-i18next';
import { createPartnerInputSchema, partnerRoles, type PartnerResponse } from '@jv/contracts';
import { FormAlert } from '../../../components/form-alert';
import { SelectField, TextField } from '../../../components/form-fields';
import { useEnumOptions } from '../../../components/use-enum-label';
import { useCreatePartner } from '../api/create-partner';
import { useUpdatePartner } from '../api/update-partner';
import { FormButtons } from './form-buttons';
import { useRecordForm } from './use-save-record';

const FIELDS = ['code', 'name', 'role'] as const;
const LIST = '/reference/partners';

export function PartnerForm({ record }: { record?: PartnerResponse }) {
  const { t } = useTranslation();
  const roleOptions = useEnumOptions('partnerRole', partnerRoles);
  const { form, errors, onSubmit, formError, isSaving } = useRecordForm({
    schema: createPartnerInputSchema,
    fields: FIELDS,
    defaultValues: record ? { code: record.code, name: record.name, role: record.role } : { code: '', name: '' },
    record,
    create: useCreatePartner(),
    update: useUpdatePartner(),
    listPath: LIST,
  });

  return (
    <form className="record-form" noValidate onSubmit={onSubmit}>
      <FormAlert formError={formError} />
      <TextField
        label={t('reference.partners.code')}
        required
        maxLength={2}
        autoCapitalize="characters"
        className="input-code"
        formatHint={t('validation.partnerCode')}
        error={errors.code}
        {...form.register('code')}
      />
      <TextField label={t('reference.partners.name')} required error={errors.name} {...form.register('name')} />
      <SelectField
        label={t('reference.partners.role')}
        required
        placeholder={t('common.notSelected')}
        options={roleOptions}
        error={errors.role}
        {...form.register('role')}
      />
      <FormButtons isSaving={isSaving} cancelTo={LIST} />
    </form>
  );
}
