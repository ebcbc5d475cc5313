import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { jobPhotosKey } from './get-job-photos';

export const deleteJobPhoto = ({ jobId, photoId }: { jobId: string; photoId: string }) =>
  api(endpoints.repairJobPhotos.remove, { params: { id: jobId, photoId } });

export function useDeleteJobPhoto() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteJobPhoto,
    onSuccess: (_, { jobId }) => queryClient.invalidateQueries({ queryKey: jobPhotosKey(jobId) }),
  });
}
