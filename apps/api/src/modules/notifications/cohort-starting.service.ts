import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { COHORT_STARTING_DAYS } from '@jv/domain';
import type { DataSource } from 'typeorm';
import { rootLogger } from '../../common/logger';
import { ENV, type Env } from '../../config/env';
import { workshopToday } from '../repair-jobs/repair-jobs.rules';
import { notify } from './notify';

export const COHORT_STARTING_INTERVAL_MS = 60 * 60 * 1000;
export const COHORT_STARTING_FIRST_RUN_MS = 60 * 1000;
/** advisory lock key: one run at a time across every API process */
export const COHORT_STARTING_LOCK = 74_610_112;

/** The dedup key of a cohort's "starting soon" notice: each person hears of a cohort once. */
export const cohortStartingKey = (cohortId: string) => `cohort_starting:${cohortId}`;

/** The day `days` after `day` (YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export interface CohortStartingResult {
  cohorts: number;
  notified: number;
}

/**
 * Tells the training users of a cohort's base (and the coordinators of every base: training users with no
 * facilities) that it starts within COHORT_STARTING_DAYS days (the workshops' day, Europe/Kyiv): cohorts not
 * cancelled whose start falls between today and today + COHORT_STARTING_DAYS. The dedup key makes a
 * later run (or a second process) tell nobody twice; the advisory lock keeps two runs from overlapping.
 * Runs hourly in every API process (first a minute after start, not under NODE_ENV=test).
 */
@Injectable()
export class CohortStartingService implements OnApplicationBootstrap, OnModuleDestroy {
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
      this.timer = setInterval(() => void this.runLogged(), COHORT_STARTING_INTERVAL_MS).unref();
    }, COHORT_STARTING_FIRST_RUN_MS).unref();
  }

  onModuleDestroy(): void {
    if (this.firstRun) clearTimeout(this.firstRun);
    if (this.timer) clearInterval(this.timer);
    this.firstRun = undefined;
    this.timer = undefined;
  }

  async run(now: Date = new Date()): Promise<CohortStartingResult> {
    const today = workshopToday(now);
    return this.db.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [COHORT_STARTING_LOCK]);
      // cohorts_status_idx (status, starts_on)
      const cohorts: Array<{ id: string; code: string; facility_id: string; starts_on: string }> = await m.query(
        `SELECT c.id, c.code, c.facility_id, c.starts_on::text AS starts_on
           FROM cohorts c
          WHERE c.status <> 'cancelled' AND c.starts_on >= $1::date AND c.starts_on <= $2::date
          ORDER BY c.starts_on, c.code`,
        [today, addDays(today, COHORT_STARTING_DAYS)],
      );
      let notified = 0;
      for (const c of cohorts) {
        notified += await notify(
          m,
          { roles: ['training'], facilityIdOrAll: c.facility_id },
          {
            kind: 'cohort_starting',
            subjectType: 'cohort',
            subjectId: c.id,
            params: { cohortCode: c.code, startsOn: c.starts_on },
            dedupKey: cohortStartingKey(c.id),
          },
        );
      }
      return { cohorts: cohorts.length, notified };
    });
  }

  private async runLogged(): Promise<void> {
    try {
      const result = await this.run();
      if (result.notified > 0) rootLogger().info(result, 'cohort starting notifications');
    } catch (err) {
      rootLogger().error({ err }, 'cohort starting run failed');
    }
  }
}
