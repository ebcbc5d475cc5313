import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { repairJobKeys } from './keys';

/** The work logs of a job and their total → `{ items, totalHours }`. */
export const getWorkLogs = (jobId: string, signal?: AbortSignal) =>
  api(endpoints.repairJobs.workLogs, { params: { id: jobId } }, { signal });

export const workLogsQueryOptions = (jobId: string) =>
  queryOptions({ queryKey: repairJobKeys.workLogs(jobId), queryFn: ({ signal }) => getWorkLogs(jobId, signal) });

export const useWorkLogs = (jobId: string, enabled = true) => useQuery({ ...workLogsQueryOptions(jobId), enabled });
