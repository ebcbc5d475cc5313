import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { RepairJobStatus } from '@jv/domain';
import { Button } from '../../../components/button';
import { PageHeader } from '../../../components/page-header';
import { EmptyState } from '../../../components/states';
import { useFormatters } from '../../../lib/format';
import { isLocalId, type OutboxEntry } from '../../../lib/outbox/db';
import { outboxFixState } from '../../../lib/outbox/fix';
import { chainKeys, DEPENDENCY_DROPPED } from '../../../lib/outbox/outbox';
import { outboxProblemText } from '../../../lib/outbox-problem-text';
import { flushOutbox } from '../../../lib/outbox/engine';
import { dropEntry, retryEntry, takeEntry } from '../../../lib/outbox/store';
import { useOutboxEntries, useOutboxUserId } from '../../../lib/outbox/use-outbox-entries';
import '../outbox.css';

type Body = Record<string, unknown>;

/** The form an entry came from, where "Fix" opens it again with what was typed. */
function fixTarget(entry: OutboxEntry): string {
  const body = (entry.body ?? {}) as Body;
  const query = (values: Record<string, unknown>) =>
    new URLSearchParams(
      Object.entries(values).filter((pair): pair is [string, string] => typeof pair[1] === 'string' && !!pair[1]),
    ).toString();
  switch (entry.kind) {
    case 'usageReport':
      return `/systems/${entry.scope.systemId}`;
    case 'newJob':
      return `/repair-jobs/new?${query({ facilityId: body['facilityId'], systemId: body['systemId'] })}`;
    case 'componentRequest':
      return `/component-requests/new?${query({
        repairJobId: body['repairJobId'],
        systemId: body['systemId'],
        facilityId: body['facilityId'],
      })}`;
    default:
      return `/repair-jobs/${entry.scope.jobId}`;
  }
}

/**
 * /outbox — the signed-in user's entries typed without a connection, in the order they will be sent: each with its
 * state; a refused one with the server's answer, "Fix" (its form again, prefilled) and "Drop"; a failed one with
 * "Retry".
 */
export function OutboxPage() {
  const { t } = useTranslation();
  const userId = useOutboxUserId();
  const entries = useOutboxEntries({}, { now: true });

  // entries behind a refused or failed one of the same job wait for it to be fixed or dropped
  const held = new Set<string>();
  const heldChains = new Set<string>();
  for (const entry of entries) {
    const chains = chainKeys(entry);
    if (entry.state === 'conflict' || entry.state === 'failed') chains.forEach((c) => heldChains.add(c));
    else if (chains.some((c) => heldChains.has(c))) held.add(entry.id);
  }

  return (
    <section data-testid="outbox-page">
      <PageHeader
        title={t('outbox.title')}
        description={t('outbox.description')}
        actions={
          entries.length > 0 && userId ? (
            <Button onClick={() => void flushOutbox(userId)} data-testid="outbox-send-now">
              {t('outbox.sendNow')}
            </Button>
          ) : null
        }
      />
      {entries.length === 0 ? (
        <EmptyState message={t('outbox.empty')} />
      ) : (
        <ol className="ob-list" aria-label={t('outbox.title')} data-testid="outbox-list">
          {entries.map((entry) => (
            <OutboxEntryItem key={entry.id} entry={entry} held={held.has(entry.id)} />
          ))}
        </ol>
      )}
    </section>
  );
}

function OutboxEntryItem({ entry, held }: { entry: OutboxEntry; held: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const navigate = useNavigate();
  const refused = entry.state === 'conflict' || entry.state === 'failed';
  const problem = refused ? entry.lastError : undefined;
  const dependencyDropped = problem?.code === DEPENDENCY_DROPPED;
  const canFix =
    entry.state === 'conflict' && !dependencyDropped && !isLocalId(entry.scope.jobId ?? '') && !!entry.body;

  const drop = () => {
    if (window.confirm(t('outbox.dropConfirm'))) void dropEntry(entry.id);
  };
  const fix = async () => {
    const taken = await takeEntry(entry.id);
    if (taken) navigate(fixTarget(taken), { state: outboxFixState(taken) });
  };
  const retry = async () => {
    await retryEntry(entry.id);
    await flushOutbox(entry.userId);
  };

  return (
    <li className="ob-entry" data-testid="outbox-entry" data-kind={entry.kind} data-state={entry.state}>
      <div className="ob-entry-body">
        <div className="ob-entry-title">
          {t(`outbox.kind.${entry.kind}`)}
          {entry.label ? ` ${entry.label}` : ''}
          {summary(entry, t, fmt)}
        </div>
        <div className="muted">
          <span className="badge" data-testid="outbox-entry-state">
            {t(`outbox.state.${entry.state}`)}
          </span>{' '}
          {t('outbox.created', { time: fmt.dateTime(new Date(entry.createdAt).toISOString()) })}
          {entry.state === 'pending' && entry.nextAttemptAt > Date.now()
            ? ` · ${t('outbox.nextAttempt', { time: fmt.dateTime(new Date(entry.nextAttemptAt).toISOString()) })}`
            : ''}
          {held ? ` · ${t('outbox.heldBehind')}` : ''}
        </div>
        {problem ? (
          <p className="ob-entry-problem" role="alert" data-testid="outbox-entry-problem">
            {outboxProblemText(t, problem)}
          </p>
        ) : null}
      </div>
      <div className="ob-entry-actions">
        {canFix ? (
          <Button variant="primary" onClick={() => void fix()} data-testid="outbox-fix">
            {t('outbox.fix')}
          </Button>
        ) : null}
        {entry.state === 'failed' ? (
          <Button variant="primary" onClick={() => void retry()} data-testid="outbox-retry">
            {t('outbox.retry')}
          </Button>
        ) : null}
        {entry.state !== 'sending' ? (
          <Button onClick={drop} data-testid="outbox-drop">
            {t('outbox.drop')}
          </Button>
        ) : null}
      </div>
    </li>
  );
}

/** What was typed, in a few words: the day and hours of a work log, the state a move goes to… */
function summary(entry: OutboxEntry, t: TFunction, fmt: ReturnType<typeof useFormatters>): string {
  const body = (entry.body ?? {}) as Body;
  switch (entry.kind) {
    case 'workLog': {
      const hours = t('repairJobs.workLogs.hours');
      return ` · ${fmt.date(String(body['date']))} · ${hours}: ${fmt.number(Number(body['hours']))}`;
    }
    case 'usageReport': {
      const rounds = t('systems.usageForm.rounds');
      return ` · ${fmt.date(String(body['date']))} · ${rounds}: ${fmt.number(Number(body['rounds']))}`;
    }
    case 'jobMove':
      return ` → ${t(`repairJobs.status.${body['to'] as RepairJobStatus}`)}`;
    default:
      return '';
  }
}
