import { useId, useState } from 'react';
import {
  Controller,
  useForm,
  type Control,
  type FieldError,
  type FieldValues,
  type Path,
  type UseFormRegisterReturn,
} from 'react-hook-form';
import { zodResolver } from '../../../lib/zod-resolver';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { createSystemInputSchema, updateSystemInputSchema, type SystemResponse } from '@jv/contracts';
import { systemStatuses } from '@jv/domain';
import { Button, ButtonLink } from '../../../components/button';
import { flash } from '../../../components/flash-notice';
import { FormAlert } from '../../../components/form-alert';
import { FormActions, SelectField, TextField, type Option } from '../../../components/form-fields';
import { useServerFormErrors } from '../../../lib/form-errors';
import { useIdempotencyKey } from '../../../lib/idempotency';
import {
  facilityLabel,
  partnerLabel,
  useFacilityOptions,
  usePartnerOptions,
  useSystemModelOptions,
} from '../../../lib/lookups';
import { useCreateSystem } from '../api/create-system';
import { unitLabel, useUnitOptions } from '../api/get-unit-options';
import { useUpdateSystem } from '../api/update-system';
import { useEfcMessage } from './efc-message';
import { useSystemLabels } from './system-labels';

/** '' (nothing typed or chosen) is sent as null for the optional fields. */
const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

function useReferenceOptions() {
  const models = useSystemModelOptions();
  const partners = usePartnerOptions();
  const units = useUnitOptions();
  const facilities = useFacilityOptions();
  return {
    models: (models.data ?? []).map((m): Option => ({ value: m.id, label: `${m.designation} (${m.caliberMm} mm)` })),
    partners: (partners.data ?? []).map((p): Option => ({ value: p.id, label: partnerLabel(p) })),
    units: (units.data ?? []).map((u): Option => ({ value: u.id, label: unitLabel(u) })),
    facilities: (facilities.data ?? []).map((f): Option => ({ value: f.id, label: facilityLabel(f) })),
  };
}

/** Keeps the current value selectable even when it is not in the (200-row) lookup list. */
function withCurrent(options: Option[], id: string | null | undefined, label: string | null | undefined): Option[] {
  if (!id || options.some((o) => o.value === id)) return options;
  return [{ value: id, label: label ?? id }, ...options];
}

interface NullableSelectProps<T extends FieldValues> {
  control: Control<T>;
  name: Path<T>;
  label: string;
  options: Option[];
  placeholder: string;
  error?: FieldError;
}

/** A select whose empty choice means null (no unit, not at a facility). */
function NullableSelect<T extends FieldValues>({
  control,
  name,
  label,
  options,
  placeholder,
  error,
}: NullableSelectProps<T>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <SelectField
          label={label}
          placeholder={placeholder}
          options={options}
          error={error}
          name={field.name}
          ref={field.ref}
          value={(field.value as string | null | undefined) ?? ''}
          onChange={(e) => field.onChange(e.target.value || null)}
          onBlur={field.onBlur}
        />
      )}
    />
  );
}

