import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RepairJobStatus } from '@jv/domain';
import { Notice } from '../../../components/states';
import { WaitingBadge } from '../../../components/waiting-badge';
import { useFormatters } from '../../../lib/format';
import type { OutboxEntry } from '../../../lib/outbox/db';
import { outboxProblemText } from '../../../lib/outbox-problem-text';
import { useOutboxEntries } from '../../../lib/outbox/use-outbox-entries';
import { useJobLabels } from './job-labels';

const WORK_LOGS = ['workLog'] as const;
const ON_JOB = ['jobMove', 'partUsed', 'componentRequest'] as const;

/** The work logs of a job typed on this device and not sent yet (none without a job). */
export function usePendingWorkLogs(jobId: string | undefined): OutboxEntry[] {
  const entries = useOutboxEntries({ jobId: jobId ?? '-', kinds: WORK_LOGS });
  return jobId ? entries : [];
}

/** Rows of the work log table for entries still in the outbox, marked "waiting to send", after the server's rows. */
export function PendingWorkLogRows({ entries, technician }: { entries: OutboxEntry[]; technician: string }) {
  const fmt = useFormatters();
  return entries.map((entry) => {
    const body = entry.body as { date: string; hours: number; note?: string | null };
    return (
      <tr key={entry.id} className="ob-row-waiting" data-testid="worklog-row-pending" data-state={entry.state}>
        <td className="nowrap">{fmt.date(body.date)}</td>
        <td>{technician}</td>
        <td className="num">{fmt.number(body.hours)}</td>
        <td>
          {body.note ?? ''} <WaitingBadge />
        </td>
      </tr>
    );
  });
}

/**
 * A job's moves, parts and component requests typed on this device and not sent yet, at the top of the job: a move
 * waiting to be sent shows where the job is going; a refused one links to the outbox, where it can be fixed or
 * dropped.
 */
export function PendingOnJob({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const labels = useJobLabels();
  const entries = useOutboxEntries({ jobId, kinds: ON_JOB });
  if (entries.length === 0) return null;
  const describe = (entry: OutboxEntry) => {
    if (entry.kind === 'jobMove') {
      return t('outbox.pendingMove', { to: labels.status((entry.body as { to: RepairJobStatus }).to) });
    }
    return t(`outbox.kind.${entry.kind}`);
  };
  return (
    <Notice>
      <ul className="ob-on-job" data-testid="pending-on-job">
        {entries.map((entry) => (
          <li key={entry.id} data-testid="pending-entry" data-kind={entry.kind} data-state={entry.state}>
            {describe(entry)}{' '}
            {entry.state === 'conflict' || entry.state === 'failed' ? (
              <>
                <span className="badge badge-action-delete">{t(`outbox.state.${entry.state}`)}</span>
                {entry.lastError ? (
                  <span className="ob-problem" role="alert" data-testid="pending-entry-problem">
                    {' '}
                    {outboxProblemText(t, entry.lastError)}
                  </span>
                ) : null}{' '}
                <Link to="/outbox" data-testid="pending-entry-open-outbox">
                  {t('outbox.fixOrDrop')}
                </Link>
              </>
            ) : (
              <WaitingBadge />
            )}
          </li>
        ))}
      </ul>
    </Notice>
  );
}
