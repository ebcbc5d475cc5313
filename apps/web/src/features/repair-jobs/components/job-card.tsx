import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RepairJobResponse } from '@jv/contracts';
import type { RepairJobStatus } from '@jv/domain';
import { useJobLabels } from './job-labels';
import { OverdueMark, PartsReadyMark, PriorityBadge } from './job-badges';
import { TransitionButtons, type OpenMove } from './transition-buttons';
import { ageOf, useDuration } from './use-duration';

/** A job on the board: number, system, kind, priority, age, marks, and a button per allowed move. */
export function JobCard({
  job,
  canWork,
  now,
  onMove,
  pending,
}: {
  job: RepairJobResponse;
  canWork: boolean;
  now: number;
  onMove: OpenMove;
  /** the move of this job being sent by a one-tap */
  pending?: RepairJobStatus;
}) {
  const { t } = useTranslation();
  const labels = useJobLabels();
  const duration = useDuration();
  const partsReady = job.status === 'awaiting_parts' && job.partsReady;

  return (
    <article
      className={`job-card job-card-${job.priority}${job.overdue ? ' job-card-overdue' : ''}`}
      data-testid="job-card"
      data-number={job.number}
      data-status={job.status}
      aria-label={job.number}
    >
      <header className="job-card-head">
        <Link to={`/repair-jobs/${job.id}`} className="job-card-number mono" data-testid="job-card-link">
          {job.number}
        </Link>
        <PriorityBadge priority={job.priority} />
      </header>
      <p className="job-card-system">
        <strong className="mono">{job.systemSerial}</strong> <span className="muted">{job.modelDesignation}</span>
      </p>
      <p className="job-card-meta">
        <span>{labels.kind(job.kind)}</span>
        <span className="muted" title={t('repairJobs.fields.age')}>
          <span className="visually-hidden">{t('repairJobs.fields.age')}: </span>
          {duration(ageOf(job.openedAt, now))}
        </span>
      </p>
      {job.overdue || partsReady ? (
        <p className="job-card-marks">
          {job.overdue ? <OverdueMark /> : null}
          {partsReady ? <PartsReadyMark /> : null}
        </p>
      ) : null}
      {job.technicians.length > 0 ? (
        <p className="job-card-techs muted">{job.technicians.map((tech) => tech.displayName).join(', ')}</p>
      ) : null}
      {canWork ? <TransitionButtons job={job} onMove={onMove} pending={pending} className="job-card-moves" /> : null}
    </article>
  );
}
