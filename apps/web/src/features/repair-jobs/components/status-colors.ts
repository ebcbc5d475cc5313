import type { RepairJobStatus } from '@jv/domain';
import { REPAIR_STATUS_COLORS } from '../../../components/chart-palette';

/** One colour per state, shared by the board's column accents and the dashboard's charts (the app's palette). */
export const STATUS_COLORS: Record<RepairJobStatus, string> = REPAIR_STATUS_COLORS;
