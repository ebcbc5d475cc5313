import type { ListComponentRequestsQuery, PlanVsActualQuery } from '@jv/contracts';
import type { ListFilters } from '../../../lib/query-keys';

export type ComponentRequestFilters = ListFilters<ListComponentRequestsQuery>;

/**
 * Query keys of the component requests, from generic to specific: a move or a delivery invalidates
 * `all`, and the lists, the approval queue and the open detail refresh.
 */
const all = ['component-requests'] as const;
export const componentRequestKeys = {
  all,
  lists: () => [...all, 'list'] as const,
  list: (filters: ComponentRequestFilters) => [...all, 'list', filters] as const,
  details: () => [...all, 'detail'] as const,
  detail: (id: string) => [...all, 'detail', id] as const,
  /** under `all`: a move or a delivery changes the figures too */
  metrics: () => [...all, 'metrics'] as const,
};

const plans = ['supply-plans'] as const;
export const supplyPlanKeys = {
  all: plans,
  month: (partnerId: string, month: string) => [...plans, 'month', partnerId, month] as const,
  planVsActual: (query: PlanVsActualQuery) => [...plans, 'plan-vs-actual', query] as const,
};

/**
 * Repair jobs are another feature's resource: a request linked to a job and its deliveries change the
 * job's "parts ready" and its list of requests, so the jobs' cached answers are dropped through their
 * root key (`['repair-jobs', …]`); the job a new request starts from is read under the same detail key.
 */
export const repairJobsRootKey = ['repair-jobs'] as const;
export const repairJobDetailKey = (id: string) => [...repairJobsRootKey, 'detail', id] as const;
