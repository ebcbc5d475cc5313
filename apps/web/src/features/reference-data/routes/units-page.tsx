import { useCallback } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { UnitResponse } from '@jv/contracts';
import { ButtonLink } from '../../../components/button';
import type { Column } from '../../../components/data-table';
import { FlashNotice } from '../../../components/flash-notice';
import { ListToolbar, SearchBox } from '../../../components/list-toolbar';
import { ListView } from '../../../components/list-view';
import { PageHeader } from '../../../components/page-header';
import { compactFilters, useSearchFilters } from '../../../lib/use-search-filters';
import { useCan } from '../../../lib/session';
import { useUnit } from '../api/get-unit';
import { useUnits } from '../api/get-units';
import { useEditColumn } from '../components/edit-column';
import { RecordFormPage } from '../components/record-form-page';
import { UnitForm } from '../components/unit-form';

export function UnitsPage() {
  const { t } = useTranslation();
  const canWrite = useCan('referenceData', 'write');
  const { values, setFilter } = useSearchFilters(['q'] as const);
  const onSearch = useCallback((q: string) => setFilter('q', q), [setFilter]);
  const query = useUnits(compactFilters({ q: values.q }));

  const columns: Column<UnitResponse>[] = [
    { key: 'code', header: t('reference.units.code'), className: 'nowrap mono', cell: (u) => u.code },
    { key: 'name', header: t('reference.units.name'), cell: (u) => u.name },
    ...useEditColumn<UnitResponse>(canWrite),
  ];

  return (
    <section>
      <PageHeader
        title={t('reference.units.title')}
        actions={
          canWrite ? (
            <ButtonLink to="new" variant="primary" data-testid="new-button">
              {t('common.new')}
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
        caption={t('reference.units.title')}
        columns={columns}
        getRowId={(u) => u.id}
        emptyMessage={t('reference.units.empty')}
      />
    </section>
  );
}

export function UnitFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useUnit(id);
  return (
    <RecordFormPage
      id={id}
      query={query}
      newTitle={t('reference.units.newTitle')}
      editTitle={t('reference.units.editTitle')}
    >
      {(record) => <UnitForm key={record?.id ?? 'new'} record={record} />}
    </RecordFormPage>
  );
}
