import { readinessClasses, repairJobStatuses, systemStatuses } from '@jv/domain';
import { z } from 'zod';
import { pageQuerySchema, timestampsSchema, trimmed, versionSchema } from './common';
import { fieldRuleCodes, rule } from './errors';

export const systemStatusSchema = z.enum(systemStatuses);
export type SystemStatusValue = z.infer<typeof systemStatusSchema>;
export const readinessClassSchema = z.enum(readinessClasses);

const serial = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[A-Za-z0-9][A-Za-z0-9./-]*$/, rule('serial_chars'));
const efc = z.number().min(0).max(1_000_000).multipleOf(0.01);

export const createSystemInputSchema = z
  .object({
    modelId: z.uuid(),
    serialNumber: serial,
    donorPartnerId: z.uuid(),
    unitId: z.uuid().nullable().default(null),
    facilityId: z.uuid().nullable().default(null),
    status: systemStatusSchema.exclude(['written_off']).default('operational'),
    totalEfc: efc.default(0),
    barrelEfc: efc.default(0),
    barrelSerial: serial.nullable().default(null),
    notes: z.string().trim().max(2000).nullable().default(null),
    /** the day the system was handed over to Ukraine (plan vs actual counts it in that month) */
    deliveredOn: z.iso.date().nullable().default(null),
  })
  .refine((v) => v.barrelEfc <= v.totalEfc, { path: ['barrelEfc'], ...rule('barrel_efc_over_total') });
export type CreateSystemInput = z.input<typeof createSystemInputSchema>;

/** Editable fields; the status changes only through POST /systems/{id}/status. */
export const updateSystemInputSchema = z.object({
  version: versionSchema,
  serialNumber: serial.optional(),
  donorPartnerId: z.uuid().optional(),
  unitId: z.uuid().nullable().optional(),
  facilityId: z.uuid().nullable().optional(),
  barrelSerial: serial.nullable().optional(),
  notes: z.string().trim().max(2000).nullable().optional(),
  deliveredOn: z.iso.date().nullable().optional(),
});
export type UpdateSystemInput = z.infer<typeof updateSystemInputSchema>;

export const changeSystemStatusInputSchema = z.object({
  /** when given, a stale version is refused with 409 */
  version: versionSchema.optional(),
  status: systemStatusSchema,
  reason: trimmed(3, 1000),
});
export type ChangeSystemStatusInput = z.infer<typeof changeSystemStatusInputSchema>;

