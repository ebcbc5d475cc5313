import { queryOptions, useQuery } from '@tanstack/react-query';
import type { WorkLogList } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { repairJobKeys } from './keys';

/** GET /repair-jobs/{id}/work-logs → `{ items, totalHours }` */
export const getWorkLogs = (jobId: string, signal?: AbortSignal) =>
  api.get<WorkLogList>(`/repair-jobs/${encodeURIComponent(jobId)}/work-logs`, undefined, signal);

export const workLogsQueryOptions = (jobId: string) =>
  queryOptions({ queryKey: repairJobKeys.workLogs(jobId), queryFn: ({ signal }) => getWorkLogs(jobId, signal) });

export const useWorkLogs = (jobId: string, enabled = true) => useQuery({ ...workLogsQueryOptions(jobId), enabled });
