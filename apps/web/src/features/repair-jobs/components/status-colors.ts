import type { RepairJobStatus } from '@jv/domain';

/** One colour per state, shared by the board's column accents and the dashboard's charts. */
export const STATUS_COLORS: Record<RepairJobStatus, string> = {
  reported: '#6b7a90',
  diagnosing: '#2d6cdf',
  awaiting_parts: '#c77700',
  in_repair: '#7a3fc4',
  quality_check: '#1d7a46',
  completed: '#0b1f3a',
  cancelled: '#b42318',
};
