import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RepairJobResponse } from '@jv/contracts';
import { forwardMove, type RepairJobStatus } from '@jv/domain';
import { ButtonLink } from '../../../components/button';
import { PageHeader } from '../../../components/page-header';
import { ScanButton } from '../../../components/scan-button';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { useCurrentUser } from '../../../lib/session';
import { useWorkshopJobs } from '../api/get-workshop-jobs';
import { JobStatusBadge, PartsReadyMark, PriorityBadge } from '../components/job-badges';
import { QuickWorkLog } from '../components/quick-work-log';
import { TransitionButtons, useTransitionDialog, type OpenMove } from '../components/transition-buttons';
// the home page is outside the repair-jobs layout, which otherwise brings the feature's styles
import '../repair-jobs.css';

type JobsQuery = ReturnType<typeof useWorkshopJobs>;

/**
 * The home page of a workshop user, tablet-first: the jobs assigned to me, the parts ready for my jobs, and
 * the facility's jobs waiting for a move (parts arrived, awaiting sign-off), each with one-tap actions: open,
 * the forward move, and logging the usual hours today.
 */
export function WorkshopHome() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const mine = useWorkshopJobs({ technicianId: user.id, open: 'true' });
  const myPartsReady = useWorkshopJobs({ technicianId: user.id, status: 'awaiting_parts', partsReady: 'true' });
  const partsArrived = useWorkshopJobs({ status: 'awaiting_parts', partsReady: 'true' });
  const awaitingSignOff = useWorkshopJobs({ status: 'quality_check' });
  const all = [mine, myPartsReady, partsArrived, awaitingSignOff].flatMap((q) => q.data?.items ?? []);
  const { openMove, dialog, pendingFor } = useTransitionDialog((id) => all.find((j) => j.id === id));

  return (
    <section data-testid="workshop-home">
      <PageHeader
        title={t('home.welcome', { name: user.displayName })}
        description={t('repairJobs.workshopHome.description')}
        actions={
          <div className="workshop-home-head">
            {/* the label scanner, where the browser has a camera */}
            <span className="workshop-home-scan" data-testid="workshop-scan-slot">
              <ScanButton variant="primary" />
            </span>
            <ButtonLink to="/repair-jobs/board" data-testid="workshop-board-link">
              {t('repairJobs.workshopHome.board')}
            </ButtonLink>
            <ButtonLink to="/repair-jobs/new" data-testid="workshop-new-job">
              {t('repairJobs.newJob')}
            </ButtonLink>
          </div>
        }
      />
      <div className="workshop-home-grid">
        <JobsPanel
          id="mine"
          title={t('repairJobs.workshopHome.mine')}
          empty={t('repairJobs.workshopHome.mineEmpty')}
          queries={[mine]}
          onMove={openMove}
          pendingFor={pendingFor}
          logWork
        />
        <div>
          <JobsPanel
            id="parts-ready"
            title={t('repairJobs.workshopHome.partsReady')}
            empty={t('repairJobs.workshopHome.partsReadyEmpty')}
            queries={[myPartsReady]}
            onMove={openMove}
            pendingFor={pendingFor}
          />
          <JobsPanel
            id="waiting"
            title={t('repairJobs.workshopHome.waiting')}
            empty={t('repairJobs.workshopHome.waitingEmpty')}
            queries={[partsArrived, awaitingSignOff]}
            onMove={openMove}
            pendingFor={pendingFor}
          />
        </div>
      </div>
      {dialog}
    </section>
  );
}

function JobsPanel({
  id,
  title,
  empty,
  queries,
  onMove,
  pendingFor,
  logWork = false,
}: {
  id: string;
  title: string;
  empty: string;
  queries: JobsQuery[];
  onMove: OpenMove;
  pendingFor: (id: string) => RepairJobStatus | undefined;
  logWork?: boolean;
}) {
  const failed = queries.find((q) => q.isError);
  const seen = new Set<string>();
  const jobs = queries
    .flatMap((q) => q.data?.items ?? [])
    .filter((job) => (seen.has(job.id) ? false : (seen.add(job.id), true)));
  return (
    <section className="panel" aria-labelledby={`workshop-${id}-title`} data-testid={`workshop-${id}`}>
      <h2 id={`workshop-${id}-title`}>{title}</h2>
      {queries.some((q) => q.isPending) ? (
        <LoadingState />
      ) : failed ? (
        <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />
      ) : jobs.length === 0 ? (
        <EmptyState message={empty} />
      ) : (
        <ul className="workshop-job-list">
          {jobs.map((job) => (
            <WorkshopJobRow key={job.id} job={job} onMove={onMove} pending={pendingFor(job.id)} logWork={logWork} />
          ))}
        </ul>
      )}
    </section>
  );
}

function WorkshopJobRow({
  job,
  onMove,
  pending,
  logWork,
}: {
  job: RepairJobResponse;
  onMove: OpenMove;
  pending?: RepairJobStatus;
  logWork: boolean;
}) {
  const { t } = useTranslation();
  const forward = forwardMove(job.status);
  return (
    <li className="workshop-job" data-testid="workshop-job" data-number={job.number} data-status={job.status}>
      <div className="workshop-job-text">
        <p>
          <Link to={`/repair-jobs/${job.id}`} className="mono" data-testid="workshop-job-link">
            {job.number}
          </Link>{' '}
          <JobStatusBadge status={job.status} /> <PriorityBadge priority={job.priority} />
          {job.status === 'awaiting_parts' && job.partsReady ? <PartsReadyMark /> : null}
        </p>
        <p>
          <strong className="mono">{job.systemSerial}</strong> <span className="muted">{job.modelDesignation}</span>
        </p>
      </div>
      <div className="workshop-job-actions">
        <ButtonLink
          to={`/repair-jobs/${job.id}`}
          aria-label={t('repairJobs.workshopHome.openJob', { number: job.number })}
          data-testid="workshop-job-open"
        >
          {t('repairJobs.workshopHome.open')}
        </ButtonLink>
        <TransitionButtons job={job} onMove={onMove} only={(to) => to === forward} pending={pending} />
        {logWork ? <QuickWorkLog jobId={job.id} formHref={`/repair-jobs/${job.id}#work-logs`} /> : null}
      </div>
    </li>
  );
}
