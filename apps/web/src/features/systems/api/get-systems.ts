import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { SystemResponse } from '@jv/contracts';
import { pagedQueryOptions } from '../../../lib/paged-query';
import { systemKeys, type SystemFilters } from './system-keys';

/** GET /systems — keyset-paged; filters by status (several), readiness, model, donor, unit, facility, wear; sorts by serial, wear or last change. */
export const systemsQueryOptions = (filters: SystemFilters) =>
  pagedQueryOptions<SystemResponse, ReturnType<typeof systemKeys.list>>(systemKeys.list(filters), '/systems', filters);

export const useSystems = (filters: SystemFilters) => useInfiniteQuery({ ...systemsQueryOptions(filters), placeholderData: keepPreviousData });
