import type { ReactNode } from 'react';
import { PageHeader } from '../../../components/page-header';
import { ErrorState, LoadingState } from '../../../components/states';

interface RecordQuery<T> {
  data: T | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

interface RecordFormPageProps<T> {
  /** The id from the URL: absent for "new". */
  id: string | undefined;
  query: RecordQuery<T>;
  newTitle: string;
  editTitle: string;
  children: (record: T | undefined) => ReactNode;
}

/** A create-or-edit page: loads the record when editing, then renders its form. */
export function RecordFormPage<T>({ id, query, newTitle, editTitle, children }: RecordFormPageProps<T>) {
  if (!id) {
    return (
      <section className="form-page">
        <PageHeader title={newTitle} />
        {children(undefined)}
      </section>
    );
  }
  if (query.isPending) return <LoadingState />;
  if (query.isError || !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <section className="form-page">
      <PageHeader title={editTitle} />
      {children(query.data)}
    </section>
  );
}
