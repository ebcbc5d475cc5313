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
