import type {
  ListAuditQuery,
  ListComponentsQuery,
  ListFacilitiesQuery,
  ListJointVenturesQuery,
  ListPartnersQuery,
  ListSystemModelsQuery,
  ListUnitsQuery,
  ListUsersQuery,
} from '@jv/contracts';

/** The filters of a list, without the paging parameters (those belong to the infinite query). */
export type ListFilters<Q> = Omit<Q, 'limit' | 'cursor'>;

/**
 * Query keys from generic to specific (TkDodo, "Effective React Query Keys"):
 * `all → lists() → list(filters)`, `all → details() → detail(id)`, plus `options()` for the
 * short lists behind selects. A mutation invalidates `all` (or `lists()`) and every view refreshes.
 * They live here, not in one feature, because several features read the same resources.
 */
function createKeys<F>(resource: string) {
  const all = [resource] as const;
  return {
    all,
    lists: () => [...all, 'list'] as const,
    list: (filters: F) => [...all, 'list', filters] as const,
    options: () => [...all, 'options'] as const,
    details: () => [...all, 'detail'] as const,
    detail: (id: string) => [...all, 'detail', id] as const,
  };
}

export const partnerKeys = createKeys<ListFilters<ListPartnersQuery>>('partners');
export const jointVentureKeys = createKeys<ListFilters<ListJointVenturesQuery>>('joint-ventures');
export const facilityKeys = createKeys<ListFilters<ListFacilitiesQuery>>('facilities');
export const systemModelKeys = createKeys<ListFilters<ListSystemModelsQuery>>('system-models');
export const componentKeys = createKeys<ListFilters<ListComponentsQuery>>('components');
export const unitKeys = createKeys<ListFilters<ListUnitsQuery>>('units');
export const userKeys = createKeys<ListFilters<ListUsersQuery>>('users');
export const auditKeys = createKeys<ListFilters<ListAuditQuery>>('audit-log');
export const sessionKeys = { all: ['session'] as const, me: () => ['session', 'me'] as const };
