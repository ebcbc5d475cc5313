import { useTranslation } from 'react-i18next';
import type { ComponentRequestDetail } from '@jv/contracts';
import { EmptyState } from '../../../components/states';
import { useFormatters } from '../../../lib/format';
import { RequestStatusBadge } from './request-badges';
import { useRequestLabels } from './request-labels';

/** Every state change of the request: from → to, who, when, and the comment. */
export function RequestTimeline({ request }: { request: ComponentRequestDetail }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const labels = useRequestLabels();
  if (request.transitions.length === 0) return <EmptyState message={t('componentRequests.detail.noTimeline')} />;
  return (
    <ol className="cr-timeline" data-testid="request-timeline">
      {request.transitions.map((tr) => (
        <li key={tr.id} className="cr-timeline-item" data-testid="request-timeline-item" data-to={tr.toStatus}>
          <div>
            {tr.fromStatus ? (
              <>
                <span className="muted">{labels.status(tr.fromStatus)}</span>
                <span aria-hidden="true"> → </span>
              </>
            ) : (
              <span className="muted">{t('componentRequests.detail.created')}: </span>
            )}
            <RequestStatusBadge status={tr.toStatus} />
          </div>
          <p className="cr-timeline-meta muted">
            <time dateTime={tr.at}>{fmt.dateTime(tr.at)}</time>
            {tr.actorName ? ` · ${tr.actorName}` : null}
          </p>
          {tr.comment ? <p className="cr-timeline-comment">{tr.comment}</p> : null}
        </li>
      ))}
    </ol>
  );
}
