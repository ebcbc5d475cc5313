import { ValidationFailed } from './errors';

/** Opaque keyset cursor: the sort key values of the last row, base64url JSON. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor<T extends unknown[]>(cursor: string): T {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(v)) throw new Error('not an array');
    return v as T;
  } catch {
    throw new ValidationFailed([{ path: 'cursor', code: 'invalid_cursor' }]);
  }
}
