import { infiniteQueryOptions, type QueryKey } from '@tanstack/react-query';
import type { Page } from '@jv/contracts';
import { api, type QueryParams } from './api-client';

export const PAGE_SIZE = 50;

/** Keyset-paged list: `{ items, nextCursor }` pages, "Load more" follows `nextCursor`. */
export function pagedQueryOptions<T, K extends QueryKey>(queryKey: K, path: string, filters: object, pageSize = PAGE_SIZE) {
  return infiniteQueryOptions({
    queryKey,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<T>>(path, { ...(filters as QueryParams), limit: pageSize, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: Page<T>) => last.nextCursor ?? undefined,
  });
}

export function flattenPages<T>(data: { pages: Page<T>[] } | undefined): T[] {
  return data ? data.pages.flatMap((p) => p.items) : [];
}
