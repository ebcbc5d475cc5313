import {
  notificationKinds,
  notificationSubjects,
  partnerReportStatuses,
  readinessClasses,
  REPORT_PERIOD_PATTERN,
  systemStatuses,
} from '@jv/domain';
import { z } from 'zod';
import { pageQuerySchema, pageSchema, trimmed, versionSchema } from './common';
import { rule } from './errors';

export const partnerReportStatusSchema = z.enum(partnerReportStatuses);
export const reportLangSchema = z.enum(['uk', 'en']);
export type ReportLang = z.infer<typeof reportLangSchema>;

/** `2026-10` (a month) or `2026-Q3` (a quarter) */
export const reportPeriodSchema = z.string().trim().regex(REPORT_PERIOD_PATTERN, rule('report_period'));

const count = z.number().int().min(0);
const rate = z.number().min(0).max(100).nullable();
const month = z.string().regex(/^\d{4}-\d{2}$/);

// The figures --------------------------------------------------------------------------------------
/**
 * What a partner is told for one period, computed in SQL from the live tables (preview, draft) and
 * frozen on publishing. Counts only: no names of people, no service numbers.
 */
export const partnerReportFiguresSchema = z.object({
  partner: z.object({ id: z.uuid(), code: z.string(), name: z.string(), role: z.string() }),
  period: z.object({ period: z.string(), kind: z.enum(['month', 'quarter']), start: z.iso.date(), end: z.iso.date() }),
  /** when the figures were computed */
  computedAt: z.iso.datetime({ offset: true }),
  /** the period had not ended when they were computed: "at the period's end" means "then" */
  inProgress: z.boolean(),
  /** the systems the partner donated, as they stood at the period's end */
  fleet: z.object({
    /** donated and registered by the period's end, written off included */
    systems: count,
    byStatus: z.array(z.object({ status: z.enum(systemStatuses), systems: count })),
    byReadiness: z.array(z.object({ readiness: z.enum(readinessClasses), systems: count })),
    /** FMC + PMC share of the systems not written off, in % (one decimal); null when there are none */
    availabilityRate: rate,
    /** systems whose delivery date falls in the period */
    deliveredInPeriod: count,
    byModel: z.array(
      z.object({ modelId: z.uuid(), designation: z.string(), systems: count, available: count, delivered: count }),
    ),
  }),
  /** repair jobs on those systems */
  repairs: z.object({
    opened: count,
    completed: count,
    /** completed in the period: days from opened to completed (median, one decimal) */
    medianTurnaroundDays: z.number().min(0).nullable(),
    /** open at the period's end */
    openAtEnd: count,
  }),
  /** rounds fired by those systems in the period (usage reports), per system model */
  use: z.object({
    rounds: count,
    efc: z.number().min(0),
    byModel: z.array(z.object({ modelId: z.uuid(), designation: z.string(), rounds: count, efc: z.number().min(0) })),
  }),
  /** the partner's supply plans against what arrived, per month of the period */
  supply: z.object({
    months: z.array(
      z.object({
        month,
        /** planned components (all lines naming a component) */
        plannedComponents: count,
        /** components received from this supplier in the month (deliveries) */
        deliveredComponents: count,
        plannedSystems: count,
        /** systems of this donor whose delivery date falls in the month */
        deliveredSystems: count,
      }),
    ),
    /** requests this partner supplies that were approved and not yet delivered at the period's end */
    openRequests: count,
    /** of those, past their needed-by date at the period's end */
    overdueRequests: count,
  }),
  /** training on the partner's system models (the models of the systems it donated) */
  training: z.object({
    cohortsCompleted: count,
    /** people who gained a qualification on those models in the period (each person once) */
    peopleQualified: count,
    coverage: z.array(
      z.object({
        modelId: z.uuid(),
        designation: z.string(),
        systemsInService: count,
        crewsRequired: count,
        crewsCovered: count,
        coveragePercent: rate,
      }),
    ),
  }),
});
export type PartnerReportFigures = z.infer<typeof partnerReportFiguresSchema>;

