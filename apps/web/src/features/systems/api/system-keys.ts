import type { ListSystemsQuery, ListUsageReportsQuery } from '@jv/contracts';
import type { ListFilters } from '../../../lib/query-keys';
import { systemDetailKey } from '../../../lib/system-query';

export type SystemFilters = Partial<ListFilters<ListSystemsQuery>>;
export type UsageReportFilters = Partial<ListFilters<ListUsageReportsQuery>>;
export type ReadinessGroupBy = 'model' | 'donorPartner' | 'unit';

/**
 * Query keys of the systems feature, generic to specific (TkDodo): `all → lists() → list(filters)`,
 * `all → details() → detail(id) → history / weekly / usage`, `all → readiness(groupBy)`.
 * Everything about one system sits under its `detail(id)`, so one invalidation refreshes it all.
 */
const all = ['systems'] as const;

export const systemKeys = {
  all,
  lists: () => [...all, 'list'] as const,
  list: (filters: SystemFilters) => [...all, 'list', filters] as const,
  details: () => [...all, 'detail'] as const,
  detail: systemDetailKey,
  history: (id: string) => [...all, 'detail', id, 'history'] as const,
  weekly: (id: string, weeks: number) => [...all, 'detail', id, 'weekly', weeks] as const,
  usageReports: (id: string, filters: UsageReportFilters) => [...all, 'detail', id, 'usage-reports', filters] as const,
  readiness: (groupBy: ReadinessGroupBy) => [...all, 'readiness', groupBy] as const,
};
