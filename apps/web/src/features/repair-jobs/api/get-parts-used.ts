import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PartUsedList } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { repairJobKeys } from './keys';

/** GET /repair-jobs/{id}/parts-used → `{ items }` */
export const getPartsUsed = (jobId: string, signal?: AbortSignal) =>
  api.get<PartUsedList>(`/repair-jobs/${encodeURIComponent(jobId)}/parts-used`, undefined, signal).then((list) => list.items);

export const partsUsedQueryOptions = (jobId: string) =>
  queryOptions({ queryKey: repairJobKeys.partsUsed(jobId), queryFn: ({ signal }) => getPartsUsed(jobId, signal) });

export const usePartsUsed = (jobId: string) => useQuery(partsUsedQueryOptions(jobId));
