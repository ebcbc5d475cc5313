import { useTranslation } from 'react-i18next';
import type { RepairJobDetail } from '@jv/contracts';
import { openRepairJobStatuses, repairJobStatuses, type RepairJobStatus } from '@jv/domain';
import { REPAIR_STATUS_COLORS } from '../../../components/chart-palette';
import { EmptyState } from '../../../components/states';
import { useFormatters } from '../../../lib/format';
import { useJobLabels } from './job-labels';
import { JobStatusBadge } from './job-badges';
import { useDuration } from './use-duration';

/** Every state change of the job: from → to, who, when, and the comment. */
export function JobTimeline({ job }: { job: RepairJobDetail }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const labels = useJobLabels();
  if (job.transitions.length === 0) return <EmptyState message={t('repairJobs.timeline.empty')} />;
  return (
    <ol className="rj-timeline" data-testid="timeline">
      {job.transitions.map((tr) => (
        <li key={tr.id} className="rj-timeline-item" data-testid="timeline-item" data-to={tr.toStatus}>
          <div className="rj-timeline-head">
            {tr.fromStatus ? (
              <>
                <span className="muted">{labels.status(tr.fromStatus)}</span>
                <span aria-hidden="true"> → </span>
              </>
            ) : (
              <span className="muted">{t('repairJobs.timeline.opened')}: </span>
            )}
            <JobStatusBadge status={tr.toStatus} />
          </div>
          <p className="rj-timeline-meta muted">
            <time dateTime={tr.at}>{fmt.dateTime(tr.at)}</time>
            {' · '}
            {tr.actorName ?? t('repairJobs.timeline.system')}
          </p>
          {tr.comment ? <p className="rj-timeline-comment">{tr.comment}</p> : null}
        </li>
      ))}
    </ol>
  );
}

/**
 * How long the job spent in each state so far, and its turnaround once completed. The bars are to scale:
 * each one's length is its time over the longest time (one axis from 0, shared by every row), inside a
 * track of its own, so 68.6 % of the longest is drawn at 68.6 % of the track.
 */
export function TimeInStates({ job }: { job: RepairJobDetail }) {
  const { t } = useTranslation();
  const duration = useDuration();
  const labels = useJobLabels();
  const entries = repairJobStatuses
    .filter((s) => openRepairJobStatuses.includes(s) && (job.timeInStates[s] ?? 0) > 0)
    .map((s: RepairJobStatus) => ({ status: s, ms: job.timeInStates[s] ?? 0 }));
  const max = Math.max(1, ...entries.map((e) => e.ms));
  const turnaround =
    job.closedAt && job.status === 'completed' ? Date.parse(job.closedAt) - Date.parse(job.openedAt) : null;

  return (
    <div data-testid="time-in-states">
      {entries.length === 0 ? (
        <p className="muted">{t('repairJobs.timeline.noTime')}</p>
      ) : (
        <dl className="state-times">
          {entries.map((e) => (
            <div key={e.status} className="state-time" data-status={e.status}>
              <dt>{labels.status(e.status)}</dt>
              <dd>
                <span className="state-track" aria-hidden="true">
                  <span
                    className="state-bar"
                    data-testid="state-bar"
                    style={{ width: `${(e.ms / max) * 100}%`, backgroundColor: REPAIR_STATUS_COLORS[e.status] }}
                  />
                </span>
                <span className="state-time-value">{duration(e.ms)}</span>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {turnaround !== null && Number.isFinite(turnaround) ? (
        <p>
          <strong>{t('repairJobs.timeline.turnaround')}:</strong> {duration(turnaround)}
        </p>
      ) : null}
    </div>
  );
}
