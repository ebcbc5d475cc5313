import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Page, RepairJobResponse } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { repairJobKeys } from './keys';

/** The most cards one board shows; a workshop with more open jobs gets a notice and the list. */
export const BOARD_LIMIT = 200;

/** GET /repair-jobs?open=true&facilityId=…&limit=200 — every open job of one facility, for the board. */
export const getBoardJobs = (facilityId: string, signal?: AbortSignal) =>
  api.get<Page<RepairJobResponse>>('/repair-jobs', { open: 'true', facilityId, limit: BOARD_LIMIT }, signal);

export const boardJobsQueryOptions = (facilityId: string) =>
  queryOptions({ queryKey: repairJobKeys.board(facilityId), queryFn: ({ signal }) => getBoardJobs(facilityId, signal) });

export const useBoardJobs = (facilityId: string | undefined) => useQuery({ ...boardJobsQueryOptions(facilityId ?? ''), enabled: !!facilityId });
