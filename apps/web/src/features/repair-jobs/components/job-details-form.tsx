import { useForm } from 'react-hook-form';
import { zodResolver } from '../../../lib/zod-resolver';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { repairJobPrioritySchema, trimmed, type RepairJobDetail } from '@jv/contracts';
import { Button } from '../../../components/button';
import { FormAlert } from '../../../components/form-alert';
import { FormActions, SelectField } from '../../../components/form-fields';
import { Notice } from '../../../components/states';
import { useServerFormErrors } from '../../../lib/form-errors';
import { useUpdateRepairJob } from '../api/update-repair-job';
import { useJobLabels } from './job-labels';
import { TextAreaField } from './text-area-field';

/** The editable part of the update contract (`updateRepairJobInputSchema`), every field present. */
const detailsSchema = z.object({
  priority: repairJobPrioritySchema,
  reportedFault: trimmed(3, 4000),
  diagnosis: z.string().trim().max(4000),
});
type Values = z.infer<typeof detailsSchema>;
const FIELDS = ['priority', 'reportedFault', 'diagnosis'] as const;

/**
 * Fault, diagnosis and priority of a job, saved with the version that was loaded (a stale one gets the
 * "changed by someone else" banner). Mount it with `key={job.version}` so it follows the job.
 */
export function JobDetailsForm({ job }: { job: RepairJobDetail }) {
  const { t } = useTranslation();
  const labels = useJobLabels();
  const update = useUpdateRepairJob();
  const form = useForm<Values>({
    resolver: zodResolver(detailsSchema),
    defaultValues: { priority: job.priority, reportedFault: job.reportedFault, diagnosis: job.diagnosis ?? '' },
  });
  const { formError, handleError, clearFormError } = useServerFormErrors(form.setError, FIELDS);
  const { errors, isDirty } = form.formState;

  const onSubmit = form.handleSubmit((values) => {
    clearFormError();
    update.mutate(
      {
        id: job.id,
        input: {
          version: job.version,
          priority: values.priority,
          reportedFault: values.reportedFault,
          diagnosis: values.diagnosis || null,
        },
      },
      { onError: handleError },
    );
  });

  return (
    <form className="job-details-form" noValidate onSubmit={onSubmit} data-testid="job-details-form">
      <FormAlert formError={formError} />
      {update.isSuccess && !isDirty ? <Notice kind="success">{t('common.saved')}</Notice> : null}
      <SelectField
        label={t('repairJobs.fields.priority')}
        required
        options={labels.priorityOptions}
        error={errors.priority}
        {...form.register('priority')}
      />
      <TextAreaField
        label={t('repairJobs.fields.reportedFault')}
        required
        rows={3}
        maxLength={4000}
        error={errors.reportedFault}
        {...form.register('reportedFault')}
      />
      <TextAreaField
        label={t('repairJobs.fields.diagnosis')}
        rows={4}
        maxLength={4000}
        error={errors.diagnosis}
        {...form.register('diagnosis')}
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={update.isPending} disabled={!isDirty} data-testid="details-save">
          {update.isPending ? t('common.saving') : t('repairJobs.detail.saveDetails')}
        </Button>
      </FormActions>
    </form>
  );
}

/** The same facts, read only. */
export function JobDetailsView({ job }: { job: RepairJobDetail }) {
  const { t } = useTranslation();
  return (
    <dl className="job-text">
      <dt>{t('repairJobs.fields.reportedFault')}</dt>
      <dd data-testid="job-reported-fault">{job.reportedFault}</dd>
      <dt>{t('repairJobs.fields.diagnosis')}</dt>
      <dd data-testid="job-diagnosis">
        {job.diagnosis ?? <span className="muted">{t('repairJobs.detail.noDiagnosis')}</span>}
      </dd>
    </dl>
  );
}
