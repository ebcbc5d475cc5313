import { useCallback } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { JointVentureResponse } from '@jv/contracts';
import { ButtonLink } from '../../../components/button';
import type { Column } from '../../../components/data-table';
import { FlashNotice } from '../../../components/flash-notice';
import { FilterSelect, ListToolbar, SearchBox } from '../../../components/list-toolbar';
import { ListView } from '../../../components/list-view';
import { PageHeader } from '../../../components/page-header';
import { useEnumLabel } from '../../../components/use-enum-label';
import { useFormatters } from '../../../lib/format';
import { partnerLabel, usePartnerOptions } from '../../../lib/lookups';
import { compactFilters, useSearchFilters, uuidParam } from '../../../lib/use-search-filters';
import { useCan } from '../../../lib/session';
import { useJointVenture } from '../api/get-joint-venture';
import { useJointVentures } from '../api/get-joint-ventures';
import { useEditColumn } from '../components/edit-column';
import { JointVentureForm } from '../components/joint-venture-form';
import { RecordFormPage } from '../components/record-form-page';

export function JointVenturesPage() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const enumLabel = useEnumLabel();
  const canWrite = useCan('referenceData', 'write');
  const { values, setFilter } = useSearchFilters(['q', 'partnerId'] as const);
  const onSearch = useCallback((q: string) => setFilter('q', q), [setFilter]);
  const query = useJointVentures(compactFilters({ q: values.q, partnerId: uuidParam(values.partnerId) }));
  const partners = usePartnerOptions();

  const columns: Column<JointVentureResponse>[] = [
    { key: 'name', header: t('reference.jointVentures.name'), cell: (jv) => jv.name },
    { key: 'ua', header: t('reference.jointVentures.ukrainianCompany'), cell: (jv) => jv.ukrainianCompany },
    {
      key: 'partners',
      header: t('reference.jointVentures.partners'),
      cell: (jv) => (
        <ul className="cell-list">
          {jv.partners.map((p) => (
            <li key={`${p.partnerId}:${p.companyName}`}>
              <span className="mono">{p.partnerCode}</span> {p.companyName}
            </li>
          ))}
        </ul>
      ),
    },
    {
      key: 'scopes',
      header: t('reference.jointVentures.scopes'),
      cell: (jv) => jv.scopes.map((s) => enumLabel('jvScope', s)).join(', '),
    },
    {
      key: 'established',
      header: t('reference.jointVentures.establishedOn'),
      className: 'nowrap',
      cell: (jv) => fmt.date(jv.establishedOn),
    },
    ...useEditColumn<JointVentureResponse>(canWrite),
  ];

  return (
    <section>
      <PageHeader
        title={t('reference.jointVentures.title')}
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
          name="partnerId"
          label={t('reference.jointVentures.partner')}
          value={values.partnerId}
          options={(partners.data ?? []).map((p) => ({ value: p.id, label: partnerLabel(p) }))}
          onChange={(v) => setFilter('partnerId', v)}
        />
      </ListToolbar>
      <ListView
        query={query}
        caption={t('reference.jointVentures.title')}
        columns={columns}
        getRowId={(jv) => jv.id}
        emptyMessage={t('reference.jointVentures.empty')}
      />
    </section>
  );
}

export function JointVentureFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useJointVenture(id);
  return (
    <RecordFormPage
      id={id}
      query={query}
      newTitle={t('reference.jointVentures.newTitle')}
      editTitle={t('reference.jointVentures.editTitle')}
    >
      {(record) => <JointVentureForm key={record?.id ?? 'new'} record={record} />}
    </RecordFormPage>
  );
}
