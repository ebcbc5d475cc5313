import type { ProblemDetails } from './common';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const optional = (value: unknown, type: 'string' | 'number') => value === undefined || typeof value === type;

/**
 * The same check as `problemDetailsSchema`, without zod: the web reads every error answer through it, and its first
 * page should not have to load and build zod schemas to do so (the schemas load with the forms that use them).
 */
export function readProblemDetails(value: unknown): ProblemDetails | undefined {
  if (!isRecord(value)) return undefined;
  const { type, title, status, errors, allowed } = value;
  if (typeof type !== 'string' || typeof title !== 'string' || !Number.isInteger(status)) return undefined;
  if (!['detail', 'instance', 'code', 'correlationId'].every((key) => optional(value[key], 'string'))) return undefined;
  if (allowed !== undefined && !(Array.isArray(allowed) && allowed.every((a) => typeof a === 'string'))) {
    return undefined;
  }
  const fieldOk = (e: unknown) =>
    isRecord(e) &&
    typeof e.path === 'string' &&
    typeof e.message === 'string' &&
    optional(e.code, 'string') &&
    (e.params === undefined || isRecord(e.params));
  if (errors !== undefined && !(Array.isArray(errors) && errors.every(fieldOk))) return undefined;
  return value as ProblemDetails;
}
