import { z } from 'zod';

/**
 * Every error code the API may answer, with its HTTP status and the parameters it carries beside
 * `code` in the problem details. The API can throw only these (`AppError` is typed against this
 * list), the OpenAPI document lists them per endpoint, and the web's uk/en messages are typed
 * against it: a code without a message in both languages fails the typecheck.
 */
export const errorCatalog = {
  VALIDATION_FAILED: { status: 400, params: z.object({}) },
  MALFORMED_BODY: { status: 400, params: z.object({}) },
  COMMENT_REQUIRED: { status: 400, params: z.object({}) },
  UNAUTHENTICATED: { status: 401, params: z.object({}) },
  BAD_CREDENTIALS: { status: 401, params: z.object({}) },
  /** the second factor's code or recovery code is wrong (or used) */
  MFA_CODE_INVALID: { status: 401, params: z.object({}) },
  /** no password step (or an expired one) before the second factor, or no pending enrolment to confirm */
  MFA_NOT_STARTED: { status: 401, params: z.object({}) },
  /** the session reaches only the auth endpoints until the user enrols a second factor / changes the password */
  SETUP_REQUIRED: { status: 403, params: z.object({ setupRequired: z.array(z.string()) }) },
  FORBIDDEN: { status: 403, params: z.object({}) },
  NOT_FOUND: { status: 404, params: z.object({}) },
  METHOD_NOT_ALLOWED: { status: 405, params: z.object({}) },
  STALE_VERSION: { status: 409, params: z.object({ currentVersion: z.number().int().optional() }) },
  DUPLICATE: { status: 409, params: z.object({}) },
  INVALID_TRANSITION: {
    status: 409,
    params: z.object({ from: z.string(), to: z.string(), allowed: z.array(z.string()) }),
  },
  WORK_LOG_REQUIRED: { status: 409, params: z.object({}) },
  FOUR_EYES: { status: 409, params: z.object({}) },
  JOB_CLOSED: { status: 409, params: z.object({ jobNumber: z.string() }) },
  /** a sign-off is asked for only while the job is in quality_check */
  NOT_AWAITING_SIGN_OFF: { status: 409, params: z.object({ jobStatus: z.string() }) },
  OPEN_JOB_EXISTS: { status: 409, params: z.object({ jobNumber: z.string().optional() }) },
  SYSTEM_NOT_REPAIRABLE: { status: 409, params: z.object({ systemStatus: z.string() }) },
  SYSTEM_WRITTEN_OFF: { status: 409, params: z.object({}) },
  /** a return to `operational` from degraded/in_repair/awaiting_parts goes through a repair job (four eyes) */
  STATUS_NEEDS_REPAIR_JOB: { status: 409, params: z.object({ from: z.string(), to: z.string() }) },
  DUPLICATE_USAGE_DAY: { status: 409, params: z.object({ date: z.string() }) },
  INVALID_STATUS_CHANGE: {
    status: 409,
    params: z.object({ from: z.string(), to: z.string(), allowed: z.array(z.string()).optional() }),
  },
  STATUS_FOLLOWS_JOB: {
    status: 409,
    params: z.object({ jobNumber: z.string(), allowed: z.array(z.string()).optional() }),
  },
  IDEMPOTENCY_IN_PROGRESS: { status: 409, params: z.object({}) },
  INCOMPATIBLE_COMPONENT: { status: 409, params: z.object({}) },
  SCHEDULE_CONFLICT: {
    status: 409,
    params: z.object({ conflicts: z.array(z.object({ kind: z.string() }).catchall(z.unknown())) }),
  },
  INSTRUCTOR_NOT_QUALIFIED: { status: 409, params: z.object({ personIds: z.array(z.string()) }) },
  RESULTS_MISSING: { status: 409, params: z.object({ missing: z.number().int() }) },
  COHORT_CLOSED: { status: 409, params: z.object({ cohortStatus: z.string() }) },
  OVER_DELIVERY: { status: 409, params: z.object({ remaining: z.number().int() }) },
  /** `requestStatus`, not `status`: that member of problem details is the HTTP status */
  NOT_RECEIVING: { status: 409, params: z.object({ requestStatus: z.string() }) },
  REQUEST_LOCKED: { status: 409, params: z.object({ requestStatus: z.string() }) },
  PARTS_EXCEED_DELIVERED: { status: 409, params: z.object({ available: z.number().int() }) },
  /** a job holds at most `limit` photos */
  PHOTO_LIMIT_REACHED: { status: 409, params: z.object({ limit: z.number().int() }) },
  /** only a draft is recomputed */
  REPORT_NOT_DRAFT: { status: 409, params: z.object({ reportStatus: z.string() }) },
  /** releases are recorded for published reports only */
  REPORT_NOT_PUBLISHED: { status: 409, params: z.object({ reportStatus: z.string() }) },
  IDEMPOTENCY_KEY_REUSED: { status: 422, params: z.object({}) },
  PAYLOAD_TOO_LARGE: { status: 413, params: z.object({}) },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, params: z.object({}) },
  TOO_MANY_REQUESTS: { status: 429, params: z.object({ retryAfterSeconds: z.number().int() }) },
  INTERNAL: { status: 500, params: z.object({}) },
  SERVICE_UNAVAILABLE: { status: 503, params: z.object({}) },
  /** PostgreSQL does not answer; retry after `Retry-After` seconds */
  DATABASE_UNAVAILABLE: { status: 503, params: z.object({ retryAfterSeconds: z.number().int() }) },
} as const satisfies Record<string, { status: number; params: z.ZodObject }>;

