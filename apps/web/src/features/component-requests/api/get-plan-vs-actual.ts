import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints, type PlanVsActualQuery } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { supplyPlanKeys } from './keys';

/** Planned and delivered per month and plan line, with the fulfilment %, for a partner and a period. */
export const planVsActualQueryOptions = (query: PlanVsActualQuery) =>
  queryOptions({
    queryKey: supplyPlanKeys.planVsActual(query),
    queryFn: ({ signal }) => api(endpoints.supplyPlans.planVsActual, { query }, { signal }),
  });

export const usePlanVsActual = (query: PlanVsActualQuery | undefined) =>
  useQuery({
    ...planVsActualQueryOptions(query ?? { partnerId: '', from: '', to: '' }),
    enabled: !!query,
    placeholderData: keepPreviousData,
  });
