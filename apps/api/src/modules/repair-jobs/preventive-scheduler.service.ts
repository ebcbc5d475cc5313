import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PreventiveRunResult } from '@jv/contracts';
import type { DataSource } from 'typeorm';
import { rootLogger } from '../../common/logger';
import { currentContext } from '../../common/request-context';
import { ENV, type Env } from '../../config/env';
import { AuditService } from '../audit/audit.service';
import { openRepairJob } from './repair-job-opening';
import { CLOSED_STATUSES_SQL } from './repair-jobs.rules';

export const PREVENTIVE_INTERVAL_MS = 24 * 60 * 60 * 1000;
export const PREVENTIVE_FIRST_RUN_MS = 60 * 1000;
/** advisory lock key: one scheduler run at a time across every API process and the CLI */
export const PREVENTIVE_LOCK = 74_610_101;

interface DueRow {
  plan_id: string;
  plan_name: string;
  system_id: string;
  facility_id: string;
}

/**
 * The (plan, system) pairs due now ($1): active plans, systems of the plan's model that are in service
 * (not written off, not in transit) with no open job and a workshop to go to — the system's own
 * facility when it is a repair workshop, else the first repair workshop of the same joint venture.
 * Due = `interval_days` passed since the later of the plan's last job on the system and the system's
 * creation, or `interval_efc` fired since then (usage reports from that day on). One plan per system.
 */
const DUE_SQL = `
  SELECT * FROM (
    SELECT DISTINCT ON (s.id) p.id AS plan_id, p.name AS plan_name, s.id AS system_id, fac.id AS facility_id,
           s.serial_number
      FROM preventive_plans p
      JOIN systems s ON s.model_id = p.model_id AND s.status NOT IN ('written_off', 'in_transit')
      LEFT JOIN facilities cur ON cur.id = s.facility_id
      CROSS JOIN LATERAL (
        SELECT greatest(s.created_at, (SELECT max(j.opened_at) FROM repair_jobs j
                                        WHERE j.preventive_plan_id = p.id AND j.system_id = s.id)) AS since
      ) last
      CROSS JOIN LATERAL (
        SELECT CASE WHEN cur.kind = 'repair_workshop' THEN cur.id
                    ELSE (SELECT w.id FROM facilities w
                           WHERE w.kind = 'repair_workshop' AND w.joint_venture_id = cur.joint_venture_id
                           ORDER BY w.code, w.id LIMIT 1) END AS id
      ) fac
     WHERE p.active
       AND fac.id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM repair_jobs o WHERE o.system_id = s.id AND o.status NOT IN ${CLOSED_STATUSES_SQL})
       AND ((p.interval_days IS NOT NULL AND last.since + make_interval(days => p.interval_days) <= $1::timestamptz)
         OR (p.interval_efc IS NOT NULL AND p.interval_efc <= (
               SELECT coalesce(sum(u.efc), 0) FROM usage_reports u
                WHERE u.system_id = s.id AND u.date >= (last.since AT TIME ZONE 'UTC')::date
                  AND u.date <= ($1::timestamptz AT TIME ZONE 'UTC')::date)))
     ORDER BY s.id, p.name, p.id
  ) due ORDER BY due.facility_id, due.serial_number, due.system_id`;

/**
 * Opens `preventive` jobs for systems whose maintenance plan is due. A run holds a transaction-level
 * advisory lock, so two processes starting at once do the work once, and the one-open-job-per-system
 * rule makes a second run open nothing. Runs daily in every API process (first a minute after start,
 * not under NODE_ENV=test), on `POST /api/v1/preventive-plans/run` and as `npm run jobs:preventive`.
 */
@Injectable()
export class PreventiveSchedulerService implements OnApplicationBootstrap, OnModuleDestroy {
  private firstRun: NodeJS.Timeout | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(ENV) private readonly env: Pick<Env, 'NODE_ENV'>,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.NODE_ENV === 'test') return;
    this.firstRun = setTimeout(() => {
      this.firstRun = undefined;
      void this.runLogged();
      this.timer = setInterval(() => void this.runLogged(), PREVENTIVE_INTERVAL_MS).unref();
    }, PREVENTIVE_FIRST_RUN_MS).unref();
  }

  onModuleDestroy(): void {
    if (this.firstRun) clearTimeout(this.firstRun);
    if (this.timer) clearInterval(this.timer);
    this.firstRun = undefined;
    this.timer = undefined;
  }

  async run(now: Date = new Date()): Promise<PreventiveRunResult> {
    const actor = currentContext()?.user ? undefined : { id: null, email: 'preventive-scheduler' };
    return this.db.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [PREVENTIVE_LOCK]);
      const due: DueRow[] = await m.query(DUE_SQL, [now.toISOString()]);
      const jobNumbers: string[] = [];
      for (const d of due) {
        const opened = await openRepairJob(m, this.audit, {
          facilityId: d.facility_id,
          systemId: d.system_id,
          kind: 'preventive',
          priority: 'routine',
          reportedFault: `Preventive maintenance due: ${d.plan_name}`,
          technicianIds: [],
          preventivePlanId: d.plan_id,
          openedById: null,
          actor,
          skipUnavailable: true,
        });
        if (opened) jobNumbers.push(opened.number);
      }
      return { opened: jobNumbers.length, jobNumbers };
    });
  }

  private async runLogged(): Promise<void> {
    try {
      const result = await this.run();
      if (result.opened > 0) rootLogger().info(result, 'preventive jobs opened');
    } catch (err) {
      rootLogger().error({ err }, 'preventive scheduler failed');
    }
  }
}
