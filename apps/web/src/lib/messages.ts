import { type ErrorCode, isFieldRuleCode } from '@jv/contracts';
import { cohortStatuses, componentRequestStatuses, partnerReportStatuses, repairJobStatuses } from '@jv/domain';
import type { TFunction } from 'i18next';
import { isApiError } from './is-api-error';

/**
 * Turns the server's coded answers into the user's language: an `ApiError` (its code and the code's
 * parameters) and a field error (a rule's code and parameters, or one of zod's checks). Nothing the
 * server wrote in English reaches the screen; a code is always shown through the uk/en catalogues
 * in i18n/messages.*.ts, which are typed against the contracts' lists.
 */

type StateGroup =
  | 'repairJobs.status'
  | 'componentRequests.status'
  | 'systems.status'
  | 'training.cohortStatus'
  | 'partnerReports.status';

/**
 * Parameters that name states are shown with their labels. Repair jobs and component requests share
 * INVALID_TRANSITION: the states it names tell which workflow refused (`workflow`).
 */
const STATE_PARAMS: Partial<Record<ErrorCode, { keys: string[]; group: StateGroup | 'workflow' }>> = {
  INVALID_TRANSITION: { keys: ['from', 'to', 'allowed'], group: 'workflow' },
  INVALID_STATUS_CHANGE: { keys: ['from', 'to', 'allowed'], group: 'systems.status' },
  SYSTEM_NOT_REPAIRABLE: { keys: ['systemStatus'], group: 'systems.status' },
  NOT_AWAITING_SIGN_OFF: { keys: ['jobStatus'], group: 'repairJobs.status' },
  NOT_RECEIVING: { keys: ['requestStatus'], group: 'componentRequests.status' },
  REQUEST_LOCKED: { keys: ['requestStatus'], group: 'componentRequests.status' },
  COHORT_CLOSED: { keys: ['cohortStatus'], group: 'training.cohortStatus' },
  REPORT_NOT_DRAFT: { keys: ['reportStatus'], group: 'partnerReports.status' },
  REPORT_NOT_PUBLISHED: { keys: ['reportStatus'], group: 'partnerReports.status' },
};

const repairJobStates = new Set<string>(repairJobStatuses);
/** States only a component request has (both workflows have `cancelled`). */
const requestOnlyStates = new Set<string>(componentRequestStatuses.filter((s) => !repairJobStates.has(s)));
/** States only a training cohort has (`planned`, `enrolling`…). */
const cohortOnlyStates = new Set<string>(
  cohortStatuses.filter((s) => !repairJobStates.has(s) && !componentRequestStatuses.some((r) => r === s)),
);

/** States only a partner report has (`published`, `discarded`). */
const reportOnlyStates = new Set<string>(
  partnerReportStatuses.filter((s) => !repairJobStates.has(s) && !componentRequestStatuses.some((r) => r === s)),
);

/** The workflow whose states an INVALID_TRANSITION names: a request's when any of them is a request-only state. */
function workflowGroup(params: Record<string, unknown>, keys: string[]): StateGroup {
  const values = keys.flatMap((key) => (Array.isArray(params[key]) ? params[key] : [params[key]]));
  if (values.some((v) => reportOnlyStates.has(String(v)))) return 'partnerReports.status';
  if (values.some((v) => cohortOnlyStates.has(String(v)))) return 'training.cohortStatus';
  return values.some((v) => requestOnlyStates.has(String(v))) ? 'componentRequests.status' : 'repairJobs.status';
}

type LooseT = (key: string, options?: Record<string, unknown>) => string;
const loose = (t: TFunction): LooseT => t as unknown as LooseT;

function label(t: LooseT, group: string, value: unknown): string {
  if (Array.isArray(value)) return value.length ? value.map((v) => label(t, group, v)).join(', ') : '—';
  return t(`${group}.${String(value)}`, { defaultValue: String(value) });
}

const SCHEDULE_CONFLICT_KINDS = new Set(['base_capacity', 'instructor_busy', 'trainee_busy', 'cohort_full']);
const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/**
 * SCHEDULE_CONFLICT's `conflicts`, one clause each in the user's language: the base over capacity on a
 * day (seats of capacity), the instructor or trainee booked in another cohort (by name and cohort code),
 * the cohort full. A name the user may not see is left out of its clause.
 */
