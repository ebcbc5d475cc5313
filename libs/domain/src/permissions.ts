/**
 * The rule table of who may do what. The API's role guard reads it, the web's navigation reads it,
 * docs/authorization.md prints it and the integration tests walk it. Per-object scope (facility for
 * workshop users, partner country for partner users) is checked on top of this, in the services.
 */
export type Role = 'admin' | 'workshop' | 'logistics' | 'training' | 'partner' | 'viewer';
export type Action = 'read' | 'write';

export const ALL_ROLES: readonly Role[] = ['admin', 'workshop', 'logistics', 'training', 'partner', 'viewer'];

export const permissionTable = {
  /** partners, joint ventures, facilities, system models, components, units */
  referenceData: { read: ALL_ROLES, write: ['admin'] },
  users: { read: ['admin'], write: ['admin'] },
  /** artillery systems: create and edit (admin, logistics) */
  systems: { read: ALL_ROLES, write: ['admin', 'logistics'] },
  /**
   * a system's status change (the status and its history are read with `systems`): workshop users only
   * for systems at their facilities
   */
  systemStatus: { read: [], write: ['admin', 'logistics', 'workshop'] },
  /** usage reports (rounds fired): workshop users only for systems at their facilities */
  usageReports: { read: ALL_ROLES, write: ['admin', 'logistics', 'workshop'] },
  /** CSV import of systems */
  systemImport: { read: [], write: ['admin'] },
  /**
   * repair jobs, work logs, parts used, transitions: workshop users only at their facilities; partners read
   * jobs on their country's systems
   */
  repairJobs: { read: ALL_ROLES, write: ['admin', 'workshop'] },
  /** backlog, turnaround and throughput across facilities */
  repairMetrics: { read: ['admin', 'workshop', 'logistics', 'training', 'viewer'], write: [] },
  /** preventive maintenance plans per system model, and running the scheduler by hand */
  preventivePlans: { read: ['admin', 'workshop', 'logistics', 'training', 'viewer'], write: ['admin'] },
  /**
   * component requests: logistics and admin everything; workshop users raise drafts for open jobs at their
   * facilities and read requests to their facilities; partner users read requests their country supplies
   * (no names); everyone else reads
   */
  componentRequests: { read: ALL_ROLES, write: ['admin', 'logistics', 'workshop'] },
  /** approving, rejecting, ordering and shipping requests, and running the barrel job by hand */
  requestApproval: { read: [], write: ['admin', 'logistics'] },
  /** recording a delivery: workshop users only for requests to their facilities */
  deliveries: { read: ALL_ROLES, write: ['admin', 'logistics', 'workshop'] },
  /** monthly supply plans per partner and plan vs actual: partner users read their own country's */
  supplyPlans: { read: ALL_ROLES, write: ['admin', 'logistics'] },
  /** request metrics: open, overdue, on-time rate, supplier lead times */
  requestMetrics: { read: ALL_ROLES, write: [] },
  /** courses and cohorts (no trainee names outside admin and training); partner users: their donated models only */
  training: { read: ALL_ROLES, write: ['admin', 'training'] },
  /** personnel, enrollments with names, qualifications: personal data, admin and training only */
  personnel: { read: ['admin', 'training'], write: ['admin', 'training'] },
  /** the calendar of the training bases and their seat utilisation */
  trainingCalendar: { read: ['admin', 'training', 'workshop', 'logistics', 'viewer'], write: [] },
  /** crew coverage per system model: counts only; partner users for their donated models */
  crewCoverage: { read: ALL_ROLES, write: [] },
  /**
   * partner reports: partner users read the published reports of their own country (drafts and other
   * countries 404); viewers read all
   */
  partnerReports: { read: ['admin', 'logistics', 'viewer', 'partner'], write: [] },
  /** live report figures, preparing, refreshing, approving, publishing and discarding; the release log */
  reportPreparation: { read: ['admin', 'logistics', 'viewer'], write: ['admin', 'logistics'] },
  /** the home page's figures: partner users see their country's slice */
  dashboard: { read: ALL_ROLES, write: [] },
  audit: { read: ['admin'], write: [] },
} as const satisfies Record<string, Record<Action, readonly Role[]>>;

export type Resource = keyof typeof permissionTable;

export function can(role: Role, resource: Resource, action: Action): boolean {
  return (permissionTable[resource][action] as readonly Role[]).includes(role);
}

export function rolesFor(resource: Resource, action: Action): readonly Role[] {
  return permissionTable[resource][action];
}
