import { componentRequestPriorities, componentRequestStatuses } from '@jv/domain';
import { z } from 'zod';
import { pageQuerySchema, timestampsSchema, trimmed, versionSchema } from './common';
import { rule } from './errors';

export const componentRequestStatusSchema = z.enum(componentRequestStatuses);
export const componentRequestPrioritySchema = z.enum(componentRequestPriorities);
const flag = z.enum(['true', 'false']);
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

export const createComponentRequestInputSchema = z.object({
  componentId: z.uuid(),
  quantity: z.number().int().min(1).max(10_000),
  priority: componentRequestPrioritySchema.default('routine'),
  /** not in the past (the workshops' day, Europe/Kyiv) */
  neededBy: z.iso.date(),
  /** a repair workshop or a depot */
  facilityId: z.uuid(),
  /** an open job: the request is linked to it and its system */
  repairJobId: z.uuid().nullable().default(null),
  systemId: z.uuid().nullable().default(null),
  justification: trimmed(3, 2000),
});
export type CreateComponentRequestInput = z.input<typeof createComponentRequestInputSchema>;

/** A draft may change; send the version you edited. */
export const updateComponentRequestInputSchema = z.object({
  version: versionSchema,
  quantity: z.number().int().min(1).max(10_000).optional(),
  priority: componentRequestPrioritySchema.optional(),
  neededBy: z.iso.date().optional(),
  justification: trimmed(3, 2000).optional(),
});
export type UpdateComponentRequestInput = z.infer<typeof updateComponentRequestInputSchema>;

export const componentRequestTransitionInputSchema = z.object({
  to: componentRequestStatusSchema,
  /** required to reject or cancel */
  comment: z.string().trim().max(2000).nullable().optional(),
  /** required to approve: the partner country that supplies */
  supplierPartnerId: z.uuid().optional(),
  /** when the supplier expects to deliver (approve, order, ship) */
  expectedOn: z.iso.date().optional(),
  /** when given, a stale version is refused with 409 */
  version: versionSchema.optional(),
});
export type ComponentRequestTransitionInput = z.infer<typeof componentRequestTransitionInputSchema>;

export const createDeliveryInputSchema = z.object({
  quantity: z.number().int().min(1).max(10_000),
  /** not in the future */
  receivedOn: z.iso.date(),
  waybill: trimmed(1, 60),
  note: z.string().trim().max(2000).nullable().default(null),
});
export type CreateDeliveryInput = z.input<typeof createDeliveryInputSchema>;

export const componentRequestResponseSchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    componentId: z.uuid(),
    componentPartNumber: z.string(),
    componentName: z.string(),
    componentCategory: z.string(),
    quantity: z.number().int(),
    deliveredQuantity: z.number().int(),
    remaining: z.number().int(),
    priority: componentRequestPrioritySchema,
    neededBy: z.iso.date(),
    overdue: z.boolean(),
    facilityId: z.uuid(),
    facilityCode: z.string(),
    repairJobId: z.uuid().nullable(),
    repairJobNumber: z.string().nullable(),
    systemId: z.uuid().nullable(),
    systemSerial: z.string().nullable(),
    justification: z.string(),
    status: componentRequestStatusSchema,
    allowedTransitions: z.array(componentRequestStatusSchema),
    /** null for partner users (no names) */
    requestedBy: z.uuid().nullable(),
    requesterName: z.string().nullable(),
    supplierPartnerId: z.uuid().nullable(),
    supplierPartnerCode: z.string().nullable(),
    expectedOn: z.iso.date().nullable(),
    autoBarrel: z.boolean(),
    submittedAt: z.string().nullable(),
    approvedAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    closedAt: z.string().nullable(),
  })
  .extend(timestampsSchema.shape);
export type ComponentRequestResponse = z.infer<typeof componentRequestResponseSchema>;

export const componentRequestTransitionSchema = z.object({
  id: z.uuid(),
  fromStatus: componentRequestStatusSchema.nullable(),
  toStatus: componentRequestStatusSchema,
  comment: z.string().nullable(),
  /** null for partner users */
  actorName: z.string().nullable(),
  at: z.string(),
});

export const deliveryResponseSchema = z.object({
  id: z.uuid(),
  requestId: z.uuid(),
  quantity: z.number().int(),
  receivedOn: z.iso.date(),
  waybill: z.string(),
  note: z.string().nullable(),
  /** null for partner users (no names) */
  receiverName: z.string().nullable(),
  createdAt: z.string(),
});
export type DeliveryResponse = z.infer<typeof deliveryResponseSchema>;

export const componentRequestDetailSchema = componentRequestResponseSchema.extend({
  transitions: z.array(componentRequestTransitionSchema),
  deliveries: z.array(deliveryResponseSchema),
  /** the linked job, when there is one */
  repairJob: z.object({ id: z.uuid(), number: z.string(), status: z.string(), facilityCode: z.string() }).nullable(),
});
export type ComponentRequestDetail = z.infer<typeof componentRequestDetailSchema>;

