import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTIAL_PATTERN_ID } from './chart-palette';
import './chart.css';

export interface ChartTableRow {
  key: string;
  /** the row's name (a month, a facility, a class) */
  header: ReactNode;
  /** one cell per column after the first, numbers already formatted */
  cells: ReactNode[];
  /** a period still running: its figures are "so far" */
  partial?: boolean;
}

export interface ChartTableProps {
  /** what the chart shows; the table's caption */
  caption: string;
  /** the column headers, the row names' column first */
  columns: string[];
  rows: ChartTableRow[];
  /**
   * `hidden` (default): for screen readers only, clipped inside its own box (never a sideways scroll);
   * `details`: behind a "Show the numbers" disclosure, for everyone.
   */
  variant?: 'hidden' | 'details';
  testId?: string;
}

/**
 * The numbers of a chart as a table, next to the chart: a chart is a picture, the table is what a screen
 * reader (or a reader who wants the exact figures) reads.
 */
export function ChartTable({ caption, columns, rows, variant = 'hidden', testId }: ChartTableProps) {
  const { t } = useTranslation();
  const table = (
    <table className="data-table" data-testid={testId}>
      <caption className={variant === 'details' ? 'visually-hidden' : undefined}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={c} scope="col" className={i > 0 ? 'num' : undefined}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-partial={row.partial || undefined}>
            <th scope="row">
              {row.header}
              {row.partial ? <PartialMark /> : null}
            </th>
            {row.cells.map((cell, i) => (
              <td key={i} className="num">
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (variant === 'details') {
    return (
      <details className="chart-details">
        <summary>{t('charts.showNumbers')}</summary>
        <div className="table-scroll">{table}</div>
      </details>
    );
  }
  return (
    <div className="chart-table-anchor">
      <div className="chart-sr-only">{table}</div>
    </div>
  );
}

/** " (partial)" / " (неповний)" after a period that has not ended. */
export function PartialMark({ bare = false }: { bare?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="chart-partial-mark" data-testid="partial-mark">
      {bare ? t('charts.partial') : ` (${t('charts.partial')})`}
    </span>
  );
}

/** A hatched fill in `color` for an HTML bar of a period still running (lighter, striped: "not over yet"). */
export function partialFill(color: string): CSSProperties {
  return {
    backgroundColor: `color-mix(in srgb, ${color} 30%, white)`,
    backgroundImage: `repeating-linear-gradient(135deg, ${color} 0 3px, transparent 3px 7px)`,
    boxShadow: `inset 0 0 0 1px ${color}`,
  };
}

/** The id of the hatch pattern in `color` (SVG charts): `fill={`url(#${partialPatternId(color)})`}`. */
export const partialPatternId = (color: string) => `${PARTIAL_PATTERN_ID}-${color.replace('#', '')}`;

/** SVG `<defs>` with one hatch pattern per colour, for the bars of a period still running (recharts charts). */
export function PartialPatterns({ colors }: { colors: readonly string[] }) {
  return (
    <defs>
      {colors.map((color) => (
        <pattern
          key={color}
          id={partialPatternId(color)}
          patternUnits="userSpaceOnUse"
          width={7}
          height={7}
          patternTransform="rotate(45)"
        >
          <rect width={7} height={7} fill={color} fillOpacity={0.3} />
          <line x1={0} y1={0} x2={0} y2={7} stroke={color} strokeWidth={5} />
        </pattern>
      ))}
    </defs>
  );
}

/**
 * An axis tick of a period (recharts `tick={<PeriodTick … />}`): its label, and under it "partial" when
 * the period is still running. recharts passes `x`, `y` and `payload`.
 */
export function PeriodTick({
  x = 0,
  y = 0,
  payload,
  partial,
  partialLabel,
  format = String,
}: {
  x?: number;
  y?: number;
  payload?: { value: string | number };
  /** whether the tick's value is a period still running */
  partial: (value: string) => boolean;
  partialLabel: string;
  /** the tick's text from its value (a date → "30.11") */
  format?: (value: string) => string;
}) {
  const value = String(payload?.value ?? '');
  return (
    <g transform={`translate(${x},${y})`}>
      <text dy={12} textAnchor="middle" fontSize={12} fill="#3a4656">
        {format(value)}
      </text>
      {partial(value) ? (
        <text dy={26} textAnchor="middle" fontSize={11} fontStyle="italic" fill="#5b6675">
          {partialLabel}
        </text>
      ) : null}
    </g>
  );
}

/** A recharts legend entry's text in the text colour, not the series colour (readable on white): `formatter`. */
export function legendText(value: unknown): ReactNode {
  return <span className="chart-legend-text">{String(value)}</span>;
}
