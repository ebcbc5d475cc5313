import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UsageWeek } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { systemKeys } from './system-keys';

export const USAGE_WEEKS = 26;

/** GET /systems/{id}/usage-weekly?weeks=26 — rounds and EFC per week, for the usage chart. */
export const getUsageWeekly = (id: string, weeks: number, signal?: AbortSignal) =>
  api.get<UsageWeek[]>(`/systems/${encodeURIComponent(id)}/usage-weekly`, { weeks }, signal);

export const usageWeeklyQueryOptions = (id: string, weeks = USAGE_WEEKS) =>
  queryOptions({ queryKey: systemKeys.weekly(id, weeks), queryFn: ({ signal }) => getUsageWeekly(id, weeks, signal) });

export const useUsageWeekly = (id: string, weeks = USAGE_WEEKS) => useQuery(usageWeeklyQueryOptions(id, weeks));
