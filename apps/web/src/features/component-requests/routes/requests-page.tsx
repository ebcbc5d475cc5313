import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { componentRequestPriorities, componentRequestStatuses, type ComponentRequestStatus } from '@jv/domain';
import { Button, ButtonLink } from '../../../components/button';
import { CheckboxField } from '../../../components/form-fields';
import { FlashNotice } from '../../../components/flash-notice';
import { FilterSelect, ListToolbar, SearchBox } from '../../../components/list-toolbar';
import { ListView } from '../../../components/list-view';
import { PageHeader } from '../../../components/page-header';
import { useCan } from '../../../lib/session';
import { compactFilters, enumParam, useSearchFilters, uuidParam } from '../../../lib/use-search-filters';
import { componentRequestsExportUrl } from '../api/export-component-requests';
import { useComponentRequests } from '../api/get-component-requests';
import type { ComponentRequestFilters } from '../api/keys';
import { overdueRowClass, useRequestColumns } from '../components/request-columns';
import { useRequestLabels } from '../components/request-labels';
import { StatusFilter } from '../components/status-filter';
import { useDestinationOptions, useSupplierOptions } from '../components/use-request-options';

const FILTERS = ['q', 'status', 'priority', 'facilityId', 'supplierPartnerId', 'overdue', 'mine'] as const;
const BOOL = ['true', 'false'] as const;

/** `status=submitted,approved` in the URL → the statuses it names (unknown ones dropped). */
const statusesOf = (value: string): ComponentRequestStatus[] =>
  value
    .split(',')
    .map((s) => enumParam(s, componentRequestStatuses))
    .filter((s): s is ComponentRequestStatus => !!s);

/** The list's filters as the API takes them, from the URL's values. */
export function requestFiltersOf(values: Record<(typeof FILTERS)[number], string>): ComponentRequestFilters {
  const statuses = statusesOf(values.status);
  return compactFilters({
    q: values.q || undefined,
    status: statuses.length ? statuses : undefined,
    priority: enumParam(values.priority, componentRequestPriorities),
    facilityId: uuidParam(values.facilityId),
    supplierPartnerId: uuidParam(values.supplierPartnerId),
    overdue: enumParam(values.overdue, BOOL),
    mine: values.mine === 'true' ? 'true' : undefined,
  });
}

/** /component-requests — every request the user may see, filtered on the server (filters live in the URL). */
export function RequestsPage() {
  const { t } = useTranslation();
  const labels = useRequestLabels();
  const canWrite = useCan('componentRequests', 'write');
  const destinations = useDestinationOptions();
  const suppliers = useSupplierOptions();
  const columns = useRequestColumns();
  const { values, setFilter, setFilters } = useSearchFilters(FILTERS);
  const onSearch = useCallback((q: string) => setFilter('q', q), [setFilter]);

  const filters = useMemo(() => requestFiltersOf(values), [values]);
  const query = useComponentRequests(filters);
  // an answer cached from an earlier visit is not shown while it is asked again (the previous filters' rows are)
  const outdated = query.isFetching && !query.isFetchedAfterMount && !query.isPlaceholderData;
  const anyFilter = FILTERS.some((f) => values[f] !== '');

  return (
    <section>
      <PageHeader
        title={t('componentRequests.list.title')}
        description={t('componentRequests.list.description')}
        actions={
          <>
            <a
              className="btn btn-secondary"
              href={componentRequestsExportUrl(filters)}
              download
              data-testid="export-csv"
            >
              {t('componentRequests.list.exportCsv')}
            </a>
            {canWrite ? (
              <ButtonLink to="/component-requests/new" variant="primary" data-testid="new-request-button">
                {t('componentRequests.newRequest')}
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <FlashNotice />
      <ListToolbar>
        <SearchBox value={values.q} onSearch={onSearch} />
        <FilterSelect
          name="priority"
          label={t('componentRequests.fields.priority')}
          value={values.priority}
          options={labels.priorityOptions}
          onChange={(v) => setFilter('priority', v)}
        />
        <FilterSelect
          name="facilityId"
          label={t('componentRequests.fields.facility')}
          value={values.facilityId}
          options={destinations.options}
          onChange={(v) => setFilter('facilityId', v)}
        />
        <FilterSelect
          name="supplierPartnerId"
          label={t('componentRequests.fields.supplier')}
          value={values.supplierPartnerId}
          options={suppliers.options}
          onChange={(v) => setFilter('supplierPartnerId', v)}
        />
        <FilterSelect
          name="overdue"
          label={t('componentRequests.fields.overdue')}
          value={values.overdue}
          options={BOOL.map((v) => ({ value: v, label: t(`componentRequests.overdueFilter.${v}`) }))}
          onChange={(v) => setFilter('overdue', v)}
        />
        {canWrite ? (
          <div className="toolbar-item cr-toolbar-check">
            <CheckboxField
              name="filter-mine"
              label={t('componentRequests.fields.mine')}
              checked={values.mine === 'true'}
              onChange={(e) => setFilter('mine', e.target.checked ? 'true' : '')}
            />
          </div>
        ) : null}
        <StatusFilter value={statusesOf(values.status)} onChange={(s) => setFilter('status', s.join(','))} />
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
        listId="component-requests"
        query={outdated ? { ...query, isPending: true } : query}
        caption={t('componentRequests.list.title')}
        columns={columns}
        getRowId={(r) => r.id}
        emptyMessage={t('componentRequests.empty')}
        rowClassName={overdueRowClass}
      />
    </section>
  );
}
