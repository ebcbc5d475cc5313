import { useEffect, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '../../../lib/zod-resolver';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { createComponentRequestInputSchema, type CreateComponentRequestInput } from '@jv/contracts';
import { Button, ButtonLink } from '../../../components/button';
import { flash } from '../../../components/flash-notice';
import { FormAlert } from '../../../components/form-alert';
import { FormActions, SelectField, TextField } from '../../../components/form-fields';
import { ErrorState, LoadingState, Notice } from '../../../components/states';
import { TextAreaField } from '../../../components/text-area-field';
import { isApiError } from '../../../lib/api-client';
import { useServerFormErrors } from '../../../lib/form-errors';
import { useIdempotencyKey } from '../../../lib/idempotency';
import { componentLabel, useComponentOptions } from '../../../lib/lookups';
import { useOutboxFixValues } from '../../../lib/outbox/fix';
import { isQueued } from '../../../lib/outbox/runtime';
import { useCurrentUser } from '../../../lib/session';
import { useCreateComponentRequest } from '../api/create-component-request';
import { useLinkedJob } from '../api/get-linked-job';
import { localDayIn, localToday } from './dates';
import { useRequestLabels } from './request-labels';
import { useDestinationOptions } from './use-request-options';

type Values = z.input<typeof createComponentRequestInputSchema>;
const FIELDS = [
  'componentId',
  'quantity',
  'priority',
  'neededBy',
  'facilityId',
  'repairJobId',
  'systemId',
  'justification',
] as const;
/** A request is needed in two weeks unless the requester says otherwise. */
const DEFAULT_LEAD_DAYS = 14;

export interface RequestCreateFormProps {
  /** From the URL of a repair job's "Request parts": the job, its system, facility and system model. */
  repairJobId?: string;
  systemId?: string;
  facilityId?: string;
  modelId?: string;
}

/**
 * The new-request form: component (only those that fit the job's system model when raised from a job),
 * quantity, priority, needed by, destination facility and a justification. The job and its system are
 * fixed by the link that opened the form. Sent with an Idempotency-Key.
 */
export function RequestCreateForm({ repairJobId, systemId, facilityId, modelId }: RequestCreateFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const labels = useRequestLabels();
  const job = useLinkedJob(repairJobId);
  // the model that decides compatibility: the link's, else the job's once it is known
  const effectiveModelId = modelId ?? job.data?.modelId;
  const waitingForModel = !!repairJobId && !effectiveModelId;
  const components = useComponentOptions(effectiveModelId, !waitingForModel);
  const destinations = useDestinationOptions();
  const create = useCreateComponentRequest();
  const idempotency = useIdempotencyKey();
  const alertRef = useRef<HTMLDivElement>(null);

  const firstFacility = facilityId ?? (user.role === 'workshop' ? user.facilityIds[0] : undefined);
  // "Fix" on the outbox page: the refused request comes back with what was typed
  const fix = useOutboxFixValues<CreateComponentRequestInput>('componentRequest');
  const form = useForm<Values, unknown, CreateComponentRequestInput>({
    resolver: zodResolver(createComponentRequestInputSchema),
    defaultValues: {
      componentId: '',
      quantity: 1,
      priority: 'routine',
      neededBy: localDayIn(DEFAULT_LEAD_DAYS),
      facilityId: firstFacility ?? '',
      repairJobId: repairJobId ?? null,
      systemId: systemId ?? null,
      justification: '',
      ...fix,
    },
  });
  const { formError, handleError, clearFormError } = useServerFormErrors(form.setError, FIELDS);
  const { errors } = form.formState;

  // the job names its system and facility when the link did not
  const jobData = job.data;
  useEffect(() => {
    if (!jobData) return;
    if (!form.getValues('systemId')) form.setValue('systemId', jobData.systemId);
    if (!form.getValues('facilityId')) form.setValue('facilityId', jobData.facilityId);
  }, [jobData, form]);

  // a select shows its value only once its option exists: put it back when the facilities arrive
  const destinationCount = destinations.options.length;
  useEffect(() => {
    if (destinationCount > 0) form.setValue('facilityId', form.getValues('facilityId'));
  }, [destinationCount, form]);

  // a refusal that belongs to no field (job closed, incompatible component…) is shown at the top
  useEffect(() => {
    if (formError && !(isApiError(formError.error) && formError.error.status === 400 && !formError.unmatched.length))
      alertRef.current?.scrollIntoView({ block: 'center' });
  }, [formError]);

  const componentOptions = (components.data ?? []).map((c) => ({ value: c.id, label: componentLabel(c) }));
  // the destination from the link stays selectable even before the facility list has arrived
  const destinationOptions =
    facilityId && !destinations.options.some((o) => o.value === facilityId)
      ? [{ value: facilityId, label: jobData?.facilityCode ?? facilityId }, ...destinations.options]
      : destinations.options;

  const onSubmit = form.handleSubmit((input) => {
    clearFormError();
    create.mutate(
      { input, idempotencyKey: idempotency.key, label: jobData?.number },
      {
        // kept in the outbox (raised from a job while offline): back to the job, where it shows as waiting
        onSuccess: (created) =>
          isQueued(created)
            ? navigate(input.repairJobId ? `/repair-jobs/${input.repairJobId}` : '/outbox')
            : navigate(`/component-requests/${created.id}`, { state: flash('created') }),
        onError: (error) => {
          idempotency.renewAfter(error);
          handleError(error);
        },
      },
    );
  });

  return (
    <form className="record-form cr-form" noValidate onSubmit={onSubmit} data-testid="request-create-form">
      <div ref={alertRef}>
        <FormAlert formError={formError} />
      </div>
      {repairJobId ? (
        <section className="cr-linked-job" aria-label={t('componentRequests.create.job')} data-testid="linked-job">
          {job.isPending ? <LoadingState /> : null}
          {job.isError ? (
            isApiError(job.error) && job.error.status === 404 ? (
              <Notice kind="error">{t('componentRequests.create.jobNotFound')}</Notice>
            ) : (
              <ErrorState error={job.error} onRetry={() => void job.refetch()} />
            )
          ) : null}
          {jobData ? (
            <dl className="cr-facts">
              <div>
                <dt>{t('componentRequests.create.job')}</dt>
                <dd className="mono" data-testid="linked-job-number">
                  {jobData.number}
                </dd>
              </div>
              <div>
                <dt>{t('componentRequests.create.system')}</dt>
                <dd>
                  <span className="mono" data-testid="linked-job-system">
                    {jobData.systemSerial}
                  </span>{' '}
                  <span className="muted">{jobData.modelDesignation}</span>
                </dd>
              </div>
            </dl>
          ) : null}
        </section>
      ) : null}
      {components.isError ? <ErrorState error={components.error} onRetry={() => void components.refetch()} /> : null}
      {effectiveModelId && components.isSuccess && componentOptions.length === 0 ? (
        <Notice>{t('componentRequests.create.noCompatible')}</Notice>
      ) : null}
      <SelectField
        label={t('componentRequests.fields.component')}
        required
        placeholder={components.isFetching || waitingForModel ? t('common.loading') : t('common.notSelected')}
        options={componentOptions}
        hint={effectiveModelId ? t('componentRequests.create.compatibleOnly') : undefined}
        error={errors.componentId}
        {...form.register('componentId')}
      />
      <div className="form-grid">
        <TextField
          label={t('componentRequests.fields.quantity')}
          type="number"
          inputMode="numeric"
          min={1}
          max={10000}
          step={1}
          required
          error={errors.quantity}
          {...form.register('quantity', { valueAsNumber: true })}
        />
        <SelectField
          label={t('componentRequests.fields.priority')}
          required
          options={labels.priorityOptions}
          error={errors.priority}
          {...form.register('priority')}
        />
        <TextField
          label={t('componentRequests.fields.neededBy')}
          type="date"
          required
          min={localToday()}
          error={errors.neededBy}
          {...form.register('neededBy')}
        />
        <SelectField
          label={t('componentRequests.fields.facility')}
          required
          placeholder={t('common.notSelected')}
          options={destinationOptions}
          error={errors.facilityId}
          {...form.register('facilityId')}
        />
      </div>
      <TextAreaField
        label={t('componentRequests.fields.justification')}
        required
        rows={4}
        maxLength={2000}
        hint={t('componentRequests.create.justificationHint')}
        error={errors.justification}
        {...form.register('justification')}
      />
      {errors.repairJobId?.message || errors.systemId?.message ? (
        <p className="field-error" role="alert">
          {errors.repairJobId?.message ?? errors.systemId?.message}
        </p>
      ) : null}
      <FormActions>
        <Button type="submit" variant="primary" busy={create.isPending} data-testid="save-button">
          {create.isPending ? t('componentRequests.create.submitting') : t('componentRequests.create.submit')}
        </Button>
        <ButtonLink
          to={repairJobId ? `/repair-jobs/${repairJobId}` : '/component-requests'}
          variant="ghost"
          data-testid="cancel-button"
        >
          {t('common.cancel')}
        </ButtonLink>
      </FormActions>
    </form>
  );
}
