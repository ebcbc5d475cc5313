import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PreparedReports } from '@jv/contracts';
import { parseReportPeriod, periodInFuture, periodsEndedOn } from '@jv/domain';
import type { DataSource } from 'typeorm';
import { rootLogger } from '../../common/logger';
import { ENV, type Env } from '../../config/env';
import { workshopToday } from '../repair-jobs/repair-jobs.rules';
import { insertDraft } from './partner-report-store';

export const REPORTS_INTERVAL_MS = 60 * 60 * 1000;
export const REPORTS_FIRST_RUN_MS = 90 * 1000;
/** advisory lock key: one automatic-drafts run at a time across every API process and the CLI */
export const REPORTS_LOCK = 74_610_110;

/** The partners that get a report (co-leads and members, not the host) with none for the period but discarded ones. */
const DUE_PARTNERS_SQL = `
SELECT p.id FROM partners p
 WHERE p.role IN ('co_lead', 'member')
   AND NOT EXISTS (SELECT 1 FROM partner_reports r
                    WHERE r.partner_id = p.id AND r.period = $1 AND r.status <> 'discarded')
 ORDER BY p.code, p.id`;

/**
 * The automatic drafts: on the first day of a month (Kyiv) a draft for the month just ended — and on the
 * first day of a quarter for the quarter too — for every partner country, prepared by nobody (the
 * four-eyes rule then lets any admin or logistics user approve it). A run holds a transaction-level
 * advisory lock and skips partners that have a report for the period (any status but discarded); the
 * partial unique index with ON CONFLICT DO NOTHING is the last guard. So a draft is prepared once, however
 * often and however concurrently it runs: hourly in every API process (not under NODE_ENV=test) and as
 * `npm run reports:prepare [-- --period 2026-10]`.
 */
@Injectable()
export class PartnerReportsSchedulerService implements OnApplicationBootstrap, OnModuleDestroy {
  private firstRun: NodeJS.Timeout | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ENV) private readonly env: Pick<Env, 'NODE_ENV'>,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.NODE_ENV === 'test') return;
    this.firstRun = setTimeout(() => {
      this.firstRun = undefined;
      void this.runLogged();
      this.timer = setInterval(() => void this.runLogged(), REPORTS_INTERVAL_MS).unref();
    }, REPORTS_FIRST_RUN_MS).unref();
  }

  onModuleDestroy(): void {
    if (this.firstRun) clearTimeout(this.firstRun);
    if (this.timer) clearInterval(this.timer);
    this.firstRun = undefined;
    this.timer = undefined;
  }

  /** Prepares the drafts of `periods` (default: the periods that ended yesterday, Kyiv). */
  async run(now: Date = new Date(), periods?: readonly string[]): Promise<PreparedReports> {
    const today = workshopToday(now);
    const wanted = [...(periods ?? periodsEndedOn(today))];
    const parsed = wanted.map((period) => {
      const p = parseReportPeriod(period);
      if (!p) throw new Error(`Not a report period: ${period} (a month 2026-10 or a quarter 2026-Q3)`);
      if (periodInFuture(p, today)) throw new Error(`The period ${period} has not started yet`);
      return p;
    });
    const prepared: PreparedReports['prepared'] = [];
    if (parsed.length === 0) return { periods: wanted, prepared };
    await this.db.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [REPORTS_LOCK]);
      for (const period of parsed) {
        const partners: Array<{ id: string }> = await m.query(DUE_PARTNERS_SQL, [period.period]);
        for (const partner of partners) {
          const draft = await insertDraft(m, {
            partnerId: partner.id,
            period,
            preparedBy: null,
            now,
            actor: { id: null, email: 'report-scheduler' },
            onConflict: 'skip',
          });
          if (draft) prepared.push({ id: draft.id, partnerCode: draft.partnerCode, period: period.period });
        }
      }
    });
    return { periods: wanted, prepared };
  }

  private async runLogged(): Promise<void> {
    try {
      const result = await this.run();
      if (result.prepared.length > 0) rootLogger().info(result, 'partner report drafts prepared');
    } catch (err) {
      rootLogger().error({ err }, 'partner report drafts failed');
    }
  }
}
