/**
 * Builds parameterised SQL: `add(value)` stores the value and returns its placeholder (`$n`), so user
 * input never ends up inside the SQL text.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** `WHERE a AND b …`, or nothing when there are no conditions. */
export function whereSql(conditions: string[]): string {
  return conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
}

/** An ILIKE pattern that finds `q` anywhere, with `%`, `_` and `\` in `q` taken literally. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
