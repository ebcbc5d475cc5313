import type { ReactNode } from 'react';
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
  if (query.isPending) return <LoadingState />;
  if (query.isError && !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const rows = flattenPages(query.data);
  return (
    <div
      className={query.isFetching && !query.isFetchingNextPage ? 'list-busy' : undefined}
      aria-busy={query.isFetching || undefined}
    >
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
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
      <LoadMore
        count={rows.length}
        hasNextPage={query.hasNextPage}
        isFetchingNextPage={query.isFetchingNextPage}
        onLoadMore={() => void query.fetchNextPage()}
      />
    </div>
  );
}
