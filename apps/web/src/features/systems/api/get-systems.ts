import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { pagedQueryOptions } from '../../../lib/paged-query';
import { systemKeys, type SystemFilters } from './system-keys';

/**
 * The fleet list (`endpoints.systems.list`) — keyset-paged; filters by status (several), readiness, model,
 * donor, unit, facility, wear; sorts by serial, wear or last change.
 */
export const systemsQueryOptions = (filters: SystemFilters) =>
  pagedQueryOptions(systemKeys.list(filters), endpoints.systems.list, filters);

export const useSystems = (filters: SystemFilters) =>
  useInfiniteQuery({ ...systemsQueryOptions(filters), placeholderData: keepPreviousData });
