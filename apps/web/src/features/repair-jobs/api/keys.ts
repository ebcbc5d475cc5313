import type { ListRepairJobsQuery, RepairJobMetricsQuery } from '@jv/contracts';
import type { ListFilters } from '../../../lib/query-keys';

export type RepairJobFilters = ListFilters<ListRepairJobsQuery>;

/**
 * Query keys of the repair-jobs feature, from generic to specific: a mutation invalidates `all` and
 * the board, the lists, the open detail and the metrics all refresh.
 */
const all = ['repair-jobs'] as const;
export const repairJobKeys = {
  all,
  lists: () => [...all, 'list'] as const,
  list: (filters: RepairJobFilters) => [...all, 'list', filters] as const,
  board: (facilityId: string) => [...all, 'board', facilityId] as const,
  /** one short list of the workshop home (a first page, not a paged list) */
  workshop: (filters: RepairJobFilters) => [...all, 'workshop', filters] as const,
  details: () => [...all, 'detail'] as const,
  detail: (id: string) => [...all, 'detail', id] as const,
  workLogs: (id: string) => [...all, 'detail', id, 'work-logs'] as const,
  partsUsed: (id: string) => [...all, 'detail', id, 'parts-used'] as const,
  metrics: (query: RepairJobMetricsQuery) => [...all, 'metrics', query] as const,
};

const plans = ['preventive-plans'] as const;
export const preventivePlanKeys = {
  all: plans,
  lists: () => [...plans, 'list'] as const,
  list: (filters: { modelId?: string }) => [...plans, 'list', filters] as const,
};

/**
 * Systems are another feature's resource; a job's move changes its system's status, so the
 * systems' cached answers are dropped through their root key (`['systems', …]`).
 */
export const systemsRootKey = ['systems'] as const;
