import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '../../../lib/zod-resolver';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { createWorkLogInputSchema, type CreateWorkLogInput, type WorkLogList } from '@jv/contracts';
import { Button } from '../../../components/button';
import { FormAlert } from '../../../components/form-alert';
import { TextField } from '../../../components/form-fields';
import { EmptyState, ErrorState, LoadingState, Notice } from '../../../components/states';
import { useFormatters } from '../../../lib/format';
import { useServerFormErrors } from '../../../lib/form-errors';
import { useIdempotencyKey } from '../../../lib/idempotency';
import { useOutboxFixValues } from '../../../lib/outbox/fix';
import { isQueued } from '../../../lib/outbox/runtime';
import { useCurrentUser } from '../../../lib/session';
import { useCreateWorkLog } from '../api/create-work-log';
import type { useWorkLogs } from '../api/get-work-logs';
import { WorkLogPhotos } from './job-photos';
import { lastHours, rememberHours } from './last-hours';
import { PendingWorkLogRows, usePendingWorkLogs } from './pending-entries';
import { TextAreaField } from './text-area-field';

const STEP = 0.25;
const MIN_HOURS = 0.25;
const MAX_HOURS = 24;
const FIELDS = ['date', 'hours', 'note'] as const;
type Values = z.input<typeof createWorkLogInputSchema>;

/** Today as YYYY-MM-DD in the user's time zone (a work log is a calendar day). */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const clampHours = (h: number) => Math.min(MAX_HOURS, Math.max(MIN_HOURS, Math.round(h / STEP) * STEP));

/** The work logs of a job (who, when, how long) and their total; with `jobId`, also those waiting in the outbox. */
export function WorkLogList({ query, jobId }: { query: ReturnType<typeof useWorkLogs>; jobId?: string }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const user = useCurrentUser();
  const pending = usePendingWorkLogs(jobId);
  // offline, the entries typed here show even when the job's logs were never loaded on this device
  if (pending.length === 0 && query.isPending) return <LoadingState />;
  if (pending.length === 0 && query.isError) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const list: WorkLogList = query.data ?? { items: [], totalHours: 0 };
  if (list.items.length === 0 && pending.length === 0) {
    return <EmptyState message={t('repairJobs.workLogs.empty')} />;
  }
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">{t('repairJobs.workLogs.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('repairJobs.workLogs.date')}</th>
            <th scope="col">{t('repairJobs.workLogs.technician')}</th>
            <th scope="col" className="num">
              {t('repairJobs.workLogs.hours')}
            </th>
            <th scope="col">{t('repairJobs.workLogs.note')}</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((log) => (
            <tr key={log.id} data-testid="worklog-row">
              <td className="nowrap">{fmt.date(log.date)}</td>
              <td>{log.technicianName ?? t('common.none')}</td>
              <td className="num">{fmt.number(log.hours)}</td>
              <td>
                {log.note ?? ''}
                <WorkLogPhotos jobId={log.jobId} workLogId={log.id} />
              </td>
            </tr>
          ))}
          <PendingWorkLogRows entries={pending} technician={user.displayName} />
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t('repairJobs.workLogs.total')}
            </th>
            <td className="num" data-testid="worklog-total">
              <strong>{fmt.number(list.totalHours)}</strong>
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/**
 * "Log work": date (today by default), hours in quarter-hour steps with big − / + buttons (the hours this
 * user logged last by default), a note. The signed-in user is the technician. Sent with an Idempotency-Key.
 */
