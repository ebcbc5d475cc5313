import { useTranslation } from 'react-i18next';
import type { RepairJobResponse } from '@jv/contracts';
import { openRepairJobStatuses, type RepairJobStatus } from '@jv/domain';
import { ButtonLink } from '../../../components/button';
import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState, LoadingState, Notice } from '../../../components/states';
import { useCan } from '../../../lib/session';
import { useSearchFilters } from '../../../lib/use-search-filters';
import { BOARD_LIMIT, useBoardJobs } from '../api/get-board-jobs';
import { useJobFacilityOptions } from '../components/facility-options';
import { JobCard } from '../components/job-card';
import { useJobLabels } from '../components/job-labels';
import { useTransitionDialog } from '../components/transition-buttons';
import { useCanWorkOn } from '../components/use-job-access';

/** /repair-jobs/board — one facility's open jobs, one column per open state, a button per allowed move. */
export function BoardPage() {
  const { t } = useTranslation();
  const labels = useJobLabels();
  const canWrite = useCan('repairJobs', 'write');
  const canWorkOn = useCanWorkOn();
  const facilities = useJobFacilityOptions();
  const { values, setFilter } = useSearchFilters(['facilityId'] as const);
  const known = facilities.options.some((o) => o.value === values.facilityId);
  // the URL's facility when it is one of the user's, else the first one (a workshop user's own first)
  const facilityId = known ? values.facilityId : facilities.options[0]?.value;
  const query = useBoardJobs(facilityId);
  // the board counts jobs per state: an answer cached from an earlier visit is not shown while it is asked again
  const outdated = query.isFetching && !query.isFetchedAfterMount;
  const now = Date.now();
  const { openMove, dialog, pendingFor } = useTransitionDialog((id) => query.data?.items.find((j) => j.id === id));

  const byStatus = new Map<RepairJobStatus, RepairJobResponse[]>(openRepairJobStatuses.map((s) => [s, []]));
  for (const job of query.data?.items ?? []) byStatus.get(job.status)?.push(job);
  const mayWork = !!facilityId && canWorkOn(facilityId);

  return (
    <section>
      <PageHeader
        title={t('repairJobs.board.title')}
        description={t('repairJobs.board.description')}
        actions={
          canWrite ? (
            <ButtonLink
              to={facilityId && mayWork ? `/repair-jobs/new?facilityId=${facilityId}` : '/repair-jobs/new'}
              variant="primary"
              data-testid="new-job-button"
            >
              {t('repairJobs.newJob')}
            </ButtonLink>
          ) : null
        }
      />
      <div className="list-toolbar">
        <div className="toolbar-item board-facility">
          <label htmlFor="filter-facilityId">{t('repairJobs.board.facility')}</label>
          <select
            id="filter-facilityId"
            data-testid="filter-facilityId"
            value={facilityId ?? ''}
            disabled={facilities.options.length === 0}
            onChange={(e) => setFilter('facilityId', e.target.value)}
          >
            {facilities.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {facilities.isPending ? <LoadingState /> : null}
      {!facilities.isPending && facilities.error && facilities.options.length === 0 ? (
        <ErrorState error={facilities.error} />
      ) : null}
      {!facilities.isPending && !facilities.error && !facilityId ? (
        <EmptyState message={t('repairJobs.board.noFacilities')} />
      ) : null}
      {facilityId ? (
        query.isPending || outdated ? (
          <LoadingState />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <>
            {query.data.nextCursor ? (
              <Notice>
                {t('repairJobs.board.truncated', { n: BOARD_LIMIT })}{' '}
                <ButtonLink to={`/repair-jobs?facilityId=${facilityId}&open=true`} variant="ghost">
                  {t('repairJobs.board.openList')}
                </ButtonLink>
              </Notice>
            ) : null}
            <div
              className={`board${query.isFetching ? ' list-busy' : ''}`}
              data-testid="board"
              data-facility-id={facilityId}
              aria-busy={query.isFetching || undefined}
            >
              {openRepairJobStatuses.map((status) => {
                const jobs = byStatus.get(status) ?? [];
                return (
                  <section
                    key={status}
                    className={`board-column board-column-${status}`}
                    data-testid={`board-column-${status}`}
                    data-count={jobs.length}
                    aria-label={t('repairJobs.board.columnCount', {
                      n: jobs.length,
                      status: labels.status(status),
                    })}
                  >
                    <h2 className="board-column-head">
                      <span>{labels.status(status)}</span>
                      <span className="board-count" data-testid="board-column-count">
                        {jobs.length}
                      </span>
                    </h2>
                    <div className="board-cards">
                      {jobs.length === 0 ? (
                        <p className="board-empty muted">{t('repairJobs.board.emptyColumn')}</p>
                      ) : null}
                      {jobs.map((job) => (
                        <JobCard
                          key={job.id}
                          job={job}
                          canWork={canWorkOn(job.facilityId)}
                          now={now}
                          onMove={openMove}
                          pending={pendingFor(job.id)}
                        />
                      ))}
                    </div>
                  </section>
                );
              })}
            </div>
          </>
        )
      ) : null}
      {dialog}
    </section>
  );
}
