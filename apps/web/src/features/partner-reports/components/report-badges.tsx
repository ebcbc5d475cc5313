import { useTranslation } from 'react-i18next';
import type { PartnerReportStatus } from '@jv/domain';

/** A report's status as a badge, with its colour (partner-reports.css). */
export function ReportStatusBadge({ status, testId }: { status: PartnerReportStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge pr-status pr-status-${status}`} data-testid={testId} data-status={status}>
      {t(`partnerReports.status.${status}`)}
    </span>
  );
}
