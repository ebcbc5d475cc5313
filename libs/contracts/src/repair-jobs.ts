import { repairJobStatuses } from '@jv/domain';
import { z } from 'zod';
import { pageQuerySchema, timestampsSchema, trimmed, versionSchema } from './common';
import { componentRequestStatusSchema } from './component-requests';
import { repairJobKinds, repairJobPriorities } from './enums';
import { rule } from './errors';

export const repairJobStatusSchema = z.enum(repairJobStatuses);
export const repairJobKindSchema = z.enum(repairJobKinds);
export const repairJobPrioritySchema = z.enum(repairJobPriorities);

const barrelSerial = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[A-Za-z0-9][A-Za-z0-9./-]*$/, rule('serial_chars'));

export const createRepairJobInputSchema = z.object({
  facilityId: z.uuid(),
  systemId: z.uuid(),
  kind: repairJobKindSchema,
  priority: repairJobPrioritySchema.default('routine'),
  reportedFault: trimmed(3, 4000),
  technicianIds: z.array(z.uuid()).max(20).default([]),
});
export type CreateRepairJobInput = z.input<typeof createRepairJobInputSchema>;

export const updateRepairJobInputSchema = z.object({
  version: versionSchema,
  priority: repairJobPrioritySchema.optional(),
  reportedFault: trimmed(3, 4000).optional(),
  diagnosis: z.string().trim().max(4000).nullable().optional(),
  technicianIds: z.array(z.uuid()).max(20).optional(),
});
export type UpdateRepairJobInput = z.infer<typeof updateRepairJobInputSchema>;

export const repairJobTransitionInputSchema = z.object({
  to: repairJobStatusSchema,
  comment: z.string().trim().max(2000).nullable().optional(),
  /** when given, a stale version is refused with 409 */
  version: versionSchema.optional(),
  /** barrel_change jobs: the new barrel's serial, required to complete */
  newBarrelSerial: barrelSerial.optional(),
});
export type RepairJobTransitionInput = z.infer<typeof repairJobTransitionInputSchema>;

/** Asking the facility's colleagues for a job's quality sign-off; `version` as for a move (409 when stale). */
export const signOffRequestInputSchema = z.object({ version: versionSchema.optional() }).strict();
export type SignOffRequestInput = z.infer<typeof signOffRequestInputSchema>;

export const signOffRequestResponseSchema = z.object({
  /** how many colleagues this request notified (0 for a repeat within the quiet window) */
  notified: z.number().int(),
  /** a request made within the quiet window of the last one notifies nobody again */
  repeated: z.boolean(),
  /** when the colleagues were last asked (this request, or the earlier one it repeats) */
  requestedAt: z.string(),
});
export type SignOffRequestResponse = z.infer<typeof signOffRequestResponseSchema>;

export const listRepairJobsQuerySchema = pageQuerySchema.extend({
  facilityId: z.uuid().optional(),
  status: z.union([repairJobStatusSchema, z.array(repairJobStatusSchema)]).optional(),
  kind: repairJobKindSchema.optional(),
  priority: repairJobPrioritySchema.optional(),
  systemId: z.uuid().optional(),
  technicianId: z.uuid().optional(),
  openedFrom: z.iso.date().optional(),
  openedTo: z.iso.date().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** open = every state but completed and cancelled */
  open: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(60).optional(),
  /** the job has component requests and every one not cancelled or rejected is delivered */
  partsReady: z.enum(['true', 'false']).optional(),
});
export type ListRepairJobsQuery = z.infer<typeof listRepairJobsQuerySchema>;

/** The list's filters without paging: GET /repair-jobs/export.csv streams every match. */
export const exportRepairJobsQuerySchema = listRepairJobsQuerySchema.omit({ limit: true, cursor: true });
export type ExportRepairJobsQuery = z.infer<typeof exportRepairJobsQuerySchema>;

export const repairJobResponseSchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    facilityId: z.uuid(),
    facilityCode: z.string(),
    systemId: z.uuid(),
    systemSerial: z.string(),
    modelDesignation: z.string(),
    kind: repairJobKindSchema,
    priority: repairJobPrioritySchema,
    status: repairJobStatusSchema,
    reportedFault: z.string(),
    diagnosis: z.string().nullable(),
    /** empty for partner users (no personal data) */
    technicianIds: z.array(z.uuid()),
    technicians: z.array(z.object({ id: z.uuid(), displayName: z.string() })),
    openedAt: z.string(),
    dueAt: z.string(),
    closedAt: z.string().nullable(),
    overdue: z.boolean(),
    /** every request linked to the job is delivered (awaiting_parts jobs) */
    partsReady: z.boolean(),
    allowedTransitions: z.array(repairJobStatusSchema),
    totalHours: z.number(),
    newBarrelSerial: z.string().nullable(),
    preventivePlanId: z.uuid().nullable(),
  })
  .extend(timestampsSchema.shape);
export type RepairJobResponse = z.infer<typeof repairJobResponseSchema>;

