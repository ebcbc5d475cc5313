import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '../../../lib/zod-resolver';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { createPartUsedInputSchema, type CreatePartUsedInput, type RepairJobDetail } from '@jv/contracts';
import { Button } from '../../../components/button';
import { FormAlert } from '../../../components/form-alert';
import { SelectField, TextField } from '../../../components/form-fields';
import { EmptyState, ErrorState, LoadingState, Notice } from '../../../components/states';
import { useFormatters } from '../../../lib/format';
import { useServerFormErrors } from '../../../lib/form-errors';
import { useIdempotencyKey } from '../../../lib/idempotency';
import { isQueued } from '../../../lib/outbox/runtime';
import { useCreatePartUsed } from '../api/create-part-used';
import { useCompatibleComponents } from '../api/get-compatible-components';
import type { usePartsUsed } from '../api/get-parts-used';

const FIELDS = ['componentId', 'quantity', 'componentRequestId'] as const;
type Values = z.input<typeof createPartUsedInputSchema>;

/** The parts used on a job. */
export function PartsList({ query }: { query: ReturnType<typeof usePartsUsed> }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.length === 0) return <EmptyState message={t('repairJobs.parts.empty')} />;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">{t('repairJobs.parts.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('repairJobs.parts.partNumber')}</th>
            <th scope="col">{t('repairJobs.parts.component')}</th>
            <th scope="col" className="num">
              {t('repairJobs.parts.quantity')}
            </th>
            <th scope="col">{t('repairJobs.parts.addedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {query.data.map((p) => (
            <tr key={p.id} data-testid="part-row">
              <td className="mono nowrap">{p.partNumber}</td>
              <td>
                {p.componentName}
                {p.componentRequestId ? <span className="muted"> · {t('repairJobs.parts.fromRequest')}</span> : null}
              </td>
              <td className="num">{fmt.number(p.quantity)}</td>
              <td className="nowrap">{fmt.dateTime(p.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type JobRequest = RepairJobDetail['componentRequests'][number];
const EMPTY: Values = { componentId: '', quantity: 1, componentRequestId: null };

export interface PartsFormProps {
  jobId: string;
  modelId: string;
  /** the job's component requests (its detail's `componentRequests`): a part may be taken from one */
  requests?: readonly JobRequest[];
}

/**
 * "Add part": a component that fits the system's model (the job's `modelId`), a quantity and,
 * optionally, the request of this job it was delivered on (only requests with deliveries, for the chosen
 * component). More than is left on that request: 409 PARTS_EXCEED_DELIVERED, worded with `available`.
 */
export function PartsForm({ jobId, modelId, requests = [] }: PartsFormProps) {
  const { t } = useTranslation();
  const components = useCompatibleComponents(modelId);
  const addPart = useCreatePartUsed();
  const idempotency = useIdempotencyKey();
  const form = useForm<Values, unknown, CreatePartUsedInput>({
    resolver: zodResolver(createPartUsedInputSchema),
    defaultValues: EMPTY,
  });
  const { formError, handleError, clearFormError } = useServerFormErrors(form.setError, FIELDS);
  const { errors } = form.formState;
  const options = (components.data ?? []).map((c) => ({ value: c.id, label: `${c.partNumber} — ${c.name}` }));
  const delivered = requests.filter((r) => r.deliveredQuantity > 0);
  // the job's requests name their component by part number
  const componentId = form.watch('componentId');
  const chosenPartNumber = components.data?.find((c) => c.id === componentId)?.partNumber;
  const requestOptions = delivered
    .filter((r) => r.componentPartNumber === chosenPartNumber)
    .map((r) => ({
      value: r.id,
      label: t('repairJobs.parts.requestOption', { number: r.number, delivered: r.deliveredQuantity }),
    }));
  const requestIds = requestOptions.map((o) => o.value).join(',');
  // another component: a request chosen for the previous one no longer applies
  useEffect(() => {
    const chosen = form.getValues('componentRequestId');
    if (chosen && !requestIds.split(',').includes(chosen)) form.setValue('componentRequestId', null);
  }, [requestIds, form]);

  const onSubmit = form.handleSubmit((input) => {
    clearFormError();
    addPart.mutate(
      { jobId, input, idempotencyKey: idempotency.key },
      {
        onSuccess: () => {
          idempotency.renew();
          form.reset(EMPTY);
        },
        onError: (error) => {
          idempotency.renewAfter(error);
          handleError(error);
        },
      },
    );
  });

  return (
    <form className="parts-form" noValidate onSubmit={onSubmit} data-testid="parts-form">
      <h3>{t('repairJobs.parts.add')}</h3>
      <FormAlert formError={formError} />
      {addPart.isSuccess && !form.formState.isDirty ? (
        <Notice kind="success">{isQueued(addPart.data) ? t('outbox.queued') : t('repairJobs.parts.added')}</Notice>
      ) : null}
      {components.isError ? <ErrorState error={components.error} onRetry={() => void components.refetch()} /> : null}
      {components.isSuccess && options.length === 0 ? <Notice>{t('repairJobs.parts.noCompatible')}</Notice> : null}
      <div className="parts-grid">
        <SelectField
          label={t('repairJobs.parts.component')}
          required
          placeholder={components.isFetching ? t('common.loading') : t('common.notSelected')}
          options={options}
          hint={t('repairJobs.parts.compatibleOnly')}
          error={errors.componentId}
          {...form.register('componentId')}
        />
        <TextField
          label={t('repairJobs.parts.quantity')}
          type="number"
          inputMode="numeric"
          min={1}
          max={10000}
          step={1}
          required
          error={errors.quantity}
          {...form.register('quantity', { valueAsNumber: true })}
        />
        {delivered.length > 0 ? (
          <SelectField
            label={t('repairJobs.parts.fromRequestLabel')}
            placeholder={t('repairJobs.parts.noRequest')}
            options={requestOptions}
            hint={t('repairJobs.parts.fromRequestHint')}
            error={errors.componentRequestId}
            {...form.register('componentRequestId', { setValueAs: (v: string | null) => v || null })}
          />
        ) : null}
        <Button
          type="submit"
          variant="primary"
          className="parts-submit"
          busy={addPart.isPending}
          disabled={options.length === 0}
          data-testid="parts-submit"
        >
          {addPart.isPending ? t('repairJobs.parts.submitting') : t('repairJobs.parts.submit')}
        </Button>
      </div>
    </form>
  );
}
