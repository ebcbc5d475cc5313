import { useMemo } from 'react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { zodResolver } from '../../../lib/zod-resolver';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { putSupplyPlanInputSchema, type SupplyPlanResponse } from '@jv/contracts';
import { Button } from '../../../components/button';
import { FormAlert } from '../../../components/form-alert';
import type { Option } from '../../../components/form-fields';
import { EmptyState, Notice } from '../../../components/states';
import { useFormatters } from '../../../lib/format';
import { useServerFormErrors } from '../../../lib/form-errors';
import { usePutSupplyPlan } from '../api/put-supply-plan';
import { useMonthLabel } from './use-month-label';

type Values = z.input<typeof putSupplyPlanInputSchema>;
type Output = z.output<typeof putSupplyPlanInputSchema>;
const FIELDS = ['version', 'lines'] as const;

/** What a plan line may name: components and system models, as two groups of one select. */
export interface PlanItemOptions {
  components: Option[];
  models: Option[];
}

/** A line's select value: `c:<componentId>` or `m:<systemModelId>`. */
const itemValue = (line: { componentId?: string | null; systemModelId?: string | null }) =>
  line.componentId ? `c:${line.componentId}` : line.systemModelId ? `m:${line.systemModelId}` : '';

const valuesOf = (plan: SupplyPlanResponse): Values => ({
  version: plan.version,
  lines: plan.lines.map((l) => ({ componentId: l.componentId, systemModelId: l.systemModelId, quantity: l.quantity })),
});

interface MonthPlanProps {
  plan: SupplyPlanResponse;
  items: PlanItemOptions;
}

