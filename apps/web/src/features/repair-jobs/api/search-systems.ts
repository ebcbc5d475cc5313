import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Page, SystemResponse } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { systemsRootKey } from './keys';

export const SYSTEM_SEARCH_LIMIT = 20;

/** The fields of a system the job form needs (GET /systems answers more). */
export type SystemOption = Pick<SystemResponse, 'id' | 'serialNumber' | 'modelDesignation' | 'modelId' | 'status' | 'facilityId'> &
  Partial<Pick<SystemResponse, 'facilityCode'>>;

/** GET /systems?q=<serial>&limit=20 — the system picker of a new job. */
export const searchSystems = (q: string, signal?: AbortSignal) =>
  api.get<Page<SystemOption>>('/systems', { q, limit: SYSTEM_SEARCH_LIMIT }, signal).then((page) => page.items);

export const systemSearchQueryOptions = (q: string) =>
  queryOptions({ queryKey: [...systemsRootKey, 'picker', q] as const, queryFn: ({ signal }) => searchSystems(q, signal) });

export const useSystemSearch = (q: string) =>
  useQuery({ ...systemSearchQueryOptions(q), enabled: q.length > 0, placeholderData: keepPreviousData });

/** GET /systems/{id} — a preselected system (`/repair-jobs/new?systemId=…`), or the model of a job's system. */
export const getSystem = (id: string, signal?: AbortSignal) => api.get<SystemOption>(`/systems/${encodeURIComponent(id)}`, undefined, signal);

export const useSystem = (id: string | undefined) =>
  useQuery({
    queryKey: [...systemsRootKey, 'detail', id ?? ''] as const,
    queryFn: ({ signal }) => getSystem(id ?? '', signal),
    enabled: !!id,
    staleTime: 60_000,
  });
