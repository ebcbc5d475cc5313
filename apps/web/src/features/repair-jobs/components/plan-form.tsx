import { useForm } from 'react-hook-form';
import { zodResolver } from '../../../lib/zod-resolver';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { createPreventivePlanInputSchema, type PreventivePlanResponse } from '@jv/contracts';
import { Button } from '../../../components/button';
import { FormAlert } from '../../../components/form-alert';
import { CheckboxField, FormActions, SelectField, TextField } from '../../../components/form-fields';
import { useServerFormErrors } from '../../../lib/form-errors';
import { useIdempotencyKey } from '../../../lib/idempotency';
import { useSystemModelOptions } from '../../../lib/lookups';
import { useCreatePreventivePlan } from '../api/create-preventive-plan';
import { useUpdatePreventivePlan } from '../api/update-preventive-plan';

type Values = z.input<typeof createPreventivePlanInputSchema>;
type Output = z.output<typeof createPreventivePlanInputSchema>;
const FIELDS = ['modelId', 'name', 'intervalDays', 'intervalEfc', 'active'] as const;
/** An empty number input means "no interval of this kind" (null), not 0. */
const optionalNumber = (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v));

/** Create or edit a preventive plan (admin): model, name, every N days and/or every N EFC, active. */
export function PlanForm({
  plan,
  onSaved,
  onCancel,
}: {
  plan?: PreventivePlanResponse;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const models = useSystemModelOptions();
  const create = useCreatePreventivePlan();
  const update = useUpdatePreventivePlan();
  const idempotency = useIdempotencyKey();
  const modelOptions = (models.data ?? []).map((m) => ({ value: m.id, label: m.designation }));
  if (plan && !modelOptions.some((o) => o.value === plan.modelId))
    modelOptions.unshift({ value: plan.modelId, label: plan.modelDesignation });

  const form = useForm<Values, unknown, Output>({
    resolver: zodResolver(createPreventivePlanInputSchema),
    defaultValues: plan
      ? {
          modelId: plan.modelId,
          name: plan.name,
          intervalDays: plan.intervalDays,
          intervalEfc: plan.intervalEfc,
          active: plan.active,
        }
      : { modelId: '', name: '', intervalDays: null, intervalEfc: null, active: true },
  });
  const { formError, handleError, clearFormError } = useServerFormErrors(form.setError, FIELDS);
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((input) => {
    clearFormError();
    if (plan) {
      update.mutate(
        { id: plan.id, input: { ...input, version: plan.version } },
        { onSuccess: onSaved, onError: handleError },
      );
    } else {
      create.mutate(
        { input, idempotencyKey: idempotency.key },
        {
          onSuccess: onSaved,
          onError: (error) => {
            idempotency.renewAfter(error);
            handleError(error);
          },
        },
      );
    }
  });
  const saving = create.isPending || update.isPending;

  return (
    <form className="record-form" noValidate onSubmit={onSubmit} data-testid="plan-form">
      <h2>{plan ? t('repairJobs.plans.editPlan') : t('repairJobs.plans.newPlan')}</h2>
      <FormAlert formError={formError} />
      <div className="form-grid">
        <SelectField
          label={t('repairJobs.plans.model')}
          required
          placeholder={t('common.notSelected')}
          options={modelOptions}
          error={errors.modelId}
          {...form.register('modelId')}
        />
        <TextField
          label={t('repairJobs.plans.name')}
          required
          maxLength={160}
          error={errors.name}
          {...form.register('name')}
        />
        <TextField
          label={t('repairJobs.plans.intervalDays')}
          type="number"
          inputMode="numeric"
          min={1}
          max={3650}
          hint={t('repairJobs.plans.intervalHint')}
          error={errors.intervalDays}
          customMessage={errors.intervalDays?.type === 'custom' ? t('repairJobs.plans.intervalRequired') : undefined}
          {...form.register('intervalDays', { setValueAs: optionalNumber })}
        />
        <TextField
          label={t('repairJobs.plans.intervalEfc')}
          type="number"
          inputMode="decimal"
          min={1}
          max={100000}
          error={errors.intervalEfc}
          {...form.register('intervalEfc', { setValueAs: optionalNumber })}
        />
      </div>
      <CheckboxField label={t('repairJobs.plans.active')} {...form.register('active')} />
      <FormActions>
        <Button type="submit" variant="primary" busy={saving} data-testid="save-button">
          {saving ? t('common.saving') : t('common.save')}
        </Button>
        <Button variant="ghost" onClick={onCancel} data-testid="cancel-button">
          {t('common.cancel')}
        </Button>
      </FormActions>
    </form>
  );
}
