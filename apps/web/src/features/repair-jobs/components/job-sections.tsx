import { useTranslation } from 'react-i18next';
import type { RepairJobDetail } from '@jv/contracts';
import type { usePartsUsed } from '../api/get-parts-used';
import type { useWorkLogs } from '../api/get-work-logs';
import { JobDetailsForm, JobDetailsView } from './job-details-form';
import { JobPhotos } from './job-photos';
import { JobRequestsSection } from './job-requests-section';
import { JobTimeline, TimeInStates } from './job-timeline';
import { PartsForm, PartsList } from './parts-section';
import { QuickWorkLog } from './quick-work-log';
import { TechniciansPanel } from './technicians-panel';
import { WorkLogForm, WorkLogList } from './work-log-section';

interface JobSectionsProps {
  job: RepairJobDetail;
  /** the job is not closed */
  open: boolean;
  /** the user may work on this job (its facility's workshop, or an admin) */
  canWork: boolean;
  /** the user may raise a parts request for this job */
  canRequest: boolean;
  /** work logs and technicians are shown (not to partner users: personal data) */
  showPeople: boolean;
  workLogs: ReturnType<typeof useWorkLogs>;
  parts: ReturnType<typeof usePartsUsed>;
}

/**
 * The job page below its header and moves: parts requests, work logs, parts used, photos, the job's details, its
 * technicians and timeline. A chunk of its own (routes/job-detail-page.tsx loads it after the first screen has
 * painted): its forms bring react-hook-form and zod, which the first screen does not need.
 */
export function JobSections({ job, open, canWork, canRequest, showPeople, workLogs, parts }: JobSectionsProps) {
  const { t } = useTranslation();
  return (
    <div className="job-columns">
      <div className="job-column">
        <JobRequestsSection job={job} canRequest={canRequest} />
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
          {canWork && open ? <PartsForm jobId={job.id} modelId={job.modelId} requests={job.componentRequests} /> : null}
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
  );
}
