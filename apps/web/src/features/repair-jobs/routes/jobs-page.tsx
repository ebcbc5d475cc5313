import { useCallback, useMemo } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { repairJobKinds, repairJobPriorities, type RepairJobResponse } from '@jv/contracts';
import { repairJobStatuses } from '@jv/domain';
import { Button, ButtonLink } from '../../../components/button';
import type { Column } from '../../../components/data-table';
import { FlashNotice } from '../../../components/flash-notice';
import { FilterInput, FilterSelect, ListToolbar, SearchBox } from '../../../components/list-toolbar';
import { ListView } from '../../../components/list-view';
import { PageHeader } from '../../../components/page-header';
import { useFormatters } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import { compactFilters, enumParam, useSearchFilters, uuidParam } from '../../../lib/use-search-filters';
import { repairJobsExportUrl } from '../api/export-repair-jobs';
import { useRepairJobs } from '../api/get-repair-jobs';
import { useJobFacilityOptions } from '../components/facility-options';
import { OverdueMark, PartsReadyMark, PriorityBadge, JobStatusBadge } from '../components/job-badges';
import { useJobLabels } from '../components/job-labels';

const FILTERS = [
  'q',
  'facilityId',
  'status',
  'kind',
  'priority',
  'open',
  'overdue',
  'partsReady',
  'openedFrom',
  'openedTo',
] as const;
const BOOL = ['true', 'false'] as const;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** /repair-jobs — every job the user may see, filtered on the server (filters live in the URL). */
export function JobsPage() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const labels = useJobLabels();
  const canWrite = useCan('repairJobs', 'write');
  const facilities = useJobFacilityOptions();
  const { values, setFilter, setFilters } = useSearchFilters(FILTERS);
  const onSearch = useCallback((q: string) => setFilter('q', q), [setFilter]);

  const filters = useMemo(
    () =>
      compactFilters({
        q: values.q || undefined,
        facilityId: uuidParam(values.facilityId),
        status: enumParam(values.status, repairJobStatuses),
        kind: enumParam(values.kind, repairJobKinds),
        priority: enumParam(values.priority, repairJobPriorities),
        open: enumParam(values.open, BOOL),
        overdue: enumParam(values.overdue, BOOL),
        partsReady: enumParam(values.partsReady, BOOL),
        openedFrom: ISO_DAY.test(values.openedFrom) ? values.openedFrom : undefined,
        openedTo: ISO_DAY.test(values.openedTo) ? values.openedTo : undefined,
      }),
    [values],
  );
  const query = useRepairJobs(filters);
  // an answer cached from an earlier visit is not shown while it is asked again (the previous filters' rows are)
  const outdated = query.isFetching && !query.isFetchedAfterMount && !query.isPlaceholderData;

  const columns: Column<RepairJobResponse>[] = [
    {
      key: 'number',
      header: t('repairJobs.fields.number'),
      className: 'nowrap',
      cell: (j) => (
        <Link to={`/repair-jobs/${j.id}`} className="mono" data-testid="job-link">
          {j.number}
        </Link>
      ),
    },
    { key: 'status', header: t('repairJobs.fields.status'), cell: (j) => <JobStatusBadge status={j.status} /> },
    { key: 'priority', header: t('repairJobs.fields.priority'), cell: (j) => <PriorityBadge priority={j.priority} /> },
    { key: 'kind', header: t('repairJobs.fields.kind'), cell: (j) => labels.kind(j.kind) },
    {
      key: 'system',
      header: t('repairJobs.fields.system'),
      className: 'col-system',
      cell: (j) => (
        <>
          <span className="mono nowrap">{j.systemSerial}</span>
          <br />
          <span className="muted rj-small">{j.modelDesignation}</span>
        </>
      ),
    },
    // at 1024 px the facility, opening date and hours wait behind the column chooser: the due date must show
    {
      key: 'facility',
      header: t('repairJobs.fields.facility'),
      className: 'mono nowrap',
      narrowHidden: true,
      cell: (j) => j.facilityCode,
    },
    {
      key: 'opened',
      header: t('repairJobs.fields.openedAt'),
      className: 'nowrap',
      narrowHidden: true,
      cell: (j) => fmt.date(j.openedAt),
    },
    {
      key: 'due',
      header: t('repairJobs.fields.dueAt'),
      className: 'nowrap',
      cell: (j) => (
        <>
          {j.closedAt ? <span className="muted">{fmt.date(j.dueAt)}</span> : fmt.date(j.dueAt)}
          {j.overdue ? (
            <>
              <br />
              <OverdueMark />
            </>
          ) : null}
          {j.status === 'awaiting_parts' && j.partsReady ? (
            <>
              <br />
              <PartsReadyMark />
            </>
          ) : null}
        </>
      ),
    },
    {
      key: 'hours',
      header: t('repairJobs.fields.totalHours'),
      className: 'num',
      narrowHidden: true,
      cell: (j) => fmt.number(j.totalHours),
    },
  ];

  const anyFilter = FILTERS.some((f) => values[f] !== '');
  const yesNo = (group: 'openFilter' | 'overdueFilter' | 'partsReadyFilter') =>
    BOOL.map((v) => ({ value: v, label: t(`repairJobs.${group}.${v}`) }));

  return (
    <section>
      <PageHeader
        title={t('repairJobs.list.title')}
        description={t('repairJobs.list.description')}
        actions={
          <>
            <a className="btn btn-secondary" href={repairJobsExportUrl(filters)} download data-testid="export-csv">
              {t('repairJobs.list.exportCsv')}
            </a>
            {canWrite ? (
              <ButtonLink to="/repair-jobs/new" variant="primary" data-testid="new-job-button">
                {t('repairJobs.newJob')}
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <FlashNotice />
      <ListToolbar>
        <SearchBox value={values.q} onSearch={onSearch} />
        <FilterSelect
          name="facilityId"
          label={t('repairJobs.fields.facility')}
          value={values.facilityId}
          options={facilities.options}
          onChange={(v) => setFilter('facilityId', v)}
        />
        <FilterSelect
          name="status"
          label={t('repairJobs.fields.status')}
          value={values.status}
          options={labels.statusOptions}
          onChange={(v) => setFilter('status', v)}
        />
        <FilterSelect
          name="kind"
          label={t('repairJobs.fields.kind')}
          value={values.kind}
          options={labels.kindOptions}
          onChange={(v) => setFilter('kind', v)}
        />
        <FilterSelect
          name="priority"
          label={t('repairJobs.fields.priority')}
          value={values.priority}
          options={labels.priorityOptions}
          onChange={(v) => setFilter('priority', v)}
        />
        <FilterSelect
          name="open"
          label={t('repairJobs.fields.open')}
          value={values.open}
          options={yesNo('openFilter')}
          onChange={(v) => setFilter('open', v)}
        />
        <FilterSelect
          name="overdue"
          label={t('repairJobs.fields.overdue')}
          value={values.overdue}
          options={yesNo('overdueFilter')}
          onChange={(v) => setFilter('overdue', v)}
        />
        <FilterSelect
          name="partsReady"
          label={t('repairJobs.fields.partsReady')}
          value={values.partsReady}
          options={yesNo('partsReadyFilter')}
          onChange={(v) => setFilter('partsReady', v)}
        />
        <FilterInput
          name="openedFrom"
          type="date"
          label={t('repairJobs.fields.openedFrom')}
          value={values.openedFrom}
          onChange={(v) => setFilter('openedFrom', v)}
        />
        <FilterInput
          name="openedTo"
          type="date"
          label={t('repairJobs.fields.openedTo')}
          value={values.openedTo}
          onChange={(v) => setFilter('openedTo', v)}
        />
        {anyFilter ? (
          <div className="toolbar-item toolbar-item-end">
            <Button
              variant="ghost"
              onClick={() => setFilters(Object.fromEntries(FILTERS.map((f) => [f, ''])))}
              data-testid="clear-filters"
            >
              {t('common.clearFilters')}
            </Button>
          </div>
        ) : null}
      </ListToolbar>
      <ListView
        listId="repair-jobs"
        query={outdated ? { ...query, isPending: true } : query}
        caption={t('repairJobs.list.title')}
        columns={columns}
        getRowId={(j) => j.id}
        emptyMessage={t('repairJobs.empty')}
      />
    </section>
  );
}
