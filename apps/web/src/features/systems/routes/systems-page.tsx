import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SystemResponse } from '@jv/contracts';
import { readinessClasses } from '@jv/domain';
import { ButtonLink } from '../../../components/button';
import { LoadMore } from '../../../components/data-table';
import { FlashNotice } from '../../../components/flash-notice';
import { PageHeader } from '../../../components/page-header';
import { ErrorState, LoadingState } from '../../../components/states';
import { flattenPages } from '../../../lib/paged-query';
import { useCan } from '../../../lib/session';
import { compactFilters, enumParam, useSearchFilters, uuidParam } from '../../../lib/use-search-filters';
import { systemsExportUrl } from '../api/export-systems';
import { useSystems } from '../api/get-systems';
import type { SystemFilters } from '../api/system-keys';
import {
  SYSTEM_FILTER_KEYS,
  statusesParam,
  SystemsFilters,
  wearParam,
  type SystemFilterValues,
} from '../components/systems-filters';
import { SystemsNav } from '../components/systems-nav';
import { SystemsTable } from '../components/systems-table';

const SORTS = ['serial', 'wear', 'lastChange'] as const;
const ORDERS = ['asc', 'desc'] as const;

/** The URL's filter values as the API's query (unknown or malformed values are left out). */
function toApiFilters(values: SystemFilterValues): SystemFilters {
  const statuses = statusesParam(values.status);
  return compactFilters<SystemFilters>({
    status: statuses.length > 0 ? statuses : undefined,
    readiness: enumParam(values.readiness, readinessClasses),
    modelId: uuidParam(values.modelId),
    donorPartnerId: uuidParam(values.donorPartnerId),
    unitId: uuidParam(values.unitId),
    facilityId: uuidParam(values.facilityId),
    wearAbove: wearParam(values.wearAbove),
    q: values.q.trim() || undefined,
    sort: enumParam(values.sort, SORTS),
    order: enumParam(values.order, ORDERS),
  });
}

/** /systems — the fleet list: filters in the URL, keyset "Load more", CSV export of the same filters. */
export function SystemsPage() {
  const { t } = useTranslation();
  const canCreate = useCan('systems', 'write');
  const { values, setFilter, setFilters } = useSearchFilters(SYSTEM_FILTER_KEYS);
  const filters = useMemo(() => toApiFilters(values), [values]);
  const query = useSystems(filters);
  // the item type named: `pagedQueryOptions` answers `Page<SystemResponse> & Page<unknown>`,
  // from which it is not inferred
  const rows = useMemo(() => flattenPages<SystemResponse>(query.data), [query.data]);
  const clear = useCallback(
    () => setFilters(Object.fromEntries(SYSTEM_FILTER_KEYS.map((k) => [k, ''])) as Partial<SystemFilterValues>),
    [setFilters],
  );

  return (
    <section>
      <SystemsNav />
      <PageHeader
        title={t('systems.title')}
        description={t('systems.list.description')}
        actions={
          <>
            <a className="btn btn-secondary" href={systemsExportUrl(filters)} download data-testid="export-csv">
              {t('systems.list.exportCsv')}
            </a>
            {canCreate ? (
              <ButtonLink to="/systems/new" variant="primary" data-testid="new-button">
                {t('systems.list.newSystem')}
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <FlashNotice />
      <div className="systems-filters">
        <SystemsFilters values={values} setFilter={setFilter} clear={clear} />
      </div>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError && !query.data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <div
          className={query.isFetching && !query.isFetchingNextPage ? 'list-busy' : undefined}
          aria-busy={query.isFetching || undefined}
        >
          {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
          <SystemsTable rows={rows} caption={t('systems.title')} emptyMessage={t('systems.list.empty')} />
          <LoadMore
            count={rows.length}
            hasNextPage={query.hasNextPage}
            isFetchingNextPage={query.isFetchingNextPage}
            onLoadMore={() => void query.fetchNextPage()}
          />
        </div>
      )}
    </section>
  );
}
