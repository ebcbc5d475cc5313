import { useInfiniteQuery } from '@tanstack/react-query';
import type { PreventivePlanResponse } from '@jv/contracts';
import { pagedQueryOptions } from '../../../lib/paged-query';
import { preventivePlanKeys } from './keys';

export interface PreventivePlanFilters {
  modelId?: string;
}

/** GET /preventive-plans — keyset-paged `{ items, nextCursor }`. */
export const preventivePlansQueryOptions = (filters: PreventivePlanFilters) =>
  pagedQueryOptions<PreventivePlanResponse, ReturnType<typeof preventivePlanKeys.list>>(
    preventivePlanKeys.list(filters),
    '/preventive-plans',
    filters,
    200,
  );

export const usePreventivePlans = (filters: PreventivePlanFilters) => useInfiniteQuery(preventivePlansQueryOptions(filters));
