import { queryOptions, useQuery } from '@tanstack/react-query';
import { type ComponentResponse, endpoints, type FacilityResponse, type PartnerResponse } from '@jv/contracts';
import { api } from './api-client';
import { componentKeys, facilityKeys, jointVentureKeys, partnerKeys, systemModelKeys } from './query-keys';

/**
 * Short lists behind the selects of several features (partner, joint venture, facility, system model),
 * fetched from the list endpoints with the largest page (limit=200). Shared here because features do
 * not import each other; their keys sit under each resource's `all`, so any change refreshes them.
 */
export const LOOKUP_LIMIT = 200;

const largest = { query: { limit: LOOKUP_LIMIT } };

export const partnerOptionsQuery = () =>
  queryOptions({
    queryKey: partnerKeys.options(),
    queryFn: ({ signal }) => api(endpoints.partners.list, largest, { signal }).then((page) => page.items),
    staleTime: 5 * 60_000,
  });
export const jointVentureOptionsQuery = () =>
  queryOptions({
    queryKey: jointVentureKeys.options(),
    queryFn: ({ signal }) => api(endpoints.jointVentures.list, largest, { signal }).then((page) => page.items),
    staleTime: 5 * 60_000,
  });
export const facilityOptionsQuery = () =>
  queryOptions({
    queryKey: facilityKeys.options(),
    queryFn: ({ signal }) => api(endpoints.facilities.list, largest, { signal }).then((page) => page.items),
    staleTime: 5 * 60_000,
  });
export const systemModelOptionsQuery = () =>
  queryOptions({
    queryKey: systemModelKeys.options(),
    queryFn: ({ signal }) => api(endpoints.systemModels.list, largest, { signal }).then((page) => page.items),
    staleTime: 5 * 60_000,
  });

/**
 * Components for a select: those compatible with a system model when `modelId` is given (`modelId=…`),
 * else the whole catalogue (its first 200 by part number).
 */
export const componentOptionsQuery = (modelId?: string) =>
  queryOptions({
    queryKey: [...componentKeys.options(), { modelId }] as const,
    queryFn: ({ signal }) =>
      api(endpoints.components.list, { query: { modelId, limit: LOOKUP_LIMIT } }, { signal }).then(
        (page) => page.items,
      ),
    staleTime: 5 * 60_000,
  });

export const usePartnerOptions = (enabled = true) => useQuery({ ...partnerOptionsQuery(), enabled });
export const useJointVentureOptions = (enabled = true) => useQuery({ ...jointVentureOptionsQuery(), enabled });
export const useFacilityOptions = (enabled = true) => useQuery({ ...facilityOptionsQuery(), enabled });
export const useSystemModelOptions = (enabled = true) => useQuery({ ...systemModelOptionsQuery(), enabled });
export const useComponentOptions = (modelId?: string, enabled = true) =>
  useQuery({ ...componentOptionsQuery(modelId), enabled });

export const partnerLabel = (p: Pick<PartnerResponse, 'code' | 'name'>) => `${p.code} — ${p.name}`;
export const componentLabel = (c: Pick<ComponentResponse, 'partNumber' | 'name'>) => `${c.partNumber} — ${c.name}`;
export const facilityLabel = (f: Pick<FacilityResponse, 'code' | 'name'>) => `${f.code} — ${f.name}`;
