import { useQuery } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { repairJobKeys, type RepairJobFilters } from './keys';

/** The most jobs one list of the workshop home shows; the rest is on the board and in the list. */
export const WORKSHOP_LIST_LIMIT = 20;

/**
 * One short list of the workshop home, with the list endpoint's own filters (technician, state, parts ready),
 * in the list's order (urgent first, then the oldest): the first page only. A workshop user's answer is
 * already limited to their facilities by the API.
 */
export const useWorkshopJobs = (filters: RepairJobFilters) =>
  useQuery({
    queryKey: repairJobKeys.workshop(filters),
    queryFn: ({ signal }) =>
      api(endpoints.repairJobs.list, { query: { ...filters, limit: WORKSHOP_LIST_LIMIT } }, { signal }),
    refetchOnMount: 'always',
  });
