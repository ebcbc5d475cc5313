import { changedFields } from './optimistic-lock';

describe('changedFields', () => {
  it('lists only fields whose value differs', () => {
    expect(changedFields({ a: 1, b: 'x', c: [1, 2] }, { a: 1, b: 'y', c: [1, 2] })).toEqual(['b']);
  });
  it('ignores undefined patch values and compares arrays by value', () => {
    expect(changedFields({ a: 1, c: [1] as number[] }, { a: undefined, c: [1, 3] })).toEqual(['c']);
  });
});
