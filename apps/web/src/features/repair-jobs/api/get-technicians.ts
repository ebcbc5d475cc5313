import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from '../../../lib/api-client';

/** The workshop staff of one facility (admins; workshop users for their own). */
export const getTechnicians = (facilityId: string, signal?: AbortSignal) =>
  api(endpoints.repairJobs.technicians, { query: { facilityId } }, { signal }).then((r) => r.items);

export const techniciansQueryOptions = (facilityId: string) =>
  queryOptions({
    queryKey: ['repair-jobs', 'technicians', facilityId] as const,
    queryFn: ({ signal }) => getTechnicians(facilityId, signal),
    staleTime: 5 * 60_000,
  });

export const useTechnicians = (facilityId: string | undefined) =>
  useQuery({ ...techniciansQueryOptions(facilityId ?? ''), enabled: Boolean(facilityId) });
