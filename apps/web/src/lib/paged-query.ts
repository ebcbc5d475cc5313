import { infiniteQueryOptions, type QueryKey } from '@tanstack/react-query';
import type { EndpointDef, EndpointRequest, EndpointResponse, Page, PageQuery } from '@jv/contracts';
import type { z } from 'zod';
import { api } from './api-client';

export const PAGE_SIZE = 50;

/** A list endpoint of the contract table: a keyset-paged query answering `{ items, nextCursor }`. */
type ListEndpoint = EndpointDef & { method: 'GET'; query: z.ZodObject; response: z.ZodType<Page<unknown>> };
type Filters<E extends ListEndpoint> = Omit<z.input<E['query']>, keyof PageQuery>;
type PageOf<E extends ListEndpoint> = EndpointResponse<E> extends Page<infer T> ? Page<T> : never;

/**
 * Keyset-paged list of one endpoint: "Load more" follows `nextCursor`. `params` fills the path
 * (`/v1/systems/{id}/usage-reports`).
 */
export function pagedQueryOptions<E extends ListEndpoint, K extends QueryKey>(
  queryKey: K,
  def: E,
  filters: Filters<E>,
  options: { pageSize?: number; params?: EndpointRequest<E>['params'] } = {},
) {
  const { pageSize = PAGE_SIZE, params } = options;
  return infiniteQueryOptions({
    queryKey,
    queryFn: ({ pageParam, signal }) => {
      const request = { params, query: { ...filters, limit: pageSize, cursor: pageParam } };
      // the request is built from the endpoint's own types; TypeScript cannot follow the generic spread
      return api(def, request as never, { signal }) as Promise<PageOf<E>>;
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: PageOf<E>) => last.nextCursor ?? undefined,
  });
}

export function flattenPages<T>(data: { pages: Page<T>[] } | undefined): T[] {
  return data ? data.pages.flatMap((p) => p.items) : [];
}
