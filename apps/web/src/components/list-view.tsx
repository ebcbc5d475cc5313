import { useMemo, type ReactNode } from 'react';
import type { Page } from '@jv/contracts';
import { flattenPages } from '../lib/paged-query';
import { DataTable, LoadMore, type Column } from './data-table';
import { ErrorState, LoadingState } from './states';

/** The parts of an infinite query a list needs (structural, so any list hook fits). */
export interface PagedQueryState<T> {
  data: { pages: Page<T>[] } | undefined;
  isPending: boolean;
  isError: boolean;
  isFetching: boolean;
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  refetch: () => unknown;
  fetchNextPage: () => unknown;
}

interface ListViewProps<T> {
  query: PagedQueryState<T>;
  caption: string;
  columns: Column<T>[];
  getRowId: (row: T) => string;
  emptyMessage: string;
  renderDetails?: (row: T) => ReactNode;
  rowClassName?: (row: T) => string | undefined;
  /** Names the list for its column chooser (see DataTable). */
  listId?: string;
}

/**
 * Loading, error, the busy state and "Load more" around a keyset-paged list; `children` draws its rows (the same
 * array until the pages change, so a table's deferred rows are not rendered again for nothing).
 */
export function PagedList<T>({ query, children }: { query: PagedQueryState<T>; children: (rows: T[]) => ReactNode }) {
  const rows = useMemo(() => flattenPages(query.data), [query.data]);
  if (query.isPending) return <LoadingState />;
  if (query.isError && !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <div
      className={query.isFetching && !query.isFetchingNextPage ? 'list-busy' : undefined}
      aria-busy={query.isFetching || undefined}
    >
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {children(rows)}
      <LoadMore
        count={rows.length}
        hasNextPage={query.hasNextPage}
        isFetchingNextPage={query.isFetchingNextPage}
        onLoadMore={() => void query.fetchNextPage()}
      />
    </div>
  );
}

/** Loading, error, table and "Load more" for a keyset-paged list. */
export function ListView<T>({
  query,
  caption,
  columns,
  getRowId,
  emptyMessage,
  renderDetails,
  rowClassName,
  listId,
}: ListViewProps<T>) {
  return (
    <PagedList query={query}>
      {(rows) => (
        <DataTable
          caption={caption}
          columns={columns}
          rows={rows}
          getRowId={getRowId}
          emptyMessage={emptyMessage}
          renderDetails={renderDetails}
          rowClassName={rowClassName}
          listId={listId}
        />
      )}
    </PagedList>
  );
}
