import type { Translation } from '../../i18n/uk';

/**
 * The kinds of record the API writes to the audit log (`entityType`), each with a uk/en label under
 * `enums.auditEntity`. The contract leaves `entityType` a plain string, so an unknown kind still shows
 * (raw) and can still be filtered by.
 */
export type AuditEntityType = keyof Translation['enums']['auditEntity'];

export const auditEntityTypes = [
  'user',
  'partner',
  'joint_venture',
  'facility',
  'system_model',
  'component',
  'unit',
  'system',
  'system_import',
  'usage_report',
  'repair_job',
  'work_log',
  'part_used',
  'preventive_plan',
  'component_request',
  'delivery',
  'supply_plan',
] as const satisfies readonly AuditEntityType[];

/** The app page that shows a record of each kind (the edit form for reference data); none for the rest. */
const recordPages: Partial<Record<string, (id: string) => string>> = {
  user: (id) => `/admin/users/${id}`,
  system: (id) => `/systems/${id}`,
  repair_job: (id) => `/repair-jobs/${id}`,
  component_request: (id) => `/component-requests/${id}`,
  partner: (id) => `/reference/partners/${id}/edit`,
  joint_venture: (id) => `/reference/joint-ventures/${id}/edit`,
  facility: (id) => `/reference/facilities/${id}/edit`,
  system_model: (id) => `/reference/system-models/${id}/edit`,
  component: (id) => `/reference/components/${id}/edit`,
  unit: (id) => `/reference/units/${id}/edit`,
};

/** The page of one audited record, or undefined when that kind of record has no page. */
export function recordPath(entityType: string, entityId: string): string | undefined {
  return Object.hasOwn(recordPages, entityType) ? recordPages[entityType]?.(encodeURIComponent(entityId)) : undefined;
}

/** The first 8 characters of an id (a UUID is recognisable by them), the whole id when it is short. */
export function shortId(id: string): string {
  return id.length > 10 ? `${id.slice(0, 8)}…` : id;
}
