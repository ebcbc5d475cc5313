import { useMemo } from 'react';
import type { Option } from '../../../components/form-fields';
import { useCurrentUser } from '../../../lib/session';
import { useWorkshopFacilities } from '../api/get-workshop-facilities';

/**
 * The repair workshops a user picks from: a workshop user only its own facilities (in the order of its
 * scope), everybody else every repair workshop. `codeOf` names a facility id for labels.
 */
export function useJobFacilityOptions() {
  const user = useCurrentUser();
  const query = useWorkshopFacilities();
  return useMemo(() => {
    const facilities = query.data ?? [];
    const byId = new Map(facilities.map((f) => [f.id, f]));
    const label = (id: string) => {
      const f = byId.get(id);
      return f ? `${f.code} — ${f.name}` : id;
    };
    const ids = user.role === 'workshop' ? user.facilityIds : facilities.map((f) => f.id);
    const options: Option[] = ids.map((id) => ({ value: id, label: label(id) }));
    return {
      options,
      isPending: query.isPending && user.role !== 'workshop',
      error: query.error,
      codeOf: (id: string) => byId.get(id)?.code ?? id,
    };
  }, [query.data, query.isPending, query.error, user.role, user.facilityIds]);
}
