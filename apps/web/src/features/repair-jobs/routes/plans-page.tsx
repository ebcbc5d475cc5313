import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PreventivePlanResponse } from '@jv/contracts';
import { Button } from '../../../components/button';
import type { Column } from '../../../components/data-table';
import { ListView } from '../../../components/list-view';
import { PageHeader } from '../../../components/page-header';
import { Notice } from '../../../components/states';
import { useErrorMessage } from '../../../components/use-error-message';
import { useFormatters } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import { usePreventivePlans } from '../api/get-preventive-plans';
import { useRunPreventivePlans } from '../api/run-preventive-plans';
import { PlanForm } from '../components/plan-form';

type Editing = { plan?: PreventivePlanResponse } | null;

/** /repair-jobs/plans — preventive maintenance plans per system model; admins edit and run them. */
export function PlansPage() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const errorMessage = useErrorMessage();
  const admin = useCan('preventivePlans', 'write');
  const query = usePreventivePlans({});
  const run = useRunPreventivePlans();
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState(false);

  const columns: Column<PreventivePlanResponse>[] = [
    { key: 'model', header: t('repairJobs.plans.model'), cell: (p) => p.modelDesignation },
    { key: 'name', header: t('repairJobs.plans.name'), cell: (p) => p.name },
    {
      key: 'days',
      header: t('repairJobs.plans.intervalDays'),
      className: 'num',
      cell: (p) => fmt.number(p.intervalDays),
    },
    { key: 'efc', header: t('repairJobs.plans.intervalEfc'), className: 'num', cell: (p) => fmt.number(p.intervalEfc) },
    {
      key: 'active',
      header: t('repairJobs.plans.status'),
      cell: (p) => (
        <span className={`badge ${p.active ? 'badge-ok' : 'badge-muted'}`} data-active={p.active}>
          {p.active ? t('repairJobs.plans.activeYes') : t('repairJobs.plans.activeNo')}
        </span>
      ),
    },
  ];
  if (admin) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      className: 'col-actions',
      cell: (p) => (
        <Button
          variant="ghost"
          data-testid="edit-button"
          onClick={() => {
            setSaved(false);
            setEditing({ plan: p });
          }}
        >
          {t('common.edit')}
        </Button>
      ),
    });
  }

  const done = () => {
    setEditing(null);
    setSaved(true);
  };

  return (
    <section>
      <PageHeader
        title={t('repairJobs.plans.title')}
        description={t('repairJobs.plans.description')}
        actions={
          admin ? (
            <>
              <Button
                variant="secondary"
                data-testid="new-plan-button"
                onClick={() => {
                  setSaved(false);
                  setEditing({});
                }}
              >
                {t('repairJobs.plans.newPlan')}
              </Button>
              <Button
                variant="primary"
                busy={run.isPending}
                data-testid="run-preventive"
                title={t('repairJobs.plans.runHelp')}
                onClick={() => run.mutate()}
              >
                {run.isPending ? t('repairJobs.plans.running') : t('repairJobs.plans.runNow')}
              </Button>
            </>
          ) : null
        }
      />
      {!admin ? <Notice>{t('repairJobs.plans.readOnly')}</Notice> : null}
      {run.isSuccess ? (
        <Notice kind="success">
          <span data-testid="run-result" data-opened={run.data.opened}>
            {run.data.opened > 0
              ? t('repairJobs.plans.runResult', { count: run.data.opened })
              : t('repairJobs.plans.runNone')}
          </span>
          {run.data.jobNumbers.length > 0 ? (
            <span className="run-jobs">
              {' '}
              {run.data.jobNumbers.map((n, i) => (
                <span key={n}>
                  {i > 0 ? ', ' : null}
                  <Link to={`/repair-jobs?q=${encodeURIComponent(n)}`} className="mono">
                    {n}
                  </Link>
                </span>
              ))}
            </span>
          ) : null}
        </Notice>
      ) : null}
      {run.isError ? <Notice kind="error">{errorMessage(run.error)}</Notice> : null}
      {saved && !editing ? <Notice kind="success">{t('repairJobs.plans.saved')}</Notice> : null}
      {editing ? (
        <div className="panel">
          <PlanForm
            key={editing.plan?.id ?? 'new'}
            plan={editing.plan}
            onSaved={done}
            onCancel={() => setEditing(null)}
          />
        </div>
      ) : null}
      <div data-testid="plans-table">
        <ListView
          query={query}
          caption={t('repairJobs.plans.title')}
          columns={columns}
          getRowId={(p) => p.id}
          emptyMessage={t('repairJobs.plans.empty')}
        />
      </div>
    </section>
  );
}
