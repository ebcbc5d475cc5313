import type { ComponentRequestDetail, ComponentRequestResponse, CurrentUser, DeliveryResponse } from '@jv/contracts';
import {
  allowedRequestMoves,
  can,
  type ComponentRequestPriority,
  type ComponentRequestStatus,
  isRequestOverdue,
  openComponentRequestStatuses,
  type RequestMoveCheck,
} from '@jv/domain';
import { z } from 'zod';
import { AppError, fieldErrors, ValidationFailed } from '../../common/errors';
import { decodeCursor, encodeCursor } from '../../common/pagination';
import { seesPeople } from '../repair-jobs/repair-jobs.rules';

/** The SQL list of the open states (for `status IN …`): still to be delivered. */
export const OPEN_REQUEST_STATUSES_SQL = `(${openComponentRequestStatuses.map((s) => `'${s}'`).join(', ')})`;

/** Moves that only logistics users and admins make (permission `requestApproval`). */
export const APPROVAL_MOVES: readonly ComponentRequestStatus[] = ['approved', 'rejected', 'ordered', 'shipped'];

/** Moves every writer of requests may make (workshop users on requests to their facilities). */
export const REQUESTER_MOVES: readonly ComponentRequestStatus[] = ['submitted', 'cancelled'];

/** A request as read with REQUEST_COLUMNS over REQUEST_JOINS. */
export interface RequestRow {
  id: string;
  number: string;
  component_id: string;
  component_part_number: string;
  component_name: string;
  component_category: string;
  quantity: number;
  delivered_quantity: number;
  priority: ComponentRequestPriority;
  needed_by: string;
  facility_id: string;
  facility_code: string;
  repair_job_id: string | null;
  repair_job_number: string | null;
  system_id: string | null;
  system_serial: string | null;
  justification: string;
  status: ComponentRequestStatus;
  requested_by: string | null;
  requester_name: string | null;
  supplier_partner_id: string | null;
  supplier_partner_code: string | null;
  expected_on: string | null;
  auto_barrel: boolean;
  submitted_at: Date | null;
  approved_at: Date | null;
  delivered_at: Date | null;
  closed_at: Date | null;
  version: number;
  created_at: Date;
  /** created_at with microseconds, for the keyset cursor (a JS Date keeps only milliseconds) */
  created_at_key: string;
  updated_at: Date;
}

/** The columns of a request `r` with its names, from REQUEST_JOINS (one query, never one per row). */
export const REQUEST_COLUMNS = `r.id, r.number, r.component_id, c.part_number AS component_part_number,
  c.name AS component_name, c.category AS component_category, r.quantity, r.delivered_quantity, r.priority,
  r.needed_by::text AS needed_by, r.facility_id, f.code AS facility_code,
  r.repair_job_id, j.number AS repair_job_number,
  r.system_id, s.serial_number AS system_serial, r.justification, r.status, r.requested_by,
  u.display_name AS requester_name, r.supplier_partner_id, sp.code AS supplier_partner_code,
  r.expected_on::text AS expected_on, r.auto_barrel, r.submitted_at, r.approved_at, r.delivered_at, r.closed_at,
  r.version, r.created_at, to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at_key,
  r.updated_at`;

export const REQUEST_JOINS = `JOIN components c ON c.id = r.component_id
  JOIN facilities f ON f.id = r.facility_id
  LEFT JOIN repair_jobs j ON j.id = r.repair_job_id
  LEFT JOIN systems s ON s.id = r.system_id
  LEFT JOIN partners sp ON sp.id = r.supplier_partner_id
  LEFT JOIN users u ON u.id = r.requested_by`;

/**
 * The moves THIS user may make from `status`: none for roles that may not write requests; workshop users
 * only submit or cancel; approving needs someone other than the requester (four eyes).
 */
