import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { RepairJobMetrics, RepairJobMetricsQuery } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { repairJobKeys } from './keys';

/** GET /repair-jobs/metrics?facilityId&from&to — backlog, turnaround, awaiting-parts time, throughput. */
export const getRepairJobMetrics = (query: RepairJobMetricsQuery, signal?: AbortSignal) =>
  api.get<RepairJobMetrics>('/repair-jobs/metrics', { ...query }, signal);

export const repairJobMetricsQueryOptions = (query: RepairJobMetricsQuery) =>
  queryOptions({ queryKey: repairJobKeys.metrics(query), queryFn: ({ signal }) => getRepairJobMetrics(query, signal) });

export const useRepairJobMetrics = (query: RepairJobMetricsQuery) =>
  useQuery({ ...repairJobMetricsQueryOptions(query), placeholderData: keepPreviousData });
