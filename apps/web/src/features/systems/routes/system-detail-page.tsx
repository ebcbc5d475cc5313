import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SystemResponse } from '@jv/contracts';
import { ButtonLink } from '../../../components/button';
import { FlashNotice } from '../../../components/flash-notice';
import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { NotFoundPage } from '../../../components/status-pages';
import { isApiError } from '../../../lib/api-client';
import { useFormatters } from '../../../lib/format';
import { useCan, useCurrentUser } from '../../../lib/session';
import { systemLabelUrl } from '../api/get-system-label';
import { useSystem } from '../api/get-system';
import { useSystemHistory } from '../api/get-system-history';
import { USAGE_WEEKS, useUsageWeekly } from '../api/get-usage-weekly';
import { HistoryTimeline } from '../components/history-timeline';
import { StatusForm } from '../components/status-form';
import { ReadinessBadge, StatusBadge } from '../components/system-badges';
import { useSystemLabels } from '../components/system-labels';
import { useSystemPermissions } from '../components/system-permissions';
import { UsageForm } from '../components/usage-form';
import { UsageReportsPanel } from '../components/usage-reports-panel';
import { UsageTable } from '../components/usage-table';
import { WearBar } from '../components/wear-bar';

// recharts is loaded only when a chart is shown, not with the app
const UsageChart = lazy(() => import('../components/usage-chart').then((m) => ({ default: m.UsageChart })));

function WearPanel({ system }: { system: SystemResponse }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const labels = useSystemLabels();
  return (
    <div className="panel wear-panel">
      <h2>{t('systems.detail.wearTitle')}</h2>
      <WearBar wear={system.barrelWear} flagged={system.wearFlagged} labels={labels} large />
      {system.wearFlagged ? (
        <p className="wear-warning" data-testid="wear-flag">
          {t('systems.detail.wearFlagged')}
        </p>
      ) : null}
      <dl className="meta-list">
        <dt>{t('systems.fields.barrelEfc')}</dt>
        <dd data-testid="barrel-efc" data-value={system.barrelEfc}>
          {t('systems.detail.ofLife', { efc: fmt.number(system.barrelEfc), life: fmt.number(system.barrelLifeEfc) })}
        </dd>
        <dt>{t('systems.fields.forecast')}</dt>
        <dd data-testid="forecast-date" data-date={system.barrelForecastDate ?? ''}>
          {system.barrelForecastDate ? fmt.date(system.barrelForecastDate) : t('systems.detail.noForecast')}
        </dd>
        <dt>{t('systems.fields.firingRate')}</dt>
        <dd data-testid="firing-rate">
          {t('systems.detail.perDay', { rate: fmt.number(Math.round(system.firingRatePerDay * 100) / 100) })}
        </dd>
      </dl>
    </div>
  );
}

