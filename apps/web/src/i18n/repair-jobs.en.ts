import type { Translation } from './uk';

/** English strings of the repair-jobs feature; the type makes its keys match repair-jobs.uk.ts. */
export const repairJobsEn: Translation['repairJobs'] = {
  title: 'Repair jobs',
};
