import { useMemo } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CohortResponse } from '@jv/contracts';
import { cohortStatuses } from '@jv/domain';
import { Button, ButtonLink } from '../../../components/button';
import type { Column } from '../../../components/data-table';
import { FlashNotice } from '../../../components/flash-notice';
import { FilterInput, FilterSelect, ListToolbar } from '../../../components/list-toolbar';
import { ListView } from '../../../components/list-view';
import { PageHeader } from '../../../components/page-header';
import { useCan } from '../../../lib/session';
import { compactFilters, enumParam, useSearchFilters, uuidParam } from '../../../lib/use-search-filters';
import { useCohorts } from '../api/cohorts';
import { useCourseOptions } from '../api/courses';
import type { CohortFilters } from '../api/keys';
import { useTrainingBaseOptions } from '../api/lookups';
import { CohortStatusBadge } from '../components/status-badge';

/** "TH-155/52 towed howitzer" → "TH-155/52" (the full designation is the cell's title). */
const shortModel = (designation: string) => designation.split(' ')[0] ?? designation;

const FILTERS = ['status', 'facilityId', 'courseId', 'from', 'to'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayParam = (v: string) => (DAY.test(v) ? v : undefined);

/** The list's filters as the API takes them, from the URL's values. */
export function cohortFiltersOf(values: Record<(typeof FILTERS)[number], string>): CohortFilters {
  return compactFilters({
    status: enumParam(values.status, cohortStatuses),
    facilityId: uuidParam(values.facilityId),
    courseId: uuidParam(values.courseId),
    from: dayParam(values.from),
    to: dayParam(values.to),
  });
}

/** /training — the cohorts, filtered on the server (filters in the URL), with "load more". */
export function CohortsPage() {
  const { t } = useTranslation();
  const canWrite = useCan('training', 'write');
  const bases = useTrainingBaseOptions();
  const courses = useCourseOptions();
  const { values, setFilter, setFilters } = useSearchFilters(FILTERS);
  const filters = useMemo(() => cohortFiltersOf(values), [values]);
  const query = useCohorts(filters);
  const anyFilter = FILTERS.some((f) => values[f] !== '');

  const columns: Column<CohortResponse>[] = [
    {
      key: 'code',
      header: t('training.fields.code'),
      className: 'nowrap mono',
      cell: (c) => (
        <Link to={`/training/cohorts/${c.id}`} data-testid="cohort-link">
          {c.code}
        </Link>
      ),
    },
    {
      key: 'course',
      header: t('training.fields.course'),
      className: 'nowrap',
      cell: (c) => <span title={c.courseTitle}>{c.courseCode}</span>,
    },
    {
      key: 'model',
      header: t('training.fields.systemModel'),
      className: 'nowrap',
      cell: (c) => <span title={c.modelDesignation}>{shortModel(c.modelDesignation)}</span>,
    },
    { key: 'base', header: t('training.fields.base'), className: 'nowrap', cell: (c) => c.facilityCode },
    {
      key: 'dates',
      header: t('training.fields.dates'),
      className: 'nowrap',
      cell: (c) => `${c.startsOn} — ${c.endsOn}`,
    },
    {
      key: 'seats',
      header: t('training.fields.seatsTaken'),
      className: 'num nowrap',
      cell: (c) => t('training.cohorts.seatsOf', { taken: c.seatsTaken, seats: c.seats }),
    },
    { key: 'status', header: t('training.fields.status'), cell: (c) => <CohortStatusBadge status={c.status} /> },
  ];

  return (
    <section>
      <PageHeader
        title={t('training.cohorts.title')}
        description={t('training.cohorts.description')}
        actions={
          canWrite ? (
            <ButtonLink to="/training/cohorts/new" variant="primary" data-testid="new-cohort">
              {t('training.cohorts.new')}
            </ButtonLink>
          ) : null
        }
      />
      <FlashNotice />
      <ListToolbar>
        <FilterSelect
          name="status"
          label={t('training.fields.status')}
          value={values.status}
          options={cohortStatuses.map((s) => ({ value: s, label: t(`training.cohortStatus.${s}`) }))}
          onChange={(v) => setFilter('status', v)}
        />
        <FilterSelect
          name="facilityId"
          label={t('training.fields.base')}
          value={values.facilityId}
          options={bases.options}
          onChange={(v) => setFilter('facilityId', v)}
        />
        <FilterSelect
          name="courseId"
          label={t('training.fields.course')}
          value={values.courseId}
          options={(courses.data ?? []).map((c) => ({ value: c.id, label: `${c.code} — ${c.title}` }))}
          onChange={(v) => setFilter('courseId', v)}
        />
        <FilterInput
          name="from"
          type="date"
          label={t('training.fields.from')}
          value={values.from}
          onChange={(v) => setFilter('from', v)}
        />
        <FilterInput
          name="to"
          type="date"
          label={t('training.fields.to')}
          value={values.to}
          onChange={(v) => setFilter('to', v)}
        />
        {anyFilter ? (
          <div className="toolbar-item toolbar-item-end">
            <Button
              variant="ghost"
              data-testid="clear-filters"
              onClick={() => setFilters(Object.fromEntries(FILTERS.map((f) => [f, ''])))}
            >
              {t('common.clearFilters')}
            </Button>
          </div>
        ) : null}
      </ListToolbar>
      <ListView
        listId="cohorts"
        query={query}
        caption={t('training.cohorts.title')}
        columns={columns}
        getRowId={(c) => c.id}
        emptyMessage={t('training.cohorts.empty')}
      />
    </section>
  );
}
