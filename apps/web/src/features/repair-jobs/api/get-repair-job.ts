import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { refetchUnlessJustFetched } from '../../../lib/query-client';
import { repairJobKeys } from './keys';

/** The job with its transitions, the time spent in each state, and its system, model and facility. */
export const repairJobQueryOptions = (id: string) =>
  queryOptions({
    queryKey: repairJobKeys.detail(id),
    queryFn: ({ signal }) => api(endpoints.repairJobs.get, { params: { id } }, { signal }),
  });

/**
 * A job's page shows its state: it asks again when it mounts, never trusting an earlier answer (except the one
 * fetched for this visit's first render: `refetchUnlessJustFetched`).
 */
export const useRepairJob = (id: string | undefined) =>
  useQuery({ ...repairJobQueryOptions(id ?? ''), enabled: !!id, refetchOnMount: refetchUnlessJustFetched });
