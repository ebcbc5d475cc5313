import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RepairJobDetail } from '@jv/contracts';
import { ButtonLink } from '../../../components/button';
import { RequestStatusBadge } from '../../../components/request-status-badge';
import { EmptyState } from '../../../components/states';
import { useFormatters } from '../../../lib/format';
import { OverdueMark } from './job-badges';

/**
 * The component requests linked to a job (status, remaining, expected date, overdue) and, for whoever
 * may raise one, "Request parts": a link to the requests' new-request page with the job, its system,
 * facility and model in the URL (features link to each other by URL only).
 */
export function JobRequestsSection({ job, canRequest }: { job: RepairJobDetail; canRequest: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const requests = job.componentRequests;
  const newRequest = `/component-requests/new?${new URLSearchParams({
    repairJobId: job.id,
    systemId: job.systemId,
    facilityId: job.facilityId,
    modelId: job.modelId,
  }).toString()}`;

  return (
    <section className="panel" aria-labelledby="job-requests-title" data-testid="job-requests">
      <div className="rj-section-head">
        <h2 id="job-requests-title">{t('componentRequests.jobSection.title')}</h2>
        {canRequest ? (
          <ButtonLink to={newRequest} variant="primary" data-testid="request-parts">
            {t('componentRequests.jobSection.requestParts')}
          </ButtonLink>
        ) : null}
      </div>
      {requests.length === 0 ? (
        <EmptyState message={t('componentRequests.jobSection.empty')} />
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('componentRequests.jobSection.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('componentRequests.fields.number')}</th>
                <th scope="col">{t('componentRequests.fields.component')}</th>
                <th scope="col">{t('componentRequests.fields.status')}</th>
                <th scope="col" className="num">
                  {t('componentRequests.fields.remaining')}
                </th>
                <th scope="col">{t('componentRequests.fields.expectedOn')}</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr
                  key={r.id}
                  data-testid="job-request-row"
                  data-status={r.status}
                  className={r.overdue ? 'row-overdue' : undefined}
                >
                  <td className="nowrap">
                    <Link to={`/component-requests/${r.id}`} className="mono" data-testid="job-request-link">
                      {r.number}
                    </Link>
                  </td>
                  <td>
                    <span className="mono">{r.componentPartNumber}</span>
                    <br />
                    <span className="muted rj-small">{r.componentName}</span>
                  </td>
                  <td>
                    <RequestStatusBadge status={r.status} />
                  </td>
                  <td className="num nowrap" data-testid="job-request-remaining">
                    {t('componentRequests.fields.deliveredOfQuantity', {
                      delivered: fmt.number(r.remaining),
                      quantity: fmt.number(r.quantity),
                    })}
                  </td>
                  <td className="nowrap">
                    {fmt.date(r.expectedOn)}
                    {r.overdue ? (
                      <>
                        <br />
                        <OverdueMark />
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
