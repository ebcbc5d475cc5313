import { can } from '@jv/domain';
import { useCurrentUser } from '../../../lib/session';

/**
 * Whether the signed-in user may change a job at this facility: admins anywhere, workshop users only
 * at their own facilities. Only decides which buttons show; the API checks the same on every request.
 */
export function useCanWorkOn() {
  const user = useCurrentUser();
  const writer = can(user.role, 'repairJobs', 'write');
  return (facilityId: string) => writer && (user.role === 'admin' || user.facilityIds.includes(facilityId));
}
