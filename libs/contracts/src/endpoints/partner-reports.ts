import { idParamSchema, pageSchema } from '../common';
import { endpoint } from '../endpoint';
import {
  createPartnerReportInputSchema,
  createReportReleaseInputSchema,
  dashboardSchema,
  listNotificationsQuerySchema,
  listPartnerReportsQuerySchema,
  notificationsPageSchema,
  partnerReportDetailSchema,
  partnerReportFiguresSchema,
  partnerReportPreviewQuerySchema,
  partnerReportSummarySchema,
  partnerReportTransitionInputSchema,
  reportDocumentQuerySchema,
  reportReleaseSchema,
  reportReleasesSchema,
} from '../partner-reports';

const tag = 'partner-reports';
const read = { resource: 'partnerReports', action: 'read' } as const;
const prepRead = { resource: 'reportPreparation', action: 'read' } as const;
const prepWrite = { resource: 'reportPreparation', action: 'write' } as const;
const scope = 'Partner users see only the published reports of their own country (drafts and other countries are 404).';

/** Static paths (preview) come before `{id}` so they are never read as an id. */
export const partnerReportsEndpoints = {
  preview: endpoint({
    method: 'GET',
    path: '/v1/partner-reports/preview',
    tag,
    permission: prepRead,
    summary:
      'The live figures of a report for a partner and a period (`2026-10` or `2026-Q3`), computed now; ' +
      '400 period_in_future for a period that has not started',
    query: partnerReportPreviewQuerySchema,
    response: partnerReportFiguresSchema,
  }),
  list: endpoint({
    method: 'GET',
    path: '/v1/partner-reports',
    tag,
    permission: read,
    summary: `Reports, newest first; filters: partnerId, period, status. ${scope}`,
    query: listPartnerReportsQuerySchema,
    response: pageSchema(partnerReportSummarySchema),
  }),
  create: endpoint({
    method: 'POST',
    path: '/v1/partner-reports',
    tag,
    permission: prepWrite,
    summary:
      'Prepare a draft for a partner and a period (figures computed now). 409 DUPLICATE while a draft or ' +
      'approved report exists for them; after publishing, a new report is a correction that supersedes it',
    body: createPartnerReportInputSchema,
    response: partnerReportDetailSchema,
    idempotent: true,
    errors: ['DUPLICATE'],
  }),
  get: endpoint({
    method: 'GET',
    path: '/v1/partner-reports/{id}',
    tag,
    permission: read,
    summary: `One report with its figures, documents and history. ${scope}`,
    params: idParamSchema,
    response: partnerReportDetailSchema,
    errors: ['NOT_FOUND'],
  }),
  refresh: endpoint({
    method: 'POST',
    path: '/v1/partner-reports/{id}/refresh',
    tag,
    permission: prepWrite,
    summary: 'Recompute the figures of a draft (409 REPORT_NOT_DRAFT otherwise)',
    params: idParamSchema,
    response: partnerReportDetailSchema,
    status: 200,
    errors: ['NOT_FOUND', 'REPORT_NOT_DRAFT'],
  }),
  transition: endpoint({
    method: 'POST',
    path: '/v1/partner-reports/{id}/transitions',
    tag,
    permission: prepWrite,
    summary:
      'draft → approved (by someone other than the preparer: 409 FOUR_EYES) → published (freezes the figures, ' +
      'the CSV and the PDF in uk and en with their SHA-256; supersedes an earlier published report for the ' +
      'same partner and period); draft | approved → discarded',
    params: idParamSchema,
    body: partnerReportTransitionInputSchema,
    response: partnerReportDetailSchema,
    status: 200,
    errors: ['NOT_FOUND', 'INVALID_TRANSITION', 'FOUR_EYES', 'STALE_VERSION'],
  }),
  pdf: endpoint({
    method: 'GET',
    path: '/v1/partner-reports/{id}/document.pdf',
    tag,
    permission: read,
    summary:
      'The report as PDF (application/pdf, attachment) in Ukrainian or English: the frozen copy of a ' +
      `published report, a draft watermark otherwise. A partner user's download is logged. ${scope}`,
    params: idParamSchema,
    query: reportDocumentQuerySchema,
    output: 'pdf',
    errors: ['NOT_FOUND'],
  }),
  csv: endpoint({
    method: 'GET',
    path: '/v1/partner-reports/{id}/document.csv',
    tag,
    permission: read,
    summary:
      'The report as CSV (text/csv, attachment, UTF-8 with BOM; section, figure, breakdown, value) in Ukrainian ' +
      `or English; frozen for a published report. A partner user's download is logged. ${scope}`,
    params: idParamSchema,
    query: reportDocumentQuerySchema,
    output: 'csv',
    errors: ['NOT_FOUND'],
  }),
  releases: endpoint({
    method: 'GET',
    path: '/v1/partner-reports/{id}/releases',
    tag,
    permission: prepRead,
    summary: 'The release log: every download by a partner user and every release recorded by staff, oldest first',
    params: idParamSchema,
    response: reportReleasesSchema,
    errors: ['NOT_FOUND'],
  }),
  recordRelease: endpoint({
    method: 'POST',
    path: '/v1/partner-reports/{id}/releases',
    tag,
    permission: prepWrite,
    summary: 'Record that a published report was released to someone (409 REPORT_NOT_PUBLISHED otherwise)',
    params: idParamSchema,
    body: createReportReleaseInputSchema,
    response: reportReleaseSchema,
    idempotent: true,
    errors: ['NOT_FOUND', 'REPORT_NOT_PUBLISHED'],
  }),
} as const;

export const dashboardEndpoints = {
  get: endpoint({
    method: 'GET',
    path: '/v1/dashboard',
    tag: 'dashboard',
    permission: { resource: 'dashboard', action: 'read' },
    summary:
      'Fleet availability now and over 12 months, repair backlog per facility, turnaround, overdue requests, ' +
      "upcoming cohorts and seat use, crew-coverage gaps. Partner users get their country's slice",
    response: dashboardSchema,
  }),
} as const;

export const notificationsEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/v1/notifications',
    tag: 'notifications',
    permission: 'signedIn',
    summary: "The signed-in user's inbox, newest first (filter unread=true), with the unread count",
    query: listNotificationsQuerySchema,
    response: notificationsPageSchema,
  }),
  readAll: endpoint({
    method: 'POST',
    path: '/v1/notifications/read-all',
    tag: 'notifications',
    permission: 'signedIn',
    summary: 'Mark every notification of the signed-in user read',
    output: 'none',
  }),
  read: endpoint({
    method: 'POST',
    path: '/v1/notifications/{id}/read',
    tag: 'notifications',
    permission: 'signedIn',
    summary: "Mark one notification read (another user's is 404)",
    params: idParamSchema,
    output: 'none',
    errors: ['NOT_FOUND'],
  }),
} as const;
