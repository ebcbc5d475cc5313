import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { systemKeys } from './system-keys';

export const USAGE_WEEKS = 26;

/** Rounds and EFC per week (`endpoints.systems.usageWeekly`, `weeks=26`), for the usage chart. */
export const usageWeeklyQueryOptions = (id: string, weeks = USAGE_WEEKS) =>
  queryOptions({
    queryKey: systemKeys.weekly(id, weeks),
    queryFn: ({ signal }) => api(endpoints.systems.usageWeekly, { params: { id }, query: { weeks } }, { signal }),
  });

export const useUsageWeekly = (id: string, weeks = USAGE_WEEKS) => useQuery(usageWeeklyQueryOptions(id, weeks));