// Reports ------------------------------------------------------------------------------------------
export const createPartnerReportInputSchema = z.object({ partnerId: z.uuid(), period: reportPeriodSchema });
export type CreatePartnerReportInput = z.infer<typeof createPartnerReportInputSchema>;

export const partnerReportPreviewQuerySchema = createPartnerReportInputSchema;
export type PartnerReportPreviewQuery = z.infer<typeof partnerReportPreviewQuerySchema>;

export const partnerReportTransitionInputSchema = z.object({
  to: partnerReportStatusSchema,
  comment: z.string().trim().max(2000).nullable().optional(),
  /** when given, a stale version is refused with 409 */
  version: versionSchema.optional(),
});
export type PartnerReportTransitionInput = z.infer<typeof partnerReportTransitionInputSchema>;

export const listPartnerReportsQuerySchema = pageQuerySchema.extend({
  partnerId: z.uuid().optional(),
  period: reportPeriodSchema.optional(),
  status: partnerReportStatusSchema.optional(),
});
export type ListPartnerReportsQuery = z.infer<typeof listPartnerReportsQuerySchema>;

export const reportDocumentQuerySchema = z.object({ lang: reportLangSchema.default('uk') });
export type ReportDocumentQuery = z.infer<typeof reportDocumentQuerySchema>;

const person = z.object({ id: z.uuid(), displayName: z.string() }).nullable();

/** A stored, frozen document of a published report. */
export const reportDocumentSchema = z.object({
  format: z.enum(['pdf', 'csv']),
  lang: reportLangSchema,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: count,
});
export type ReportDocument = z.infer<typeof reportDocumentSchema>;

export const partnerReportSummarySchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  partnerId: z.uuid(),
  partnerCode: z.string(),
  partnerName: z.string(),
  period: z.string(),
  periodStart: z.iso.date(),
  periodEnd: z.iso.date(),
  status: partnerReportStatusSchema,
  computedAt: z.iso.datetime({ offset: true }),
  preparedBy: person,
  preparedAt: z.iso.datetime({ offset: true }),
  approvedBy: person,
  approvedAt: z.iso.datetime({ offset: true }).nullable(),
  publishedBy: person,
  publishedAt: z.iso.datetime({ offset: true }).nullable(),
  /** the published report this one corrects */
  supersedesId: z.uuid().nullable(),
  /** the published report that corrected this one */
  supersededById: z.uuid().nullable(),
});
export type PartnerReportSummary = z.infer<typeof partnerReportSummarySchema>;

export const partnerReportTransitionSchema = z.object({
  from: partnerReportStatusSchema.nullable(),
  to: partnerReportStatusSchema,
  comment: z.string().nullable(),
  actor: person,
  at: z.iso.datetime({ offset: true }),
});

export const partnerReportDetailSchema = partnerReportSummarySchema.extend({
  figures: partnerReportFiguresSchema,
  /** SHA-256 of the figures as canonical JSON (sorted keys); set when published */
  figuresSha256: z.string().nullable(),
  /** the frozen PDF and CSV in each language (published reports only) */
  documents: z.array(reportDocumentSchema),
  transitions: z.array(partnerReportTransitionSchema),
  /** what the current user may do next */
  allowedTransitions: z.array(partnerReportStatusSchema),
});
export type PartnerReportDetail = z.infer<typeof partnerReportDetailSchema>;

// Release log --------------------------------------------------------------------------------------
export const releaseChannels = ['email', 'diplomatic_mail', 'meeting', 'portal', 'other'] as const;
export const releaseChannelSchema = z.enum(releaseChannels);

export const createReportReleaseInputSchema = z.object({
  recipient: trimmed(2, 200),
  channel: releaseChannelSchema,
  note: z.string().trim().max(2000).nullable().default(null),
});
export type CreateReportReleaseInput = z.input<typeof createReportReleaseInputSchema>;

