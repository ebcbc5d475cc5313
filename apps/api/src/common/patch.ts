/** The listed keys of an object (for audit before/after of the fields that changed). */
export function pick<T extends object, K extends keyof T>(obj: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = obj[k];
  return out;
}

/**
 * The column assignments of a patch: for each changed field that maps to a column, `column → value`.
 * Fields without a column (child collections) are left to the caller.
 */
export function columnsOf(
  patch: object,
  changed: readonly PropertyKey[],
  columns: Readonly<Record<string, string>>,
): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  for (const k of changed) {
    const column = typeof k === 'string' && Object.hasOwn(columns, k) ? columns[k] : undefined;
    if (column) set[column] = (patch as Record<string, unknown>)[k as string];
  }
  return set;
}
