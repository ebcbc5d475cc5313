import type { PartnerReportDetail, PartnerReportFigures, PartnerReportSummary, ReportRelease } from '@jv/contracts';
import { allowedReportMoves, type PartnerReportStatus } from '@jv/domain';
import { TEST_PARTNER_ID, testUser } from '../../../test/fixtures';

export const REPORT_ID = '3c4d5e6f-0000-4000-8000-000000000001';
export const OTHER_REPORT_ID = '3c4d5e6f-0000-4000-8000-000000000002';
const MODEL_ID = '6a7b8c9d-0000-4000-8000-000000000001';

const logistics = testUser('logistics');
const admin = testUser('admin');

/** The figures of LV for 2026-Q3 as GET /partner-reports/preview answers them. */
export function testFigures(overrides: Partial<PartnerReportFigures> = {}): PartnerReportFigures {
  return {
    partner: { id: TEST_PARTNER_ID, code: 'LV', name: 'Latvia', role: 'co_lead' },
    period: { period: '2026-Q3', kind: 'quarter', start: '2026-07-01', end: '2026-09-30' },
    computedAt: '2026-10-02T08:00:00.000Z',
    inProgress: false,
    fleet: {
      systems: 12,
      byStatus: [
        { status: 'operational', systems: 9 },
        { status: 'in_repair', systems: 3 },
      ],
      byReadiness: [
        { readiness: 'FMC', systems: 9 },
        { readiness: 'NMC-M', systems: 3 },
      ],
      availabilityRate: 75,
      deliveredInPeriod: 2,
      byModel: [{ modelId: MODEL_ID, designation: 'M109A5Ö', systems: 12, available: 9, delivered: 2 }],
    },
    repairs: { opened: 4, completed: 3, medianTurnaroundDays: 12.5, openAtEnd: 1 },
    use: {
      rounds: 1520,
      efc: 310.5,
      byModel: [{ modelId: MODEL_ID, designation: 'M109A5Ö', rounds: 1520, efc: 310.5 }],
    },
    supply: {
      months: [
        { month: '2026-07', plannedComponents: 10, deliveredComponents: 8, plannedSystems: 1, deliveredSystems: 1 },
        { month: '2026-08', plannedComponents: 5, deliveredComponents: 5, plannedSystems: 0, deliveredSystems: 0 },
        { month: '2026-09', plannedComponents: 0, deliveredComponents: 2, plannedSystems: 1, deliveredSystems: 1 },
      ],
      openRequests: 3,
      overdueRequests: 1,
    },
    training: {
      cohortsCompleted: 2,
      peopleQualified: 17,
      coverage: [
        {
          modelId: MODEL_ID,
          designation: 'M109A5Ö',
          systemsInService: 12,
          crewsRequired: 24,
          crewsCovered: 18,
          coveragePercent: 75,
        },
      ],
    },
    ...overrides,
  };
}

/** A report as GET /partner-reports/{id} answers it; the moves default to the workflow's. */
export function testReport(overrides: Partial<PartnerReportDetail> = {}): PartnerReportDetail {
  const status: PartnerReportStatus = overrides.status ?? 'draft';
  const approved = status === 'approved' || status === 'published';
  const published = status === 'published';
  return {
    id: REPORT_ID,
    version: 1,
    partnerId: TEST_PARTNER_ID,
    partnerCode: 'LV',
    partnerName: 'Latvia',
    period: '2026-Q3',
    periodStart: '2026-07-01',
    periodEnd: '2026-09-30',
    status,
    computedAt: '2026-10-02T08:00:00.000Z',
    preparedBy: { id: logistics.id, displayName: 'Олег Логіст' },
    preparedAt: '2026-10-02T08:00:00.000Z',
    approvedBy: approved ? { id: admin.id, displayName: 'Ірина Друга' } : null,
    approvedAt: approved ? '2026-10-03T09:00:00.000Z' : null,
    publishedBy: published ? { id: admin.id, displayName: 'Адмін Головний' } : null,
    publishedAt: published ? '2026-10-04T10:00:00.000Z' : null,
    supersedesId: null,
    supersededById: null,
    figures: testFigures(),
    figuresSha256: published ? 'f'.repeat(64) : null,
    documents: published
      ? [
          { format: 'pdf', lang: 'uk', sha256: 'a'.repeat(64), bytes: 20480 },
          { format: 'pdf', lang: 'en', sha256: 'b'.repeat(64), bytes: 20400 },
          { format: 'csv', lang: 'uk', sha256: 'c'.repeat(64), bytes: 2048 },
          { format: 'csv', lang: 'en', sha256: 'd'.repeat(64), bytes: 2000 },
        ]
      : [],
    transitions: [
      {
        from: null,
        to: 'draft',
        comment: null,
        actor: { id: logistics.id, displayName: 'Олег Логіст' },
        at: '2026-10-02T08:00:00.000Z',
      },
    ],
    allowedTransitions: [...allowedReportMoves(status)],
    ...overrides,
  };
}

export function testReportSummary(overrides: Partial<PartnerReportSummary> = {}): PartnerReportSummary {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { figures, figuresSha256, documents, transitions, allowedTransitions, ...summary } = testReport(
    overrides as Partial<PartnerReportDetail>,
  );
  return summary;
}

export function testRelease(overrides: Partial<ReportRelease> = {}): ReportRelease {
  return {
    id: '8d9e0f1a-0000-4000-8000-000000000001',
    reportId: REPORT_ID,
    kind: 'download',
    recipient: 'Test Partner',
    channel: 'download',
    note: null,
    format: 'pdf',
    lang: 'uk',
    sha256: 'a'.repeat(64),
    actor: { id: testUser('partner').id, displayName: 'Test Partner' },
    at: '2026-10-05T07:30:00.000Z',
    ...overrides,
  };
}
