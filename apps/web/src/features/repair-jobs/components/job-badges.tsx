import { useTranslation } from 'react-i18next';
import type { RepairJobPriorityValue } from '@jv/contracts';
import type { RepairJobStatus } from '@jv/domain';
import { useJobLabels } from './job-labels';

export function JobStatusBadge({ status, testId }: { status: RepairJobStatus; testId?: string }) {
  const labels = useJobLabels();
  return (
    <span className={`badge job-status job-status-${status}`} data-testid={testId} data-status={status}>
      {labels.status(status)}
    </span>
  );
}

export function PriorityBadge({ priority }: { priority: RepairJobPriorityValue }) {
  const labels = useJobLabels();
  return (
    <span className={`badge job-priority job-priority-${priority}`} data-priority={priority}>
      {labels.priority(priority)}
    </span>
  );
}

export function OverdueMark() {
  const { t } = useTranslation();
  return (
    <span className="badge job-mark-overdue" data-testid="overdue-mark">
      <span aria-hidden="true">⚠ </span>
      {t('repairJobs.overdue')}
    </span>
  );
}

export function PartsReadyMark() {
  const { t } = useTranslation();
  return (
    <span className="badge job-mark-parts" data-testid="parts-ready-mark">
      <span aria-hidden="true">✓ </span>
      {t('repairJobs.partsReady')}
    </span>
  );
}
