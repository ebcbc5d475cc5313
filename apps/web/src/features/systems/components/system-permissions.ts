import type { SystemResponse } from '@jv/contracts';
import { can } from '@jv/domain';
import { useCurrentUser } from '../../../lib/session';

/**
 * What the signed-in user may do with one system: the role (permission table) and, for workshop
 * users, the system being at one of their facilities. Only a convenience: the API decides.
 */
export function useSystemPermissions(system: Pick<SystemResponse, 'facilityId' | 'status'> | undefined) {
  const user = useCurrentUser();
  const inScope = user.role !== 'workshop' || (!!system?.facilityId && user.facilityIds.includes(system.facilityId));
  const active = !!system && system.status !== 'written_off';
  return {
    canEdit: can(user.role, 'systems', 'write'),
    canChangeStatus: can(user.role, 'systemStatus', 'write') && inScope && active,
    canReportUsage: can(user.role, 'usageReports', 'write') && inScope && active,
  };
}
