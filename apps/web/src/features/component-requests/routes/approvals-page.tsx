import { useTranslation } from 'react-i18next';
import type { ComponentRequestResponse } from '@jv/contracts';
import type { Column } from '../../../components/data-table';
import { ListView } from '../../../components/list-view';
import { PageHeader } from '../../../components/page-header';
import { flattenPages } from '../../../lib/paged-query';
import { useComponentRequests } from '../api/get-component-requests';
import type { ComponentRequestFilters } from '../api/keys';
import { overdueRowClass, useRequestColumns } from '../components/request-columns';
import { RequestTransitionButtons, useRequestTransitionDialog } from '../components/request-transition-buttons';

/** Submitted requests raised by someone else: what this logistics user or admin may approve. */
const QUEUE: ComponentRequestFilters = { awaitingMyApproval: 'true' };
const QUEUE_MOVES = new Set(['approved', 'rejected']);

/**
 * /component-requests/approvals — the approval queue: approve (with a supplier partner and an optional
 * expected date) or reject (with a reason) each submitted request, right from its row.
 */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const query = useComponentRequests(QUEUE);
  const outdated = query.isFetching && !query.isFetchedAfterMount && !query.isPlaceholderData;
  const { openMove, dialog } = useRequestTransitionDialog((id) => flattenPages(query.data).find((r) => r.id === id));
  const queueColumns = useRequestColumns('queue');
  const columns: Column<ComponentRequestResponse>[] = [
    ...queueColumns,
    {
      key: 'actions',
      header: t('common.actions'),
      className: 'col-actions',
      cell: (r) => (
        <RequestTransitionButtons
          request={r}
          onMove={openMove}
          only={(to) => QUEUE_MOVES.has(to)}
          className="cr-row-moves"
        />
      ),
    },
  ];

  return (
    <section data-testid="approval-queue">
      <PageHeader
        title={t('componentRequests.approvals.title')}
        description={t('componentRequests.approvals.description')}
      />
      <ListView
        query={outdated ? { ...query, isPending: true } : query}
        caption={t('componentRequests.approvals.title')}
        columns={columns}
        getRowId={(r) => r.id}
        emptyMessage={t('componentRequests.approvals.empty')}
        rowClassName={overdueRowClass}
      />
      {dialog}
    </section>
  );
}
