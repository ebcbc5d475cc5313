/** Ukrainian strings of the repair-jobs feature (merged into uk.ts under `repairJobs`). */
export const repairJobsUk = {
  title: 'Ремонти',
};
