import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../../components/data-table';
import { ErrorState, EmptyState, LoadingState } from '../../../components/states';
import { useFormatters } from '../../../lib/format';
import { flattenPages } from '../../../lib/paged-query';
import { useUsageReports } from '../api/get-usage-reports';

/** Every usage report of the system, newest first, loaded only when the section is opened. */
export function UsageReportsPanel({ systemId }: { systemId: string }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [open, setOpen] = useState(false);
  const query = useUsageReports(systemId, {}, open);
  const rows = flattenPages(query.data);

  return (
    <details
      className="panel usage-reports"
      onToggle={(e) => setOpen(e.currentTarget.open)}
      data-testid="usage-reports"
    >
      <summary>
        <h2>{t('systems.usageReports.title')}</h2>
      </summary>
      {!open ? null : query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState message={t('systems.usageReports.empty')} />
      ) : (
        <>
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">{t('systems.usageReports.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('systems.usageForm.date')}</th>
                  <th scope="col" className="num">
                    {t('systems.usageForm.rounds')}
                  </th>
                  <th scope="col" className="num">
                    {t('systems.usageForm.efc')}
                  </th>
                  <th scope="col">{t('systems.usageReports.reportedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} data-testid="usage-report-row">
                    <td className="nowrap">{fmt.date(r.date)}</td>
                    <td className="num">{fmt.number(r.rounds)}</td>
                    <td className="num">{fmt.number(r.efc)}</td>
                    <td className="nowrap">{fmt.dateTime(r.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <LoadMore
            count={rows.length}
            hasNextPage={query.hasNextPage}
            isFetchingNextPage={query.isFetchingNextPage}
            onLoadMore={() => void query.fetchNextPage()}
          />
        </>
      )}
    </details>
  );
}
