import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RepairJobDetail } from '@jv/contracts';
import { useFormatters } from '../../../lib/format';
import { useJobLabels } from './job-labels';
import { JobStatusBadge, OverdueMark, PartsReadyMark, PriorityBadge } from './job-badges';

/**
 * The top of a job's page: number, status, priority, kind, system, facility, dates and hours —
 * all from the job's answer — and, beside the state, the reported fault and the diagnosis, read-only
 * (`editHref` leads to where they are edited).
 */
export function JobHeader({ job, editHref }: { job: RepairJobDetail; editHref?: string }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const labels = useJobLabels();

  return (
    <div className="job-header panel">
      <div className="job-header-title">
        <h1>
          <span className="mono" data-testid="job-number">
            {job.number}
          </span>
        </h1>
        <JobStatusBadge status={job.status} testId="job-status" />
        <PriorityBadge priority={job.priority} />
        {job.overdue ? <OverdueMark /> : null}
        {job.status === 'awaiting_parts' && job.partsReady ? <PartsReadyMark /> : null}
      </div>
      <dl className="job-facts">
        <div>
          <dt>{t('repairJobs.fields.kind')}</dt>
          <dd data-testid="job-kind">{labels.kind(job.kind)}</dd>
        </div>
        <div>
          <dt>{t('repairJobs.fields.system')}</dt>
          <dd>
            <Link to={`/systems/${job.systemId}`} data-testid="job-system-link" className="mono">
              {job.systemSerial}
            </Link>{' '}
            <span className="muted">{job.modelDesignation}</span>
          </dd>
        </div>
        <div>
          <dt>{t('repairJobs.fields.facility')}</dt>
          <dd>
            <span className="mono" data-testid="job-facility-code">
              {job.facilityCode}
            </span>
            <span className="muted" data-testid="job-facility-name">
              {' — '}
              {job.facilityName}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('repairJobs.fields.openedAt')}</dt>
          <dd>{fmt.dateTime(job.openedAt)}</dd>
        </div>
        <div>
          <dt>{t('repairJobs.fields.dueAt')}</dt>
          <dd className={job.overdue ? 'rj-text-danger' : undefined} data-testid="job-due">
            {fmt.dateTime(job.dueAt)}
            {job.overdue ? (
              <strong> ({t('repairJobs.detail.overdueSince', { date: fmt.dateTime(job.dueAt) })})</strong>
            ) : null}
          </dd>
        </div>
        {job.closedAt ? (
          <div>
            <dt>{t('repairJobs.fields.closedAt')}</dt>
            <dd>{fmt.dateTime(job.closedAt)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('repairJobs.fields.totalHours')}</dt>
          <dd data-testid="total-hours" data-value={job.totalHours}>
            {fmt.number(job.totalHours)}
          </dd>
        </div>
        {job.newBarrelSerial ? (
          <div>
            <dt>{t('repairJobs.fields.newBarrelSerial')}</dt>
            <dd className="mono">{job.newBarrelSerial}</dd>
          </div>
        ) : null}
      </dl>
      <section className="job-summary" aria-labelledby="job-summary-title" data-testid="job-summary">
        <h2 id="job-summary-title" className="job-summary-title">
          {t('repairJobs.tablet.summary')}
          {editHref ? (
            <a href={editHref} className="job-summary-edit" data-testid="job-summary-edit">
              {t('repairJobs.tablet.edit')}
            </a>
          ) : null}
        </h2>
        <dl className="job-summary-facts">
          <div>
            <dt>{t('repairJobs.fields.reportedFault')}</dt>
            <dd className="job-summary-text" data-testid="job-summary-fault">
              {job.reportedFault}
            </dd>
          </div>
          <div>
            <dt>{t('repairJobs.fields.diagnosis')}</dt>
            <dd className="job-summary-text" data-testid="job-summary-diagnosis">
              {job.diagnosis ?? <span className="muted">{t('repairJobs.detail.noDiagnosis')}</span>}
            </dd>
          </div>
        </dl>
      </section>
      {job.preventivePlanId ? <p className="muted">{t('repairJobs.detail.preventivePlan')}</p> : null}
    </div>
  );
}
