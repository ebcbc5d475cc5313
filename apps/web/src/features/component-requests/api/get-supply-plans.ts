import { useQueries } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { supplyPlanKeys } from './keys';

/** A partner's plan for one month (YYYY-MM): version 0 and no lines when there is none yet. */
export const supplyPlanQueryOptions = (partnerId: string, month: string) => ({
  queryKey: supplyPlanKeys.month(partnerId, month),
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    api(endpoints.supplyPlans.get, { params: { partnerId, month } }, { signal }),
});

/** The plans of a partner for each month of a range, one request per month. */
export const useSupplyPlans = (partnerId: string | undefined, months: readonly string[]) =>
  useQueries({
    queries: months.map((month) => ({ ...supplyPlanQueryOptions(partnerId ?? '', month), enabled: !!partnerId })),
  });