function conflictList(t: LooseT, conflicts: unknown): string {
  if (!Array.isArray(conflicts) || conflicts.length === 0) return t('scheduleConflicts.unknown');
  return conflicts
    .map((raw: unknown) => {
      const c = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
      const kind = SCHEDULE_CONFLICT_KINDS.has(String(c['kind'])) ? String(c['kind']) : 'unknown';
      return t(`scheduleConflicts.${kind}`, {
        day: text(c['day']),
        seats: text(c['seats']),
        capacity: text(c['capacity']),
        person: text(c['personName']),
        cohort: text(c['cohortCode']),
      })
        .replace(/\s{2,}/g, ' ')
        .replace(/\s+([,:;)])/g, '$1')
        .trim();
    })
    .join('; ');
}

/** A sentence for any error the API client throws (or anything else: a generic sentence). */
export function errorMessage(t: TFunction, error: unknown): string {
  const tr = loose(t);
  if (!isApiError(error)) return tr('errors.generic');
  if (error.isNetworkError) return tr('errorCodes.NETWORK_ERROR');
  const code = error.code;
  if (!code) return error.status >= 500 ? tr('errorCodes.INTERNAL') : tr('errors.generic');
  const params: Record<string, unknown> = { ...error.params };
  const states = STATE_PARAMS[code as ErrorCode];
  if (states) {
    const group = states.group === 'workflow' ? workflowGroup(params, states.keys) : states.group;
    for (const key of states.keys) params[key] = label(tr, group, params[key]);
  }
  if (code === 'SCHEDULE_CONFLICT') params['conflictList'] = conflictList(tr, params['conflicts']);
  if (code === 'TOO_MANY_REQUESTS')
    params['minutes'] = Math.max(1, Math.ceil(Number(params['retryAfterSeconds'] ?? 60) / 60));
  for (const key of ['jobNumber']) if (params[key] === undefined) params[key] = '';
  return tr(`errorCodes.${code}`, params).replace(/\s+([.:])/g, '$1');
}

interface IssueLike {
  code: string;
  params?: Record<string, unknown>;
}

const num = (v: unknown) => (typeof v === 'bigint' ? Number(v) : v);

/** A sentence for one refused field, from its code and parameters (server field errors and zod issues). */
export function fieldMessage(t: TFunction, { code, params = {} }: IssueLike): string {
  const tr = loose(t);
  const origin = params['origin'];
  const minimum = num(params['minimum']);
  const maximum = num(params['maximum']);
  const inclusive = params['inclusive'] !== false;
  switch (code) {
    case 'too_small':
      if (origin === 'string')
        return Number(minimum) <= 1 ? tr('fieldRules.required') : tr('fieldChecks.minChars', { minimum });
      if (origin === 'number' || origin === 'bigint' || origin === 'int')
        return tr(inclusive ? 'fieldChecks.minNumber' : 'fieldChecks.minNumberExclusive', { minimum });
      if (origin === 'array' || origin === 'set') return tr('fieldChecks.minItems', { minimum });
      if (origin === 'date') return tr('fieldChecks.minDate', { minimum });
      return tr('fieldRules.too_small');
    case 'too_big':
      if (origin === 'string') return tr('fieldChecks.maxChars', { maximum });
      if (origin === 'number' || origin === 'bigint' || origin === 'int')
        return tr(inclusive ? 'fieldChecks.maxNumber' : 'fieldChecks.maxNumberExclusive', { maximum });
      if (origin === 'array' || origin === 'set') return tr('fieldChecks.maxItems', { maximum });
      if (origin === 'date') return tr('fieldChecks.maxDate', { maximum });
      return tr('fieldRules.too_big');
    case 'invalid_type':
      if (params['expected'] === 'number' || params['expected'] === 'int') return tr('fieldChecks.number');
      return tr('fieldRules.invalid_type');
    case 'invalid_format': {
      const format = params['format'];
      if (format === 'email' || format === 'uuid' || format === 'date' || format === 'datetime')
        return tr(`fieldChecks.${format}`);
      return tr('fieldRules.invalid_format');
    }
    case 'not_multiple_of':
      return tr('fieldRules.not_multiple_of', { divisor: num(params['divisor']) });
    case 'unrecognized_keys':
      return tr('fieldRules.unrecognized_keys', {
        keys: Array.isArray(params['keys']) ? params['keys'].join(', ') : '',
      });
    default:
      return isFieldRuleCode(code) ? tr(`fieldRules.${code}`, params) : tr('fieldRules.custom');
  }
}

/** The parameters a zod issue carries, as the server sends them beside a field error's code. */
export function issueParams(issue: object): Record<string, unknown> {
  const raw = issue as Record<string, unknown>;
  const params: Record<string, unknown> = {};
  for (const key of ['minimum', 'maximum', 'inclusive', 'origin', 'expected', 'format', 'values', 'divisor', 'keys']) {
    if (raw[key] !== undefined) params[key] = num(raw[key]);
  }
  return params;
}
