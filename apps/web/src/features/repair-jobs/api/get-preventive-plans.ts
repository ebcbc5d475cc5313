import { useInfiniteQuery } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { pagedQueryOptions } from '../../../lib/paged-query';
import { preventivePlanKeys } from './keys';

export interface PreventivePlanFilters {
  modelId?: string;
}

/** Preventive plans — keyset-paged `{ items, nextCursor }`. */
export const preventivePlansQueryOptions = (filters: PreventivePlanFilters) =>
  pagedQueryOptions(preventivePlanKeys.list(filters), endpoints.preventivePlans.list, filters, { pageSize: 200 });

export const usePreventivePlans = (filters: PreventivePlanFilters) =>
  useInfiniteQuery(preventivePlansQueryOptions(filters));
