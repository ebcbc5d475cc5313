import { Controller, useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { createJointVentureInputSchema, jvScopes, type JointVentureResponse } from '@jv/contracts';
import { Button } from '../../../components/button';
import { FormAlert } from '../../../components/form-alert';
import { CheckboxListField, firstError, SelectField, TextField } from '../../../components/form-fields';
import { useEnumOptions } from '../../../components/use-enum-label';
import { partnerLabel, usePartnerOptions } from '../../../lib/lookups';
import { useCreateJointVenture } from '../api/create-joint-venture';
import { useUpdateJointVenture } from '../api/update-joint-venture';
import { FormButtons } from './form-buttons';
import { useRecordForm } from './use-save-record';

const FIELDS = ['name', 'ukrainianCompany', 'partners', 'scopes', 'establishedOn'] as const;
const LIST = '/reference/joint-ventures';

export function JointVentureForm({ record }: { record?: JointVentureResponse }) {
  const { t } = useTranslation();
  const scopeOptions = useEnumOptions('jvScope', jvScopes);
  const partners = usePartnerOptions();
  const partnerOptions = (partners.data ?? []).map((p) => ({ value: p.id, label: partnerLabel(p) }));
  for (const p of record?.partners ?? []) {
    if (!partnerOptions.some((o) => o.value === p.partnerId))
      partnerOptions.push({ value: p.partnerId, label: partnerLabel({ code: p.partnerCode, name: p.partnerName }) });
  }

  const { form, errors, onSubmit, formError, isSaving } = useRecordForm({
    schema: createJointVentureInputSchema,
    fields: FIELDS,
    defaultValues: record
      ? {
          name: record.name,
          ukrainianCompany: record.ukrainianCompany,
          partners: record.partners.map((p) => ({ partnerId: p.partnerId, companyName: p.companyName })),
          scopes: record.scopes,
          establishedOn: record.establishedOn,
        }
      : {
          name: '',
          ukrainianCompany: '',
          partners: [{ partnerId: '', companyName: '' }],
          scopes: [],
          establishedOn: '',
        },
    record,
    create: useCreateJointVenture(),
    update: useUpdateJointVenture(),
    listPath: LIST,
  });
  const rows = useFieldArray({ control: form.control, name: 'partners' });
  const partnersError = errors.partners?.root ?? (errors.partners?.message ? errors.partners : undefined);

  return (
    <form className="record-form" noValidate onSubmit={onSubmit}>
      <FormAlert formError={formError} />
      <div className="form-grid">
        <TextField label={t('reference.jointVentures.name')} required error={errors.name} {...form.register('name')} />
        <TextField
          label={t('reference.jointVentures.ukrainianCompany')}
          required
          error={errors.ukrainianCompany}
          {...form.register('ukrainianCompany')}
        />
        <TextField
          label={t('reference.jointVentures.establishedOn')}
          type="date"
          required
          error={errors.establishedOn}
          {...form.register('establishedOn')}
        />
      </div>

      <fieldset className={`field row-editor${partnersError ? ' field-invalid' : ''}`} data-testid="field-partners">
        <legend>
          {t('reference.jointVentures.partners')}
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        </legend>
        {rows.fields.map((row, index) => (
          <div className="row-editor-row" key={row.id} data-testid="partner-row">
            <Controller
              control={form.control}
              name={`partners.${index}.partnerId`}
              render={({ field }) => (
                <SelectField
                  label={t('reference.jointVentures.partner')}
                  required
                  placeholder={t('common.notSelected')}
                  options={partnerOptions}
                  error={errors.partners?.[index]?.partnerId}
                  name={field.name}
                  ref={field.ref}
                  value={field.value ?? ''}
                  onChange={(e) => field.onChange(e.target.value)}
                  onBlur={field.onBlur}
                />
              )}
            />
            <TextField
              label={t('reference.jointVentures.companyName')}
              required
              error={errors.partners?.[index]?.companyName}
              {...form.register(`partners.${index}.companyName`)}
            />
            <Button
              variant="ghost"
              className="row-remove"
              onClick={() => rows.remove(index)}
              disabled={rows.fields.length <= 1}
              aria-label={t('reference.jointVentures.removePartner')}
            >
              {t('common.remove')}
            </Button>
          </div>
        ))}
        {partnersError ? (
          <p className="field-error" role="alert">
            {partnersError.type === 'server' ? partnersError.message : t('validation.jvPartnersRequired')}
          </p>
        ) : null}
        <Button
          onClick={() => rows.append({ partnerId: '', companyName: '' })}
          disabled={rows.fields.length >= 10}
          data-testid="add-partner"
        >
          {t('reference.jointVentures.addPartner')}
        </Button>
      </fieldset>

      <Controller
        control={form.control}
        name="scopes"
        render={({ field }) => (
          <CheckboxListField
            label={t('reference.jointVentures.scopes')}
            required
            name={field.name}
            options={scopeOptions}
            value={field.value ?? []}
            onChange={field.onChange}
            onBlur={field.onBlur}
            error={firstError(errors.scopes)}
            customMessage={t('validation.scopesRequired')}
          />
        )}
      />
      <FormButtons isSaving={isSaving} cancelTo={LIST} />
    </form>
  );
}
