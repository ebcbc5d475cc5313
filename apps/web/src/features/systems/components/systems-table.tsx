import { memo } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SystemResponse } from '@jv/contracts';
import { EmptyState } from '../../../components/states';
import { useFormatters } from '../../../lib/format';
import { ReadinessBadge, StatusBadge } from './system-badges';
import { useSystemLabels, type SystemLabels } from './system-labels';
import { WearBar } from './wear-bar';

type Formatters = ReturnType<typeof useFormatters>;

interface RowProps {
  system: SystemResponse;
  fmt: Formatters;
  labels: SystemLabels;
}

/**
 * One row, memoised: "Load more" appends a page without re-rendering the rows already shown, and a
 * row is plain markup (no hooks, no queries), so thousands of loaded rows stay cheap.
 */
const SystemRow = memo(function SystemRow({ system: s, fmt, labels }: RowProps) {
  return (
    <tr data-testid="row" data-serial={s.serialNumber} data-id={s.id}>
      <td className="nowrap mono">
        <Link to={`/systems/${s.id}`} data-testid="system-link">
          {s.serialNumber}
        </Link>
      </td>
      <td className="cell-clip" title={s.modelDesignation}>
        {s.modelDesignation}
      </td>
      <td className="nowrap mono">{s.donorPartnerCode}</td>
      <td className="cell-clip" title={s.unitName ?? undefined}>
        {s.unitName ?? '—'}
      </td>
      <td className="nowrap mono">{s.facilityCode ?? '—'}</td>
      <td className="nowrap">
        <span className="badge-pair">
          <StatusBadge status={s.status} labels={labels} />
          <ReadinessBadge readiness={s.readiness} labels={labels} />
        </span>
      </td>
      <td className="num">{fmt.number(s.totalEfc)}</td>
      <td className="col-wear">
        <WearBar wear={s.barrelWear} flagged={s.wearFlagged} labels={labels} />
      </td>
      <td className="nowrap" data-testid="forecast-date" data-date={s.barrelForecastDate ?? ''}>
        {fmt.date(s.barrelForecastDate)}
      </td>
    </tr>
  );
});

/** The systems list as a light, plain table (rows carry `data-testid="row"` and `data-serial`). */
export function SystemsTable({
  rows,
  caption,
  emptyMessage,
}: {
  rows: SystemResponse[];
  caption: string;
  emptyMessage: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const labels = useSystemLabels();
  if (rows.length === 0) return <EmptyState message={emptyMessage} />;
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="data-table systems-table" data-testid="systems-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('systems.fields.serialNumber')}</th>
            <th scope="col">{t('systems.fields.model')}</th>
            <th scope="col">{t('systems.fields.donor')}</th>
            <th scope="col">{t('systems.fields.unit')}</th>
            <th scope="col">{t('systems.fields.facility')}</th>
            <th scope="col">{t('systems.fields.status')}</th>
            <th scope="col" className="num">
              {t('systems.fields.totalEfc')}
            </th>
            <th scope="col">{t('systems.fields.barrelWear')}</th>
            <th scope="col">{t('systems.fields.forecast')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <SystemRow key={s.id} system={s} fmt={fmt} labels={labels} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
