import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PartnerReportDetail } from '@jv/contracts';
import { Button } from '../../../components/button';
import { FlashNotice } from '../../../components/flash-notice';
import { FormAlert } from '../../../components/form-alert';
import { ErrorState, LoadingState, Notice } from '../../../components/states';
import { NotFoundPage } from '../../../components/status-pages';
import { isApiError } from '../../../lib/api-client';
import { useCan } from '../../../lib/session';
import { uuidParam } from '../../../lib/use-search-filters';
import { usePartnerReport } from '../api/get-partner-report';
import { useRefreshPartnerReport } from '../api/transition-partner-report';
import { ReportDocuments } from '../components/report-documents';
import { ReportFigures } from '../components/report-figures';
import { ReportHeader } from '../components/report-header';
import { ReportHistory } from '../components/report-history';
import { ReportTransitionDialog, type ReportMove } from '../components/report-transition-dialog';
import { ReleaseForm, ReleaseLog } from '../components/release-section';

const MOVES: readonly ReportMove[] = ['approved', 'published', 'discarded'];

/**
 * /partner-reports/:id — one report: its header (who prepared, approved and published it, when), the
 * moves this user may make, "Refresh figures" for a draft, the documents (SHA-256 once published), the
 * figures per section, its history and — for staff — the release log. Asked for again on every visit.
 */
export function ReportDetailPage() {
  const { id } = useParams();
  const reportId = uuidParam(id ?? '');
  const query = usePartnerReport(reportId);
  if (!reportId) return <NotFoundPage />;
  if (query.isPending || (query.isFetching && !query.isFetchedAfterMount)) return <LoadingState />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) return <NotFoundPage />;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <ReportDetail key={query.data.id} report={query.data} />;
}

function ReportDetail({ report }: { report: PartnerReportDetail }) {
  const { t } = useTranslation();
  const canPrepare = useCan('reportPreparation', 'write');
  const canReadLog = useCan('reportPreparation', 'read');
  const refresh = useRefreshPartnerReport();
  const [move, setMove] = useState<ReportMove | null>(null);
  // the API says what this user may do next; the buttons are for those who may prepare reports at all
  const moves = canPrepare ? MOVES.filter((m) => report.allowedTransitions.includes(m)) : [];
  const canRefresh = canPrepare && report.status === 'draft';

  return (
    <section className="pr-detail" data-testid="report-detail" data-status={report.status}>
      <FlashNotice />
      <ReportHeader report={report} />

      {moves.length > 0 || canRefresh ? (
        <section className="panel" aria-labelledby="report-actions-title">
          <h2 id="report-actions-title">{t('partnerReports.detail.actions')}</h2>
          <div className="pr-actions">
            {moves.map((to) => (
              <Button
                key={to}
                variant={to === 'discarded' ? 'danger' : 'primary'}
                onClick={() => setMove(to)}
                data-testid={`report-move-${to}`}
              >
                {t(`partnerReports.move.${to}`)}
              </Button>
            ))}
            {canRefresh ? (
              <Button busy={refresh.isPending} onClick={() => refresh.mutate(report.id)} data-testid="report-refresh">
                {refresh.isPending ? t('partnerReports.detail.refreshing') : t('partnerReports.detail.refresh')}
              </Button>
            ) : null}
          </div>
          {refresh.isSuccess ? <Notice kind="success">{t('partnerReports.detail.refreshed')}</Notice> : null}
          {refresh.isError ? <FormAlert formError={{ error: refresh.error, unmatched: [] }} /> : null}
        </section>
      ) : null}

      <section className="panel" aria-labelledby="report-documents-title">
        <h2 id="report-documents-title">{t('partnerReports.detail.documents')}</h2>
        <ReportDocuments report={report} />
      </section>

      <section className="panel" aria-labelledby="report-figures-title">
        <h2 id="report-figures-title">{t('partnerReports.detail.figures')}</h2>
        <ReportFigures figures={report.figures} />
      </section>

      <section className="panel" aria-labelledby="report-history-title">
        <h2 id="report-history-title">{t('partnerReports.detail.history')}</h2>
        <ReportHistory report={report} />
      </section>

      {canReadLog ? (
        <section className="panel" aria-labelledby="report-releases-title">
          <h2 id="report-releases-title">{t('partnerReports.releases.title')}</h2>
          <p className="muted">{t('partnerReports.releases.hint')}</p>
          <ReleaseLog reportId={report.id} />
          {canPrepare && report.status === 'published' ? <ReleaseForm reportId={report.id} /> : null}
        </section>
      ) : null}

      {move ? <ReportTransitionDialog report={report} to={move} onClose={() => setMove(null)} /> : null}
    </section>
  );
}
