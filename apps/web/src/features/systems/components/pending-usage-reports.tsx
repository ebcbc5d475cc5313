import { useTranslation } from 'react-i18next';
import { WaitingBadge } from '../../../components/waiting-badge';
import { useFormatters } from '../../../lib/format';
import { outboxProblemText } from '../../../lib/outbox-problem-text';
import { useOutboxEntries } from '../../../lib/outbox/use-outbox-entries';

const USAGE = ['usageReport'] as const;

/** The system's usage reports typed on this device and not sent yet, under the form that made them. */
export function PendingUsageReports({ systemId }: { systemId: string }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const entries = useOutboxEntries({ systemId, kinds: USAGE });
  if (entries.length === 0) return null;
  return (
    <ul className="usage-pending" aria-label={t('outbox.waiting')} data-testid="usage-pending">
      {entries.map((entry) => {
        const body = entry.body as { date: string; rounds: number };
        const refused = entry.state === 'conflict' || entry.state === 'failed';
        return (
          <li key={entry.id} data-testid="usage-report-pending" data-state={entry.state}>
            {fmt.date(body.date)} · {t('systems.usageForm.rounds')}: {fmt.number(body.rounds)}{' '}
            {refused ? (
              <span className="ob-problem" role="alert">
                {t(`outbox.state.${entry.state}`)}
                {entry.lastError ? `: ${outboxProblemText(t, entry.lastError)}` : ''}
              </span>
            ) : (
              <WaitingBadge />
            )}
          </li>
        );
      })}
    </ul>
  );
}