export const repairJobTransitionSchema = z.object({
  id: z.string(),
  fromStatus: repairJobStatusSchema.nullable(),
  toStatus: repairJobStatusSchema,
  comment: z.string().nullable(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export type RepairJobTransition = z.infer<typeof repairJobTransitionSchema>;

/**
 * One job as its page shows it, in one answer: the job (with its facility code, system serial and model
 * designation), what the header and the parts form need besides (the system's model, the facility's
 * name), its transitions and the time spent in each state.
 */
export const repairJobDetailSchema = repairJobResponseSchema.extend({
  /** the model of the job's system: the components compatible with it are the parts it may use */
  modelId: z.uuid(),
  facilityName: z.string(),
  transitions: z.array(repairJobTransitionSchema),
  /** milliseconds spent in each state so far */
  timeInStates: z.record(z.string(), z.number()),
  /** the component requests linked to the job (in the caller's request scope), oldest first */
  componentRequests: z.array(
    z.object({
      id: z.uuid(),
      number: z.string(),
      status: componentRequestStatusSchema,
      componentPartNumber: z.string(),
      componentName: z.string(),
      quantity: z.number().int(),
      deliveredQuantity: z.number().int(),
      remaining: z.number().int(),
      expectedOn: z.iso.date().nullable(),
      neededBy: z.iso.date(),
      overdue: z.boolean(),
    }),
  ),
});
export type RepairJobDetail = z.infer<typeof repairJobDetailSchema>;

export const createWorkLogInputSchema = z.object({
  date: z.iso.date(),
  hours: z.number().min(0.25).max(24).multipleOf(0.25),
  note: z.string().trim().max(2000).nullable().default(null),
});
export type CreateWorkLogInput = z.input<typeof createWorkLogInputSchema>;

export const workLogResponseSchema = z.object({
  id: z.string(),
  jobId: z.uuid(),
  technicianId: z.uuid().nullable(),
  technicianName: z.string().nullable(),
  date: z.string(),
  hours: z.number(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type WorkLogResponse = z.infer<typeof workLogResponseSchema>;
export const workLogListSchema = z.object({ items: z.array(workLogResponseSchema), totalHours: z.number() });
export type WorkLogList = z.infer<typeof workLogListSchema>;

export const createPartUsedInputSchema = z.object({
  componentId: z.uuid(),
  quantity: z.number().int().min(1).max(10_000),
  componentRequestId: z.uuid().nullable().default(null),
});
export type CreatePartUsedInput = z.input<typeof createPartUsedInputSchema>;

export const partUsedResponseSchema = z.object({
  id: z.string(),
  jobId: z.uuid(),
  componentId: z.uuid(),
  partNumber: z.string(),
  componentName: z.string(),
  quantity: z.number().int(),
  componentRequestId: z.uuid().nullable(),
  createdAt: z.string(),
});
export type PartUsedResponse = z.infer<typeof partUsedResponseSchema>;

const planFields = {
  modelId: z.uuid(),
  name: trimmed(1, 160),
  intervalDays: z.number().int().min(1).max(3650).nullable(),
  intervalEfc: z.number().min(1).max(100_000).nullable(),
  active: z.boolean().default(true),
};
const needsInterval = (v: { intervalDays?: number | null; intervalEfc?: number | null }) =>
  v.intervalDays != null || v.intervalEfc != null;
export const createPreventivePlanInputSchema = z
  .object(planFields)
  .refine(needsInterval, { path: ['intervalDays'], ...rule('interval_required') });
export type CreatePreventivePlanInput = z.input<typeof createPreventivePlanInputSchema>;
/** `active` has no default here: a PATCH that leaves it out must not re-activate a plan. */
export const updatePreventivePlanInputSchema = z
  .object(planFields)
  .partial()
  .extend({ active: z.boolean().optional(), version: versionSchema });
export type UpdatePreventivePlanInput = z.infer<typeof updatePreventivePlanInputSchema>;
export const preventivePlanResponseSchema = z
  .object({
    id: z.uuid(),
    ...planFields,
    modelDesignation: z.string(),
  })
  .extend(timestampsSchema.shape);
export type PreventivePlanResponse = z.infer<typeof preventivePlanResponseSchema>;

export const preventiveRunResultSchema = z.object({ opened: z.number().int(), jobNumbers: z.array(z.string()) });
export type PreventiveRunResult = z.infer<typeof preventiveRunResultSchema>;

export const repairJobMetricsQuerySchema = z.object({
  facilityId: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type RepairJobMetricsQuery = z.infer<typeof repairJobMetricsQuerySchema>;

export const repairJobMetricsSchema = z.object({
  backlog: z.array(
    z.object({
      facilityId: z.uuid(),
      facilityCode: z.string(),
      status: repairJobStatusSchema,
      count: z.number().int(),
    }),
  ),
  turnaround: z.object({
    completed: z.number().int(),
    medianHours: z.number().nullable(),
    p90Hours: z.number().nullable(),
  }),
  awaitingParts: z.object({ medianHours: z.number().nullable(), p90Hours: z.number().nullable() }),
  completedPerWeek: z.array(z.object({ weekStart: z.string(), count: z.number().int() })),
  overdueOpen: z.number().int(),
});
export type RepairJobMetrics = z.infer<typeof repairJobMetricsSchema>;

export const listPreventivePlansQuerySchema = pageQuerySchema.extend({
  modelId: z.uuid().optional(),
  active: z.enum(['true', 'false']).optional(),
});
export type ListPreventivePlansQuery = z.infer<typeof listPreventivePlansQuerySchema>;

export const partUsedListSchema = z.object({ items: z.array(partUsedResponseSchema) });
export type PartUsedList = z.infer<typeof partUsedListSchema>;

/** Workshop staff of one facility, to assign as technicians (admins and that facility's workshop users). */
export const listTechniciansQuerySchema = z.object({ facilityId: z.uuid() });
export type ListTechniciansQuery = z.infer<typeof listTechniciansQuerySchema>;
export const technicianSchema = z.object({ id: z.uuid(), displayName: z.string() });
export const technicianListSchema = z.object({ items: z.array(technicianSchema) });
export type TechnicianList = z.infer<typeof technicianListSchema>;
