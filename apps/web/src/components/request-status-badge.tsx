import { useTranslation } from 'react-i18next';
import type { ComponentRequestStatus } from '@jv/domain';
import './request-status-badge.css';

/**
 * A component request's status as a badge: shared because the repair jobs list their requests too
 * (features do not import each other). Its words come from `componentRequests.status`.
 */
export function RequestStatusBadge({ status, testId }: { status: ComponentRequestStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge cr-status cr-status-${status}`} data-testid={testId} data-status={status}>
      {t(`componentRequests.status.${status}`)}
    </span>
  );
}