export const reportReleaseSchema = z.object({
  id: z.uuid(),
  reportId: z.uuid(),
  /** `download`: a partner user downloaded the document; `recorded`: staff recorded a release */
  kind: z.enum(['download', 'recorded']),
  recipient: z.string(),
  /** `download` for downloads */
  channel: z.string(),
  note: z.string().nullable(),
  format: z.enum(['pdf', 'csv']).nullable(),
  lang: reportLangSchema.nullable(),
  /** the SHA-256 of the document released (downloads); null for a recorded release */
  sha256: z.string().nullable(),
  actor: person,
  at: z.iso.datetime({ offset: true }),
});
export type ReportRelease = z.infer<typeof reportReleaseSchema>;
export const reportReleasesSchema = z.object({ items: z.array(reportReleaseSchema) });

export const preparedReportsSchema = z.object({
  periods: z.array(z.string()),
  prepared: z.array(z.object({ id: z.uuid(), partnerCode: z.string(), period: z.string() })),
});
export type PreparedReports = z.infer<typeof preparedReportsSchema>;

// Dashboard ----------------------------------------------------------------------------------------
export const dashboardSchema = z.object({
  /** the partner whose slice this is (partner users), else null */
  partnerId: z.uuid().nullable(),
  asOf: z.iso.datetime({ offset: true }),
  fleet: z.object({
    /** systems not written off */
    inService: count,
    byReadiness: z.array(z.object({ readiness: z.enum(readinessClasses), systems: count })),
    /** in transit: no readiness class */
    inTransit: count,
    availabilityRate: rate,
    /** the last 12 months, oldest first; the current month is `partial` (as of now) */
    trend: z.array(
      z.object({ month, availabilityRate: rate, available: count, inService: count, partial: z.boolean() }),
    ),
  }),
  /** open repair jobs per repair workshop */
  backlog: z.array(
    z.object({
      facilityId: z.uuid(),
      facilityCode: z.string(),
      facilityName: z.string(),
      open: count,
      overdue: count,
      awaitingParts: count,
    }),
  ),
  /** jobs completed in the last 90 days: median days from opened to completed */
  turnaround: z.object({ completed: count, medianDays: z.number().min(0).nullable() }),
  /** approved, not delivered, past needed-by */
  overdueRequests: z.object({ count, oldestNeededBy: z.iso.date().nullable() }),
  /** cohorts starting in the next 30 days (not cancelled) with seats taken */
  upcomingCohorts: z.array(
    z.object({
      cohortId: z.uuid(),
      code: z.string(),
      courseTitle: z.string(),
      facilityName: z.string(),
      startsOn: z.iso.date(),
      seats: count,
      seatsTaken: count,
    }),
  ),
  /** models whose qualified crews fall short of the systems in service, largest gap first */
  crewCoverageGaps: z.array(
    z.object({
      modelId: z.uuid(),
      designation: z.string(),
      systemsInService: count,
      crewsRequired: count,
      crewsCovered: count,
      gap: count,
    }),
  ),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

// Notifications ------------------------------------------------------------------------------------
export const notificationKindSchema = z.enum(notificationKinds);
export const notificationSchema = z.object({
  id: z.uuid(),
  kind: notificationKindSchema,
  subjectType: z.enum(notificationSubjects),
  subjectId: z.uuid(),
  /**
   * what the sentence names: `{ requestNumber }`, `{ jobNumber }`, `{ partnerCode, period }`,
   * `{ cohortCode, startsOn }`
   */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  createdAt: z.iso.datetime({ offset: true }),
  readAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const listNotificationsQuerySchema = pageQuerySchema.extend({ unread: z.enum(['true', 'false']).optional() });
export type ListNotificationsQuery = z.infer<typeof listNotificationsQuerySchema>;
export const notificationsPageSchema = pageSchema(notificationSchema).extend({ unreadCount: count });
export type NotificationsPage = z.infer<typeof notificationsPageSchema>;
