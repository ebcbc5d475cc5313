import type { ReadinessClass, RepairJobStatus } from '@jv/domain';

/**
 * THE colours of every chart in the app: the Okabe–Ito palette (Okabe & Ito, "Color Universal Design"),
 * whose eight colours stay apart for readers with any common colour-vision deficiency. NMC-M
 * (vermillion) and NMC-S (blue) in particular differ in hue *and* lightness for every reader. Charts
 * import their colours from here, never a hex value of their own.
 */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/** Neutral grey: things outside the classes (in transit), the axis and grid lines. */
export const NEUTRAL = '#7A7A7A';
export const GRID = '#D0D5DD';

/** FMC / PMC / NMC-M / NMC-S, and in transit (no readiness class). */
export const READINESS_COLORS: Record<ReadinessClass, string> = {
  FMC: OKABE_ITO.bluishGreen,
  PMC: OKABE_ITO.orange,
  'NMC-M': OKABE_ITO.vermillion,
  'NMC-S': OKABE_ITO.blue,
};
export const IN_TRANSIT_COLOR = NEUTRAL;

/** One colour per repair-job state (stacked backlog bars, time in each state). */
export const REPAIR_STATUS_COLORS: Record<RepairJobStatus, string> = {
  reported: OKABE_ITO.skyBlue,
  diagnosing: OKABE_ITO.blue,
  awaiting_parts: OKABE_ITO.orange,
  in_repair: OKABE_ITO.reddishPurple,
  quality_check: OKABE_ITO.bluishGreen,
  completed: OKABE_ITO.black,
  cancelled: OKABE_ITO.vermillion,
};

/** Series that are compared side by side: a target (planned, required, seats) and what was reached. */
export const SERIES_COLORS = {
  /** planned, crews required, seats, open jobs: the reference amount */
  target: OKABE_ITO.skyBlue,
  /** delivered, crews covered, seats taken, availability: what was reached */
  actual: OKABE_ITO.blue,
  /** overdue: needs attention */
  alert: OKABE_ITO.vermillion,
  /** awaiting parts */
  waiting: OKABE_ITO.orange,
} as const;

/** The id of the SVG hatch pattern `<PartialPattern>` defines (a period still running). */
export const PARTIAL_PATTERN_ID = 'chart-partial-hatch';