function FactsPanel({ system }: { system: SystemResponse }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (
    <div className="panel">
      <h2>{t('systems.detail.factsTitle')}</h2>
      <dl className="meta-list facts-list">
        <dt>{t('systems.fields.model')}</dt>
        <dd>{system.modelDesignation}</dd>
        <dt>{t('systems.fields.donor')}</dt>
        <dd className="mono" data-testid="fact-donor">
          {system.donorPartnerCode}
        </dd>
        <dt>{t('systems.fields.unit')}</dt>
        <dd data-testid="fact-unit">{system.unitName ?? '—'}</dd>
        <dt>{t('systems.fields.facility')}</dt>
        <dd className="mono" data-testid="fact-facility">
          {system.facilityCode ?? '—'}
        </dd>
        <dt>{t('systems.fields.barrelSerial')}</dt>
        <dd className="mono" data-testid="fact-barrel-serial">
          {system.barrelSerial ?? '—'}
        </dd>
        <dt>{t('systems.fields.totalEfc')}</dt>
        <dd data-testid="total-efc" data-value={system.totalEfc}>
          {fmt.number(system.totalEfc)}
        </dd>
        <dt>{t('systems.fields.barrelEfc')}</dt>
        <dd>{fmt.number(system.barrelEfc)}</dd>
        <dt>{t('systems.fields.statusChangedAt')}</dt>
        <dd>{fmt.dateTime(system.statusChangedAt)}</dd>
        {system.notes ? (
          <>
            <dt>{t('systems.fields.notes')}</dt>
            <dd className="pre-line">{system.notes}</dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}

function UsageChartPanel({ systemId }: { systemId: string }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const weekly = useUsageWeekly(systemId);
  const weeks = weekly.data ?? [];
  const total = weeks.reduce((sum, w) => sum + w.efc, 0);
  return (
    <div className="panel">
      <h2>{t('systems.usage.title', { weeks: USAGE_WEEKS })}</h2>
      {weekly.isPending ? (
        <LoadingState />
      ) : weekly.isError ? (
        <ErrorState error={weekly.error} onRetry={() => void weekly.refetch()} />
      ) : (
        <>
          <p className="muted" data-testid="usage-total">
            {t('systems.usage.total', { efc: fmt.number(Math.round(total * 100) / 100) })}
          </p>
          <div
            className="chart-box"
            data-testid="usage-chart"
            data-weeks={weeks.length}
            data-total-efc={Math.round(total * 100) / 100}
            role="img"
            aria-label={t('systems.usage.chartLabel')}
          >
            {total === 0 ? (
              <EmptyState message={t('systems.usage.empty')} />
            ) : (
              <Suspense fallback={<LoadingState />}>
                <UsageChart weeks={weeks} />
              </Suspense>
            )}
          </div>
          {total === 0 ? null : <UsageTable weeks={weeks} />}
        </>
      )}
    </div>
  );
}

function HistoryPanel({ systemId }: { systemId: string }) {
  const { t } = useTranslation();
  const history = useSystemHistory(systemId);
  return (
    <div className="panel">
      <h2>{t('systems.history.title')}</h2>
      {history.isPending ? (
        <LoadingState />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : (
        <HistoryTimeline entries={history.data} />
      )}
    </div>
  );
}

/** /systems/:id — wear and forecast, facts, weekly usage, history, and the actions the user may take. */
export function SystemDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useSystem(id);
  const labels = useSystemLabels();
  const fmt = useFormatters();
  const permissions = useSystemPermissions(query.data);
  const canWriteJobs = useCan('repairJobs', 'write');
  const user = useCurrentUser();

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    // outside the user's scope (a partner asking for another country's system) the API answers 404
    if (isApiError(query.error) && query.error.status === 404) return <NotFoundPage />;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const system = query.data;
  const hasActions = permissions.canChangeStatus || permissions.canReportUsage;
  // a workshop user opens jobs on systems in the field or at its own facilities (and depots, which the system
  // does not tell; the API decides)
  const canOpenJob =
    canWriteJobs &&
    system.status !== 'written_off' &&
    (user.role !== 'workshop' || !system.facilityId || user.facilityIds.includes(system.facilityId));

  return (
    <section className="system-detail" data-testid="system-detail" data-serial={system.serialNumber}>
      <p className="breadcrumb">
        <Link to="/systems">{t('systems.detail.backToList')}</Link>
      </p>
      <PageHeader
        title={system.serialNumber}
        description={
          <span className="system-heading">
            <span data-testid="system-model">{system.modelDesignation}</span>
            <span className="badge-pair">
              <StatusBadge status={system.status} labels={labels} />
              <ReadinessBadge readiness={system.readiness} labels={labels} />
            </span>
          </span>
        }
        actions={
          <>
            <a
              className="btn btn-secondary"
              href={systemLabelUrl(system.id)}
              target="_blank"
              rel="noreferrer"
              data-testid="label-link"
            >
              {t('systems.labels.single')}
            </a>
            {permissions.canEdit ? (
              <ButtonLink to={`/systems/${system.id}/edit`} variant="secondary" data-testid="edit-button">
                {t('common.edit')}
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <FlashNotice />
      {system.openRepairJob ? (
        <p className="notice notice-info" data-testid="open-repair-job">
          {t('systems.detail.openJob', {
            number: system.openRepairJob.number,
            status: t(`repairJobs.status.${system.openRepairJob.status}`),
          })}{' '}
          <ButtonLink
            to={`/repair-jobs/${system.openRepairJob.id}`}
            variant="primary"
            data-testid="open-repair-job-link"
          >
            {t('systems.detail.openJobLink')}
          </ButtonLink>
        </p>
      ) : canOpenJob ? (
        // a scanned label leads here: from a system without a job, one tap starts one for it
        <p className="notice notice-info" data-testid="no-open-repair-job">
          {t('systems.labels.noOpenJob')}{' '}
          <ButtonLink to={`/repair-jobs/new?systemId=${system.id}`} variant="primary" data-testid="new-repair-job-link">
            {t('systems.labels.newJob')}
          </ButtonLink>
        </p>
      ) : null}
      {system.writeOffRequest ? (
        <p className="notice notice-warning" data-testid="write-off-request">
          {t('systems.detail.writeOffRequest', {
            name: system.writeOffRequest.requestedByName ?? t('systems.detail.someone'),
            date: fmt.dateTime(system.writeOffRequest.requestedAt),
            reason: system.writeOffRequest.reason,
          })}{' '}
          {permissions.canChangeStatus ? t('systems.detail.writeOffConfirmHow') : null}
        </p>
      ) : null}
      <div className={`system-detail-grid${hasActions ? '' : ' system-detail-grid-single'}`}>
        <div className="system-detail-main">
          <WearPanel system={system} />
          <FactsPanel system={system} />
          <UsageChartPanel systemId={system.id} />
          <HistoryPanel systemId={system.id} />
          <UsageReportsPanel systemId={system.id} />
        </div>
        {hasActions ? (
          <aside className="system-detail-actions" aria-label={t('systems.detail.actionsTitle')}>
            {permissions.canReportUsage ? (
              <div className="panel">
                <UsageForm systemId={system.id} />
              </div>
            ) : null}
            {permissions.canChangeStatus ? (
              <div className="panel">
                <StatusForm key={system.id} system={system} />
              </div>
            ) : null}
          </aside>
        ) : null}
      </div>
    </section>
  );
}
