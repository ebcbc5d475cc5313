import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ReadinessSummaryResponse } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { systemKeys, type ReadinessGroupBy } from './system-keys';

/** GET /systems/readiness?groupBy=model|donorPartner|unit — FMC/PMC/NMC-M/NMC-S counts and availability. */
export const getReadinessSummary = (groupBy: ReadinessGroupBy, signal?: AbortSignal) =>
  api.get<ReadinessSummaryResponse>('/systems/readiness', { groupBy }, signal);

export const readinessSummaryQueryOptions = (groupBy: ReadinessGroupBy) =>
  queryOptions({ queryKey: systemKeys.readiness(groupBy), queryFn: ({ signal }) => getReadinessSummary(groupBy, signal) });

export const useReadinessSummary = (groupBy: ReadinessGroupBy) =>
  useQuery({ ...readinessSummaryQueryOptions(groupBy), placeholderData: keepPreviousData });
