import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints, type SystemResponse } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { useSystem } from '../../../lib/system-query';
import { systemsRootKey } from './keys';

export const SYSTEM_SEARCH_LIMIT = 20;

/** The fields of a system the job form needs (the systems endpoints answer more). */
export type SystemOption = Pick<
  SystemResponse,
  'id' | 'serialNumber' | 'modelDesignation' | 'modelId' | 'status' | 'facilityId'
> &
  Partial<Pick<SystemResponse, 'facilityCode'>>;

/** Systems by (part of) their serial (`q=…&limit=20`) — the system picker of a new job. */
export const searchSystems = (q: string, signal?: AbortSignal): Promise<SystemOption[]> =>
  api(endpoints.systems.list, { query: { q, limit: SYSTEM_SEARCH_LIMIT } }, { signal }).then((page) => page.items);

export const systemSearchQueryOptions = (q: string) =>
  queryOptions({
    queryKey: [...systemsRootKey, 'picker', q] as const,
    queryFn: ({ signal }) => searchSystems(q, signal),
  });

export const useSystemSearch = (q: string) =>
  useQuery({ ...systemSearchQueryOptions(q), enabled: q.length > 0, placeholderData: keepPreviousData });

/** The system a new job starts from (`?systemId=`): the one shared system query (lib/system-query.ts). */
export const usePreselectedSystem = useSystem;
