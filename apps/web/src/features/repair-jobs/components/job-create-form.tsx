import { useEffect, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '../../../lib/zod-resolver';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { createRepairJobInputSchema, type CreateRepairJobInput } from '@jv/contracts';
import { Button, ButtonLink } from '../../../components/button';
import { flash } from '../../../components/flash-notice';
import { FormAlert } from '../../../components/form-alert';
import { FormActions, SelectField } from '../../../components/form-fields';
import { isApiError } from '../../../lib/api-client';
import { useServerFormErrors } from '../../../lib/form-errors';
import { useIdempotencyKey } from '../../../lib/idempotency';
import { useOutboxFixValues } from '../../../lib/outbox/fix';
import { isQueued } from '../../../lib/outbox/runtime';
import { useCurrentUser } from '../../../lib/session';
import { useCreateRepairJob } from '../api/create-repair-job';
import { usePreselectedSystem, type SystemOption } from '../api/search-systems';
import { useJobFacilityOptions } from './facility-options';
import { useJobLabels } from './job-labels';
import { SystemPicker } from './system-picker';
import { TechniciansField } from './technicians-field';
import { TextAreaField } from './text-area-field';

type Values = z.input<typeof createRepairJobInputSchema>;
const FIELDS = ['facilityId', 'systemId', 'kind', 'priority', 'reportedFault', 'technicianIds'] as const;

interface JobCreateFormProps {
  /** From the URL (`?facilityId=`, `?systemId=`): the board's facility, a system's "open a job". */
  initialFacilityId?: string;
  initialSystemId?: string;
}

/** The new-job form: facility, system (search by serial), kind, priority, reported fault, technicians. */
export function JobCreateForm({ initialFacilityId, initialSystemId }: JobCreateFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const labels = useJobLabels();
  const facilities = useJobFacilityOptions();
  const createJob = useCreateRepairJob();
  const idempotency = useIdempotencyKey();
  const [system, setSystem] = useState<SystemOption | null>(null);
  // "Fix" on the outbox page: the refused job comes back with what was typed
  const fix = useOutboxFixValues<CreateRepairJobInput>('newJob');
  const preselected = usePreselectedSystem(initialSystemId ?? fix?.systemId);

  const firstFacility =
    facilities.options.find((o) => o.value === initialFacilityId)?.value ??
    (user.role === 'workshop' ? user.facilityIds[0] : undefined);
  const form = useForm<Values, unknown, CreateRepairJobInput>({
    resolver: zodResolver(createRepairJobInputSchema),
    defaultValues: {
      facilityId: firstFacility ?? '',
      kind: 'corrective',
      priority: 'routine',
      reportedFault: '',
      technicianIds: user.role === 'workshop' ? [user.id] : [],
      ...fix,
      // set by the picker once the system is known (the preselection below)
      systemId: '',
    },
  });
  const { formError, handleError, clearFormError } = useServerFormErrors(form.setError, FIELDS);
  const { errors } = form.formState;
  const facilityId = form.watch('facilityId');
  const alertRef = useRef<HTMLDivElement>(null);

  // a refusal that belongs to no field (one open job per system, stale data…) is shown at the top
  useEffect(() => {
    if (
      formError &&
      !(isApiError(formError.error) && formError.error.status === 400 && formError.unmatched.length === 0)
    ) {
      alertRef.current?.scrollIntoView({ block: 'center' });
    }
  }, [formError]);

  // an admin's facility list arrives after the form: start on the board's facility once it is known
  useEffect(() => {
    if (
      !form.getValues('facilityId') &&
      initialFacilityId &&
      facilities.options.some((o) => o.value === initialFacilityId)
    ) {
      form.setValue('facilityId', initialFacilityId);
    }
  }, [facilities.options, initialFacilityId, form]);

  const choose = (next: SystemOption | null) => {
    setSystem(next);
    form.setValue('systemId', next?.id ?? '', { shouldValidate: form.formState.isSubmitted });
    // a system that stands at one of the user's workshops is repaired there, most likely
    if (next?.facilityId && facilities.options.some((o) => o.value === next.facilityId)) {
      form.setValue('facilityId', next.facilityId, { shouldValidate: form.formState.isSubmitted });
    }
  };

  const preselectedSystem = preselected.data;
  useEffect(() => {
    if (preselectedSystem && !form.getValues('systemId')) {
      setSystem(preselectedSystem);
      form.setValue('systemId', preselectedSystem.id);
    }
  }, [preselectedSystem, form]);

  const onSubmit = form.handleSubmit((input) => {
    clearFormError();
    createJob.mutate(
      { input, idempotencyKey: idempotency.key, label: system?.serialNumber },
      {
        // a job kept in the outbox has no page yet: the outbox shows it until the server answers
        onSuccess: (created) =>
          isQueued(created) ? navigate('/outbox') : navigate(`/repair-jobs/${created.id}`, { state: flash('created') }),
        onError: (error) => {
          idempotency.renewAfter(error);
          handleError(error);
        },
      },
    );
  });

  return (
    <form className="record-form job-form" noValidate onSubmit={onSubmit}>
      <div ref={alertRef}>
        <FormAlert formError={formError} />
      </div>
      <SelectField
        label={t('repairJobs.fields.facility')}
        required
        placeholder={t('common.notSelected')}
        options={facilities.options}
        error={errors.facilityId}
        {...form.register('facilityId')}
      />
      <Controller
        control={form.control}
        name="systemId"
        render={() => (
          <SystemPicker
            value={system}
            onChange={choose}
            error={
              errors.systemId
                ? errors.systemId.type === 'server'
                  ? errors.systemId.message
                  : t('repairJobs.create.systemRequired')
                : undefined
            }
            facilityCode={facilities.codeOf}
            statusLabel={labels.systemStatus}
          />
        )}
      />
      <div className="form-grid">
        <SelectField
          label={t('repairJobs.fields.kind')}
          required
          options={labels.kindOptions}
          error={errors.kind}
          {...form.register('kind')}
        />
        <SelectField
          label={t('repairJobs.fields.priority')}
          required
          options={labels.priorityOptions}
          error={errors.priority}
          {...form.register('priority')}
        />
      </div>
      <TextAreaField
        label={t('repairJobs.fields.reportedFault')}
        required
        rows={5}
        maxLength={4000}
        error={errors.reportedFault}
        {...form.register('reportedFault')}
      />
      <Controller
        control={form.control}
        name="technicianIds"
        render={({ field }) => (
          <TechniciansField value={field.value ?? []} onChange={field.onChange} facilityId={facilityId || undefined} />
        )}
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={createJob.isPending} data-testid="save-button">
          {createJob.isPending ? t('repairJobs.create.submitting') : t('repairJobs.create.submit')}
        </Button>
        <ButtonLink to="/repair-jobs" variant="ghost" data-testid="cancel-button">
          {t('common.cancel')}
        </ButtonLink>
      </FormActions>
    </form>
  );
}
