import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from '../../../lib/api-client';

export const dashboardKeys = { all: ['dashboard'] as const };

/** The home page's figures (GET /v1/dashboard); partner users get their country's slice from the API. */
export const getDashboard = (signal?: AbortSignal) => api(endpoints.dashboard.get, {}, { signal });

export const dashboardQueryOptions = () =>
  queryOptions({ queryKey: dashboardKeys.all, queryFn: ({ signal }) => getDashboard(signal) });

export const useDashboard = () => useQuery(dashboardQueryOptions());
