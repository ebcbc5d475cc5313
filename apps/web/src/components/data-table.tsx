import { Fragment, useDeferredValue, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ColumnChooser, useColumnVisibility, type ChoosableColumn } from './column-chooser';
import { rowTapHandlers } from './row-tap';
import { EmptyState } from './states';

export interface Column<T> extends ChoosableColumn {
  cell: (row: T) => ReactNode;
  /** `num` right-aligns numbers; `nowrap` keeps codes and dates on one line. */
  className?: string;
}

interface DataTableProps<T> {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  getRowId: (row: T) => string;
  emptyMessage: string;
  /** When given, every row gets a toggle that shows this under it (e.g. audit before/after). */
  renderDetails?: (row: T) => ReactNode;
  /** A class for a row that must stand out (e.g. `row-overdue`); say it in the row's text, too. */
  rowClassName?: (row: T) => string | undefined;
  /** Names the list for its column chooser (remembered per list); without it every column shows. */
  listId?: string;
}

const NO_ROWS: never[] = [];

/**
 * A plain, readable table that scrolls horizontally on narrow screens. Rows carry `data-testid="row"`; a tap
 * anywhere on a row opens its link. With `listId`, a column chooser hides the columns the user does not need
 * (the first, with the row's link, always shows).
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  getRowId,
  emptyMessage,
  renderDetails,
  rowClassName,
  listId,
}: DataTableProps<T>) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const choosable = columns.map((c, i) => (i === 0 ? { ...c, hideable: false } : c));
  const { isShown, setShown } = useColumnVisibility(listId);
  const shown = choosable.filter(isShown);
  // A page of rows (fifty, with their links and badges) renders in a transition's short slices: an answer arriving
  // renders the table's head at once and its rows just after, never in one long task that holds a tablet's main
  // thread (and its taps). The body says it is busy meanwhile.
  const rowsShown = useDeferredValue(rows, NO_ROWS);

  if (rows.length === 0) return <EmptyState message={emptyMessage} />;

  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const colSpan = shown.length + (renderDetails ? 1 : 0);

  const table = (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {renderDetails ? (
              <th scope="col" className="col-toggle">
                <span className="visually-hidden">{t('common.showDetails')}</span>
              </th>
            ) : null}
            {shown.map((c) => (
              <th key={c.key} scope="col" className={c.className}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody {...rowTapHandlers} aria-busy={rowsShown !== rows || undefined}>
          {rowsShown.map((row) => {
            const id = getRowId(row);
            const open = expanded.has(id);
            return (
              <Fragment key={id}>
                <tr
                  data-testid="row"
                  className={[open ? 'row-open' : '', rowClassName?.(row) ?? ''].filter(Boolean).join(' ') || undefined}
                >
                  {renderDetails ? (
                    <td className="col-toggle">
                      <button
                        type="button"
                        className="btn btn-ghost btn-icon"
                        aria-expanded={open}
                        aria-controls={`details-${id}`}
                        aria-label={open ? t('common.hideDetails') : t('common.showDetails')}
                        data-testid="row-toggle"
                        onClick={() => toggle(id)}
                      >
                        <span aria-hidden="true">{open ? '▾' : '▸'}</span>
                      </button>
                    </td>
                  ) : null}
                  {shown.map((c) => (
                    <td key={c.key} className={c.className}>
                      {c.cell(row)}
                    </td>
                  ))}
                </tr>
                {renderDetails && open ? (
                  <tr className="row-details" id={`details-${id}`} data-testid="row-details">
                    <td colSpan={colSpan}>{renderDetails(row)}</td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
  if (!listId) return table;
  return (
    <>
      <div className="table-tools">
        <ColumnChooser columns={choosable} isShown={isShown} setShown={setShown} />
      </div>
      {table}
    </>
  );
}

interface LoadMoreProps {
  count: number;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  onLoadMore: () => void;
}

export function LoadMore({ count, hasNextPage, isFetchingNextPage, onLoadMore }: LoadMoreProps) {
  const { t } = useTranslation();
  return (
    <div className="list-footer">
      <span className="muted" aria-live="polite">
        {t('common.shownCount', { n: count })}
      </span>
      {hasNextPage ? (
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="load-more"
          disabled={isFetchingNextPage}
          onClick={onLoadMore}
        >
          {isFetchingNextPage ? t('common.loadingMore') : t('common.loadMore')}
        </button>
      ) : null}
    </div>
  );
}
