import { useTranslation } from 'react-i18next';
import type { ComponentRequestPriority } from '@jv/domain';
import { useRequestLabels } from './request-labels';

/** The status badge is shared (components/): the repair jobs show their requests' states too. */
export { RequestStatusBadge } from '../../../components/request-status-badge';

export function RequestPriorityBadge({ priority }: { priority: ComponentRequestPriority }) {
  const labels = useRequestLabels();
  return (
    <span className={`badge cr-priority cr-priority-${priority}`} data-priority={priority}>
      {labels.priority(priority)}
    </span>
  );
}

/** "Overdue" in words (with a warning sign), never colour alone. */
export function RequestOverdueMark() {
  const { t } = useTranslation();
  return (
    <span className="badge cr-mark-overdue" data-testid="request-overdue-mark">
      <span aria-hidden="true">⚠ </span>
      {t('componentRequests.overdue')}
    </span>
  );
}
