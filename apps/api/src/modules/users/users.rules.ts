import type { Role, UserResponse } from '@jv/contracts';
import type { FieldErrorInput } from '../../common/errors';

/** A `users` row as read with USER_COLUMNS (never the password hash). */
export interface UserRow {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  locale: UserResponse['locale'];
  facility_ids: string[] | null;
  partner_id: string | null;
  active: boolean;
  last_login_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export const USER_COLUMNS =
  'id, email, display_name, role, locale, facility_ids, partner_id, active, ' +
  'last_login_at, version, created_at, updated_at';

export interface UserScope {
  role: Role;
  facilityIds: string[];
  partnerId: string | null;
}

/** Scopes only mean something for the role that uses them: facilities for workshop, a partner for partner. */
export function normalizeScope(s: UserScope): UserScope {
  return {
    role: s.role,
    facilityIds: s.role === 'workshop' ? [...new Set(s.facilityIds)] : [],
    partnerId: s.role === 'partner' ? s.partnerId : null,
  };
}

/** What a role needs of its scope (the same rule the create contract refines). */
export function scopeErrors(s: UserScope): FieldErrorInput[] {
  const errors: FieldErrorInput[] = [];
  if (s.role === 'workshop' && s.facilityIds.length === 0)
    errors.push({ path: 'facilityIds', code: 'workshop_needs_facility' });
  if (s.role === 'partner' && !s.partnerId) errors.push({ path: 'partnerId', code: 'partner_needs_country' });
  return errors;
}

/** Field errors for facility ids that do not exist or are not repair workshops; `found` maps id → kind. */
export function facilityErrors(facilityIds: string[], found: ReadonlyMap<string, string>): FieldErrorInput[] {
  return facilityIds.flatMap((id, i): FieldErrorInput[] => {
    const kind = found.get(id);
    if (kind === undefined) return [{ path: `facilityIds.${i}`, code: 'not_found' }];
    if (kind !== 'repair_workshop') return [{ path: `facilityIds.${i}`, code: 'workshop_facility_only' }];
    return [];
  });
}

export const sameSet = (a: readonly string[], b: readonly string[]) => {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
};

/** Whether a change to a user must end their sessions: disabled, or another role or scope. */
export function mustRevokeSessions(
  before: UserScope & { active: boolean },
  after: UserScope & { active: boolean },
): boolean {
  return (
    (before.active && !after.active) ||
    before.role !== after.role ||
    before.partnerId !== after.partnerId ||
    !sameSet(before.facilityIds, after.facilityIds)
  );
}

/** Escapes LIKE wildcards so `q` matches literally. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function toUserResponse(r: UserRow): UserResponse {
  return {
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    role: r.role,
    locale: r.locale,
    facilityIds: r.facility_ids ?? [],
    partnerId: r.partner_id,
    active: r.active,
    lastLoginAt: r.last_login_at ? new Date(r.last_login_at).toISOString() : null,
    version: r.version,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}
