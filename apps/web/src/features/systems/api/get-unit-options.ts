import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints, type UnitResponse } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { LOOKUP_LIMIT } from '../../../lib/lookups';
import { unitKeys } from '../../../lib/query-keys';

/**
 * Units with the largest page (`endpoints.units.list`, limit=200) — the short list behind the unit selects
 * (under `unitKeys.all`, so a unit change refreshes it).
 */
export const unitOptionsQuery = () =>
  queryOptions({
    queryKey: unitKeys.options(),
    queryFn: ({ signal }) =>
      api(endpoints.units.list, { query: { limit: LOOKUP_LIMIT } }, { signal }).then((page) => page.items),
    staleTime: 5 * 60_000,
  });

export const useUnitOptions = (enabled = true) => useQuery({ ...unitOptionsQuery(), enabled });

export const unitLabel = (u: Pick<UnitResponse, 'code' | 'name'>) => `${u.code} — ${u.name}`;