export type ErrorCode = keyof typeof errorCatalog;
export type ErrorParams<C extends ErrorCode> = z.infer<(typeof errorCatalog)[C]['params']>;
export const errorCodes = Object.keys(errorCatalog) as ErrorCode[];

export const isErrorCode = (code: unknown): code is ErrorCode =>
  typeof code === 'string' && Object.hasOwn(errorCatalog, code);

/** The codes every signed-in endpoint may answer, whatever it does. */
export const commonErrorCodes = ['UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'TOO_MANY_REQUESTS'] as const;

/**
 * Why one field was refused. The zod issue codes (with their parameters: `minimum`, `maximum`,
 * `origin`, `format`, `expected`…) plus the rules the contracts and services state by name.
 * The web turns `{ code, params }` into a uk/en sentence; `message` is English for API clients.
 */
export const fieldRuleCodes = [
  // zod's own issue codes
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
  // named rules
  'required',
  'not_found',
  'duplicate',
  'listed_twice',
  'in_future',
  'before_job_opened',
  'invalid_cursor',
  'serial_chars',
  'code_chars',
  'country_code',
  'part_number_chars',
  'barrel_efc_over_total',
  'workshop_needs_facility',
  'partner_needs_country',
  'workshop_needs_bays',
  'training_base_needs_seats',
  'interval_required',
  'period_reversed',
  'period_too_long',
  'repair_workshop_only',
  'incompatible_component',
  'barrel_serial_required',
  'barrel_serial_not_expected',
  'comment_required',
  'idempotency_key_format',
  'in_use',
  'whole_number',
  'not_eligible_technician',
  'host_not_partner',
  'workshop_facility_only',
  'own_admin_role',
  'own_account_active',
  // CSV import rows
  'csv_parse',
  'empty_file',
  'field_count',
  'unknown_column',
  'column_twice',
  'missing_column',
  'unknown_reference',
  'unknown_status',
  'efc_format',
  'too_long',
  'serial_repeats',
  'serial_registered',
  // component requests and supply plans
  'component_or_model',
  'in_past',
  'destination_kind',
  // training
  'service_number_chars',
  'training_base_only',
  'over_course_seats',
  // partner reports
  'report_period',
  'period_in_future',
  // accounts
  'password_breached',
  'password_wrong',
  'password_unchanged',
  // photos
  'image_type',
  'content_type_mismatch',
] as const;
export type FieldRuleCode = (typeof fieldRuleCodes)[number];
export const isFieldRuleCode = (code: unknown): code is FieldRuleCode =>
  typeof code === 'string' && (fieldRuleCodes as readonly string[]).includes(code);

/** One refused field: where, which rule, its parameters, and an English sentence for API clients. */
export const fieldErrorSchema = z.object({
  path: z.string(),
  code: z.enum(fieldRuleCodes),
  message: z.string(),
  params: z.record(z.string(), z.unknown()).optional(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

let ruleText: (code: FieldRuleCode) => string = (code) => code;

/**
 * The web sets how a named rule reads in the user's language; on the server the message stays
 * the rule's code, which the API reads back with `isFieldRuleCode`.
 */
export function setFieldRuleText(fn: (code: FieldRuleCode) => string): void {
  ruleText = fn;
}

/** Names a contract rule on a check: `z.string().regex(re, rule('serial_chars'))`. */
export const rule = (code: FieldRuleCode) => ({ error: () => ruleText(code) });

/** The text of a named rule, for `ctx.addIssue` in a refinement (evaluated while validating). */
export const ruleMessage = (code: FieldRuleCode): string => ruleText(code);
