import { useTranslation } from 'react-i18next';
import type { ComponentRequestMetrics } from '@jv/contracts';
import { componentRequestStatuses } from '@jv/domain';
import { ButtonLink } from '../../../components/button';
import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { useFormatters } from '../../../lib/format';
import { useRequestMetrics } from '../api/get-request-metrics';
import { useRequestLabels } from '../components/request-labels';

/**
 * /component-requests/metrics — open requests by status, overdue ones, the on-time rate of the last
 * 365 days and, per supplier partner, the median days from submitted to approved and from approved to
 * delivered, with how many it delivered and how many are open. In the caller's scope.
 */
export function MetricsPage() {
  const { t } = useTranslation();
  const query = useRequestMetrics();
  return (
    <section data-testid="request-metrics">
      <PageHeader
        title={t('componentRequests.metrics.title')}
        description={t('componentRequests.metrics.description')}
      />
      {query.isPending ? <LoadingState /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? <MetricsView metrics={query.data} /> : null}
    </section>
  );
}

function MetricsView({ metrics }: { metrics: ComponentRequestMetrics }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const labels = useRequestLabels();
  const percent = new Intl.NumberFormat(fmt.locale, { style: 'percent', maximumFractionDigits: 1 });
  const days = new Intl.NumberFormat(fmt.locale, { maximumFractionDigits: 1 });
  const inDays = (value: number | null) => (value === null ? '—' : days.format(value));
  // the workflow's order; a status the API adds later still shows, after the known ones
  const known: string[] = componentRequestStatuses.filter((s) => s in metrics.openByStatus);
  const open = [
    ...known.map((s) => ({ key: s, label: labels.status(s as (typeof componentRequestStatuses)[number]) })),
    ...Object.keys(metrics.openByStatus)
      .filter((s) => !known.includes(s))
      .map((s) => ({ key: s, label: s })),
  ];
  const totalOpen = Object.values(metrics.openByStatus).reduce((sum, n) => sum + n, 0);

  return (
    <>
      <div className="cr-metric-cards">
        <article className="card cr-metric-card" data-testid="metric-open">
          <h2>{t('componentRequests.metrics.open')}</h2>
          <p className="cr-metric-value">{fmt.number(totalOpen)}</p>
          {open.length > 0 ? (
            <dl className="meta-list">
              {open.map((s) => (
                <div key={s.key} data-testid={`metric-open-${s.key}`}>
                  <dt>{s.label}</dt>
                  <dd>{fmt.number(metrics.openByStatus[s.key])}</dd>
                </div>
              ))}
            </dl>
          ) : null}
        </article>
        <article className="card cr-metric-card" data-testid="metric-overdue">
          <h2>{t('componentRequests.metrics.overdue')}</h2>
          <p className={`cr-metric-value${metrics.overdue > 0 ? ' cr-text-danger' : ''}`}>
            {fmt.number(metrics.overdue)}
          </p>
          {metrics.overdue > 0 ? (
            <ButtonLink to="/component-requests?overdue=true" variant="secondary">
              {t('componentRequests.metrics.openOverdueList')}
            </ButtonLink>
          ) : null}
        </article>
        <article className="card cr-metric-card" data-testid="metric-on-time">
          <h2>{t('componentRequests.metrics.onTime')}</h2>
          <p className="cr-metric-value" data-testid="metric-on-time-rate">
            {metrics.onTimeRate === null ? '—' : percent.format(metrics.onTimeRate)}
          </p>
          <p className="muted">{t('componentRequests.metrics.onTimeHelp')}</p>
        </article>
      </div>

      <section className="panel" aria-labelledby="per-supplier-title">
        <h2 id="per-supplier-title">{t('componentRequests.metrics.perSupplier')}</h2>
        {metrics.perSupplier.length === 0 ? (
          <EmptyState message={t('componentRequests.metrics.noSuppliers')} />
        ) : (
          <div className="table-scroll">
            <table className="data-table" data-testid="metric-suppliers">
              <caption className="visually-hidden">{t('componentRequests.metrics.perSupplier')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('componentRequests.fields.supplier')}</th>
                  <th scope="col" className="num">
                    {t('componentRequests.metrics.medianSubmitToApprove')}
                  </th>
                  <th scope="col" className="num">
                    {t('componentRequests.metrics.medianApproveToDeliver')}
                  </th>
                  <th scope="col" className="num">
                    {t('componentRequests.metrics.delivered')}
                  </th>
                  <th scope="col" className="num">
                    {t('componentRequests.metrics.openCount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {metrics.perSupplier.map((s) => (
                  <tr key={s.supplierPartnerId} data-testid="metric-supplier-row">
                    <th scope="row" className="mono">
                      {s.supplierPartnerCode}
                    </th>
                    <td className="num">{inDays(s.medianSubmitToApproveDays)}</td>
                    <td className="num">{inDays(s.medianApproveToDeliverDays)}</td>
                    <td className="num">{fmt.number(s.delivered)}</td>
                    <td className="num">{fmt.number(s.open)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
