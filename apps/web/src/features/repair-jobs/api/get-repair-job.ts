import { queryOptions, useQuery } from '@tanstack/react-query';
import type { RepairJobDetail } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { repairJobKeys } from './keys';

/** GET /repair-jobs/{id} — the job with its transitions and the time spent in each state. */
export const getRepairJob = (id: string, signal?: AbortSignal) =>
  api.get<RepairJobDetail>(`/repair-jobs/${encodeURIComponent(id)}`, undefined, signal);

export const repairJobQueryOptions = (id: string) =>
  queryOptions({ queryKey: repairJobKeys.detail(id), queryFn: ({ signal }) => getRepairJob(id, signal) });

export const useRepairJob = (id: string | undefined) => useQuery({ ...repairJobQueryOptions(id ?? ''), enabled: !!id });
