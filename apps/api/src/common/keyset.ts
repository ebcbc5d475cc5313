import type { Page } from '@jv/contracts';
import { ValidationFailed } from './errors';
import { decodeCursor, encodeCursor } from './pagination';
import type { SqlParams } from './sql';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A cursor of a list sorted by one text key then id: `[key, id]`. Anything else is a 400 on `cursor`. */
export function decodeKeyCursor(cursor: string): [string, string] {
  const v = decodeCursor<unknown[]>(cursor);
  if (v.length !== 2 || typeof v[0] !== 'string' || typeof v[1] !== 'string' || !UUID.test(v[1])) {
    throw new ValidationFailed([{ path: 'cursor', code: 'invalid_cursor' }]);
  }
  return [v[0], v[1]];
}

/**
 * The keyset condition "after the cursor" for `ORDER BY <keyExpr>, <idExpr>` (ascending), or null on
 * the first page. Uses a row comparison, which PostgreSQL answers from an index on (key, id).
 */
export function afterCursor(
  params: SqlParams,
  keyExpr: string,
  idExpr: string,
  cursor: string | undefined,
): string | null {
  if (!cursor) return null;
  const [key, id] = decodeKeyCursor(cursor);
  return `(${keyExpr}, ${idExpr}) > (${params.add(key)}, ${params.add(id)}::uuid)`;
}

/** Cuts the `limit + 1` rows a keyset query fetched into a page; the extra row only says "there is more". */
export function toPage<T>(rows: T[], limit: number, key: (item: T) => [string, string]): Page<T> {
  const items = rows.slice(0, limit);
  const more = rows.length > limit;
  return { items, nextCursor: more && items.length ? encodeCursor(key(items[items.length - 1])) : null };
}