export function allowedRequestTransitions(
  status: ComponentRequestStatus,
  requestedBy: string | null,
  user: Pick<CurrentUser, 'id' | 'role'>,
): ComponentRequestStatus[] {
  if (!can(user.role, 'componentRequests', 'write')) return [];
  const approver = can(user.role, 'requestApproval', 'write');
  return allowedRequestMoves(status).filter((to) => {
    if (!approver) return REQUESTER_MOVES.includes(to);
    return !(to === 'approved' && requestedBy === user.id);
  });
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function toRequestResponse(
  r: RequestRow,
  user: Pick<CurrentUser, 'id' | 'role'>,
  today: string,
): ComponentRequestResponse {
  const people = seesPeople(user);
  return {
    id: r.id,
    number: r.number,
    componentId: r.component_id,
    componentPartNumber: r.component_part_number,
    componentName: r.component_name,
    componentCategory: r.component_category,
    quantity: r.quantity,
    deliveredQuantity: r.delivered_quantity,
    remaining: r.quantity - r.delivered_quantity,
    priority: r.priority,
    neededBy: r.needed_by,
    overdue: isRequestOverdue(r.needed_by, r.status, today),
    facilityId: r.facility_id,
    facilityCode: r.facility_code,
    repairJobId: r.repair_job_id,
    repairJobNumber: r.repair_job_number,
    systemId: r.system_id,
    systemSerial: r.system_serial,
    justification: r.justification,
    status: r.status,
    allowedTransitions: allowedRequestTransitions(r.status, r.requested_by, user),
    requestedBy: people ? r.requested_by : null,
    requesterName: people ? r.requester_name : null,
    supplierPartnerId: r.supplier_partner_id,
    supplierPartnerCode: r.supplier_partner_code,
    expectedOn: r.expected_on,
    autoBarrel: r.auto_barrel,
    submittedAt: iso(r.submitted_at),
    approvedAt: iso(r.approved_at),
    deliveredAt: iso(r.delivered_at),
    closedAt: iso(r.closed_at),
    version: r.version,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export interface RequestTransitionRow {
  id: string;
  from_status: ComponentRequestStatus | null;
  to_status: ComponentRequestStatus;
  comment: string | null;
  actor_name: string | null;
  at: Date;
}

export const toRequestTransition = (
  t: RequestTransitionRow,
  user: Pick<CurrentUser, 'role'>,
): ComponentRequestDetail['transitions'][number] => ({
  id: t.id,
  fromStatus: t.from_status,
  toStatus: t.to_status,
  comment: t.comment,
  actorName: seesPeople(user) ? t.actor_name : null,
  at: new Date(t.at).toISOString(),
});

export interface DeliveryRow {
  id: string;
  request_id: string;
  quantity: number;
  received_on: string;
  waybill: string;
  note: string | null;
  receiver_name: string | null;
  created_at: Date;
}

export const DELIVERY_SELECT = `SELECT d.id, d.request_id, d.quantity, d.received_on::text AS received_on, d.waybill,
                                       d.note, u.display_name AS receiver_name, d.created_at
                                  FROM deliveries d LEFT JOIN users u ON u.id = d.received_by`;

export const toDelivery = (d: DeliveryRow, user: Pick<CurrentUser, 'role'>): DeliveryResponse => ({
  id: d.id,
  requestId: d.request_id,
  quantity: d.quantity,
  receivedOn: d.received_on,
  waybill: d.waybill,
  note: d.note,
  receiverName: seesPeople(user) ? d.receiver_name : null,
  createdAt: new Date(d.created_at).toISOString(),
});

const cursorSchema = z.tuple([z.iso.datetime({ offset: true }), z.uuid()]);

/** Keyset cursor of the request list (newest first): (created_at with microseconds, id). */
export const encodeRequestCursor = (r: Pick<RequestRow, 'created_at_key' | 'id'>): string =>
  encodeCursor([r.created_at_key, r.id]);

export function decodeRequestCursor(cursor: string): [string, string] {
  const parsed = cursorSchema.safeParse(decodeCursor(cursor));
  if (!parsed.success) throw new ValidationFailed([{ path: 'cursor', code: 'invalid_cursor' }]);
  return parsed.data;
}

/** The refusal that goes with a failed request move. */
export function requestMoveError(check: Exclude<RequestMoveCheck, { ok: true }>): AppError {
  switch (check.code) {
    case 'INVALID_TRANSITION':
      return new AppError(
        'INVALID_TRANSITION',
        { from: check.from, to: check.to, allowed: [...check.allowed] },
        `A ${check.from} request cannot move to ${check.to}`,
      );
    case 'COMMENT_REQUIRED':
      return new AppError('COMMENT_REQUIRED', {}, 'Rejecting or cancelling a request needs a comment', {
        errors: fieldErrors([{ path: 'comment', code: 'comment_required' }]),
      });
    case 'SUPPLIER_REQUIRED':
      return new ValidationFailed([{ path: 'supplierPartnerId', code: 'required' }], 'Approval names the supplier');
    case 'FOUR_EYES':
      return new AppError('FOUR_EYES', {}, 'A request is approved by someone other than its requester');
  }
}

/** Rounds a number of days for reporting to one decimal (percentiles come back with many decimals). */
export const roundDays = (d: number | string | null): number | null =>
  d === null ? null : Math.round(Number(d) * 10) / 10;
