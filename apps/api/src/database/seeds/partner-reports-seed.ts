import { latestEndedPeriods, parseReportPeriod, periodInFuture } from '@jv/domain';
import type { EntityManager } from 'typeorm';
import { workshopToday } from '../../modules/repair-jobs/repair-jobs.rules';
import {
  insertDraft,
  LOCK_REPORT_SQL,
  type LockedReport,
  moveReport,
} from '../../modules/partner-reports/partner-report-store';

/** The report the demo partner user (Latvia) finds on day one. */
const DEMO_REPORT = { partnerCode: 'LV', period: '2026-Q2' };

/**
 * Demo partner report: Latvia's 2026-Q2 report (the latest ended quarter when that one has not started),
 * prepared by logistics@, approved by logistics2@ and published by admin@ — figures frozen, the PDF and CSV
 * in both languages rendered and stored — so the demo partner user has a published report to read.
 * Does nothing without the partner or those accounts.
 */
export async function seedPartnerReportsDemo(m: EntityManager, now = new Date()): Promise<void> {
  const today = workshopToday(now);
  let period = parseReportPeriod(DEMO_REPORT.period);
  if (!period || periodInFuture(period, today)) period = parseReportPeriod(latestEndedPeriods(today).quarter);
  const [partner]: Array<{ id: string }> = await m.query(`SELECT id FROM partners WHERE code = $1`, [
    DEMO_REPORT.partnerCode,
  ]);
  const users: Array<{ id: string; email: string; display_name: string }> = await m.query(
    `SELECT id, email, display_name FROM users
      WHERE email IN ('logistics@jv.example', 'logistics2@jv.example', 'admin@jv.example')`,
  );
  const user = (email: string) => users.find((u) => u.email === email);
  const preparer = user('logistics@jv.example');
  const approver = user('logistics2@jv.example');
  const publisher = user('admin@jv.example');
  if (!period || !partner || !preparer || !approver || !publisher) return;

  const draft = await insertDraft(m, {
    partnerId: partner.id,
    period,
    preparedBy: preparer.id,
    now,
    actor: { id: preparer.id, email: preparer.email },
    onConflict: 'fail',
  });
  if (!draft) return;
  for (const [to, actor] of [
    ['approved', approver],
    ['published', publisher],
  ] as const) {
    const [report]: LockedReport[] = await m.query(LOCK_REPORT_SQL, [draft.id]);
    await moveReport(m, report, {
      to,
      comment: null,
      actor: { id: actor.id, displayName: actor.display_name },
      now,
      auditActor: { id: actor.id, email: actor.email },
    });
  }
}
