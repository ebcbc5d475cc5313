import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { endpoints, type CreateCourseInput, type UpdateCourseInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { LOOKUP_LIMIT } from '../../../lib/lookups';
import { pagedQueryOptions } from '../../../lib/paged-query';
import { retryCreateOnNetworkError } from '../../../lib/query-client';
import { type CourseFilters, trainingKeys } from './keys';

/** Courses by code, keyset-paged (`endpoints.courses.list`). */
export const useCourses = (filters: CourseFilters) =>
  useInfiniteQuery({
    ...pagedQueryOptions(trainingKeys.courseList(filters), endpoints.courses.list, filters),
    placeholderData: keepPreviousData,
  });

/** Every course (largest page) for the selects of the cohort form and the cohort filters. */
export const useCourseOptions = () =>
  useQuery({
    queryKey: trainingKeys.courseOptions(),
    queryFn: async ({ signal }) =>
      (await api(endpoints.courses.list, { query: { limit: LOOKUP_LIMIT } }, { signal })).items,
    staleTime: 60_000,
  });

export const useCourse = (id: string | undefined) =>
  useQuery({
    queryKey: trainingKeys.course(id ?? ''),
    queryFn: ({ signal }) => api(endpoints.courses.get, { params: { id: id ?? '' } }, { signal }),
    enabled: !!id,
  });

export function useCreateCourse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: CreateCourseInput; idempotencyKey: string }) =>
      api(endpoints.courses.create, { body: input }, { idempotencyKey }),
    retry: retryCreateOnNetworkError,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trainingKeys.all }),
  });
}

export function useUpdateCourse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateCourseInput }) =>
      api(endpoints.courses.update, { params: { id }, body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trainingKeys.all }),
  });
}
