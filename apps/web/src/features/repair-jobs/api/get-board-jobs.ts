import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { repairJobKeys } from './keys';

/** The most cards one board shows; a workshop with more open jobs gets a notice and the list. */
export const BOARD_LIMIT = 200;

/** Every open job of one facility, for the board (`open=true&facilityId=…&limit=200`). */
export const getBoardJobs = (facilityId: string, signal?: AbortSignal) =>
  api(endpoints.repairJobs.list, { query: { open: 'true', facilityId, limit: BOARD_LIMIT } }, { signal });

export const boardJobsQueryOptions = (facilityId: string) =>
  queryOptions({
    queryKey: repairJobKeys.board(facilityId),
    queryFn: ({ signal }) => getBoardJobs(facilityId, signal),
  });

/** The board counts jobs per state: it always asks again when it mounts, never trusting an earlier answer. */
export const useBoardJobs = (facilityId: string | undefined) =>
  useQuery({ ...boardJobsQueryOptions(facilityId ?? ''), enabled: !!facilityId, refetchOnMount: 'always' });
