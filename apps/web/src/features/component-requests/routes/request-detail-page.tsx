import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ComponentRequestDetail } from '@jv/contracts';
import { receivingStatuses } from '@jv/domain';
import { FlashNotice } from '../../../components/flash-notice';
import { ErrorState, LoadingState } from '../../../components/states';
import { NotFoundPage } from '../../../components/status-pages';
import { isApiError } from '../../../lib/api-client';
import { useCan, useCurrentUser } from '../../../lib/session';
import { uuidParam } from '../../../lib/use-search-filters';
import { useComponentRequest } from '../api/get-component-request';
import { DeliveriesTable, DeliveryForm } from '../components/deliveries-section';
import { RequestEditForm } from '../components/request-edit-form';
import { RequestHeader } from '../components/request-header';
import { movesFor } from '../components/request-moves';
import { RequestTimeline } from '../components/request-timeline';
import { RequestTransitionButtons, useRequestTransitionDialog } from '../components/request-transition-buttons';

/**
 * /component-requests/:id — one request: its header, the moves this user may make, the edit form of a
 * draft, its deliveries
 * (and the form to record one while it is ordered or shipped) and its history. Asked for again on
 * every visit: its state may have moved on.
 */
export function RequestDetailPage() {
  const { id } = useParams();
  const requestId = uuidParam(id ?? '');
  const query = useComponentRequest(requestId);
  if (!requestId) return <NotFoundPage />;
  if (query.isPending || (query.isFetching && !query.isFetchedAfterMount)) return <LoadingState />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) return <NotFoundPage />;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <RequestDetail request={query.data} />;
}

function RequestDetail({ request }: { request: ComponentRequestDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canDeliver = useCan('deliveries', 'write');
  // the API decides whose drafts a user may change (its scope); the page offers the form to every writer
  const canEdit = useCan('componentRequests', 'write') && request.status === 'draft';
  const { openMove, dialog } = useRequestTransitionDialog((id) => (id === request.id ? request : undefined));
  const moves = movesFor(user.role, request.allowedTransitions);
  const receiving = receivingStatuses.includes(request.status) && request.remaining > 0;

  return (
    <section className="cr-detail" data-testid="request-detail" data-status={request.status}>
      <FlashNotice />
      <RequestHeader request={request} />

      {moves.length > 0 ? (
        <section className="panel" aria-labelledby="request-actions-title">
          <h2 id="request-actions-title">{t('componentRequests.detail.actions')}</h2>
          <RequestTransitionButtons request={request} onMove={openMove} className="cr-detail-moves" />
        </section>
      ) : null}

      {canEdit ? (
        <section className="panel" aria-labelledby="request-edit-title">
          <h2 id="request-edit-title">{t('componentRequests.edit.title')}</h2>
          <RequestEditForm key={request.id} request={request} />
        </section>
      ) : null}

      <div className="cr-columns">
        <section className="panel" aria-labelledby="deliveries-title">
          <h2 id="deliveries-title">{t('componentRequests.detail.deliveries')}</h2>
          <DeliveriesTable deliveries={request.deliveries} />
          {canDeliver && receiving ? <DeliveryForm key={request.id} request={request} /> : null}
        </section>
        <section className="panel" aria-labelledby="request-timeline-title">
          <h2 id="request-timeline-title">{t('componentRequests.detail.timeline')}</h2>
          <RequestTimeline request={request} />
        </section>
      </div>
      {dialog}
    </section>
  );
}
