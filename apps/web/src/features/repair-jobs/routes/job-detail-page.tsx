import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RepairJobDetail } from '@jv/contracts';
import { isOpen } from '@jv/domain';
import { FlashNotice } from '../../../components/flash-notice';
import { ErrorState, LoadingState, Notice } from '../../../components/states';
import { NotFoundPage } from '../../../components/status-pages';
import { isApiError } from '../../../lib/api-client';
import { useCan, useCurrentUser } from '../../../lib/session';
import { uuidParam } from '../../../lib/use-search-filters';
import { usePartsUsed } from '../api/get-parts-used';
import { useRepairJob } from '../api/get-repair-job';
import { useWorkLogs } from '../api/get-work-logs';
import { JobDetailsForm, JobDetailsView } from '../components/job-details-form';
import { JobHeader } from '../components/job-header';
import { JobPhotos } from '../components/job-photos';
import { JobRequestsSection } from '../components/job-requests-section';
import { JobTimeline, TimeInStates } from '../components/job-timeline';
import { PartsForm, PartsList } from '../components/parts-section';
import { PendingOnJob } from '../components/pending-entries';
import { QuickWorkLog } from '../components/quick-work-log';
import { SignOffSection } from '../components/sign-off-section';
import { TechniciansPanel } from '../components/technicians-panel';
import { TransitionButtons, useTransitionDialog } from '../components/transition-buttons';
import { useCanWorkOn } from '../components/use-job-access';
import { WorkLogForm, WorkLogList } from '../components/work-log-section';

/**
 * /repair-jobs/:id — one request for the job and everything its header shows (system, model, facility);
 * the work logs and the parts used are their own sections. The job is asked for again on every visit,
 * and an answer cached from an earlier visit is not shown meanwhile: its state may have moved on.
 */
export function JobDetailPage() {
  const { id } = useParams();
  const jobId = uuidParam(id ?? '');
  const query = useRepairJob(jobId);
  if (!jobId) return <NotFoundPage />;
  if (query.isPending || (query.isFetching && !query.isFetchedAfterMount)) return <LoadingState />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) return <NotFoundPage />;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <JobDetail job={query.data} />;
}

function JobDetail({ job }: { job: RepairJobDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canWrite = useCan('repairJobs', 'write');
  const canWork = useCanWorkOn()(job.facilityId);
  const canRequest = useCan('componentRequests', 'write');
  const open = isOpen(job.status);
  const showPeople = user.role !== 'partner';
  // work logs hold technicians' names: not loaded for partner users (no personal data)
  const workLogs = useWorkLogs(job.id, showPeople);
  const parts = usePartsUsed(job.id);
  const { openMove, dialog, pendingFor } = useTransitionDialog((id) => (id === job.id ? job : undefined));
  const signOff = canWork && job.status === 'quality_check' && job.allowedTransitions.includes('completed');

  return (
    <section className="job-detail" data-testid="job-detail" data-status={job.status}>
      <FlashNotice />
      <JobHeader job={job} editHref={canWork && open ? '#job-details' : undefined} />

      {canWork && open ? (
        <section className="panel" aria-labelledby="job-actions-title">
          <h2 id="job-actions-title">{t('repairJobs.detail.actions')}</h2>
          {job.allowedTransitions.some((to) => !(signOff && to === 'completed')) ? (
            <TransitionButtons
              job={job}
              onMove={openMove}
              only={(to) => !(signOff && to === 'completed')}
              pending={pendingFor(job.id)}
              className="job-detail-moves"
            />
          ) : (
            <p className="muted">{t('repairJobs.detail.noActions')}</p>
          )}
        </section>
      ) : null}
      {!canWork && open && canWrite ? <Notice>{t('repairJobs.detail.readOnly')}</Notice> : null}

      {signOff ? (
        <SignOffSection job={job} workLogs={workLogs.data} onMove={openMove} pending={pendingFor(job.id)} />
      ) : null}

      <PendingOnJob jobId={job.id} />
      <div className="job-columns">
        <div className="job-column">
          <JobRequestsSection job={job} canRequest={canRequest && open && (canWork || user.role !== 'workshop')} />
          {showPeople ? (
            <section className="panel" id="work-logs" aria-labelledby="worklogs-title">
              <h2 id="worklogs-title">{t('repairJobs.workLogs.title')}</h2>
              <WorkLogList query={workLogs} jobId={job.id} />
              {canWork && open ? <QuickWorkLog jobId={job.id} /> : null}
              {canWork && open ? <WorkLogForm jobId={job.id} /> : null}
              {canWork && !open ? <p className="muted">{t('repairJobs.workLogs.closed')}</p> : null}
            </section>
          ) : null}
          <section className="panel" aria-labelledby="parts-title">
            <h2 id="parts-title">{t('repairJobs.parts.title')}</h2>
            <PartsList query={parts} />
            {canWork && open ? (
              <PartsForm jobId={job.id} modelId={job.modelId} requests={job.componentRequests} />
            ) : null}
          </section>
          <JobPhotos jobId={job.id} canAdd={canWork && open} workLogs={workLogs.data?.items} />
        </div>
        <div className="job-column">
          <section className="panel" id="job-details" aria-labelledby="details-title">
            <h2 id="details-title">{t('repairJobs.detail.detailsSection')}</h2>
            {canWork && open ? (
              <JobDetailsForm key={`${job.id}:${job.version}`} job={job} />
            ) : (
              <JobDetailsView job={job} />
            )}
          </section>
          {showPeople ? (
            <section className="panel" aria-labelledby="techs-title">
              <h2 id="techs-title">{t('repairJobs.detail.techniciansSection')}</h2>
              <TechniciansPanel job={job} canWork={canWork} />
            </section>
          ) : null}
          <section className="panel" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{t('repairJobs.timeline.title')}</h2>
            <JobTimeline job={job} />
            <h3>{t('repairJobs.timeline.timeInStates')}</h3>
            <TimeInStates job={job} />
          </section>
        </div>
      </div>
      {dialog}
    </section>
  );
}
