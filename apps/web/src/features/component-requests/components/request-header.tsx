import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ComponentRequestDetail } from '@jv/contracts';
import { useFormatters } from '../../../lib/format';
import { RequestOverdueMark, RequestPriorityBadge, RequestStatusBadge } from './request-badges';

/**
 * The top of a request's page: number, status, priority, component, quantities, dates, destination,
 * linked job and system, supplier and requester — all from the request's answer.
 */
export function RequestHeader({ request }: { request: ComponentRequestDetail }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const job = request.repairJob;

  return (
    <div className="cr-header panel">
      <div className="cr-header-title">
        <h1>
          <span className="mono" data-testid="request-number">
            {request.number}
          </span>
        </h1>
        <RequestStatusBadge status={request.status} testId="request-status" />
        <RequestPriorityBadge priority={request.priority} />
        {request.overdue ? <RequestOverdueMark /> : null}
      </div>
      <dl className="cr-facts">
        <div className="cr-fact-wide">
          <dt>{t('componentRequests.fields.component')}</dt>
          <dd>
            <span className="mono">{request.componentPartNumber}</span> — {request.componentName}
          </dd>
        </div>
        <div>
          <dt>{t('componentRequests.fields.quantity')}</dt>
          <dd data-testid="request-quantity">{fmt.number(request.quantity)}</dd>
        </div>
        <div>
          <dt>{t('componentRequests.fields.delivered')}</dt>
          <dd data-testid="request-delivered" data-value={request.deliveredQuantity}>
            {t('componentRequests.fields.deliveredOfQuantity', {
              delivered: fmt.number(request.deliveredQuantity),
              quantity: fmt.number(request.quantity),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('componentRequests.fields.remaining')}</dt>
          <dd data-testid="request-remaining" data-value={request.remaining}>
            {fmt.number(request.remaining)}
          </dd>
        </div>
        <div>
          <dt>{t('componentRequests.fields.neededBy')}</dt>
          <dd className={request.overdue ? 'cr-text-danger' : undefined} data-testid="request-needed-by">
            {fmt.date(request.neededBy)}
            {request.overdue ? (
              <strong> ({t('componentRequests.detail.overdueSince', { date: fmt.date(request.neededBy) })})</strong>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('componentRequests.fields.facility')}</dt>
          <dd className="mono">{request.facilityCode}</dd>
        </div>
        <div>
          <dt>{t('componentRequests.fields.repairJob')}</dt>
          <dd>
            {request.repairJobId ? (
              <Link to={`/repair-jobs/${request.repairJobId}`} className="mono" data-testid="request-job-link">
                {job?.number ?? request.repairJobNumber}
              </Link>
            ) : (
              t('common.none')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('componentRequests.fields.system')}</dt>
          <dd>
            {request.systemId ? (
              <Link to={`/systems/${request.systemId}`} className="mono" data-testid="request-system-link">
                {request.systemSerial}
              </Link>
            ) : (
              t('common.none')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('componentRequests.fields.supplier')}</dt>
          <dd className="mono" data-testid="request-supplier">
            {request.supplierPartnerCode ?? t('common.none')}
          </dd>
        </div>
        <div>
          <dt>{t('componentRequests.fields.expectedOn')}</dt>
          <dd data-testid="request-expected-on">{fmt.date(request.expectedOn)}</dd>
        </div>
        <div>
          <dt>{t('componentRequests.fields.requester')}</dt>
          <dd>
            {request.requesterName ??
              (request.autoBarrel ? t('componentRequests.fields.autoBarrel') : t('componentRequests.hidden'))}
          </dd>
        </div>
        <div>
          <dt>{t('componentRequests.fields.createdAt')}</dt>
          <dd>{fmt.dateTime(request.createdAt)}</dd>
        </div>
      </dl>
      <h2 className="cr-subtitle">{t('componentRequests.fields.justification')}</h2>
      <p className="cr-justification" data-testid="request-justification">
        {request.justification}
      </p>
    </div>
  );
}
