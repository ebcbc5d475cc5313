import { useCallback } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { partnerRoles, type PartnerResponse } from '@jv/contracts';
import { ButtonLink } from '../../../components/button';
import type { Column } from '../../../components/data-table';
import { FlashNotice } from '../../../components/flash-notice';
import { FilterSelect, ListToolbar, SearchBox } from '../../../components/list-toolbar';
import { ListView } from '../../../components/list-view';
import { PageHeader } from '../../../components/page-header';
import { useEnumLabel, useEnumOptions } from '../../../components/use-enum-label';
import { compactFilters, enumParam, useSearchFilters } from '../../../lib/use-search-filters';
import { useCan } from '../../../lib/session';
import { usePartner } from '../api/get-partner';
import { usePartners } from '../api/get-partners';
import { useEditColumn } from '../components/edit-column';
import { PartnerForm } from '../components/partner-form';
import { RecordFormPage } from '../components/record-form-page';

export function PartnersPage() {
  const { t } = useTranslation();
  const enumLabel = useEnumLabel();
  const canWrite = useCan('referenceData', 'write');
  const { values, setFilter } = useSearchFilters(['q', 'role'] as const);
  const onSearch = useCallback((q: string) => setFilter('q', q), [setFilter]);
  const query = usePartners(compactFilters({ q: values.q, role: enumParam(values.role, partnerRoles) }));
  const roleOptions = useEnumOptions('partnerRole', partnerRoles);

  const columns: Column<PartnerResponse>[] = [
    { key: 'code', header: t('reference.partners.code'), className: 'nowrap mono', cell: (p) => p.code },
    { key: 'name', header: t('reference.partners.name'), cell: (p) => p.name },
    { key: 'role', header: t('reference.partners.role'), cell: (p) => enumLabel('partnerRole', p.role) },
    ...useEditColumn<PartnerResponse>(canWrite),
  ];

  return (
    <section>
      <PageHeader
        title={t('reference.partners.title')}
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
          name="role"
          label={t('reference.partners.role')}
          value={values.role}
          options={roleOptions}
          onChange={(v) => setFilter('role', v)}
        />
      </ListToolbar>
      <ListView
        query={query}
        caption={t('reference.partners.title')}
        columns={columns}
        getRowId={(p) => p.id}
        emptyMessage={t('reference.partners.empty')}
      />
    </section>
  );
}

export function PartnerFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = usePartner(id);
  return (
    <RecordFormPage
      id={id}
      query={query}
      newTitle={t('reference.partners.newTitle')}
      editTitle={t('reference.partners.editTitle')}
    >
      {(record) => <PartnerForm key={record?.id ?? 'new'} record={record} />}
    </RecordFormPage>
  );
}
