import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { repairJobDetailKey } from './keys';

/**
 * The repair job a new request starts from (`/component-requests/new?repairJobId=…`): its number, system
 * and facility for the form's header. The same endpoint and key as the job's own page, so one key never
 * holds two shapes.
 */
export const linkedJobQueryOptions = (id: string) =>
  queryOptions({
    queryKey: repairJobDetailKey(id),
    queryFn: ({ signal }) => api(endpoints.repairJobs.get, { params: { id } }, { signal }),
  });

export const useLinkedJob = (id: string | undefined) => useQuery({ ...linkedJobQueryOptions(id ?? ''), enabled: !!id });
