import type { ListPartnerReportsQuery, PartnerReportPreviewQuery } from '@jv/contracts';
import type { ListFilters } from '../../../lib/query-keys';

export type PartnerReportFilters = ListFilters<ListPartnerReportsQuery>;

/**
 * Query keys of the partner reports, from generic to specific: a move, a refresh or a new report
 * invalidates `all`, and the lists, the open detail and its release log refresh.
 */
const all = ['partner-reports'] as const;
export const partnerReportKeys = {
  all,
  lists: () => [...all, 'list'] as const,
  list: (filters: PartnerReportFilters) => [...all, 'list', filters] as const,
  detail: (id: string) => [...all, 'detail', id] as const,
  releases: (id: string) => [...all, 'releases', id] as const,
  preview: (query: PartnerReportPreviewQuery) => [...all, 'preview', query] as const,
};

/** Notifications are another feature's resource: preparing or publishing a report creates some. */
export const notificationsRootKey = ['notifications'] as const;
