import { useCallback } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { systemKinds, type SystemModelResponse } from '@jv/contracts';
import { ButtonLink } from '../../../components/button';
import type { Column } from '../../../components/data-table';
import { FlashNotice } from '../../../components/flash-notice';
import { FilterSelect, ListToolbar, SearchBox } from '../../../components/list-toolbar';
import { ListView } from '../../../components/list-view';
import { PageHeader } from '../../../components/page-header';
import { useEnumLabel, useEnumOptions } from '../../../components/use-enum-label';
import { useFormatters } from '../../../lib/format';
import { partnerLabel, usePartnerOptions } from '../../../lib/lookups';
import { compactFilters, enumParam, useSearchFilters, uuidParam } from '../../../lib/use-search-filters';
import { useCan } from '../../../lib/session';
import { useSystemModel } from '../api/get-system-model';
import { useSystemModels } from '../api/get-system-models';
import { useEditColumn } from '../components/edit-column';
import { RecordFormPage } from '../components/record-form-page';
import { SystemModelForm } from '../components/system-model-form';

export function SystemModelsPage() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const enumLabel = useEnumLabel();
  const canWrite = useCan('referenceData', 'write');
  const { values, setFilter } = useSearchFilters(['q', 'kind', 'originPartnerId'] as const);
  const onSearch = useCallback((q: string) => setFilter('q', q), [setFilter]);
  const query = useSystemModels(
    compactFilters({
      q: values.q,
      kind: enumParam(values.kind, systemKinds),
      originPartnerId: uuidParam(values.originPartnerId),
    }),
  );
  const kindOptions = useEnumOptions('systemKind', systemKinds);
  const partners = usePartnerOptions();

  const columns: Column<SystemModelResponse>[] = [
    { key: 'designation', header: t('reference.systemModels.designation'), cell: (m) => m.designation },
    { key: 'kind', header: t('reference.systemModels.kind'), cell: (m) => enumLabel('systemKind', m.kind) },
    {
      key: 'caliber',
      header: t('reference.systemModels.caliberMm'),
      className: 'num',
      cell: (m) => fmt.number(m.caliberMm),
    },
    {
      key: 'origin',
      header: t('reference.systemModels.originPartner'),
      className: 'nowrap mono',
      cell: (m) => m.originPartnerCode,
    },
    {
      key: 'barrel',
      header: t('reference.systemModels.barrelLifeEfc'),
      className: 'num',
      cell: (m) => fmt.number(m.barrelLifeEfc),
    },
    ...useEditColumn<SystemModelResponse>(canWrite),
  ];

  return (
    <section>
      <PageHeader
        title={t('reference.systemModels.title')}
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
          name="kind"
          label={t('reference.systemModels.kind')}
          value={values.kind}
          options={kindOptions}
          onChange={(v) => setFilter('kind', v)}
        />
        <FilterSelect
          name="originPartnerId"
          label={t('reference.systemModels.originPartner')}
          value={values.originPartnerId}
          options={(partners.data ?? []).map((p) => ({ value: p.id, label: partnerLabel(p) }))}
          onChange={(v) => setFilter('originPartnerId', v)}
        />
      </ListToolbar>
      <ListView
        query={query}
        caption={t('reference.systemModels.title')}
        columns={columns}
        getRowId={(m) => m.id}
        emptyMessage={t('reference.systemModels.empty')}
      />
    </section>
  );
}

export function SystemModelFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useSystemModel(id);
  return (
    <RecordFormPage
      id={id}
      query={query}
      newTitle={t('reference.systemModels.newTitle')}
      editTitle={t('reference.systemModels.editTitle')}
    >
      {(record) => <SystemModelForm key={record?.id ?? 'new'} record={record} />}
    </RecordFormPage>
  );
}
