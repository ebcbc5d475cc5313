import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { trainingKeys } from './keys';

/** Cohorts per training base in a window (at most 92 days) with the seats used per day. */
export const useTrainingCalendar = (query: { facilityId?: string; from: string; to: string }) =>
  useQuery({
    queryKey: trainingKeys.calendar(query),
    queryFn: ({ signal }) => api(endpoints.training.calendar, { query }, { signal }),
    placeholderData: keepPreviousData,
  });

/** Seat-days used / available per training base in a period. */
export const useTrainingUtilisation = (query: { from: string; to: string }, enabled = true) =>
  useQuery({
    queryKey: trainingKeys.utilisation(query),
    queryFn: ({ signal }) => api(endpoints.training.utilisation, { query }, { signal }),
    enabled,
    placeholderData: keepPreviousData,
  });

/** Crew coverage per system model, optionally for one unit. */
export const useCrewCoverage = (unitId: string | undefined) =>
  useQuery({
    queryKey: trainingKeys.crewCoverage(unitId),
    queryFn: ({ signal }) => api(endpoints.training.crewCoverage, { query: { unitId } }, { signal }),
    placeholderData: keepPreviousData,
  });
