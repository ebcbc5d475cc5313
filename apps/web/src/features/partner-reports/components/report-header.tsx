import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PartnerReportDetail } from '@jv/contracts';
import { ReportStatusBadge } from './report-badges';
import { useReportFormat } from './use-report-format';

/** The top of a report's page: partner, period, status, when the figures were computed, who did what and when. */
export function ReportHeader({ report }: { report: PartnerReportDetail }) {
  const { t } = useTranslation();
  const f = useReportFormat();
  const kind = report.figures.period.kind;
  return (
    <div className="pr-header panel">
      <div className="pr-header-title">
        <h1 data-testid="report-title">
          {t('partnerReports.detail.title', { partner: report.partnerCode, period: report.period })}
        </h1>
        <ReportStatusBadge status={report.status} testId="report-status" />
      </div>
      <dl className="pr-facts">
        <div>
          <dt>{t('partnerReports.fields.partner')}</dt>
          <dd>
            <span className="mono">{report.partnerCode}</span> — {report.partnerName}
          </dd>
        </div>
        <div>
          <dt>{t('partnerReports.fields.period')}</dt>
          <dd data-testid="report-period">
            <span className="mono">{report.period}</span> ({t(`partnerReports.periodKind.${kind}`)}:{' '}
            {t('partnerReports.periodRange', { start: f.date(report.periodStart), end: f.date(report.periodEnd) })})
          </dd>
        </div>
        <div>
          <dt>{t('partnerReports.fields.computedAt')}</dt>
          <dd>{f.dateTime(report.computedAt)}</dd>
        </div>
        <div>
          <dt>{t('partnerReports.fields.preparedBy')}</dt>
          <dd data-testid="report-prepared">{f.whoWhen(report.preparedBy, report.preparedAt)}</dd>
        </div>
        <div>
          <dt>{t('partnerReports.fields.approvedBy')}</dt>
          <dd data-testid="report-approved">{f.whoWhen(report.approvedBy, report.approvedAt)}</dd>
        </div>
        <div>
          <dt>{t('partnerReports.fields.publishedBy')}</dt>
          <dd data-testid="report-published">{f.whoWhen(report.publishedBy, report.publishedAt)}</dd>
        </div>
      </dl>
      {report.figures.inProgress ? (
        <p className="notice notice-info">
          {t('partnerReports.detail.inProgress', { at: f.dateTime(report.figures.computedAt) })}
        </p>
      ) : null}
      {report.status === 'draft' ? <p className="muted">{t('partnerReports.detail.draftNote')}</p> : null}
      {report.supersedesId ? (
        <p className="pr-link-note">
          {t('partnerReports.detail.supersedes')}{' '}
          <Link to={`/partner-reports/${report.supersedesId}`} data-testid="supersedes-link">
            {t('partnerReports.detail.supersedesLink')}
          </Link>
        </p>
      ) : null}
      {report.supersededById ? (
        <p className="notice notice-info pr-link-note">
          {t('partnerReports.detail.supersededBy')}{' '}
          <Link to={`/partner-reports/${report.supersededById}`} data-testid="superseded-by-link">
            {t('partnerReports.detail.supersededByLink')}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