export const listComponentRequestsQuerySchema = pageQuerySchema.extend({
  status: z.union([componentRequestStatusSchema, z.array(componentRequestStatusSchema)]).optional(),
  priority: componentRequestPrioritySchema.optional(),
  componentId: z.uuid().optional(),
  facilityId: z.uuid().optional(),
  supplierPartnerId: z.uuid().optional(),
  repairJobId: z.uuid().optional(),
  systemId: z.uuid().optional(),
  overdue: flag.optional(),
  /** the request number, or part of it */
  q: z.string().trim().max(40).optional(),
  /** requests I raised */
  mine: flag.optional(),
  /** submitted requests raised by someone else, for a logistics user or admin to approve */
  awaitingMyApproval: flag.optional(),
});
export type ListComponentRequestsQuery = z.infer<typeof listComponentRequestsQuerySchema>;

export const exportComponentRequestsQuerySchema = listComponentRequestsQuerySchema.omit({ limit: true, cursor: true });
export type ExportComponentRequestsQuery = z.infer<typeof exportComponentRequestsQuerySchema>;

export const componentRequestMetricsSchema = z.object({
  openByStatus: z.record(z.string(), z.number().int()),
  overdue: z.number().int(),
  /** share of requests delivered in the last 365 days that arrived by their needed-by date (0–1), null without any */
  onTimeRate: z.number().nullable(),
  /** suppliers with open requests or requests approved in the last 365 days, by code */
  perSupplier: z.array(
    z.object({
      supplierPartnerId: z.uuid(),
      supplierPartnerCode: z.string(),
      /** median days from submitted to approved, over requests approved in the last 365 days; null without any */
      medianSubmitToApproveDays: z.number().nullable(),
      /** median days from approved to delivered, over requests approved in the last 365 days and delivered */
      medianApproveToDeliverDays: z.number().nullable(),
      /** requests approved in the last 365 days that are delivered */
      delivered: z.number().int(),
      /** every open request (draft to shipped), however old */
      open: z.number().int(),
    }),
  ),
});
export type ComponentRequestMetrics = z.infer<typeof componentRequestMetricsSchema>;

/** The automatic barrel requests run: how many systems were due and how many drafts it raised. */
export const barrelRunResultSchema = z.object({ due: z.number().int(), created: z.number().int() });
export type BarrelRunResult = z.infer<typeof barrelRunResultSchema>;

// Supply plans -------------------------------------------------------------------------------------
export const supplyPlanParamsSchema = z.object({ partnerId: z.uuid(), month });

/** One plan line: a quantity of a component or of a system model (exactly one of the two). */
export const supplyPlanLineInputSchema = z
  .object({
    componentId: z.uuid().nullable().default(null),
    systemModelId: z.uuid().nullable().default(null),
    quantity: z.number().int().min(1).max(100_000),
  })
  .refine((l) => (l.componentId === null) !== (l.systemModelId === null), {
    path: ['componentId'],
    ...rule('component_or_model'),
  });

/** Replaces the month's lines; `version` is the plan's (0 for a month that has no plan yet). */
export const putSupplyPlanInputSchema = z.object({
  version: z.number().int().min(0),
  lines: z.array(supplyPlanLineInputSchema).max(500),
});
export type PutSupplyPlanInput = z.input<typeof putSupplyPlanInputSchema>;

export const supplyPlanResponseSchema = z.object({
  partnerId: z.uuid(),
  partnerCode: z.string(),
  month,
  /** 0 when the month has no plan yet */
  version: z.number().int(),
  lines: z.array(
    z.object({
      componentId: z.uuid().nullable(),
      systemModelId: z.uuid().nullable(),
      /** part number or model designation */
      label: z.string(),
      quantity: z.number().int(),
    }),
  ),
  updatedAt: z.string().nullable(),
});
export type SupplyPlanResponse = z.infer<typeof supplyPlanResponseSchema>;

export const planVsActualQuerySchema = z.object({ partnerId: z.uuid(), from: month, to: month });
export type PlanVsActualQuery = z.infer<typeof planVsActualQuerySchema>;

export const planVsActualSchema = z.object({
  partnerId: z.uuid(),
  from: month,
  to: month,
  months: z.array(
    z.object({
      month,
      lines: z.array(
        z.object({
          componentId: z.uuid().nullable(),
          systemModelId: z.uuid().nullable(),
          label: z.string(),
          planned: z.number().int(),
          delivered: z.number().int(),
          /** delivered / planned × 100, one decimal; null when nothing was planned */
          fulfilmentPercent: z.number().nullable(),
        }),
      ),
      planned: z.number().int(),
      delivered: z.number().int(),
      fulfilmentPercent: z.number().nullable(),
    }),
  ),
});
export type PlanVsActual = z.infer<typeof planVsActualSchema>;
