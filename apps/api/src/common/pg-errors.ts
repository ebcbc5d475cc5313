import { AppError, fieldErrors, ValidationFailed } from './errors';

interface PgError {
  code?: string;
  detail?: string;
  constraint?: string;
}

/** The PostgreSQL error behind a TypeORM QueryFailedError (or a bare pg error), if any. */
function pgError(e: unknown): PgError | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const inner = (e as { driverError?: unknown }).driverError;
  const err = (typeof inner === 'object' && inner !== null ? inner : e) as PgError;
  return typeof err.code === 'string' && /^[0-9A-Z]{5}$/.test(err.code) ? err : undefined;
}

/** A unique violation (23505), of the named constraint when given. */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const pg = pgError(e);
  return pg?.code === '23505' && (constraint === undefined || pg.constraint === constraint);
}

const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * Turns a unique violation (23505) into 409 DUPLICATE and a foreign-key violation (23503) into a 400,
 * each naming the field. The field comes from PostgreSQL's detail (`Key (part_number)=(…)`), camelCased,
 * unless `fields` maps the column to another path. Any other error is returned unchanged.
 */
export function translatePgError(e: unknown, fields: Record<string, string> = {}): unknown {
  const pg = pgError(e);
  if (!pg || (pg.code !== '23505' && pg.code !== '23503')) return e;
  const column = /Key \(([^)]+)\)=/.exec(pg.detail ?? '')?.[1];
  const path = column ? (fields[column] ?? (column.includes(',') ? '(body)' : camel(column))) : '(body)';
  if (pg.code === '23505') {
    return new AppError('DUPLICATE', {}, `A record with this ${path} already exists`, {
      errors: fieldErrors([{ path, code: 'duplicate' }]),
    });
  }
  return new ValidationFailed([{ path, code: 'not_found' }]);
}

/** Runs `fn` and rethrows database constraint violations as field errors (see translatePgError). */
export async function withConstraintErrors<T>(fn: () => Promise<T>, fields: Record<string, string> = {}): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw translatePgError(e, fields);
  }
}

/** Seconds a client should wait before retrying while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN']);
const CONNECTION_MESSAGE = new RegExp(
  [
    'connection terminated',
    'timeout exceeded when trying to connect',
    'connection timeout',
    'client has encountered a connection error',
    'cannot use a pool after calling end',
    'connection (?:is )?closed',
    'the database system is (?:starting up|shutting down|in recovery mode)',
    'terminating connection due to administrator command',
  ].join('|'),
  'i',
);

/**
 * True when the error says the database cannot be reached (refused or dropped connection, server shut
 * down or starting, pool timeout), not that a query was wrong: the request may succeed on a retry.
 * Reads TypeORM's QueryFailedError (driverError), pg's errors and Node's socket errors (errno codes).
 */
export function isDatabaseUnavailable(e: unknown, depth = 0): boolean {
  if (typeof e !== 'object' || e === null || depth > 4) return false;
  const err = e as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
  const code = typeof err.code === 'string' ? err.code : '';
  // 08xxx connection exception, 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now
  if (/^08[0-9A-Z]{3}$/.test(code) || code === '57P01' || code === '57P02' || code === '57P03') return true;
  if (CONNECTION_ERRNOS.has(code)) return true;
  if (typeof err.message === 'string' && CONNECTION_MESSAGE.test(err.message)) return true;
  if (Array.isArray(err.errors) && err.errors.some((x) => isDatabaseUnavailable(x, depth + 1))) return true;
  return isDatabaseUnavailable(err.driverError, depth + 1) || isDatabaseUnavailable(err.cause, depth + 1);
}
