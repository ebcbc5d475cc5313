import { dictionary } from '@zxcvbn-ts/language-common';

/** A few passwords this application invites, beside zxcvbn-ts's list of common and leaked passwords. */
const LOCAL_LIST = [
  'jvtracker',
  'jv-tracker',
  'jv tracker',
  'jvtracker123',
  'jv-tracker-123',
  'jv-tracker-password',
  'password1234',
  'changeme123',
  'change-me-please',
  'administrator',
  'admin-password',
  'welcome12345',
  'qwertyuiop123',
];

let list: Set<string> | undefined;

/** The shipped list, lower-cased: @zxcvbn-ts/language-common `passwords-common` plus LOCAL_LIST. */
function breachedList(): Set<string> {
  list ??= new Set([...(dictionary['passwords-common'] as string[]), ...LOCAL_LIST].map((p) => p.toLowerCase()));
  return list;
}

/** True when the password is on the list (case-insensitive) or is the email's local part. */
export function isBreachedPassword(password: string, email?: string): boolean {
  const p = password.trim().toLowerCase();
  if (breachedList().has(p)) return true;
  const local = email?.trim().toLowerCase().split('@')[0];
  return !!local && p === local;
}
