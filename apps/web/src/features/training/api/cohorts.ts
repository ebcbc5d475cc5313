import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  endpoints,
  type CohortTransitionInput,
  type CreateCohortInput,
  type CreateEnrollmentInput,
  type UpdateEnrollmentInput,
} from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { pagedQueryOptions } from '../../../lib/paged-query';
import { retryCreateOnNetworkError } from '../../../lib/query-client';
import { type CohortFilters, trainingKeys } from './keys';

/** Cohorts, newest start first, filtered on the server (`endpoints.cohorts.list`). */
export const useCohorts = (filters: CohortFilters) =>
  useInfiniteQuery({
    ...pagedQueryOptions(trainingKeys.cohortList(filters), endpoints.cohorts.list, filters),
    placeholderData: keepPreviousData,
    refetchOnMount: 'always',
  });

/** One cohort with its moves and (admin, training) its enrollments. */
export const useCohort = (id: string | undefined) =>
  useQuery({
    queryKey: trainingKeys.cohort(id ?? ''),
    queryFn: ({ signal }) => api(endpoints.cohorts.get, { params: { id: id ?? '' } }, { signal }),
    enabled: !!id,
    refetchOnMount: 'always',
  });

/** Every change to a cohort moves the calendar, the utilisation and the crew coverage too. */
const useInvalidateTraining = () => {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trainingKeys.all });
};

export function useCreateCohort() {
  const invalidate = useInvalidateTraining();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: CreateCohortInput; idempotencyKey: string }) =>
      api(endpoints.cohorts.create, { body: input }, { idempotencyKey }),
    retry: retryCreateOnNetworkError,
    onSuccess: invalidate,
  });
}

/** A move: planned → enrolling → in_progress → completed, or cancelled (with a comment). */
export function useTransitionCohort() {
  const invalidate = useInvalidateTraining();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: CohortTransitionInput }) =>
      api(endpoints.cohorts.transition, { params: { id }, body: input }),
    // on a refusal too: the cohort may have moved on elsewhere
    onSettled: invalidate,
  });
}

export function useEnroll() {
  const invalidate = useInvalidateTraining();
  return useMutation({
    mutationFn: ({
      cohortId,
      input,
      idempotencyKey,
    }: {
      cohortId: string;
      input: CreateEnrollmentInput;
      idempotencyKey: string;
    }) => api(endpoints.cohorts.enroll, { params: { id: cohortId }, body: input }, { idempotencyKey }),
    onSuccess: invalidate,
  });
}

/** Records a result (completed, failed, withdrawn, with a score) for the version shown. */
export function useUpdateEnrollment() {
  const invalidate = useInvalidateTraining();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateEnrollmentInput }) =>
      api(endpoints.enrollments.update, { params: { id }, body: input }),
    onSettled: invalidate,
  });
}
