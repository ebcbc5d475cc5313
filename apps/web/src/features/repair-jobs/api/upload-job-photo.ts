import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { retryCreateOnNetworkError } from '../../../lib/query-client';
import { jobPhotosKey } from './get-job-photos';

export interface UploadJobPhotoVariables {
  jobId: string;
  /** the resized JPEG (or the file itself where the browser could not resize it) */
  image: Blob;
  workLogId?: string;
  caption?: string;
  idempotencyKey: string;
}

/** Adds a photo to a job, or to one of its work logs: the image is the body, the rest goes in the query. */
export const uploadJobPhoto = ({ jobId, image, workLogId, caption, idempotencyKey }: UploadJobPhotoVariables) =>
  api(
    endpoints.repairJobPhotos.upload,
    { params: { id: jobId }, query: { workLogId, caption: caption?.trim() || undefined }, body: image },
    { idempotencyKey },
  );

/** A retry after a dropped connection carries the same key, so the photo is stored once. */
export function useUploadJobPhoto() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadJobPhoto,
    retry: retryCreateOnNetworkError,
    onSuccess: (_, { jobId }) => queryClient.invalidateQueries({ queryKey: jobPhotosKey(jobId) }),
  });
}
