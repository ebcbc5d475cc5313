import type {
  ComponentRequestDetail,
  ComponentRequestResponse,
  CurrentUser,
  FacilityResponse,
  PartnerResponse,
  RepairJobResponse,
} from '@jv/contracts';
import {
  allowedRequestMoves,
  allowedTransitions,
  type ComponentRequestStatus,
  type RepairJobStatus,
  type Role,
} from '@jv/domain';

/** Ids the fixtures share, so a test can say "the workshop user's facility". */
export const TEST_FACILITY_ID = '0b5c1e1a-1f1d-4c55-9a59-1a0f6e7a0001';
export const OTHER_FACILITY_ID = '0b5c1e1a-1f1d-4c55-9a59-1a0f6e7a0002';
export const TEST_PARTNER_ID = '4d2b7f3c-5a1e-4b8e-8f0a-2c3d4e5f0001';

const ROLE_NUMBER: Record<Role, number> = { admin: 1, workshop: 2, logistics: 3, training: 4, partner: 5, viewer: 6 };

/**
 * A signed-in user of `role` as GET /auth/me returns it: a workshop user works at TEST_FACILITY_ID,
 * a partner user belongs to TEST_PARTNER_ID. `overrides` replace any field.
 */
export function testUser(role: Role = 'admin', overrides: Partial<CurrentUser> = {}): CurrentUser {
  return {
    id: `9e0f8a6b-0000-4000-8000-00000000000${ROLE_NUMBER[role]}`,
    email: `${role}@jv.test`,
    displayName: `Test ${role[0].toUpperCase()}${role.slice(1)}`,
    role,
    locale: 'uk',
    facilityIds: role === 'workshop' ? [TEST_FACILITY_ID] : [],
    partnerId: role === 'partner' ? TEST_PARTNER_ID : null,
    mfaEnrolled: false,
    setupRequired: [],
    ...overrides,
  };
}

/** A repair workshop as GET /facilities returns it. */
export function testFacility(overrides: Partial<FacilityResponse> = {}): FacilityResponse {
  return {
    id: TEST_FACILITY_ID,
    code: 'LV-RW1',
    name: 'Lviv repair works',
    kind: 'repair_workshop',
    oblast: 'lvivska',
    jointVentureId: null,
    jointVentureName: null,
    repairBays: 6,
    trainingSeats: 0,
    version: 1,
    createdAt: '2026-01-05T08:00:00.000Z',
    updatedAt: '2026-01-05T08:00:00.000Z',
    ...overrides,
  };
}

let jobSeq = 0;

/**
 * A repair job as the API returns it, at TEST_FACILITY_ID. Its `allowedTransitions` are what the
 * API computes from the workflow (allowedTransitions(status) of libs/domain) unless overridden.
 */
export function testRepairJob(overrides: Partial<RepairJobResponse> = {}): RepairJobResponse {
  jobSeq += 1;
  const status: RepairJobStatus = overrides.status ?? 'reported';
  const seq = String(jobSeq).padStart(5, '0');
  return {
    id: `7a1c2d3e-0000-4000-8000-0000000${seq}`,
    number: `RJ-2026-${seq}`,
    facilityId: TEST_FACILITY_ID,
    facilityCode: 'LV-RW1',
    systemId: `5b6c7d8e-0000-4000-8000-0000000${seq}`,
    systemSerial: `M777-${seq}`,
    modelDesignation: 'M777A2',
    kind: 'corrective',
    priority: 'routine',
    status,
    reportedFault: 'Recoil system leaks',
    diagnosis: null,
    technicianIds: [],
    technicians: [],
    openedAt: '2026-03-01T08:00:00.000Z',
    dueAt: '2026-03-31T08:00:00.000Z',
    closedAt: null,
    overdue: false,
    partsReady: false,
    allowedTransitions: allowedTransitions(status),
    totalHours: 0,
    newBarrelSerial: null,
    preventivePlanId: null,
    version: 1,
    createdAt: '2026-03-01T08:00:00.000Z',
    updatedAt: '2026-03-01T08:00:00.000Z',
    ...overrides,
  };
}

/**
 * The move buttons a job in each state offers, by their English labels, written out from the workflow
 * (libs/domain/src/repair-job-workflow.ts): reported → diagnosing → awaiting_parts ⇄ in_repair →
 * quality_check → completed; any open state → cancelled; closed jobs have none.
 */
export const MOVES_EN: Readonly<Record<RepairJobStatus, readonly string[]>> = {
  reported: ['Start diagnosis', 'Cancel job'],
  diagnosing: ['Await parts', 'To repair', 'Cancel job'],
  awaiting_parts: ['To repair', 'Cancel job'],
  in_repair: ['Await parts', 'To quality check', 'Cancel job'],
  quality_check: ['To repair', 'Complete', 'Cancel job'],
  completed: [],
  cancelled: [],
};

/** A supplier partner and the host as GET /partners returns them. */
export function testPartner(overrides: Partial<PartnerResponse> = {}): PartnerResponse {
  return {
    id: TEST_PARTNER_ID,
    code: 'PL',
    name: 'Poland',
    role: 'co_lead',
    version: 1,
    createdAt: '2026-01-05T08:00:00.000Z',
    updatedAt: '2026-01-05T08:00:00.000Z',
    ...overrides,
  };
}

let requestSeq = 0;

/**
 * A component request as the API lists it, to TEST_FACILITY_ID, raised by the workshop test user. Its
 * `allowedTransitions` are the workflow's (allowedRequestMoves of libs/domain) unless overridden.
 */
export function testComponentRequest(overrides: Partial<ComponentRequestResponse> = {}): ComponentRequestResponse {
  requestSeq += 1;
  const status: ComponentRequestStatus = overrides.status ?? 'submitted';
  const seq = String(requestSeq).padStart(5, '0');
  const quantity = overrides.quantity ?? 4;
  const delivered = overrides.deliveredQuantity ?? 0;
  return {
    id: `6c1d2e3f-0000-4000-8000-0000000${seq}`,
    number: `CR-2026-${seq}`,
    componentId: '2a3b4c5d-0000-4000-8000-000000000001',
    componentPartNumber: 'M777-RCL-01',
    componentName: 'Recoil buffer',
    componentCategory: 'recoil',
    quantity,
    deliveredQuantity: delivered,
    remaining: quantity - delivered,
    priority: 'routine',
    neededBy: '2026-04-30',
    overdue: false,
    facilityId: TEST_FACILITY_ID,
    facilityCode: 'LV-RW1',
    repairJobId: null,
    repairJobNumber: null,
    systemId: null,
    systemSerial: null,
    justification: 'Recoil buffer leaks',
    status,
    allowedTransitions: [...allowedRequestMoves(status)],
    requestedBy: testUser('workshop').id,
    requesterName: 'Test Workshop',
    supplierPartnerId: null,
    supplierPartnerCode: null,
    expectedOn: null,
    autoBarrel: false,
    submittedAt: null,
    approvedAt: null,
    deliveredAt: null,
    closedAt: null,
    version: 1,
    createdAt: '2026-03-01T08:00:00.000Z',
    updatedAt: '2026-03-01T08:00:00.000Z',
    ...overrides,
  };
}

/** A request as its page's one request answers it: no moves or deliveries yet, unless given. */
export function testComponentRequestDetail(overrides: Partial<ComponentRequestDetail> = {}): ComponentRequestDetail {
  return { ...testComponentRequest(overrides), transitions: [], deliveries: [], repairJob: null, ...overrides };
}
