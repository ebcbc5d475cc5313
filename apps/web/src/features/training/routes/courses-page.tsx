import { useCallback, useMemo } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CourseResponse } from '@jv/contracts';
import { ButtonLink } from '../../../components/button';
import type { Column } from '../../../components/data-table';
import { FlashNotice } from '../../../components/flash-notice';
import { ListToolbar, SearchBox } from '../../../components/list-toolbar';
import { ListView } from '../../../components/list-view';
import { PageHeader } from '../../../components/page-header';
import { useCan } from '../../../lib/session';
import { compactFilters, useSearchFilters } from '../../../lib/use-search-filters';
import { useCourses } from '../api/courses';

/** /training/courses — the courses by code; admin and training add and change them. */
export function CoursesPage() {
  const { t } = useTranslation();
  const canWrite = useCan('training', 'write');
  const { values, setFilter } = useSearchFilters(['q'] as const);
  const onSearch = useCallback((q: string) => setFilter('q', q), [setFilter]);
  const filters = useMemo(() => compactFilters({ q: values.q || undefined }), [values.q]);
  const query = useCourses(filters);

  const columns: Column<CourseResponse>[] = [
    {
      key: 'code',
      header: t('training.fields.code'),
      className: 'nowrap mono',
      cell: (c) => (canWrite ? <Link to={`/training/courses/${c.id}`}>{c.code}</Link> : c.code),
    },
    { key: 'title', header: t('training.fields.title'), cell: (c) => c.title },
    { key: 'kind', header: t('training.fields.kind'), cell: (c) => t(`training.courseKind.${c.kind}`) },
    { key: 'model', header: t('training.fields.systemModel'), cell: (c) => c.modelDesignation },
    { key: 'days', header: t('training.fields.durationDays'), className: 'num', cell: (c) => c.durationDays },
    { key: 'seats', header: t('training.fields.seats'), className: 'num', cell: (c) => c.seats },
  ];

  return (
    <section>
      <PageHeader
        title={t('training.courses.title')}
        description={t('training.courses.description')}
        actions={
          canWrite ? (
            <ButtonLink to="/training/courses/new" variant="primary" data-testid="new-course">
              {t('training.courses.new')}
            </ButtonLink>
          ) : null
        }
      />
      <FlashNotice />
      <ListToolbar>
        <SearchBox value={values.q} onSearch={onSearch} />
      </ListToolbar>
      <ListView
        query={query}
        caption={t('training.courses.title')}
        columns={columns}
        getRowId={(c) => c.id}
        emptyMessage={t('training.courses.empty')}
      />
    </section>
  );
}
