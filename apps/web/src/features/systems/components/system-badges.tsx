import type { ReadinessClass, SystemStatus } from '@jv/domain';
import type { SystemLabels } from './system-labels';

/** The status of a system: a neutral badge (colour comes from the readiness badge beside it). */
export function StatusBadge({ status, labels }: { status: SystemStatus; labels: SystemLabels }) {
  return (
    <span className={`badge sys-status sys-status-${status}`} data-testid="status-badge" data-status={status}>
      {labels.status(status)}
    </span>
  );
}

/** FMC green, PMC amber, NMC-M / NMC-S red, none (in transit, written off) grey. */
export function ReadinessBadge({ readiness, labels }: { readiness: ReadinessClass | null; labels: SystemLabels }) {
  const cls = readiness ?? 'none';
  return (
    <span
      className={`badge readiness readiness-${cls}`}
      data-testid="readiness-badge"
      data-readiness={cls}
      title={labels.readinessLong(readiness)}
    >
      {labels.readiness(readiness)}
    </span>
  );
}
