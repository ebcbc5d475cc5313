import { useTranslation } from 'react-i18next';
import { Button, ButtonLink } from '../../../components/button';
import { useErrorMessage } from '../../../components/use-error-message';
import { useFormatters } from '../../../lib/format';
import { useIdempotencyKey } from '../../../lib/idempotency';
import { isQueued } from '../../../lib/outbox/runtime';
import { useCurrentUser } from '../../../lib/session';
import { useCreateWorkLog } from '../api/create-work-log';
import { lastHours, rememberHours } from './last-hours';
import { today } from './work-log-section';

/**
 * "Log 2 h today": one tap logs the hours this user logged last (today, as the signed-in user); the full form
 * is one more tap away (`formHref`). Sent with an Idempotency-Key; offline it waits in the outbox.
 */
export function QuickWorkLog({ jobId, formHref }: { jobId: string; formHref?: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const message = useErrorMessage();
  const fmt = useFormatters();
  const createLog = useCreateWorkLog();
  const idempotency = useIdempotencyKey();
  const hours = lastHours(user.id);
  const done = createLog.isSuccess ? (createLog.variables?.input.hours ?? hours) : null;

  return (
    <div className="quick-worklog" data-testid="quick-worklog">
      <Button
        variant="secondary"
        busy={createLog.isPending}
        data-testid="quick-worklog-button"
        onClick={() =>
          createLog.mutate(
            { jobId, input: { date: today(), hours, note: null }, idempotencyKey: idempotency.key },
            {
              onSuccess: () => {
                rememberHours(user.id, hours);
                idempotency.renew();
              },
              onError: idempotency.renewAfter,
            },
          )
        }
      >
        {t('repairJobs.tablet.logHours', { hours: fmt.number(hours) })}
      </Button>
      {formHref ? (
        <ButtonLink to={formHref} variant="ghost" data-testid="quick-worklog-form">
          {t('repairJobs.tablet.logOther')}
        </ButtonLink>
      ) : null}
      <span aria-live="polite">
        {done !== null ? (
          <span className="muted" data-testid="quick-worklog-done">
            {isQueued(createLog.data)
              ? t('repairJobs.tablet.logHoursQueued', { hours: fmt.number(done) })
              : t('repairJobs.tablet.logHoursDone', { hours: fmt.number(done) })}
          </span>
        ) : null}
        {createLog.isPaused ? (
          <span className="rj-text-danger" role="alert" data-testid="quick-worklog-offline">
            {t('repairJobs.tablet.notSaved')}
          </span>
        ) : null}
        {createLog.isError ? (
          <span className="rj-text-danger" role="alert">
            {message(createLog.error)}
          </span>
        ) : null}
      </span>
    </div>
  );
}
