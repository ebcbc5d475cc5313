import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { endpoints, type ListAuditQuery } from '@jv/contracts';
import { auditKeys, type ListFilters } from '../../../lib/query-keys';
import { pagedQueryOptions } from '../../../lib/paged-query';

export type AuditFilters = ListFilters<ListAuditQuery>;

/**
 * The audit log (`endpoints.audit.list`, admin): newest first, keyset-paged, filtered by entity, actor,
 * action and time.
 */
export const auditLogQueryOptions = (filters: AuditFilters) =>
  pagedQueryOptions(auditKeys.list(filters), endpoints.audit.list, filters);

export const useAuditLog = (filters: AuditFilters) =>
  useInfiniteQuery({ ...auditLogQueryOptions(filters), placeholderData: keepPreviousData });
