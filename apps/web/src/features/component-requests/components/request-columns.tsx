import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ComponentRequestResponse } from '@jv/contracts';
import type { Column } from '../../../components/data-table';
import { useFormatters } from '../../../lib/format';
import { RequestOverdueMark, RequestPriorityBadge, RequestStatusBadge } from './request-badges';

type Request = ComponentRequestResponse;

/**
 * The columns of a list of requests, narrow enough for a 1024 px screen: the list page's (status with
 * priority, supplier with expected date) and the approval queue's (everything there is submitted and
 * undelivered: the number with its priority and job, quantity and requester, so the moves fit beside).
 */
export function useRequestColumns(variant: 'list' | 'queue' = 'list'): Column<Request>[] {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const number: Column<Request> = {
    key: 'number',
    header: t('componentRequests.fields.number'),
    className: 'nowrap',
    cell: (r) => (
      <Link to={`/component-requests/${r.id}`} className="mono" data-testid="request-link">
        {r.number}
      </Link>
    ),
  };
  const component: Column<Request> = {
    key: 'component',
    header: t('componentRequests.fields.component'),
    className: 'cr-col-component',
    cell: (r) => (
      <>
        <span className="mono nowrap">{r.componentPartNumber}</span>
        <br />
        <span className="muted cr-small">{r.componentName}</span>
      </>
    ),
  };
  const neededBy: Column<Request> = {
    key: 'neededBy',
    header: t('componentRequests.fields.neededBy'),
    className: 'nowrap',
    cell: (r) => (
      <>
        {fmt.date(r.neededBy)}
        {r.overdue ? (
          <>
            <br />
            <RequestOverdueMark />
          </>
        ) : null}
      </>
    ),
  };
  const facility: Column<Request> = {
    key: 'facility',
    header: t('componentRequests.fields.facility'),
    className: 'mono nowrap',
    cell: (r) => r.facilityCode,
  };
  const job: Column<Request> = {
    key: 'job',
    header: t('componentRequests.fields.repairJob'),
    className: 'nowrap',
    cell: (r) =>
      r.repairJobId ? (
        <Link to={`/repair-jobs/${r.repairJobId}`} className="mono">
          {r.repairJobNumber}
        </Link>
      ) : r.systemSerial ? (
        <span className="mono">{r.systemSerial}</span>
      ) : (
        t('common.none')
      ),
  };

  if (variant === 'queue')
    return [
      {
        key: 'number',
        header: t('componentRequests.fields.number'),
        className: 'nowrap',
        cell: (r) => (
          <span className="cr-badge-stack">
            {number.cell(r)}
            <RequestPriorityBadge priority={r.priority} />
            {r.repairJobNumber ? <span className="mono muted cr-small">{r.repairJobNumber}</span> : null}
          </span>
        ),
      },
      component,
      {
        key: 'quantity',
        header: t('componentRequests.fields.quantity'),
        className: 'num',
        cell: (r) => fmt.number(r.quantity),
      },
      neededBy,
      facility,
      {
        key: 'requester',
        header: t('componentRequests.fields.requester'),
        className: 'cr-col-requester',
        cell: (r) => r.requesterName ?? t('common.none'),
      },
    ];

  return [
    number,
    {
      key: 'status',
      header: t('componentRequests.fields.status'),
      cell: (r) => (
        <span className="cr-badge-stack">
          <RequestStatusBadge status={r.status} />
          <RequestPriorityBadge priority={r.priority} />
        </span>
      ),
    },
    component,
    {
      key: 'delivered',
      header: t('componentRequests.fields.delivered'),
      className: 'num nowrap',
      // at 1024 px behind the column chooser (with the job), so the needed-by date and supplier show
      narrowHidden: true,
      cell: (r) =>
        t('componentRequests.fields.deliveredOfQuantity', {
          delivered: fmt.number(r.deliveredQuantity),
          quantity: fmt.number(r.quantity),
        }),
    },
    neededBy,
    facility,
    { ...job, narrowHidden: true },
    {
      key: 'supplier',
      header: t('componentRequests.fields.supplier'),
      className: 'nowrap',
      cell: (r) =>
        r.supplierPartnerCode ? (
          <>
            <span className="mono">{r.supplierPartnerCode}</span>
            {r.expectedOn ? (
              <>
                <br />
                <span className="muted cr-small">
                  {t('componentRequests.fields.expectedOn')}: {fmt.date(r.expectedOn)}
                </span>
              </>
            ) : null}
          </>
        ) : (
          t('common.none')
        ),
    },
  ];
}

/** Overdue rows stand out (and say so in their text: the overdue mark). */
export const overdueRowClass = (r: Pick<Request, 'overdue'>) => (r.overdue ? 'row-overdue' : undefined);
