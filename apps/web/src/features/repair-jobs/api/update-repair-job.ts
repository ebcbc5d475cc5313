import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints, type RepairJobDetail, type UpdateRepairJobInput } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { repairJobKeys } from './keys';

export interface UpdateRepairJobVariables {
  id: string;
  /** Carries the loaded `version`; a stale one is refused with 409 STALE_VERSION. */
  input: UpdateRepairJobInput;
}

/** Changes priority, reported fault, diagnosis or technicians of a job. */
export const updateRepairJob = ({ id, input }: UpdateRepairJobVariables) =>
  api(endpoints.repairJobs.update, { params: { id }, body: input });

export function useUpdateRepairJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateRepairJob,
    onSuccess: (updated) => {
      // the detail keeps its transitions and its system's and facility's names;
      // the job's own fields come from the answer at once
      queryClient.setQueryData<RepairJobDetail>(repairJobKeys.detail(updated.id), (old) =>
        old ? { ...old, ...updated } : old,
      );
      return queryClient.invalidateQueries({ queryKey: repairJobKeys.all });
    },
  });
}
