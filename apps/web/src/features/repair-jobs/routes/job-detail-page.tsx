import { lazy, Suspense } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AfterFirstPaint } from '../../../components/after-first-paint';
import type { RepairJobDetail } from '@jv/contracts';
import { isOpen } from '@jv/domain';
import { FlashNotice } from '../../../components/flash-notice';
import { ErrorState, LoadingState, Notice } from '../../../components/states';
import { NotFoundPage } from '../../../components/status-pages';
import { nextTask } from '../../../lib/after-start';
import { isApiError } from '../../../lib/api-client';
import type { FirstData } from '../../../lib/lazy-page';
import { queryClient } from '../../../lib/query-client';
import { useCan, useCurrentUser } from '../../../lib/session';
import { uuidParam } from '../../../lib/use-search-filters';
import { usePartsUsed } from '../api/get-parts-used';
import { repairJobQueryOptions, useRepairJob } from '../api/get-repair-job';
import { useWorkLogs } from '../api/get-work-logs';
import { JobHeader } from '../components/job-header';
import { PendingOnJob } from '../components/pending-entries';
import { SignOffSection } from '../components/sign-off-section';
import { TransitionButtons, useTransitionDialog } from '../components/transition-buttons';
import { useCanWorkOn } from '../components/use-job-access';

// The sections' chunk brings react-hook-form and zod: the forms' chunk (react-hook-form) is run first, in a task of
// its own, then zod and the sections; one task running all of it held a phone's main thread for some 160 ms (40 ms
// observed, four times that in the mobile profile).
const JobSections = lazy(async () => {
  await import('react-hook-form');
  await nextTask();
  const { JobSections: Sections } = await import('../components/job-sections');
  return { default: Sections };
});

/** The job, before the first render of a first load (lib/lazy-page.ts). */
export const firstData: FirstData = async ({ params }) => {
  const id = uuidParam(params.id ?? '');
  if (id) await queryClient.prefetchQuery(repairJobQueryOptions(id));
};

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
      {/* below the first screen of a tablet: its own chunk (the forms, zod), rendered once the header, the fault and
          the moves have painted */}
      <AfterFirstPaint>
        <Suspense fallback={null}>
          <JobSections
            job={job}
            open={open}
            canWork={canWork}
            canRequest={canRequest && open && (canWork || user.role !== 'workshop')}
            showPeople={showPeople}
            workLogs={workLogs}
            parts={parts}
          />
        </Suspense>
      </AfterFirstPaint>
      {dialog}
    </section>
  );
}
