import { useInfiniteQuery } from '@tanstack/react-query';
import type { UsageReportResponse } from '@jv/contracts';
import { pagedQueryOptions } from '../../../lib/paged-query';
import { systemKeys, type UsageReportFilters } from './system-keys';

/** GET /systems/{id}/usage-reports — keyset-paged, newest first, optional date range. */
export const usageReportsQueryOptions = (systemId: string, filters: UsageReportFilters = {}) =>
  pagedQueryOptions<UsageReportResponse, ReturnType<typeof systemKeys.usageReports>>(
    systemKeys.usageReports(systemId, filters),
    `/systems/${encodeURIComponent(systemId)}/usage-reports`,
    filters,
  );

export const useUsageReports = (systemId: string, filters: UsageReportFilters = {}, enabled = true) =>
  useInfiniteQuery({ ...usageReportsQueryOptions(systemId, filters), enabled });
