import { columnsOf, pick } from './patch';

describe('patch helpers', () => {
  it('picks the listed keys', () => {
    expect(pick({ a: 1, b: 2, c: 3 }, ['a', 'c'])).toEqual({ a: 1, c: 3 });
  });

  it('maps changed fields to columns and skips fields without one', () => {
    const patch = { caliberMm: 155, designation: 'X', compatibleModelIds: ['m'] };
    expect(
      columnsOf(patch, ['caliberMm', 'compatibleModelIds'], { caliberMm: 'caliber_mm', designation: 'designation' }),
    ).toEqual({ caliber_mm: 155 });
  });
});
