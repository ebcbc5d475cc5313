import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api, endpointUrl } from '../../../lib/api-client';
import { repairJobKeys } from './keys';

/** Below the job's detail key: a move or any change of the job refreshes them with it. */
export const jobPhotosKey = (jobId: string) => [...repairJobKeys.detail(jobId), 'photos'] as const;

/** What the photos of a job are (never their bytes) → `{ items }`. */
export const getJobPhotos = (jobId: string, signal?: AbortSignal) =>
  api(endpoints.repairJobPhotos.list, { params: { id: jobId } }, { signal });

export const jobPhotosQueryOptions = (jobId: string) =>
  queryOptions({ queryKey: jobPhotosKey(jobId), queryFn: ({ signal }) => getJobPhotos(jobId, signal) });

/**
 * Asked again whenever a job's page opens: colleagues add photos from their own tablets, and a list given back
 * from the offline snapshot may predate the last upload. Offline, the failed request leaves that list shown.
 */
export const useJobPhotos = (jobId: string) => useQuery({ ...jobPhotosQueryOptions(jobId), refetchOnMount: 'always' });

/** The address of a photo's bytes, for `<img src>` (the session cookie goes with it). */
export const jobPhotoUrl = (jobId: string, photoId: string) =>
  endpointUrl(endpoints.repairJobPhotos.get, { params: { id: jobId, photoId } });
