import { type FieldRuleCode, isFieldRuleCode } from '@jv/contracts';
import type { z } from 'zod';

/** English sentences for the named field rules, for API clients; the web has its own uk/en texts. */
const ENGLISH: Partial<Record<FieldRuleCode, string>> = {
  required: 'Required',
  not_found: 'No such record',
  duplicate: 'Already in use',
  listed_twice: 'Listed more than once',
  in_future: 'Cannot be in the future',
  before_job_opened: 'Cannot be dated before the job was opened',
  invalid_cursor: 'Invalid cursor',
  serial_chars: 'Letters, digits, dots, slashes or dashes',
  code_chars: '2–20 letters, digits or dashes',
  country_code: 'ISO 3166 alpha-2 code, two letters',
  part_number_chars: '2–40 letters, digits, dots, slashes or dashes',
  barrel_efc_over_total: 'Barrel EFC cannot exceed total EFC',
  workshop_needs_facility: 'A workshop user needs at least one facility',
  partner_needs_country: 'A partner user needs a partner country',
  workshop_needs_bays: 'A repair workshop needs at least one repair bay',
  training_base_needs_seats: 'A training base needs at least one training seat',
  interval_required: 'Give an interval in days, in EFC, or both',
  period_reversed: 'The period starts after it ends',
  period_too_long: 'The period is too long',
  repair_workshop_only: 'Only at a repair workshop',
  incompatible_component: "This component does not fit the system's model",
  barrel_serial_required: 'Completing a barrel change needs the new barrel serial',
  barrel_serial_not_expected: 'Only given when completing a barrel change job',
  comment_required: 'A comment is required',
  idempotency_key_format: '8–200 letters, digits, dashes, underscores, colons or dots',
  in_use: 'Still in use',
  whole_number: 'A whole number',
  not_eligible_technician: 'Not an active workshop user at this facility',
  host_not_partner: 'The host country is not a foreign partner',
  workshop_facility_only: 'Workshop users can only be assigned to repair workshops',
  own_admin_role: 'You cannot remove your own admin role',
  own_account_active: 'You cannot disable your own account',
  csv_parse: 'The CSV cannot be read here',
  empty_file: 'The file is empty: a header row is required',
  field_count: 'The row has a different number of fields than the header',
  unknown_column: 'Unknown column',
  column_twice: 'The column appears twice',
  missing_column: 'Missing column',
  unknown_reference: 'Unknown reference',
  unknown_status: 'Unknown status',
  efc_format: 'Expected a number from 0 to 1000000 with at most 2 decimals (e.g. 1250.5)',
  too_long: 'Too long',
  serial_repeats: 'The serial number repeats an earlier line for the same model',
  serial_registered: 'The serial number is already registered for this model',
  component_or_model: 'Name a component or a system model, not both',
  in_past: 'Cannot be in the past',
  destination_kind: 'Only a repair workshop or a depot',
  service_number_chars: '4–20 letters, digits or dashes',
  training_base_only: 'Only a training base',
  over_course_seats: "More seats than the course's",
  report_period: 'A month (2026-10) or a quarter (2026-Q3)',
  period_in_future: 'This period has not started yet',
  password_breached: 'This password is on a list of common or leaked passwords',
  password_wrong: 'The current password is wrong',
  password_unchanged: 'The new password must differ from the current one',
  image_type: 'Not a JPEG, PNG or WebP image',
  content_type_mismatch: 'The Content-Type is not what the bytes are',
};

export const englishFieldMessage = (code: FieldRuleCode, params?: Record<string, unknown>): string => {
  const text = ENGLISH[code];
  if (text)
    return code === 'period_too_long' && params?.['maximum'] ? `The period is at most ${params['maximum']} days` : text;
  return 'Invalid value';
};

/** The parameters of a zod issue that a message needs (bounds, expected type, format, allowed values). */
const PARAM_KEYS = [
  'minimum',
  'maximum',
  'inclusive',
  'origin',
  'expected',
  'format',
  'values',
  'divisor',
  'keys',
] as const;

/**
 * zod issues → coded field errors: a rule named in the contract (`rule('serial_chars')`) keeps its
 * code; a built-in check keeps zod's code and parameters (`too_small` with `minimum` and `origin`…);
 * a missing value is `required`.
 */
export function fieldErrorsFromIssues(issues: readonly z.core.$ZodIssue[]) {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(body)';
    if (isFieldRuleCode(issue.message) && !isZodCode(issue.message)) {
      return { path, code: issue.message, message: englishFieldMessage(issue.message) };
    }
    const raw = issue as unknown as Record<string, unknown>;
    if (issue.code === 'invalid_type' && raw['input'] === undefined) {
      return { path, code: 'required' as const, message: 'Required' };
    }
    const params: Record<string, unknown> = {};
    for (const key of PARAM_KEYS) {
      const value = raw[key];
      if (value === undefined) continue;
      params[key] = typeof value === 'bigint' ? Number(value) : value;
    }
    return { path, code: issue.code, message: issue.message, ...(Object.keys(params).length ? { params } : {}) };
  });
}

const ZOD_CODES = new Set([
  'invalid_type',
  'too_small',
  'too_big',
  'invalid_format',
  'not_multiple_of',
  'unrecognized_keys',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'invalid_value',
  'custom',
]);
const isZodCode = (code: string) => ZOD_CODES.has(code);
