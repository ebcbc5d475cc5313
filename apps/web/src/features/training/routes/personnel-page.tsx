import { useCallback, useMemo } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PersonResponse } from '@jv/contracts';
import { ButtonLink } from '../../../components/button';
import type { Column } from '../../../components/data-table';
import { FlashNotice } from '../../../components/flash-notice';
import { ListToolbar, SearchBox } from '../../../components/list-toolbar';
import { ListView } from '../../../components/list-view';
import { PageHeader } from '../../../components/page-header';
import { compactFilters, useSearchFilters } from '../../../lib/use-search-filters';
import { usePersonnel } from '../api/personnel';

/** /training/personnel (admin, training) — people by service number; add, change, import a CSV. */
export function PersonnelPage() {
  const { t } = useTranslation();
  const { values, setFilter } = useSearchFilters(['q'] as const);
  const onSearch = useCallback((q: string) => setFilter('q', q), [setFilter]);
  const filters = useMemo(() => compactFilters({ q: values.q || undefined }), [values.q]);
  const query = usePersonnel(filters);
  const columns: Column<PersonResponse>[] = [
    {
      key: 'number',
      header: t('training.fields.serviceNumber'),
      className: 'nowrap mono',
      cell: (p) => <Link to={`/training/personnel/${p.id}`}>{p.serviceNumber}</Link>,
    },
    { key: 'rank', header: t('training.fields.rank'), cell: (p) => p.rank },
    { key: 'name', header: t('training.fields.fullName'), cell: (p) => p.fullName },
    { key: 'unit', header: t('training.fields.unit'), cell: (p) => p.unitCode ?? t('training.personnel.noUnit') },
  ];
  return (
    <section>
      <PageHeader
        title={t('training.personnel.title')}
        description={t('training.personnel.description')}
        actions={
          <>
            <ButtonLink to="/training/personnel/import" data-testid="personnel-import">
              {t('training.personnel.import')}
            </ButtonLink>
            <ButtonLink to="/training/personnel/new" variant="primary" data-testid="new-person">
              {t('training.personnel.new')}
            </ButtonLink>
          </>
        }
      />
      <FlashNotice />
      <ListToolbar>
        <SearchBox value={values.q} onSearch={onSearch} />
      </ListToolbar>
      <ListView
        listId="personnel"
        query={query}
        caption={t('training.personnel.title')}
        columns={columns}
        getRowId={(p) => p.id}
        emptyMessage={t('training.personnel.empty')}
      />
    </section>
  );
}
