import { useTranslation } from 'react-i18next';
import type { PartnerReportDetail } from '@jv/contracts';
import { EmptyState } from '../../../components/states';
import { ReportStatusBadge } from './report-badges';
import { useReportFormat } from './use-report-format';

/** Every status change of the report: from → to, who, when, and the comment. */
export function ReportHistory({ report }: { report: PartnerReportDetail }) {
  const { t } = useTranslation();
  const f = useReportFormat();
  if (report.transitions.length === 0) return <EmptyState message={t('partnerReports.detail.noHistory')} />;
  return (
    <ol className="pr-timeline" data-testid="report-history">
      {report.transitions.map((tr) => (
        <li key={`${tr.at}-${tr.to}`} className="pr-timeline-item" data-testid="report-history-item" data-to={tr.to}>
          <div>
            {tr.from ? (
              <>
                <span className="muted">{t(`partnerReports.status.${tr.from}`)}</span>
                <span aria-hidden="true"> → </span>
              </>
            ) : (
              <span className="muted">{t('partnerReports.detail.created')}: </span>
            )}
            <ReportStatusBadge status={tr.to} />
          </div>
          <p className="pr-timeline-meta muted">
            <time dateTime={tr.at}>{f.dateTime(tr.at)}</time>
            {` · ${tr.actor?.displayName ?? t('partnerReports.detail.system')}`}
          </p>
          {tr.comment ? <p className="pr-timeline-comment">{tr.comment}</p> : null}
        </li>
      ))}
    </ol>
  );
}
