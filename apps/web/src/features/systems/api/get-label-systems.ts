import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints, type SystemResponse } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { systemKeys, type SystemFilters } from './system-keys';

/** At most this many labels on one sheet (about 19 A4 pages); the sheet says when the list has more. */
export const LABEL_CAP = 500;
/** the list endpoint's largest page */
const PAGE_SIZE = 200;

export interface LabelSystems {
  items: SystemResponse[];
  /** more systems match than LABEL_CAP */
  capped: boolean;
}

/**
 * The systems of a label sheet: the list endpoint with the list's filters, keyset page after page up to
 * LABEL_CAP. Under `lists()`, so whatever refreshes the list refreshes the sheet.
 */
export const labelSystemsQueryOptions = (filters: SystemFilters) =>
  queryOptions({
    queryKey: [...systemKeys.lists(), 'labels', filters] as const,
    queryFn: async ({ signal }): Promise<LabelSystems> => {
      const items: SystemResponse[] = [];
      let cursor: string | undefined;
      do {
        const limit = Math.min(PAGE_SIZE, LABEL_CAP - items.length);
        const page = await api(endpoints.systems.list, { query: { ...filters, limit, cursor } }, { signal });
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && items.length < LABEL_CAP);
      return { items, capped: cursor !== undefined };
    },
  });

export const useLabelSystems = (filters: SystemFilters) => useQuery(labelSystemsQueryOptions(filters));
