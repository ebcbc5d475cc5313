import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints, type RepairJobMetricsQuery } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { repairJobKeys } from './keys';

/** Backlog, turnaround, awaiting-parts time and throughput (`facilityId`, `from`, `to`). */
export const getRepairJobMetrics = (query: RepairJobMetricsQuery, signal?: AbortSignal) =>
  api(endpoints.repairJobs.metrics, { query }, { signal });

export const repairJobMetricsQueryOptions = (query: RepairJobMetricsQuery) =>
  queryOptions({ queryKey: repairJobKeys.metrics(query), queryFn: ({ signal }) => getRepairJobMetrics(query, signal) });

export const useRepairJobMetrics = (query: RepairJobMetricsQuery) =>
  useQuery({ ...repairJobMetricsQueryOptions(query), placeholderData: keepPreviousData });