function NotesField({
  registration,
  error,
  label,
}: {
  registration: UseFormRegisterReturn;
  error?: FieldError;
  label: string;
}) {
  const id = useId();
  return (
    <div className={`field field-wide${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={3}
        maxLength={2000}
        data-testid="field-notes"
        aria-invalid={error ? true : undefined}
        {...registration}
      />
      {error?.message ? (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}

const CREATE_FIELDS = [
  'modelId',
  'serialNumber',
  'donorPartnerId',
  'unitId',
  'facilityId',
  'status',
  'totalEfc',
  'barrelEfc',
  'barrelSerial',
  'notes',
] as const;
type CreateValues = z.input<typeof createSystemInputSchema>;

/** /systems/new — a system with its model, serial, donor, where it is, and its counters so far. */
export function SystemCreateForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const labels = useSystemLabels();
  const options = useReferenceOptions();
  const createSystem = useCreateSystem();
  const idempotency = useIdempotencyKey();
  const efcMessage = useEfcMessage();
  const statusOptions = systemStatuses
    .filter((s) => s !== 'written_off')
    .map((s) => ({ value: s, label: labels.status(s) }));

  const form = useForm<CreateValues, unknown, z.output<typeof createSystemInputSchema>>({
    resolver: zodResolver(createSystemInputSchema),
    defaultValues: {
      modelId: '',
      serialNumber: '',
      donorPartnerId: '',
      unitId: null,
      facilityId: null,
      status: 'operational',
      totalEfc: 0,
      barrelEfc: 0,
      barrelSerial: null,
      notes: null,
    },
  });
  const { formError, handleError, clearFormError } = useServerFormErrors(form.setError, CREATE_FIELDS);
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((input) => {
    clearFormError();
    createSystem.mutate(
      { input, idempotencyKey: idempotency.key },
      {
        onSuccess: (created) => navigate(`/systems/${created.id}`, { state: flash('created') }),
        onError: (error) => {
          idempotency.renewAfter(error);
          handleError(error);
        },
      },
    );
  });

  return (
    <form className="record-form" noValidate onSubmit={onSubmit} data-testid="system-form">
      <FormAlert formError={formError} />
      <div className="form-grid">
        <SelectField
          label={t('systems.fields.model')}
          required
          placeholder={t('common.notSelected')}
          options={options.models}
          error={errors.modelId}
          {...form.register('modelId')}
        />
        <TextField
          label={t('systems.fields.serialNumber')}
          required
          autoComplete="off"
          className="mono"
          formatHint={t('systems.form.serialFormat')}
          error={errors.serialNumber}
          {...form.register('serialNumber')}
        />
        <SelectField
          label={t('systems.fields.donor')}
          required
          placeholder={t('common.notSelected')}
          options={options.partners}
          error={errors.donorPartnerId}
          {...form.register('donorPartnerId')}
        />
        <SelectField
          label={t('systems.form.initialStatus')}
          required
          options={statusOptions}
          error={errors.status}
          {...form.register('status')}
        />
        <NullableSelect
          control={form.control}
          name="unitId"
          label={t('systems.fields.unit')}
          options={options.units}
          placeholder={t('systems.form.noUnit')}
          error={errors.unitId}
        />
        <NullableSelect
          control={form.control}
          name="facilityId"
          label={t('systems.fields.facility')}
          options={options.facilities}
          placeholder={t('systems.form.noFacility')}
          error={errors.facilityId}
        />
        <TextField
          label={t('systems.fields.totalEfc')}
          type="number"
          inputMode="decimal"
          min={0}
          step={0.01}
          required
          customMessage={efcMessage(errors.totalEfc)}
          error={errors.totalEfc}
          {...form.register('totalEfc', { valueAsNumber: true })}
        />
        <TextField
          label={t('systems.fields.barrelEfc')}
          type="number"
          inputMode="decimal"
          min={0}
          step={0.01}
          required
          hint={t('systems.form.barrelEfcHint')}
          customMessage={efcMessage(errors.barrelEfc)}
          error={errors.barrelEfc}
          {...form.register('barrelEfc', { valueAsNumber: true })}
        />
        <TextField
          label={t('systems.fields.barrelSerial')}
          autoComplete="off"
          formatHint={t('systems.form.serialFormat')}
          error={errors.barrelSerial}
          {...form.register('barrelSerial', { setValueAs: emptyToNull })}
        />
      </div>
      <NotesField
        label={t('systems.fields.notes')}
        error={errors.notes}
        registration={form.register('notes', { setValueAs: emptyToNull })}
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={createSystem.isPending} data-testid="save-button">
          {createSystem.isPending ? t('common.saving') : t('common.save')}
        </Button>
        <ButtonLink to="/systems" variant="ghost" data-testid="cancel-button">
          {t('common.cancel')}
        </ButtonLink>
      </FormActions>
    </form>
  );
}

const editSchema = updateSystemInputSchema.omit({ version: true });
type EditValues = z.input<typeof editSchema>;
const EDIT_FIELDS = ['serialNumber', 'donorPartnerId', 'unitId', 'facilityId', 'barrelSerial', 'notes'] as const;

/** /systems/:id/edit — the editable facts; the status changes only through the status action. */
export function SystemEditForm({ system }: { system: SystemResponse }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const options = useReferenceOptions();
  const updateSystem = useUpdateSystem();
  const detailPath = `/systems/${system.id}`;
  // the version the user started editing, even if the record is refetched meanwhile: never a silent overwrite
  const [loadedVersion] = useState(system.version);

  const form = useForm<EditValues, unknown, z.output<typeof editSchema>>({
    resolver: zodResolver(editSchema),
    defaultValues: {
      serialNumber: system.serialNumber,
      donorPartnerId: system.donorPartnerId,
      unitId: system.unitId,
      facilityId: system.facilityId,
      barrelSerial: system.barrelSerial,
      notes: system.notes,
    },
  });
  const { formError, handleError, clearFormError } = useServerFormErrors(form.setError, EDIT_FIELDS);
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) => {
    clearFormError();
    updateSystem.mutate(
      { id: system.id, input: { ...values, version: loadedVersion } },
      {
        onSuccess: () => navigate(detailPath, { state: flash('saved') }),
        onError: (error) => {
          handleError(error);
        },
      },
    );
  });

  return (
    <form className="record-form" noValidate onSubmit={onSubmit} data-testid="system-form">
      <FormAlert formError={formError} />
      <div className="form-grid">
        <TextField
          label={t('systems.fields.model')}
          name="model"
          value={system.modelDesignation}
          readOnly
          disabled
          hint={t('systems.form.modelLocked')}
        />
        <TextField
          label={t('systems.fields.serialNumber')}
          required
          autoComplete="off"
          formatHint={t('systems.form.serialFormat')}
          error={errors.serialNumber}
          {...form.register('serialNumber')}
        />
        <SelectField
          label={t('systems.fields.donor')}
          required
          options={withCurrent(options.partners, system.donorPartnerId, system.donorPartnerCode)}
          error={errors.donorPartnerId}
          {...form.register('donorPartnerId')}
        />
        <NullableSelect
          control={form.control}
          name="unitId"
          label={t('systems.fields.unit')}
          options={withCurrent(options.units, system.unitId, system.unitName)}
          placeholder={t('systems.form.noUnit')}
          error={errors.unitId}
        />
        <NullableSelect
          control={form.control}
          name="facilityId"
          label={t('systems.fields.facility')}
          options={withCurrent(options.facilities, system.facilityId, system.facilityCode)}
          placeholder={t('systems.form.noFacility')}
          error={errors.facilityId}
        />
        <TextField
          label={t('systems.fields.barrelSerial')}
          autoComplete="off"
          formatHint={t('systems.form.serialFormat')}
          hint={t('systems.form.barrelSerialHint')}
          error={errors.barrelSerial}
          {...form.register('barrelSerial', { setValueAs: emptyToNull })}
        />
      </div>
      <NotesField
        label={t('systems.fields.notes')}
        error={errors.notes}
        registration={form.register('notes', { setValueAs: emptyToNull })}
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={updateSystem.isPending} data-testid="save-button">
          {updateSystem.isPending ? t('common.saving') : t('common.save')}
        </Button>
        <ButtonLink to={detailPath} variant="ghost" data-testid="cancel-button">
          {t('common.cancel')}
        </ButtonLink>
      </FormActions>
    </form>
  );
}
