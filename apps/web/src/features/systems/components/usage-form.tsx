import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '../../../lib/zod-resolver';
import { useTranslation } from 'react-i18next';
import { createUsageReportInputSchema, type CreateUsageReportInput } from '@jv/contracts';
import { Button } from '../../../components/button';
import { FormAlert } from '../../../components/form-alert';
import { FormActions, TextField } from '../../../components/form-fields';
import { Notice } from '../../../components/states';
import { isApiError } from '../../../lib/api-client';
import { useServerFormErrors } from '../../../lib/form-errors';
import { useIdempotencyKey } from '../../../lib/idempotency';
import { useOutboxFixValues } from '../../../lib/outbox/fix';
import { isQueued } from '../../../lib/outbox/runtime';
import { useCreateUsageReport } from '../api/create-usage-report';
import { useEfcMessage } from './efc-message';
import { PendingUsageReports } from './pending-usage-reports';

const FIELDS = ['date', 'rounds', 'efc'] as const;

/** Today as YYYY-MM-DD in the device's time zone (the day the crew fired, not UTC's). */
export function localToday(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Rounds fired on one day, for a tablet in a workshop: big inputs, the date set to today, a retry of a
 * lost request carries the same Idempotency-Key. A second report for the same day is refused (409).
 */
export function UsageForm({ systemId }: { systemId: string }) {
  const { t } = useTranslation();
  const createReport = useCreateUsageReport();
  const idempotency = useIdempotencyKey();
  const efcMessage = useEfcMessage();
  // what the last report became: sent, or kept in the outbox until the connection returns
  const [done, setDone] = useState<false | 'sent' | 'queued'>(false);
  const today = localToday();

  // "Fix" on the outbox page: the refused report comes back with what was typed
  const fix = useOutboxFixValues<CreateUsageReportInput>('usageReport');
  const form = useForm<CreateUsageReportInput>({
    resolver: zodResolver(createUsageReportInputSchema),
    defaultValues: { date: today, ...fix },
  });
  const { formError, handleError, clearFormError } = useServerFormErrors(form.setError, FIELDS);
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((input) => {
    clearFormError();
    setDone(false);
    createReport.mutate(
      { systemId, input, idempotencyKey: idempotency.key },
      {
        onSuccess: (report) => {
          idempotency.renew();
          form.reset({ date: input.date });
          setDone(isQueued(report) ? 'queued' : 'sent');
        },
        onError: (error) => {
          idempotency.renewAfter(error);
          if (isApiError(error) && error.status === 409 && error.code === 'DUPLICATE_USAGE_DAY') {
            form.setError(
              'date',
              { type: 'server', message: t('systems.usageForm.duplicateDay') },
              { shouldFocus: true },
            );
            return;
          }
          handleError(error);
        },
      },
    );
  });

  return (
    <form
      className="action-form usage-form"
      noValidate
      onSubmit={onSubmit}
      data-testid="usage-form"
      aria-labelledby="usage-form-title"
    >
      <h2 id="usage-form-title">{t('systems.usageForm.title')}</h2>
      <FormAlert formError={formError} />
      {done ? (
        <Notice kind="success">
          <span data-testid="usage-done">{done === 'queued' ? t('outbox.queued') : t('systems.usageForm.done')}</span>
        </Notice>
      ) : null}
      <PendingUsageReports systemId={systemId} />
      <TextField
        label={t('systems.usageForm.date')}
        type="date"
        required
        max={today}
        error={errors.date}
        {...form.register('date')}
      />
      <div className="usage-form-numbers">
        <TextField
          label={t('systems.usageForm.rounds')}
          type="number"
          inputMode="numeric"
          min={0}
          max={10000}
          step={1}
          required
          error={errors.rounds}
          {...form.register('rounds', { valueAsNumber: true })}
        />
        <TextField
          label={t('systems.usageForm.efc')}
          type="number"
          inputMode="decimal"
          min={0}
          max={10000}
          step={0.01}
          required
          hint={t('systems.usageForm.efcHint')}
          customMessage={efcMessage(errors.efc)}
          error={errors.efc}
          {...form.register('efc', { valueAsNumber: true })}
        />
      </div>
      <FormActions>
        <Button
          type="submit"
          variant="primary"
          className="btn-large"
          busy={createReport.isPending}
          data-testid="usage-submit"
        >
          {createReport.isPending ? t('common.saving') : t('systems.usageForm.submit')}
        </Button>
      </FormActions>
    </form>
  );
}
