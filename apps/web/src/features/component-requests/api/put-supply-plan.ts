import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type PutSupplyPlanInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { supplyPlanKeys } from './keys';

export interface PutSupplyPlanVariables {
  partnerId: string;
  month: string;
  /** Carries the loaded `version` (0 for a new plan); a stale one is refused with 409 STALE_VERSION. */
  input: PutSupplyPlanInput;
}

/** Replaces a partner's plan for one month. */
export const putSupplyPlan = ({ partnerId, month, input }: PutSupplyPlanVariables) =>
  api(endpoints.supplyPlans.put, { params: { partnerId, month }, body: input });

export function usePutSupplyPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: putSupplyPlan,
    onSuccess: (saved) => {
      queryClient.setQueryData(supplyPlanKeys.month(saved.partnerId, saved.month), saved);
      // plan vs actual reads the plans
      return queryClient.invalidateQueries({ queryKey: [...supplyPlanKeys.all, 'plan-vs-actual'] });
    },
  });
}
