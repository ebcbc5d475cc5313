import type { CurrentUser, Role } from '@jv/contracts';

/** The user columns a CurrentUser is built from (table alias `u`). */
export const CURRENT_USER_COLUMNS = `u.id, u.email, u.display_name, u.role, u.locale, u.facility_ids, u.partner_id,
  u.must_change_password, (u.totp_secret IS NOT NULL) AS mfa_enrolled`;

export interface CurrentUserRow {
  id: string;
  email: string;
  display_name: string;
  role: CurrentUser['role'];
  locale: CurrentUser['locale'];
  facility_ids: string[] | null;
  partner_id: string | null;
  must_change_password: boolean;
  mfa_enrolled: boolean;
}

/** What the user must do before the session reaches anything beyond the auth endpoints. */
export function setupRequired(
  row: Pick<CurrentUserRow, 'role' | 'must_change_password' | 'mfa_enrolled'>,
  mfaRequiredRoles: ReadonlyArray<Role>,
): CurrentUser['setupRequired'] {
  const due: CurrentUser['setupRequired'] = [];
  if (!row.mfa_enrolled && mfaRequiredRoles.includes(row.role)) due.push('mfa');
  if (row.must_change_password) due.push('password');
  return due;
}

export function toCurrentUser(row: CurrentUserRow, mfaRequiredRoles: ReadonlyArray<Role>): CurrentUser {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    locale: row.locale,
    facilityIds: row.facility_ids ?? [],
    partnerId: row.partner_id,
    mfaEnrolled: row.mfa_enrolled,
    setupRequired: setupRequired(row, mfaRequiredRoles),
  };
}
