/**
 * Partner reports: the information exchange with each partner country. A report covers one partner and
 * one period (a month `2026-10` or a quarter `2026-Q3`). It is prepared as a draft, approved by a second
 * person, then published — and a published report is frozen. A correction is a new report for the same
 * partner and period that supersedes the old one.
 *
 * draft → approved → published; draft | approved → discarded. Approval is by someone other than the
 * person who prepared the report (four eyes).
 */
export const partnerReportStatuses = ['draft', 'approved', 'published', 'discarded'] as const;
export type PartnerReportStatus = (typeof partnerReportStatuses)[number];

/** Draft and approved reports are still being worked on: at most one per partner and period. */
export const openPartnerReportStatuses: readonly PartnerReportStatus[] = ['draft', 'approved'];

const REPORT_MOVES: Record<PartnerReportStatus, readonly PartnerReportStatus[]> = {
  draft: ['approved', 'discarded'],
  approved: ['published', 'discarded'],
  published: [],
  discarded: [],
};

export function allowedReportMoves(from: PartnerReportStatus): readonly PartnerReportStatus[] {
  return REPORT_MOVES[from];
}

export type ReportMoveCheck =
  | { ok: true }
  | {
      ok: false;
      code: 'INVALID_TRANSITION';
      from: PartnerReportStatus;
      to: PartnerReportStatus;
      allowed: readonly PartnerReportStatus[];
    }
  | { ok: false; code: 'FOUR_EYES' };

/** Whether `actorId` may move a report prepared by `preparedById` from `from` to `to`. */
export function checkReportMove(
  from: PartnerReportStatus,
  to: PartnerReportStatus,
  facts: { actorId: string; preparedById: string | null },
): ReportMoveCheck {
  const allowed = allowedReportMoves(from);
  if (!allowed.includes(to)) return { ok: false, code: 'INVALID_TRANSITION', from, to, allowed };
  if (to === 'approved' && facts.preparedById !== null && facts.actorId === facts.preparedById)
    return { ok: false, code: 'FOUR_EYES' };
  return { ok: true };
}

export const REPORT_PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2]|Q[1-4])$/;

export interface ReportPeriod {
  /** `2026-10` or `2026-Q3` */
  period: string;
  kind: 'month' | 'quarter';
  /** first day, YYYY-MM-DD */
  start: string;
  /** last day (included), YYYY-MM-DD */
  end: string;
  /** the months it covers, `YYYY-MM` */
  months: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** `2026-10` → October 2026; `2026-Q3` → July to September 2026; anything else → null. */
export function parseReportPeriod(period: string): ReportPeriod | null {
  const m = REPORT_PERIOD_PATTERN.exec(period);
  if (!m) return null;
  const year = Number(m[1]);
  const part = m[2] as string;
  const quarter = part.startsWith('Q');
  const first = quarter ? (Number(part.slice(1)) - 1) * 3 + 1 : Number(part);
  const last = quarter ? first + 2 : first;
  const months: string[] = [];
  for (let month = first; month <= last; month++) months.push(`${year}-${pad(month)}`);
  return {
    period,
    kind: quarter ? 'quarter' : 'month',
    start: `${year}-${pad(first)}-01`,
    end: `${year}-${pad(last)}-${pad(lastDay(year, last))}`,
    months,
  };
}

/** A period whose first day is after `today` (YYYY-MM-DD) has nothing to report yet. */
export const periodInFuture = (p: ReportPeriod, today: string) => p.start > today;

/** A period that has not ended by `today`: its figures are still moving. */
export const periodInProgress = (p: ReportPeriod, today: string) => p.end >= today;

/**
 * The periods that ended the day before `today` (YYYY-MM-DD) — what the automatic drafts prepare on
 * the first day of a month: the previous month, and on the first day of a quarter also the previous
 * quarter. Any other day: none.
 */
export function periodsEndedOn(today: string): string[] {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  if (d !== 1) return [];
  const prevYear = m === 1 ? y - 1 : y;
  const prevMonth = m === 1 ? 12 : m - 1;
  const periods = [`${prevYear}-${pad(prevMonth)}`];
  if ((m - 1) % 3 === 0) periods.push(`${prevYear}-Q${Math.ceil(prevMonth / 3)}`);
  return periods;
}

/** The month and quarter that ended most recently before `today`: what a person preparing by hand wants. */
export function latestEndedPeriods(today: string): { month: string; quarter: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const prevYear = m === 1 ? y - 1 : y;
  const prevMonth = m === 1 ? 12 : m - 1;
  const q = Math.ceil(m / 3) - 1;
  return { month: `${prevYear}-${pad(prevMonth)}`, quarter: q === 0 ? `${y - 1}-Q4` : `${y}-Q${q}` };
}

/**
 * What the in-app inbox tells people. Each kind goes to the people named here, created in the same
 * transaction as the event:
 * - `request_awaits_approval`: a request was submitted → admin and logistics users but its requester;
 * - `request_approved` / `request_rejected` / `request_delivered`: → the request's requester;
 * - `job_parts_ready`: every request of a job is delivered → workshop users of the job's facility;
 * - `sign_off_requested`: someone asked for a job's quality sign-off → the other workshop users of the job's
 *   facility who may sign it off (logged no work on it);
 * - `report_awaits_approval`: a report was prepared → admin and logistics users but its preparer;
 * - `report_published`: → partner users of the report's country;
 * - `cohort_starting`: a cohort starts within 7 days → training users of its base (those with no facilities
 *   coordinate every base), once per cohort and person.
 */
export const notificationKinds = [
  'request_awaits_approval',
  'request_approved',
  'request_rejected',
  'request_delivered',
  'job_parts_ready',
  'sign_off_requested',
  'report_awaits_approval',
  'report_published',
  'cohort_starting',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** The record a notification links to. */
export const notificationSubjects = ['component_request', 'repair_job', 'partner_report', 'cohort'] as const;
export type NotificationSubject = (typeof notificationSubjects)[number];

/** A cohort is "starting" this many days ahead. */
export const COHORT_STARTING_DAYS = 7;