/** A month's plan as read only: its lines (part number or model designation) and quantities. */
export function MonthPlanView({ plan }: { plan: SupplyPlanResponse }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const monthLabel = useMonthLabel();
  return (
    <article className="panel cr-month" data-testid="month-plan" data-month={plan.month}>
      <h2>{monthLabel(plan.month)}</h2>
      {plan.lines.length === 0 ? (
        <EmptyState message={t('supplyPlans.editor.noLines')} />
      ) : (
        <ul className="cr-plan-lines">
          {plan.lines.map((l) => (
            <li key={`${l.componentId ?? ''}${l.systemModelId ?? ''}`}>
              <span>{l.label}</span> <strong>{fmt.number(l.quantity)}</strong>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

/**
 * One month's plan as a form: lines of a component or a system model and a quantity, saved with PUT
 * and the plan's version (0 for a month without a plan). Someone else's save in between is refused
 * (409 STALE_VERSION): the banner offers a reload.
 */
export function MonthPlanForm({ plan, items }: MonthPlanProps) {
  const { t } = useTranslation();
  const monthLabel = useMonthLabel();
  const put = usePutSupplyPlan();
  const values = useMemo(() => valuesOf(plan), [plan]);
  const form = useForm<Values, unknown, Output>({ resolver: zodResolver(putSupplyPlanInputSchema), values });
  const lines = useFieldArray({ control: form.control, name: 'lines' });
  const { formError, handleError, clearFormError } = useServerFormErrors(form.setError, FIELDS);
  const { errors } = form.formState;
  const month = monthLabel(plan.month);
  const titleId = `plan-${plan.month}-title`;

  // a line the first 200 of the catalogue do not hold still shows under its label
  const known = new Set([...items.components, ...items.models].map((o) => o.value));
  const extra = plan.lines
    .map((l) => ({ value: itemValue(l), label: l.label }))
    .filter((o) => o.value && !known.has(o.value));

  const onSubmit = form.handleSubmit((input) => {
    clearFormError();
    put.mutate({ partnerId: plan.partnerId, month: plan.month, input }, { onError: handleError });
  });

  return (
    <form
      className="panel cr-month"
      noValidate
      onSubmit={onSubmit}
      data-testid="month-plan"
      data-month={plan.month}
      aria-labelledby={titleId}
    >
      <div className="cr-month-head">
        <h2 id={titleId}>{month}</h2>
        <span className="muted cr-small">{t('supplyPlans.editor.version', { version: plan.version })}</span>
      </div>
      <FormAlert formError={formError} />
      {put.isSuccess && !form.formState.isDirty ? (
        <Notice kind="success">{t('supplyPlans.editor.saved', { month })}</Notice>
      ) : null}
      {lines.fields.length === 0 ? <p className="muted">{t('supplyPlans.editor.noLines')}</p> : null}
      {lines.fields.map((field, index) => {
        const lineErrors = errors.lines?.[index];
        const itemError = lineErrors?.componentId?.message ?? lineErrors?.systemModelId?.message;
        const quantityError = lineErrors?.quantity?.message;
        const itemId = `plan-${plan.month}-item-${index}`;
        const quantityId = `plan-${plan.month}-quantity-${index}`;
        return (
          <div key={field.id} className="cr-plan-line" data-testid="plan-line">
            <div className={`field${itemError ? ' field-invalid' : ''}`}>
              <label htmlFor={itemId}>{t('supplyPlans.editor.item')}</label>
              <Controller
                control={form.control}
                name={`lines.${index}.componentId`}
                render={({ field: componentField }) => (
                  <select
                    id={itemId}
                    ref={componentField.ref}
                    data-testid="plan-line-item"
                    value={itemValue(form.watch(`lines.${index}`))}
                    aria-invalid={itemError ? true : undefined}
                    aria-describedby={itemError ? `${itemId}-error` : undefined}
                    onBlur={componentField.onBlur}
                    onChange={(e) => {
                      const [kind, id] = [e.target.value.slice(0, 1), e.target.value.slice(2)];
                      form.setValue(`lines.${index}.componentId`, kind === 'c' ? id : null, { shouldDirty: true });
                      form.setValue(`lines.${index}.systemModelId`, kind === 'm' ? id : null, { shouldDirty: true });
                    }}
                  >
                    <option value="">{t('common.notSelected')}</option>
                    <optgroup label={t('supplyPlans.editor.components')}>
                      {[...items.components, ...extra.filter((o) => o.value.startsWith('c:'))].map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </optgroup>
                    <optgroup label={t('supplyPlans.editor.models')}>
                      {[...items.models, ...extra.filter((o) => o.value.startsWith('m:'))].map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </optgroup>
                  </select>
                )}
              />
              {itemError ? (
                <p className="field-error" id={`${itemId}-error`} role="alert">
                  {itemError}
                </p>
              ) : null}
            </div>
            <div className={`field cr-plan-quantity${quantityError ? ' field-invalid' : ''}`}>
              <label htmlFor={quantityId}>{t('supplyPlans.editor.quantity')}</label>
              <input
                id={quantityId}
                type="number"
                inputMode="numeric"
                min={1}
                max={100000}
                step={1}
                data-testid="plan-line-quantity"
                aria-invalid={quantityError ? true : undefined}
                aria-describedby={quantityError ? `${quantityId}-error` : undefined}
                {...form.register(`lines.${index}.quantity`, { valueAsNumber: true })}
              />
              {quantityError ? (
                <p className="field-error" id={`${quantityId}-error`} role="alert">
                  {quantityError}
                </p>
              ) : null}
            </div>
            <Button
              variant="ghost"
              className="btn-icon cr-plan-remove"
              aria-label={t('supplyPlans.editor.removeLine', { index: index + 1 })}
              data-testid="plan-line-remove"
              onClick={() => lines.remove(index)}
            >
              <span aria-hidden="true">×</span>
            </Button>
          </div>
        );
      })}
      <div className="form-actions cr-month-actions">
        <Button
          onClick={() => lines.append({ componentId: null, systemModelId: null, quantity: 1 })}
          data-testid="plan-add-line"
        >
          {t('supplyPlans.editor.addLine')}
        </Button>
        <Button type="submit" variant="primary" busy={put.isPending} data-testid="plan-save">
          {put.isPending ? t('supplyPlans.editor.saving') : t('supplyPlans.editor.save', { month })}
        </Button>
      </div>
    </form>
  );
}
