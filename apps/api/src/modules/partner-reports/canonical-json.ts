import { createHash } from 'node:crypto';

/**
 * JSON with every object's keys sorted (recursively), no whitespace: the same data always gives the same
 * text, whatever order its keys were built or stored in (jsonb reorders them). Like JSON.stringify,
 * `undefined` members are left out (`null` in arrays) and values with `toJSON` (dates) are converted first.
 */
export function canonicalJson(value: unknown): string {
  const v =
    value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function'
      ? (value as { toJSON: () => unknown }).toJSON()
      : value;
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return 'null';
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map((item) => canonicalJson(item)).join(',')}]`;
  const entries = Object.entries(v as Record<string, unknown>)
    .filter(([, x]) => x !== undefined && typeof x !== 'function' && typeof x !== 'symbol')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(',')}}`;
}

/** SHA-256 (hex) of bytes or text. */
export const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/** SHA-256 of a value's canonical JSON. */
export const canonicalSha256 = (value: unknown): string => sha256(canonicalJson(value));
