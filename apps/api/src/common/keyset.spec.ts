import { ValidationFailed } from './errors';
import { afterCursor, decodeKeyCursor, toPage } from './keyset';
import { encodeCursor } from './pagination';
import { SqlParams } from './sql';

const ID = '0b6c5f8e-2a57-4c1e-9d0a-3f7b1c2d4e5f';

describe('keyset helpers', () => {
  it('builds no condition on the first page', () => {
    const p = new SqlParams();
    expect(afterCursor(p, 'p.code', 'p.id', undefined)).toBeNull();
    expect(p.values).toEqual([]);
  });

  it('builds a parameterised row comparison after the cursor', () => {
    const p = new SqlParams();
    p.add('earlier');
    expect(afterCursor(p, 'p.code', 'p.id', encodeCursor(["DE'; DROP TABLE x; --", ID]))).toBe(
      '(p.code, p.id) > ($2, $3::uuid)',
    );
    expect(p.values).toEqual(['earlier', "DE'; DROP TABLE x; --", ID]);
  });

  it('refuses a cursor of the wrong shape with a field error on cursor', () => {
    for (const bad of [
      encodeCursor(['A']),
      encodeCursor(['A', 'not-a-uuid']),
      encodeCursor([1, ID]),
      encodeCursor(['A', ID, 3]),
    ]) {
      expect(() => decodeKeyCursor(bad)).toThrow(ValidationFailed);
    }
    const refused = (() => {
      try {
        decodeKeyCursor(encodeCursor(['A']));
      } catch (e) {
        return e as ValidationFailed;
      }
      throw new Error('a cursor of the wrong shape was accepted');
    })();
    expect(refused.errors).toEqual([{ path: 'cursor', code: 'invalid_cursor', message: 'Invalid cursor' }]);
  });

  it('pages: the extra row yields a cursor of the last item kept, no extra row yields none', () => {
    const rows = [
      { k: 'a', id: '1' },
      { k: 'b', id: '2' },
      { k: 'c', id: '3' },
    ];
    const page = toPage(rows, 2, (r) => [r.k, r.id]);
    expect(page.items).toEqual(rows.slice(0, 2));
    expect(page.nextCursor).toBe(encodeCursor(['b', '2']));
    expect(toPage(rows, 3, (r) => [r.k, r.id]).nextCursor).toBeNull();
    expect(toPage([], 3, (r: { k: string; id: string }) => [r.k, r.id])).toEqual({ items: [], nextCursor: null });
  });
});
