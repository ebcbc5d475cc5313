import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { componentRequestKeys } from './keys';

/**
 * Open requests by status, overdue, the on-time rate of the last 365 days and per supplier the median
 * days to approve and to deliver — in the caller's scope (the API decides it).
 */
export const requestMetricsQueryOptions = () =>
  queryOptions({
    queryKey: componentRequestKeys.metrics(),
    queryFn: ({ signal }) => api(endpoints.componentRequests.metrics, {}, { signal }),
  });

/** The metrics page shows the current state: it asks again whenever it mounts. */
export const useRequestMetrics = () => useQuery({ ...requestMetricsQueryOptions(), refetchOnMount: 'always' });
