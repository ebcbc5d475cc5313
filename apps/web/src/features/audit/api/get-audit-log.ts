import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { AuditEntry, ListAuditQuery } from '@jv/contracts';
import { auditKeys, type ListFilters } from '../../../lib/query-keys';
import { pagedQueryOptions } from '../../../lib/paged-query';

export type AuditFilters = ListFilters<ListAuditQuery>;

/** GET /audit-log (admin) — newest first, keyset-paged, filtered by entity, actor, action and time. */
export const auditLogQueryOptions = (filters: AuditFilters) =>
  pagedQueryOptions<AuditEntry, ReturnType<typeof auditKeys.list>>(auditKeys.list(filters), '/audit-log', filters);

export const useAuditLog = (filters: AuditFilters) => useInfiniteQuery({ ...auditLogQueryOptions(filters), placeholderData: keepPreviousData });
