/**
 * Component request workflow: a table plus functions.
 * draft → submitted → approved → ordered → shipped → delivered; submitted → rejected (a comment is
 * required); draft | submitted | approved → cancelled (a comment is required). `delivered` is never set
 * by hand: deliveries set it when they reach the requested quantity. Approval needs a supplier partner
 * and an approver other than the requester (four eyes).
 */
export const componentRequestStatuses = [
  'draft',
  'submitted',
  'approved',
  'ordered',
  'shipped',
  'delivered',
  'rejected',
  'cancelled',
] as const;
export type ComponentRequestStatus = (typeof componentRequestStatuses)[number];

export const componentRequestPriorities = ['routine', 'priority', 'urgent'] as const;
export type ComponentRequestPriority = (typeof componentRequestPriorities)[number];

/** Still to be delivered: every state but delivered, rejected and cancelled. */
export const openComponentRequestStatuses: readonly ComponentRequestStatus[] = [
  'draft',
  'submitted',
  'approved',
  'ordered',
  'shipped',
];

/** Deliveries are received while the request is ordered or on its way. */
export const receivingStatuses: readonly ComponentRequestStatus[] = ['ordered', 'shipped'];

const MOVES: Record<ComponentRequestStatus, readonly ComponentRequestStatus[]> = {
  draft: ['submitted', 'cancelled'],
  submitted: ['approved', 'rejected', 'cancelled'],
  approved: ['ordered', 'cancelled'],
  ordered: ['shipped'],
  shipped: [],
  delivered: [],
  rejected: [],
  cancelled: [],
};

/** The moves a person may make from `from` (deliveries, not people, make a request `delivered`). */
export function allowedRequestMoves(from: ComponentRequestStatus): readonly ComponentRequestStatus[] {
  return MOVES[from];
}

export interface RequestMoveFacts {
  actorId: string;
  requesterId: string;
  comment?: string | null;
  supplierPartnerId?: string | null;
}

export type RequestMoveCheck =
  | { ok: true }
  | {
      ok: false;
      code: 'INVALID_TRANSITION';
      from: ComponentRequestStatus;
      to: ComponentRequestStatus;
      allowed: readonly ComponentRequestStatus[];
    }
  | { ok: false; code: 'COMMENT_REQUIRED' | 'SUPPLIER_REQUIRED' | 'FOUR_EYES' };

/** Whether a person may move a request `from → to`, with the reason when not. */
export function checkRequestMove(
  from: ComponentRequestStatus,
  to: ComponentRequestStatus,
  facts: RequestMoveFacts,
): RequestMoveCheck {
  const allowed = allowedRequestMoves(from);
  if (!allowed.includes(to)) return { ok: false, code: 'INVALID_TRANSITION', from, to, allowed };
  if ((to === 'rejected' || to === 'cancelled') && !facts.comment?.trim())
    return { ok: false, code: 'COMMENT_REQUIRED' };
  if (to === 'approved') {
    if (!facts.supplierPartnerId) return { ok: false, code: 'SUPPLIER_REQUIRED' };
    if (facts.actorId === facts.requesterId) return { ok: false, code: 'FOUR_EYES' };
  }
  return { ok: true };
}

export type DeliveryCheck =
  | { ok: true; remainingAfter: number; completes: boolean }
  | { ok: false; code: 'NOT_RECEIVING' }
  | { ok: false; code: 'OVER_DELIVERY'; remaining: number };

/** A delivery of `quantity` against a request of `requested` that has `delivered` so far. */
export function checkDelivery(
  status: ComponentRequestStatus,
  requested: number,
  delivered: number,
  quantity: number,
): DeliveryCheck {
  if (!receivingStatuses.includes(status)) return { ok: false, code: 'NOT_RECEIVING' };
  const remaining = requested - delivered;
  if (quantity > remaining) return { ok: false, code: 'OVER_DELIVERY', remaining };
  return { ok: true, remainingAfter: remaining - quantity, completes: quantity === remaining };
}

/** Past its needed-by date (YYYY-MM-DD, compared with today's) and not delivered, rejected or cancelled. */
export function isRequestOverdue(neededBy: string, status: ComponentRequestStatus, today: string): boolean {
  return openComponentRequestStatuses.includes(status) && neededBy < today;
}

/**
 * A job's parts are ready when it has requests and every one that still counts (not cancelled or
 * rejected) is delivered.
 */
export function partsReady(statuses: readonly ComponentRequestStatus[]): boolean {
  const counting = statuses.filter((s) => s !== 'cancelled' && s !== 'rejected');
  return counting.length > 0 && counting.every((s) => s === 'delivered');
}

/** Barrel lead time when the model does not name one. */
export const DEFAULT_BARREL_LEAD_DAYS = 60;

/**
 * A system needs a barrel request when its barrel is forecast to reach its life within the lead time
 * (forecast date on or before today + lead days).
 */
export function barrelRequestDue(forecastDate: string | null, today: string, leadDays: number): boolean {
  if (!forecastDate) return false;
  const limit = new Date(`${today}T00:00:00Z`);
  limit.setUTCDate(limit.getUTCDate() + leadDays);
  return forecastDate <= limit.toISOString().slice(0, 10);
}

/** `CR-2026-00042` */
export const formatRequestNumber = (year: number, seq: number) => `CR-${year}-${String(seq).padStart(5, '0')}`;
