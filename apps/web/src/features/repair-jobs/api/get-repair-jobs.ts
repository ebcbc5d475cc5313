import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { pagedQueryOptions } from '../../../lib/paged-query';
import { repairJobKeys, type RepairJobFilters } from './keys';

/** Repair jobs — keyset-paged, sorted by priority then age, filtered on the server. */
export const repairJobsQueryOptions = (filters: RepairJobFilters) =>
  pagedQueryOptions(repairJobKeys.list(filters), endpoints.repairJobs.list, filters);

/** The list shows jobs' states: it always asks again when it mounts, never trusting an earlier answer. */
export const useRepairJobs = (filters: RepairJobFilters) =>
  useInfiniteQuery({ ...repairJobsQueryOptions(filters), placeholderData: keepPreviousData, refetchOnMount: 'always' });
