import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { RepairJobResponse } from '@jv/contracts';
import { pagedQueryOptions } from '../../../lib/paged-query';
import { repairJobKeys, type RepairJobFilters } from './keys';

/** GET /repair-jobs — keyset-paged, sorted by priority then age, filtered on the server. */
export const repairJobsQueryOptions = (filters: RepairJobFilters) =>
  pagedQueryOptions<RepairJobResponse, ReturnType<typeof repairJobKeys.list>>(repairJobKeys.list(filters), '/repair-jobs', filters);

export const useRepairJobs = (filters: RepairJobFilters) => useInfiniteQuery({ ...repairJobsQueryOptions(filters), placeholderData: keepPreviousData });
