import { useTranslation } from 'react-i18next';
import type { RepairJobDetail, WorkLogList } from '@jv/contracts';
import { type RepairJobStatus, SIGN_OFF_REQUEST_QUIET_MINUTES, signOffRefusal } from '@jv/domain';
import { Button } from '../../../components/button';
import { useErrorMessage } from '../../../components/use-error-message';
import { useFormatters } from '../../../lib/format';
import { useIdempotencyKey } from '../../../lib/idempotency';
import { useCurrentUser } from '../../../lib/session';
import { useRequestSignOff } from '../api/request-sign-off';
import { TransitionButtons, type OpenMove } from './transition-buttons';

/**
 * Quality check: completing the job is the quality sign-off, refused by the API (FOUR_EYES) when the
 * signer logged work on the job, and (WORK_LOG_REQUIRED) when nobody did. Once the work logs are known, the
 * same rule (libs/domain `signOffRefusal`) disables the button with the reason, and a colleague can be asked.
 */
export function SignOffSection({
  job,
  workLogs,
  onMove,
  pending,
}: {
  job: RepairJobDetail;
  workLogs: WorkLogList | undefined;
  onMove: OpenMove;
  /** the move being sent by a one-tap */
  pending?: RepairJobStatus;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const authors = workLogs?.items.flatMap((log) => (log.technicianId ? [log.technicianId] : [])) ?? [];
  const refusal = workLogs ? signOffRefusal({ workLogAuthors: authors, actorId: user.id }) : null;

  return (
    <section className="panel sign-off" data-testid="sign-off" aria-labelledby="sign-off-title">
      <h2 id="sign-off-title">{t('repairJobs.signOff.title')}</h2>
      <p>{t('repairJobs.signOff.body')}</p>
      <p className="sign-off-rule">{t('repairJobs.signOff.rule')}</p>
      <TransitionButtons
        job={job}
        onMove={onMove}
        only={(to) => to === 'completed'}
        labelFor={() => t('repairJobs.signOff.submit')}
        refusal={() => (refusal ? t(`repairJobs.tablet.refused.${refusal}`) : undefined)}
        pending={pending}
        className="sign-off-actions"
      />
      <RequestSignOff job={job} />
    </section>
  );
}

/** "Ask a colleague to sign off": one tap, then who was asked and when (or that they were asked already). */
function RequestSignOff({ job }: { job: RepairJobDetail }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const message = useErrorMessage();
  const request = useRequestSignOff();
  const idempotency = useIdempotencyKey();
  const answer = request.data;
  const time = answer ? fmt.dateTime(answer.requestedAt) : '';

  return (
    <div className="sign-off-request">
      <Button
        variant="secondary"
        busy={request.isPending}
        data-testid="request-sign-off"
        onClick={() =>
          request.mutate(
            { id: job.id, version: job.version, idempotencyKey: idempotency.key },
            { onSuccess: idempotency.renew, onError: idempotency.renewAfter },
          )
        }
      >
        {request.isPending ? t('repairJobs.tablet.requestingSignOff') : t('repairJobs.tablet.requestSignOff')}
      </Button>
      <div aria-live="polite">
        {answer ? (
          <p className="notice" data-testid="sign-off-requested" data-notified={answer.notified}>
            {answer.repeated
              ? t('repairJobs.tablet.signOffRepeated', { time, minutes: SIGN_OFF_REQUEST_QUIET_MINUTES })
              : answer.notified === 0
                ? t('repairJobs.tablet.signOffNobody')
                : t('repairJobs.tablet.signOffRequested', { count: answer.notified, time })}
          </p>
        ) : null}
        {request.isError ? (
          <p className="notice notice-error" role="alert" data-testid="sign-off-request-error">
            {message(request.error)}
          </p>
        ) : null}
      </div>
    </div>
  );
}
