import { useTranslation } from 'react-i18next';
import type { RepairJobDetail, WorkLogList } from '@jv/contracts';
import { useCurrentUser } from '../../../lib/session';
import { TransitionButtons, type OpenMove } from './transition-buttons';

/**
 * Quality check: completing the job is the quality sign-off, refused by the API (FOUR_EYES) when the
 * signer logged work on the job, and (WORK_LOG_REQUIRED) when nobody did. The rule is explained up
 * front; the button stays, so the API's answer is what counts.
 */
export function SignOffSection({
  job,
  workLogs,
  onMove,
}: {
  job: RepairJobDetail;
  workLogs: WorkLogList | undefined;
  onMove: OpenMove;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const iLogged = !!workLogs?.items.some((log) => log.technicianId === user.id);
  const noLogs = workLogs !== undefined && workLogs.items.length === 0;

  return (
    <section className="panel sign-off" data-testid="sign-off" aria-labelledby="sign-off-title">
      <h2 id="sign-off-title">{t('repairJobs.signOff.title')}</h2>
      <p>{t('repairJobs.signOff.body')}</p>
      <p className="sign-off-rule">{t('repairJobs.signOff.rule')}</p>
      {iLogged ? (
        <p className="notice notice-error" data-testid="sign-off-warning">
          {t('repairJobs.signOff.youLogged')}
        </p>
      ) : null}
      {noLogs ? (
        <p className="notice notice-error" data-testid="sign-off-no-logs">
          {t('repairJobs.signOff.noLogs')}
        </p>
      ) : null}
      <TransitionButtons
        job={job}
        onMove={onMove}
        only={(to) => to === 'completed'}
        labelFor={() => t('repairJobs.signOff.submit')}
        className="sign-off-actions"
      />
    </section>
  );
}
