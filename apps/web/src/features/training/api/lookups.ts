import { useQuery } from '@tanstack/react-query';
import { endpoints, type UnitResponse } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { facilityLabel, LOOKUP_LIMIT, useFacilityOptions } from '../../../lib/lookups';
import { unitKeys } from '../../../lib/query-keys';

/** Units (largest page) behind the unit selects of the personnel form and the coverage filter. */
export const useUnitOptions = (enabled = true) =>
  useQuery({
    queryKey: unitKeys.options(),
    queryFn: async ({ signal }) =>
      (await api(endpoints.units.list, { query: { limit: LOOKUP_LIMIT } }, { signal })).items,
    staleTime: 5 * 60_000,
    enabled,
  });

export const unitLabel = (u: Pick<UnitResponse, 'code' | 'name'>) => `${u.code} — ${u.name}`;

/** The training bases among the facilities (kind `training_base`), as select options. */
export function useTrainingBaseOptions() {
  const facilities = useFacilityOptions();
  const bases = (facilities.data ?? []).filter((f) => f.kind === 'training_base');
  return { ...facilities, bases, options: bases.map((f) => ({ value: f.id, label: facilityLabel(f) })) };
}
