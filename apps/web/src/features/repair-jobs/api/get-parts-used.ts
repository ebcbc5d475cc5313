import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { repairJobKeys } from './keys';

/** The parts fitted on a job. */
export const getPartsUsed = (jobId: string, signal?: AbortSignal) =>
  api(endpoints.repairJobs.partsUsed, { params: { id: jobId } }, { signal }).then((list) => list.items);

export const partsUsedQueryOptions = (jobId: string) =>
  queryOptions({ queryKey: repairJobKeys.partsUsed(jobId), queryFn: ({ signal }) => getPartsUsed(jobId, signal) });

export const usePartsUsed = (jobId: string) => useQuery(partsUsedQueryOptions(jobId));
