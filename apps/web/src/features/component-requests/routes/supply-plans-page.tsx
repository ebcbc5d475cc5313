import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header';
import { ErrorState, LoadingState, Notice } from '../../../components/states';
import { componentLabel, useComponentOptions, useSystemModelOptions } from '../../../lib/lookups';
import { useCan } from '../../../lib/session';
import { useSupplyPlans } from '../api/get-supply-plans';
import { MonthPlanForm, MonthPlanView, type PlanItemOptions } from '../components/month-plan-form';
import { PlanPeriodToolbar, usePlanPeriod } from '../components/plan-period-toolbar';

/**
 * /supply-plans — a partner × month grid: each month's plan lines (a component or a system model and
 * a quantity), saved per month with its version. Read only for roles that may not write plans.
 */
export function SupplyPlansPage() {
  const { t } = useTranslation();
  const canWrite = useCan('supplyPlans', 'write');
  const period = usePlanPeriod();
  const plans = useSupplyPlans(period.partnerId, period.months);
  const components = useComponentOptions(undefined, canWrite);
  const models = useSystemModelOptions(canWrite);
  const items = useMemo<PlanItemOptions>(
    () => ({
      components: (components.data ?? []).map((c) => ({ value: `c:${c.id}`, label: componentLabel(c) })),
      models: (models.data ?? []).map((m) => ({ value: `m:${m.id}`, label: m.designation })),
    }),
    [components.data, models.data],
  );

  return (
    <section data-testid="supply-plans-page">
      <PageHeader title={t('supplyPlans.editor.title')} description={t('supplyPlans.editor.description')} />
      <PlanPeriodToolbar period={period} />
      {!canWrite ? <Notice>{t('supplyPlans.editor.readOnly')}</Notice> : null}
      {period.partnerId ? (
        <div className="cr-month-grid" data-testid="plan-grid">
          {period.months.map((month, i) => {
            const query = plans[i];
            if (!query || query.isPending) return <LoadingState key={month} />;
            if (query.isError)
              return <ErrorState key={month} error={query.error} onRetry={() => void query.refetch()} />;
            return canWrite ? (
              <MonthPlanForm key={`${period.partnerId}:${month}`} plan={query.data} items={items} />
            ) : (
              <MonthPlanView key={`${period.partnerId}:${month}`} plan={query.data} />
            );
          })}
        </div>
      ) : null}
    </section>
  );
}
