import type { EntityManager } from 'typeorm';
import { NotFound, StaleVersion } from './errors';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * The rows of an `UPDATE … RETURNING` sent through `EntityManager.query`. TypeORM 1.1.1's
 * PostgresQueryRunner answers UPDATE and DELETE with `[rows, rowCount]` (every other command with
 * `rows`), so the rows are the first element; a plain row array is accepted too.
 */
export function returnedRows<T>(raw: unknown): T[] {
  if (Array.isArray(raw) && raw.length === 2 && Array.isArray(raw[0]) && typeof raw[1] === 'number')
    return raw[0] as T[];
  if (Array.isArray(raw) && raw.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r)))
    return raw as T[];
  throw new Error('Unexpected result shape from UPDATE … RETURNING');
}

/**
 * Optimistic locking done right for TypeORM 1.x (whose @VersionColumn does not stop lost updates):
 * `UPDATE … SET …, version = version + 1 WHERE id = :id AND version = :v RETURNING *`.
 * No row back means the record is gone (404) or someone else saved first (409 STALE_VERSION).
 *
 * `set` maps column names (snake_case, as in the table) to new values; pass only what changes. An
 * empty `set` still bumps the version (e.g. when only a child collection was replaced).
 * `table` and the column names come from code, never from a request; they are checked anyway.
 */
export async function updateVersioned<T = Record<string, unknown>>(
  m: EntityManager,
  table: string,
  id: string,
  version: number,
  set: Record<string, unknown>,
  what = 'Record',
): Promise<T> {
  const cols = Object.keys(set);
  for (const name of [table, ...cols]) {
    if (!IDENTIFIER.test(name) || name === 'version' || name === 'updated_at')
      throw new Error(`updateVersioned: bad identifier ${name}`);
  }
  const params: unknown[] = [id, version, ...cols.map((c) => set[c])];
  const assignments = cols.map((c, i) => `"${c}" = $${i + 3}`);
  const rows = returnedRows<T>(
    await m.query(
      `UPDATE "${table}" SET ${[...assignments, 'version = version + 1', 'updated_at = now()'].join(', ')}
      WHERE id = $1 AND version = $2 RETURNING *`,
      params,
    ),
  );
  if (rows.length === 1) return rows[0];
  const [current] = await m.query(`SELECT version FROM "${table}" WHERE id = $1`, [id]);
  if (!current) throw new NotFound(what);
  throw new StaleVersion(current.version);
}
