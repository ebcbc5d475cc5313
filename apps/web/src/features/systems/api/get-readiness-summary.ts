import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { systemKeys, type ReadinessGroupBy } from './system-keys';

/** FMC/PMC/NMC-M/NMC-S counts and availability (`endpoints.systems.readiness`) per model, donor or unit. */
export const readinessSummaryQueryOptions = (groupBy: ReadinessGroupBy) =>
  queryOptions({
    queryKey: systemKeys.readiness(groupBy),
    queryFn: ({ signal }) => api(endpoints.systems.readiness, { query: { groupBy } }, { signal }),
  });

export const useReadinessSummary = (groupBy: ReadinessGroupBy) =>
  useQuery({ ...readinessSummaryQueryOptions(groupBy), placeholderData: keepPreviousData });
