import type { EntityManager } from 'typeorm';

/** Tables a reference-data record may point at. */
export type ReferencedTable = 'partners' | 'joint_ventures' | 'system_models';

/**
 * The rows of `table` among `ids`, keyed by id (with the extra `columns` read). One query, so a
 * create or update can name each missing reference as a field error before writing anything.
 */
export async function findReferenced<R extends Record<string, unknown>>(
  m: EntityManager,
  table: ReferencedTable,
  ids: readonly string[],
  columns: readonly string[] = [],
): Promise<Map<string, R & { id: string }>> {
  if (ids.length === 0) return new Map();
  const extra = columns
    .filter((c) => /^[a-z_]+$/.test(c))
    .map((c) => `, "${c}"`)
    .join('');
  const rows: Array<R & { id: string }> = await m.query(
    `SELECT id::text AS id${extra} FROM "${table}" WHERE id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r]));
}
