import { Fragment, lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanVsActual } from '@jv/contracts';
import { isPartialMonth } from '../../../components/chart-periods';
import { PartialMark } from '../../../components/chart-table';
import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { useFormatters } from '../../../lib/format';
import { usePartnerOptions } from '../../../lib/lookups';
import { useCurrentUser } from '../../../lib/session';
import { usePlanVsActual } from '../api/get-plan-vs-actual';
import { monthIn } from '../components/dates';
import { PlanPeriodToolbar, usePlanPeriod } from '../components/plan-period-toolbar';
import { useMonthLabel } from '../components/use-month-label';

// the charts library is loaded only with the chart
const PlanVsActualChart = lazy(() => import('../components/plan-vs-actual-chart'));

/**
 * /supply-plans/plan-vs-actual — for a partner and a period: planned vs delivered per month as a bar
 * chart, and a table of each month and plan line with its fulfilment %. A partner is chosen from the
 * start (the user's own, else the first co-lead), so the page shows figures at once.
 */
export function PlanVsActualPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  // the figures show at once: a partner user's own country (usePlanPeriod), else the first co-lead partner
  const partners = usePartnerOptions(user.role !== 'partner');
  const firstCoLead = partners.data?.find((p) => p.role === 'co_lead')?.id;
  // the last six months up to this one by default
  const period = usePlanPeriod(monthIn(-5), monthIn(0), firstCoLead);
  const query = usePlanVsActual(
    period.partnerId && period.valid ? { partnerId: period.partnerId, from: period.from, to: period.to } : undefined,
  );

  return (
    <section data-testid="plan-vs-actual-page">
      <PageHeader title={t('supplyPlans.actual.title')} description={t('supplyPlans.actual.description')} />
      <PlanPeriodToolbar period={period} />
      {!period.partnerId || !period.valid ? null : query.isPending ? (
        <LoadingState />
      ) : query.isError && !query.data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.months.every((m) => m.planned === 0 && m.delivered === 0) ? (
        <EmptyState message={t('supplyPlans.actual.empty')} />
      ) : (
        <div className={query.isFetching ? 'list-busy' : undefined} aria-busy={query.isFetching || undefined}>
          <Suspense fallback={<LoadingState />}>
            <PlanVsActualChart data={query.data} />
          </Suspense>
          <PlanVsActualTable data={query.data} />
        </div>
      )}
    </section>
  );
}

function Percent({ value }: { value: number | null }) {
  const fmt = useFormatters();
  const { t } = useTranslation();
  if (value === null) return <>{t('common.none')}</>;
  return <>{`${new Intl.NumberFormat(fmt.locale, { maximumFractionDigits: 1 }).format(value)} %`}</>;
}

/** Each month (its totals) and under it each plan line: planned, delivered, fulfilment. */
function PlanVsActualTable({ data }: { data: PlanVsActual }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const monthLabel = useMonthLabel();
  return (
    <div className="table-scroll" role="region" aria-label={t('supplyPlans.actual.title')} tabIndex={0}>
      <table className="data-table cr-actual-table" data-testid="plan-vs-actual-table">
        <caption className="visually-hidden">{t('supplyPlans.actual.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('supplyPlans.actual.line')}</th>
            <th scope="col" className="num">
              {t('supplyPlans.actual.planned')}
            </th>
            <th scope="col" className="num">
              {t('supplyPlans.actual.delivered')}
            </th>
            <th scope="col" className="num">
              {t('supplyPlans.actual.fulfilment')}
            </th>
          </tr>
        </thead>
        <tbody>
          {data.months.map((m) => (
            <Fragment key={m.month}>
              <tr className="cr-actual-month" data-testid="plan-vs-actual-month" data-month={m.month}>
                <th scope="rowgroup">
                  {monthLabel(m.month)}
                  {isPartialMonth(m.month) ? <PartialMark /> : null}{' '}
                  <span className="muted cr-small">· {t('supplyPlans.actual.total')}</span>
                </th>
                <td className="num">{fmt.number(m.planned)}</td>
                <td className="num">{fmt.number(m.delivered)}</td>
                <td className="num" data-testid="month-fulfilment">
                  <Percent value={m.fulfilmentPercent} />
                </td>
              </tr>
              {m.lines.map((l) => (
                <tr key={`${m.month}:${l.componentId ?? ''}${l.systemModelId ?? ''}`} className="cr-actual-line">
                  <th scope="row" className="cr-actual-line-label">
                    {l.label}
                  </th>
                  <td className="num">{fmt.number(l.planned)}</td>
                  <td className="num">{fmt.number(l.delivered)}</td>
                  <td className="num">
                    <Percent value={l.fulfilmentPercent} />
                  </td>
                </tr>
              ))}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
