import { memo, useDeferredValue, useMemo } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SystemResponse } from '@jv/contracts';
import { ColumnChooser, useColumnVisibility, type ChoosableColumn } from '../../../components/column-chooser';
import { rowTapHandlers } from '../../../components/row-tap';
import { EmptyState } from '../../../components/states';
import { useFormatters } from '../../../lib/format';
import { ReadinessBadge, StatusBadge } from './system-badges';
import { useSystemLabels, type SystemLabels } from './system-labels';
import { WearBar } from './wear-bar';

type Formatters = ReturnType<typeof useFormatters>;

type SystemColumn = 'serial' | 'model' | 'donor' | 'unit' | 'facility' | 'status' | 'totalEfc' | 'wear' | 'forecast';

interface RowProps {
  system: SystemResponse;
  fmt: Formatters;
  labels: SystemLabels;
  /** the columns shown (the serial, with the row's link, always is) */
  shown: ReadonlySet<string>;
}

/**
 * One row, memoised: "Load more" appends a page without re-rendering the rows already shown, and a
 * row is plain markup (no hooks, no queries), so thousands of loaded rows stay cheap.
 */
const SystemRow = memo(function SystemRow({ system: s, fmt, labels, shown }: RowProps) {
  return (
    <tr data-testid="row" data-serial={s.serialNumber} data-id={s.id}>
      <td className="nowrap mono">
        <Link to={`/systems/${s.id}`} data-testid="system-link" data-row-link>
          {s.serialNumber}
        </Link>
      </td>
      {shown.has('model') ? (
        <td className="cell-clip" title={s.modelDesignation}>
          {s.modelDesignation}
        </td>
      ) : null}
      {shown.has('donor') ? <td className="nowrap mono">{s.donorPartnerCode}</td> : null}
      {shown.has('unit') ? (
        <td className="cell-clip" title={s.unitName ?? undefined}>
          {s.unitName ?? '—'}
        </td>
      ) : null}
      {shown.has('facility') ? <td className="nowrap mono">{s.facilityCode ?? '—'}</td> : null}
      {shown.has('status') ? (
        <td className="nowrap">
          <span className="badge-pair">
            <StatusBadge status={s.status} labels={labels} />
            <ReadinessBadge readiness={s.readiness} labels={labels} />
          </span>
        </td>
      ) : null}
      {shown.has('totalEfc') ? <td className="num">{fmt.number(s.totalEfc)}</td> : null}
      {shown.has('wear') ? (
        <td className="col-wear">
          <WearBar wear={s.barrelWear} flagged={s.wearFlagged} labels={labels} />
        </td>
      ) : null}
      {shown.has('forecast') ? (
        <td className="nowrap" data-testid="forecast-date" data-date={s.barrelForecastDate ?? ''}>
          {fmt.date(s.barrelForecastDate)}
        </td>
      ) : null}
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
  // at 1024 px the unit, facility and total EFC wait behind the chooser: wear and forecast must show
  const columns: (ChoosableColumn & { key: SystemColumn; className?: string })[] = [
    { key: 'serial', header: t('systems.fields.serialNumber'), hideable: false },
    { key: 'model', header: t('systems.fields.model') },
    { key: 'donor', header: t('systems.fields.donor') },
    { key: 'unit', header: t('systems.fields.unit'), narrowHidden: true },
    { key: 'facility', header: t('systems.fields.facility'), narrowHidden: true },
    { key: 'status', header: t('systems.fields.status') },
    { key: 'totalEfc', header: t('systems.fields.totalEfc'), narrowHidden: true, className: 'num' },
    { key: 'wear', header: t('systems.fields.barrelWear') },
    { key: 'forecast', header: t('systems.fields.forecast') },
  ];
  const { isShown, setShown } = useColumnVisibility('systems');
  const visible = columns.filter(isShown);
  const shownKey = visible.map((c) => c.key).join(',');
  // one Set per choice, so the memoised rows re-render only when the columns change
  const shown = useMemo(() => new Set(shownKey.split(',')), [shownKey]);
  // the rows render in the background (a transition, which React splits into short tasks): a phone's main thread is
  // never held for the whole page of rows at once; until then the table shows its head
  const shownRows = useDeferredValue<SystemResponse[] | null>(rows, null);
  if (rows.length === 0) return <EmptyState message={emptyMessage} />;
  return (
    <>
      <div className="table-tools">
        <ColumnChooser columns={columns} isShown={isShown} setShown={setShown} />
      </div>
      <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
        <table className="data-table systems-table" data-testid="systems-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {visible.map((c) => (
                <th key={c.key} scope="col" className={c.className}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody {...rowTapHandlers}>
            {(shownRows ?? []).map((s) => (
              <SystemRow key={s.id} system={s} fmt={fmt} labels={labels} shown={shown} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
