import { useCallback } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { facilityKinds, type FacilityResponse } from '@jv/contracts';
import { ButtonLink } from '../../../components/button';
import type { Column } from '../../../components/data-table';
import { FlashNotice } from '../../../components/flash-notice';
import { FilterSelect, ListToolbar, SearchBox } from '../../../components/list-toolbar';
import { ListView } from '../../../components/list-view';
import { PageHeader } from '../../../components/page-header';
import { useEnumLabel, useEnumOptions } from '../../../components/use-enum-label';
import { useFormatters } from '../../../lib/format';
import { useJointVentureOptions } from '../../../lib/lookups';
import { compactFilters, enumParam, useSearchFilters, uuidParam } from '../../../lib/use-search-filters';
import { useCan } from '../../../lib/session';
import { useFacilities } from '../api/get-facilities';
import { useFacility } from '../api/get-facility';
import { useEditColumn } from '../components/edit-column';
import { FacilityForm } from '../components/facility-form';
import { RecordFormPage } from '../components/record-form-page';

export function FacilitiesPage() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const enumLabel = useEnumLabel();
  const canWrite = useCan('referenceData', 'write');
  const { values, setFilter } = useSearchFilters(['q', 'kind', 'jointVentureId'] as const);
  const onSearch = useCallback((q: string) => setFilter('q', q), [setFilter]);
  const query = useFacilities(
    compactFilters({
      q: values.q,
      kind: enumParam(values.kind, facilityKinds),
      jointVentureId: uuidParam(values.jointVentureId),
    }),
  );
  const kindOptions = useEnumOptions('facilityKind', facilityKinds);
  const jointVentures = useJointVentureOptions();

  const columns: Column<FacilityResponse>[] = [
    { key: 'code', header: t('reference.facilities.code'), className: 'nowrap mono', cell: (f) => f.code },
    { key: 'name', header: t('reference.facilities.name'), cell: (f) => f.name },
    { key: 'kind', header: t('reference.facilities.kind'), cell: (f) => enumLabel('facilityKind', f.kind) },
    { key: 'oblast', header: t('reference.facilities.oblast'), cell: (f) => enumLabel('oblast', f.oblast) },
    { key: 'jv', header: t('reference.facilities.jointVenture'), cell: (f) => f.jointVentureName ?? t('common.none') },
    {
      key: 'bays',
      header: t('reference.facilities.repairBays'),
      className: 'num',
      cell: (f) => fmt.number(f.repairBays),
    },
    {
      key: 'seats',
      header: t('reference.facilities.trainingSeats'),
      className: 'num',
      cell: (f) => fmt.number(f.trainingSeats),
    },
    ...useEditColumn<FacilityResponse>(canWrite),
  ];

  return (
    <section>
      <PageHeader
        title={t('reference.facilities.title')}
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
          label={t('reference.facilities.kind')}
          value={values.kind}
          options={kindOptions}
          onChange={(v) => setFilter('kind', v)}
        />
        <FilterSelect
          name="jointVentureId"
          label={t('reference.facilities.jointVenture')}
          value={values.jointVentureId}
          options={(jointVentures.data ?? []).map((jv) => ({ value: jv.id, label: jv.name }))}
          onChange={(v) => setFilter('jointVentureId', v)}
        />
      </ListToolbar>
      <ListView
        query={query}
        caption={t('reference.facilities.title')}
        columns={columns}
        getRowId={(f) => f.id}
        emptyMessage={t('reference.facilities.empty')}
      />
    </section>
  );
}

export function FacilityFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useFacility(id);
  return (
    <RecordFormPage
      id={id}
      query={query}
      newTitle={t('reference.facilities.newTitle')}
      editTitle={t('reference.facilities.editTitle')}
    >
      {(record) => <FacilityForm key={record?.id ?? 'new'} record={record} />}
    </RecordFormPage>
  );
}
