import type { ComponentRequestStatus, Role } from '@jv/domain';
import { can } from '@jv/domain';

/** Moves made by logistics and admins (the permission table's `requestApproval`). */
const APPROVAL_MOVES: readonly ComponentRequestStatus[] = ['approved', 'rejected', 'ordered', 'shipped'];

/**
 * The moves to offer a user: the API's `allowedTransitions`, less those the role can never make. Only
 * decides which buttons show; the API checks the same (and four eyes) on every request.
 */
export function movesFor(role: Role, allowed: readonly ComponentRequestStatus[]): ComponentRequestStatus[] {
  return allowed.filter((to) =>
    APPROVAL_MOVES.includes(to) ? can(role, 'requestApproval', 'write') : can(role, 'componentRequests', 'write'),
  );
}

/** A comment is required to reject or cancel a request. */
export const needsComment = (to: ComponentRequestStatus) => to === 'rejected' || to === 'cancelled';

/** The supplier's expected delivery date may be given when approving, ordering or shipping. */
export const takesExpectedOn = (to: ComponentRequestStatus) =>
  to === 'approved' || to === 'ordered' || to === 'shipped';
