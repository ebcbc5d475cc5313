import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { endpoints, type CreatePersonInput, type UpdatePersonInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { pagedQueryOptions } from '../../../lib/paged-query';
import { retryCreateOnNetworkError } from '../../../lib/query-client';
import { type PersonnelFilters, trainingKeys } from './keys';

/** Personnel by service number (admin, training). */
export const usePersonnel = (filters: PersonnelFilters) =>
  useInfiniteQuery({
    ...pagedQueryOptions(trainingKeys.personnelList(filters), endpoints.personnel.list, filters),
    placeholderData: keepPreviousData,
  });

/** The first people matching a name or service number, for the enroll and instructor pickers. */
export const usePersonSearch = (q: string) =>
  useQuery({
    queryKey: trainingKeys.personSearch(q),
    queryFn: async ({ signal }) => (await api(endpoints.personnel.list, { query: { q, limit: 10 } }, { signal })).items,
    enabled: q.trim().length >= 2,
  });

export const usePerson = (id: string | undefined) =>
  useQuery({
    queryKey: trainingKeys.person(id ?? ''),
    queryFn: ({ signal }) => api(endpoints.personnel.get, { params: { id: id ?? '' } }, { signal }),
    enabled: !!id,
  });

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: CreatePersonInput; idempotencyKey: string }) =>
      api(endpoints.personnel.create, { body: input }, { idempotencyKey }),
    retry: retryCreateOnNetworkError,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trainingKeys.personnel() }),
  });
}

export function useUpdatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdatePersonInput }) =>
      api(endpoints.personnel.update, { params: { id }, body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trainingKeys.all }),
  });
}
