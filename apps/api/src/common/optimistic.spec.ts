import type { EntityManager } from 'typeorm';
import { NotFound, StaleVersion } from './errors';
import { returnedRows, updateVersioned } from './optimistic';

/** A stand-in EntityManager answering like TypeORM 1.1.1 on PostgreSQL: UPDATE → [rows, rowCount]. */
function fakeManager(updateRows: object[], current: object | undefined) {
  const calls: Array<{ sql: string; params: unknown[] }> = [];
  const m = {
    query: async (sql: string, params: unknown[]) => {
      calls.push({ sql, params });
      return sql.startsWith('UPDATE') ? [updateRows, updateRows.length] : current ? [current] : [];
    },
  } as unknown as EntityManager;
  return { m, calls };
}

describe('returnedRows', () => {
  it('takes the rows out of TypeORM’s [rows, rowCount] for UPDATE', () => {
    expect(returnedRows([[{ id: 'a' }], 1])).toEqual([{ id: 'a' }]);
    expect(returnedRows([[], 0])).toEqual([]);
  });
  it('accepts a plain row array and refuses anything else', () => {
    expect(returnedRows([{ id: 'a' }])).toEqual([{ id: 'a' }]);
    expect(() => returnedRows(undefined)).toThrow();
    expect(() => returnedRows([1, 2])).toThrow();
  });
});

describe('updateVersioned', () => {
  it('updates with the version in the WHERE clause and returns the row', async () => {
    const { m, calls } = fakeManager([{ id: 'x', version: 4 }], undefined);
    await expect(updateVersioned(m, 'units', 'x', 3, { name: 'New' })).resolves.toEqual({ id: 'x', version: 4 });
    expect(calls[0].sql).toMatch(
      /SET "name" = \$3, version = version \+ 1, updated_at = now\(\)\s+WHERE id = \$1 AND version = \$2 RETURNING \*/,
    );
    expect(calls[0].params).toEqual(['x', 3, 'New']);
  });

  it('answers STALE_VERSION when the row exists with another version', async () => {
    const { m } = fakeManager([], { version: 5 });
    await expect(updateVersioned(m, 'units', 'x', 3, { name: 'New' })).rejects.toBeInstanceOf(StaleVersion);
  });

  it('answers NOT_FOUND when the row is gone', async () => {
    const { m } = fakeManager([], undefined);
    await expect(updateVersioned(m, 'units', 'x', 3, {}, 'Unit')).rejects.toBeInstanceOf(NotFound);
  });

  it('refuses identifiers that are not plain column names', async () => {
    const { m } = fakeManager([], undefined);
    await expect(updateVersioned(m, 'units', 'x', 1, { 'name" = 1; --': 'x' })).rejects.toThrow(/bad identifier/);
    await expect(updateVersioned(m, 'units', 'x', 1, { version: 9 })).rejects.toThrow(/bad identifier/);
  });
});
