import type { RepairJobResponse } from '@jv/contracts';
import type { RepairJobStatus } from '@jv/domain';

/** Whether completing this job needs the new barrel's serial number. */
export const needsBarrelSerial = (job: Pick<RepairJobResponse, 'kind'>, to: RepairJobStatus) =>
  to === 'completed' && job.kind === 'barrel_change';
