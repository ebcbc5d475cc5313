import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * List filters kept in the URL search params, so a filtered list can be bookmarked, shared and
 * survives a reload. Empty values are removed from the URL.
 */
export function useSearchFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const keyList = keys.join(',');

  const values = useMemo(() => {
    const out = {} as Record<K, string>;
    for (const key of keyList.split(',') as K[]) out[key] = params.get(key) ?? '';
    return out;
  }, [params, keyList]);

  /** Several filters in one URL update (successive setParams calls in one tick would overwrite each other). */
  const setFilters = useCallback(
    (updates: Partial<Record<K, string>>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(updates) as [K, string | undefined][]) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const setFilter = useCallback(
    (key: K, value: string) => setFilters({ [key]: value } as Partial<Record<K, string>>),
    [setFilters],
  );

  return { values, setFilter, setFilters };
}

/** Drops empty strings so they are not sent as filters. */
export function compactFilters<T extends Record<string, unknown>>(filters: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters))
    if (value !== '' && value !== undefined && value !== null) out[key] = value;
  return out as T;
}

/** A URL param narrowed to an enum, or undefined when absent or unknown. */
export function enumParam<T extends string>(value: string, allowed: readonly T[]): T | undefined {
  return (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A URL param that must be a UUID, or undefined. */
export function uuidParam(value: string): string | undefined {
  return UUID.test(value) ? value : undefined;
}
