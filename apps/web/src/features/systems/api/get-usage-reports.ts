import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { PAGE_SIZE } from '../../../lib/paged-query';
import { systemKeys, type UsageReportFilters } from './system-keys';

/**
 * A system's usage reports (`endpoints.systems.usageReports`) — keyset-paged, newest first, optional date
 * range. Written out rather than through `pagedQueryOptions`, which sends no path parameters (`{id}`).
 */
export const usageReportsQueryOptions = (systemId: string, filters: UsageReportFilters = {}) =>
  infiniteQueryOptions({
    queryKey: systemKeys.usageReports(systemId, filters),
    queryFn: ({ pageParam, signal }) =>
      api(
        endpoints.systems.usageReports,
        { params: { id: systemId }, query: { ...filters, limit: PAGE_SIZE, cursor: pageParam } },
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useUsageReports = (systemId: string, filters: UsageReportFilters = {}, enabled = true) =>
  useInfiniteQuery({ ...usageReportsQueryOptions(systemId, filters), enabled });