export function WorkLogForm({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const createLog = useCreateWorkLog();
  const idempotency = useIdempotencyKey();
  const user = useCurrentUser();
  // "Fix" on the outbox page: the refused work log comes back with what was typed
  const fix = useOutboxFixValues<CreateWorkLogInput>('workLog');
  const form = useForm<Values, unknown, CreateWorkLogInput>({
    resolver: zodResolver(createWorkLogInputSchema),
    defaultValues: { date: today(), hours: lastHours(user.id), ...fix, note: fix?.note ?? '' },
  });
  const { formError, handleError, clearFormError } = useServerFormErrors(form.setError, FIELDS);
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((input) => {
    clearFormError();
    createLog.mutate(
      {
        jobId,
        input: { ...input, note: input.note?.trim() ? input.note.trim() : null },
        idempotencyKey: idempotency.key,
      },
      {
        onSuccess: () => {
          idempotency.renew();
          rememberHours(user.id, input.hours);
          form.reset({ date: input.date, hours: input.hours, note: '' });
        },
        onError: (error) => {
          idempotency.renewAfter(error);
          handleError(error);
        },
      },
    );
  });

  return (
    <form className="worklog-form" noValidate onSubmit={onSubmit} data-testid="worklog-form">
      <h3>{t('repairJobs.workLogs.add')}</h3>
      <FormAlert formError={formError} />
      {createLog.isSuccess && !form.formState.isDirty ? (
        <Notice kind="success">{isQueued(createLog.data) ? t('outbox.queued') : t('repairJobs.workLogs.added')}</Notice>
      ) : null}
      <div className="worklog-grid">
        <TextField
          label={t('repairJobs.workLogs.date')}
          type="date"
          required
          max={today()}
          error={errors.date}
          {...form.register('date')}
        />
        <Controller
          control={form.control}
          name="hours"
          render={({ field }) => {
            const value = typeof field.value === 'number' && Number.isFinite(field.value) ? field.value : 0;
            return (
              <div className={`field hours-field${errors.hours ? ' field-invalid' : ''}`}>
                <label htmlFor="field-hours">
                  {t('repairJobs.workLogs.hours')}
                  <span className="required" aria-hidden="true">
                    {' '}
                    *
                  </span>
                </label>
                <div className="rj-stepper">
                  <button
                    type="button"
                    className="btn btn-secondary rj-stepper-button"
                    aria-label={t('repairJobs.workLogs.decrease')}
                    data-testid="hours-decrease"
                    disabled={value <= MIN_HOURS}
                    onClick={() => field.onChange(clampHours(value - STEP))}
                  >
                    −
                  </button>
                  <input
                    id="field-hours"
                    name={field.name}
                    ref={field.ref}
                    data-testid="field-hours"
                    type="number"
                    inputMode="decimal"
                    step={STEP}
                    min={MIN_HOURS}
                    max={MAX_HOURS}
                    value={typeof field.value === 'number' && Number.isFinite(field.value) ? field.value : ''}
                    aria-invalid={errors.hours ? true : undefined}
                    aria-describedby={errors.hours ? 'field-hours-error' : 'field-hours-hint'}
                    onChange={(e) =>
                      field.onChange(e.target.value === '' ? Number.NaN : Number(e.target.value.replace(',', '.')))
                    }
                    onBlur={field.onBlur}
                  />
                  <button
                    type="button"
                    className="btn btn-secondary rj-stepper-button"
                    aria-label={t('repairJobs.workLogs.increase')}
                    data-testid="hours-increase"
                    disabled={value >= MAX_HOURS}
                    onClick={() => field.onChange(clampHours(value + STEP))}
                  >
                    +
                  </button>
                </div>
                {errors.hours ? (
                  <p className="field-error" id="field-hours-error" role="alert">
                    {errors.hours.type === 'server' ? errors.hours.message : t('repairJobs.workLogs.hoursInvalid')}
                  </p>
                ) : (
                  <p className="field-hint" id="field-hours-hint">
                    {t('repairJobs.workLogs.hoursHint')}
                  </p>
                )}
              </div>
            );
          }}
        />
      </div>
      <TextAreaField
        label={t('repairJobs.workLogs.note')}
        rows={2}
        maxLength={2000}
        error={errors.note}
        {...form.register('note')}
      />
      <Button
        type="submit"
        variant="primary"
        className="rj-btn-large"
        busy={createLog.isPending}
        data-testid="worklog-submit"
      >
        {createLog.isPending ? t('repairJobs.workLogs.submitting') : t('repairJobs.workLogs.submit')}
      </Button>
    </form>
  );
}
