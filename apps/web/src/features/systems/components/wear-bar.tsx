import type { SystemLabels } from './system-labels';

interface WearBarProps {
  /** barrel EFC / barrel life (1 = 100 %) */
  wear: number;
  flagged: boolean;
  labels: SystemLabels;
  large?: boolean;
}

/**
 * Barrel wear as a bar with its percentage; red when flagged (over 80 %). `data-wear` is the percent number. No hooks:
 * a list renders one per row (its texts come with `labels`).
 */
export function WearBar({ wear, flagged, labels, large = false }: WearBarProps) {
  const percent = Math.round(wear * 10_000) / 100;
  const classes = ['wear-bar', flagged ? 'wear-bar-flagged' : '', large ? 'wear-bar-large' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      className={classes}
      data-testid="wear-bar"
      data-wear={percent}
      data-flagged={flagged || undefined}
      role="meter"
      aria-label={labels.wear}
      aria-valuemin={0}
      aria-valuemax={Math.max(100, percent)}
      aria-valuenow={percent}
      aria-valuetext={labels.percent(wear)}
    >
      <span className="wear-bar-track" aria-hidden="true">
        <span className="wear-bar-fill" style={{ width: `${Math.min(100, Math.max(0, percent))}%` }} />
      </span>
      <span className="wear-bar-value">
        {labels.percent(wear)}
        {flagged ? <span className="visually-hidden"> — {labels.wearFlagged}</span> : null}
      </span>
    </div>
  );
}
