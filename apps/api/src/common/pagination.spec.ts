import { ValidationFailed } from './errors';
import { decodeCursor, encodeCursor } from './pagination';

describe('keyset cursor', () => {
  it('round-trips the sort key values', () => {
    expect(decodeCursor(encodeCursor(['ABC', '0b6c…', 3]))).toEqual(['ABC', '0b6c…', 3]);
  });
  it('refuses a cursor that is not ours with a field error', () => {
    expect(() => decodeCursor('not-a-cursor')).toThrow(ValidationFailed);
    expect(() => decodeCursor(Buffer.from('{"a":1}').toString('base64url'))).toThrow(ValidationFailed);
  });
});
