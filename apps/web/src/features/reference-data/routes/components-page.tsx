import { useCallback } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { componentCategories, type ComponentResponse } from '@jv/contracts';
import { ButtonLink } from '../../../components/button';
import type { Column } from '../../../components/data-table';
import { FlashNotice } from '../../../components/flash-notice';
import { FilterSelect, ListToolbar, SearchBox } from '../../../components/list-toolbar';
import { ListView } from '../../../components/list-view';
import { PageHeader } from '../../../components/page-header';
import { useEnumLabel, useEnumOptions } from '../../../components/use-enum-label';
import { useSystemModelOptions } from '../../../lib/lookups';
import { compactFilters, enumParam, useSearchFilters, uuidParam } from '../../../lib/use-search-filters';
import { useCan } from '../../../lib/session';
import { useComponent } from '../api/get-component';
import { useComponents } from '../api/get-components';
import { ComponentForm } from '../components/component-form';
import { useEditColumn } from '../components/edit-column';
import { RecordFormPage } from '../components/record-form-page';

export function ComponentsPage() {
  const { t } = useTranslation();
  const enumLabel = useEnumLabel();
  const canWrite = useCan('referenceData', 'write');
  const { values, setFilter } = useSearchFilters(['q', 'category', 'modelId'] as const);
  const onSearch = useCallback((q: string) => setFilter('q', q), [setFilter]);
  const query = useComponents(
    compactFilters({
      q: values.q,
      category: enumParam(values.category, componentCategories),
      modelId: uuidParam(values.modelId),
    }),
  );
  const categoryOptions = useEnumOptions('componentCategory', componentCategories);
  const models = useSystemModelOptions();
  const modelName = new Map((models.data ?? []).map((m) => [m.id, m.designation]));

  const columns: Column<ComponentResponse>[] = [
    {
      key: 'partNumber',
      header: t('reference.components.partNumber'),
      className: 'nowrap mono',
      cell: (c) => c.partNumber,
    },
    { key: 'name', header: t('reference.components.name'), cell: (c) => c.name },
    {
      key: 'category',
      header: t('reference.components.category'),
      cell: (c) => enumLabel('componentCategory', c.category),
    },
    { key: 'unit', header: t('reference.components.unitOfIssue'), cell: (c) => c.unitOfIssue },
    {
      key: 'models',
      header: t('reference.components.compatibleModels'),
      cell: (c) =>
        c.compatibleModelIds.length
          ? c.compatibleModelIds.map((id) => modelName.get(id) ?? id).join(', ')
          : t('common.none'),
    },
    ...useEditColumn<ComponentResponse>(canWrite),
  ];

  return (
    <section>
      <PageHeader
        title={t('reference.components.title')}
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
        <FilterSelect
          name="category"
          label={t('reference.components.category')}
          value={values.category}
          options={categoryOptions}
          onChange={(v) => setFilter('category', v)}
        />
        <FilterSelect
          name="modelId"
          label={t('reference.components.model')}
          value={values.modelId}
          options={(models.data ?? []).map((m) => ({ value: m.id, label: m.designation }))}
          onChange={(v) => setFilter('modelId', v)}
        />
      </ListToolbar>
      <ListView
        query={query}
        caption={t('reference.components.title')}
        columns={columns}
        getRowId={(c) => c.id}
        emptyMessage={t('reference.components.empty')}
      />
    </section>
  );
}

export function ComponentFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useComponent(id);
  return (
    <RecordFormPage
      id={id}
      query={query}
      newTitle={t('reference.components.newTitle')}
      editTitle={t('reference.components.editTitle')}
    >
      {(record) => <ComponentForm key={record?.id ?? 'new'} record={record} />}
    </RecordFormPage>
  );
}
