import { useCallback, useMemo } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SystemResponse } from '@jv/contracts';
import { ButtonLink } from '../../../components/button';
import { FlashNotice } from '../../../components/flash-notice';
import { PagedList } from '../../../components/list-view';
import { PageHeader } from '../../../components/page-header';
import { ScanButton } from '../../../components/scan-button';
import { useCan } from '../../../lib/session';
import { useSearchFilters } from '../../../lib/use-search-filters';
import { systemsExportUrl } from '../api/export-systems';
import { useSystems } from '../api/get-systems';
import type { SystemFilters } from '../api/system-keys';
import { toApiFilters } from '../components/system-list-filters';
import { SYSTEM_FILTER_KEYS, SystemsFilters, type SystemFilterValues } from '../components/systems-filters';
import { SystemsNav } from '../components/systems-nav';
import { SystemsTable } from '../components/systems-table';

/**
 * /systems — the fleet list: filters in the URL, keyset "Load more", CSV export and a label sheet of the same
 * filters, and Scan where the device has a camera.
 */
export function SystemsPage() {
  const { t } = useTranslation();
  const canCreate = useCan('systems', 'write');
  const { search } = useLocation();
  const { values, setFilter, setFilters } = useSearchFilters(SYSTEM_FILTER_KEYS);
  const filters = useMemo(() => toApiFilters(values), [values]);
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
            <ScanButton />
            {/* the sheet reads the same URL filters as this list */}
            <ButtonLink to={`/systems/labels${search}`} variant="secondary" data-testid="print-labels">
              {t('systems.labels.print')}
            </ButtonLink>
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
      <SystemsResults filters={filters} />
    </section>
  );
}

/**
 * The list itself, and the only part of the page subscribed to its query: an answer, a refetch or the next page
 * re-renders the rows' table, not the header and the filters above it.
 */
function SystemsResults({ filters }: { filters: SystemFilters }) {
  const { t } = useTranslation();
  // the item type named: `pagedQueryOptions` answers `Page<SystemResponse> & Page<unknown>`,
  // from which it is not inferred
  return (
    <PagedList<SystemResponse> query={useSystems(filters)}>
      {(rows) => <SystemsTable rows={rows} caption={t('systems.title')} emptyMessage={t('systems.list.empty')} />}
    </PagedList>
  );
}
