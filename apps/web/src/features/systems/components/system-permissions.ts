import type { SystemResponse } from '@jv/contracts';
import { can } from '@jv/domain';
import { useCurrentUser } from '../../../lib/session';

/**
 * What the signed-in user may do with one system: the role (permission table) and, for workshop
 * users, the system being at one of their facilities; no hand status change while a repair job is open.
 * Only a convenience: the API decides.
 */
export function useSystemPermissions(
  system: Pick<SystemResponse, 'facilityId' | 'status' | 'openRepairJob'> | undefined,
) {
  const user = useCurrentUser();
  const inScope = user.role !== 'workshop' || (!!system?.facilityId && user.facilityIds.includes(system.facilityId));
  const active = !!system && system.status !== 'written_off';
  return {
    canEdit: can(user.role, 'systems', 'write'),
    // while a repair job is open the job's moves set the status (the API answers 409 STATUS_FOLLOWS_JOB)
    canChangeStatus: can(user.role, 'systemStatus', 'write') && inScope && active && !system?.openRepairJob,
    canReportUsage: can(user.role, 'usageReports', 'write') && inScope && active,
  };
}