export const systemSortSchema = z.enum(['serial', 'wear', 'lastChange']);
export const listSystemsQuerySchema = pageQuerySchema.extend({
  status: z.union([systemStatusSchema, z.array(systemStatusSchema)]).optional(),
  readiness: readinessClassSchema.optional(),
  modelId: z.uuid().optional(),
  donorPartnerId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  facilityId: z.uuid().optional(),
  /** percent, e.g. 80 → barrel wear above 80 % */
  wearAbove: z.coerce.number().min(0).max(1000).optional(),
  q: z.string().trim().max(60).optional(),
  sort: systemSortSchema.default('serial'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type ListSystemsQuery = z.infer<typeof listSystemsQuerySchema>;

export const systemResponseSchema = z
  .object({
    id: z.uuid(),
    modelId: z.uuid(),
    modelDesignation: z.string(),
    serialNumber: z.string(),
    donorPartnerId: z.uuid(),
    donorPartnerCode: z.string(),
    unitId: z.uuid().nullable(),
    unitName: z.string().nullable(),
    facilityId: z.uuid().nullable(),
    facilityCode: z.string().nullable(),
    status: systemStatusSchema,
    readiness: readinessClassSchema.nullable(),
    totalEfc: z.number(),
    barrelEfc: z.number(),
    barrelLifeEfc: z.number(),
    barrelSerial: z.string().nullable(),
    /** barrel EFC / barrel life, 0..n (1 = 100 %) */
    barrelWear: z.number(),
    wearFlagged: z.boolean(),
    /** EFC per day over the last 90 days */
    firingRatePerDay: z.number(),
    /** YYYY-MM-DD when the barrel reaches 100 %, null without usage */
    barrelForecastDate: z.string().nullable(),
    statusChangedAt: z.string(),
    notes: z.string().nullable(),
    /** YYYY-MM-DD the system was handed over to Ukraine, null when not recorded */
    deliveredOn: z.iso.date().nullable(),
    /** the system's open repair job; while there is one, the status follows the job */
    openRepairJob: z.object({ id: z.uuid(), number: z.string(), status: z.enum(repairJobStatuses) }).nullable(),
    /**
     * a write-off asked for by hand, waiting for a second person to confirm it (by writing the system off
     * too); who asked is not shown to partner users
     */
    writeOffRequest: z
      .object({
        requestedById: z.uuid().nullable(),
        requestedByName: z.string().nullable(),
        requestedAt: z.iso.datetime({ offset: true }),
        reason: z.string(),
      })
      .nullable(),
  })
  .extend(timestampsSchema.shape);
export type SystemResponse = z.infer<typeof systemResponseSchema>;

export const createUsageReportInputSchema = z.object({
  date: z.iso.date(),
  rounds: z.number().int().min(0).max(10_000),
  efc: efc.max(10_000),
});
export type CreateUsageReportInput = z.infer<typeof createUsageReportInputSchema>;

export const usageReportResponseSchema = z.object({
  id: z.string(),
  systemId: z.uuid(),
  date: z.string(),
  rounds: z.number().int(),
  efc: z.number(),
  reportedById: z.uuid().nullable(),
  createdAt: z.string(),
});
export type UsageReportResponse = z.infer<typeof usageReportResponseSchema>;

export const listUsageReportsQuerySchema = pageQuerySchema.extend({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type ListUsageReportsQuery = z.infer<typeof listUsageReportsQuerySchema>;

/** Weekly EFC for the usage chart. */
export const usageWeekSchema = z.object({ weekStart: z.string(), rounds: z.number(), efc: z.number() });
export type UsageWeek = z.infer<typeof usageWeekSchema>;

export const historyKinds = ['status', 'barrel_change', 'usage'] as const;
export const systemHistoryEntrySchema = z.object({
  kind: z.enum(historyKinds),
  at: z.string(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  fromStatus: systemStatusSchema.nullable().optional(),
  toStatus: systemStatusSchema.nullable().optional(),
  reason: z.string().nullable().optional(),
  oldBarrelSerial: z.string().nullable().optional(),
  newBarrelSerial: z.string().nullable().optional(),
  barrelEfcAtChange: z.number().nullable().optional(),
  date: z.string().nullable().optional(),
  rounds: z.number().nullable().optional(),
  efc: z.number().nullable().optional(),
});
export type SystemHistoryEntry = z.infer<typeof systemHistoryEntrySchema>;

export const readinessGroupBySchema = z.enum(['model', 'donorPartner', 'unit']);
export const readinessSummaryQuerySchema = z.object({ groupBy: readinessGroupBySchema.default('model') });
export const readinessCountsSchema = z.object({
  FMC: z.number(),
  PMC: z.number(),
  'NMC-M': z.number(),
  'NMC-S': z.number(),
  inTransit: z.number(),
  writtenOff: z.number(),
  total: z.number(),
  availabilityRate: z.number().nullable(),
});
export const readinessSummaryResponseSchema = z.object({
  groupBy: readinessGroupBySchema,
  overall: readinessCountsSchema,
  groups: z.array(readinessCountsSchema.extend({ key: z.string().nullable(), label: z.string() })),
});
export type ReadinessSummaryResponse = z.infer<typeof readinessSummaryResponseSchema>;

/** CSV columns of the systems import (header row required). */
export const systemImportColumns = [
  'model',
  'serial_number',
  'donor_partner',
  'unit',
  'facility',
  'status',
  'total_efc',
  'barrel_efc',
  'barrel_serial',
  'notes',
  'delivered_on',
] as const;
/** Import columns a file may leave out (files written before the column existed stay valid). */
export const optionalSystemImportColumns: ReadonlyArray<(typeof systemImportColumns)[number]> = ['delivered_on'];
/** One refused row of an import: where (line, column), which rule (`code`, `params`) and an English sentence. */
export const importRowErrorSchema = z.object({
  line: z.number().int(),
  column: z.string().nullable(),
  code: z.enum(fieldRuleCodes),
  params: z.record(z.string(), z.unknown()).optional(),
  message: z.string(),
});
export const systemImportResultSchema = z.object({
  dryRun: z.boolean(),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  imported: z.number().int(),
  errors: z.array(importRowErrorSchema),
});
export type SystemImportResult = z.infer<typeof systemImportResultSchema>;

// Added with the systems API ------------------------------------------------------------------------

/** The list's filters and sort without paging: GET /systems/export.csv streams every match. */
export const exportSystemsQuerySchema = listSystemsQuerySchema.omit({ limit: true, cursor: true });
export type ExportSystemsQuery = z.infer<typeof exportSystemsQuerySchema>;

/** GET /systems/{id}/history: newest first (status changes, barrel changes, the last 200 usage reports). */
export const systemHistoryResponseSchema = z.array(systemHistoryEntrySchema);

/** GET /systems/{id}/usage-weekly?weeks=26: one entry per week (Monday), oldest first, zero-filled. */
export const usageWeeklyQuerySchema = z.object({ weeks: z.coerce.number().int().min(1).max(104).default(26) });
export type UsageWeeklyQuery = z.infer<typeof usageWeeklyQuerySchema>;
export const usageWeeklyResponseSchema = z.array(usageWeekSchema);

/** POST /systems/import?dryRun=true|false (body text/csv); without dryRun the file is only checked. */
export const systemImportQuerySchema = z.object({ dryRun: z.enum(['true', 'false']).default('true') });
export type SystemImportQuery = z.infer<typeof systemImportQuerySchema>;
