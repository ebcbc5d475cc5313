import { useMemo } from 'react';
import type { Option } from '../../../components/form-fields';
import { facilityLabel, partnerLabel, useFacilityOptions, usePartnerOptions } from '../../../lib/lookups';
import { useCurrentUser } from '../../../lib/session';

/** The partner countries that may supply: every partner but the host (Ukraine). */
export function useSupplierOptions(enabled = true) {
  const query = usePartnerOptions(enabled);
  return useMemo(() => {
    const partners = (query.data ?? []).filter((p) => p.role !== 'host');
    const options: Option[] = partners.map((p) => ({ value: p.id, label: partnerLabel(p) }));
    return { options, isPending: query.isPending && enabled, error: query.error };
  }, [query.data, query.isPending, query.error, enabled]);
}

/**
 * Where a request may be sent: repair workshops and depots — a workshop user's own facilities only.
 * `codeOf` names a facility id for labels.
 */
export function useDestinationOptions() {
  const user = useCurrentUser();
  const query = useFacilityOptions();
  return useMemo(() => {
    const facilities = (query.data ?? []).filter((f) => f.kind === 'repair_workshop' || f.kind === 'depot');
    const mine = user.role === 'workshop' ? facilities.filter((f) => user.facilityIds.includes(f.id)) : facilities;
    const options: Option[] = mine.map((f) => ({ value: f.id, label: facilityLabel(f) }));
    return { options, isPending: query.isPending, error: query.error };
  }, [query.data, query.isPending, query.error, user.role, user.facilityIds]);
}
