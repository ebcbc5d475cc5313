import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BarrelRunResult } from '@jv/contracts';
import { DEFAULT_BARREL_LEAD_DAYS, FORECAST_WINDOW_DAYS, openComponentRequestStatuses } from '@jv/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { rootLogger } from '../../common/logger';
import { ENV, type Env } from '../../config/env';
import { openComponentRequest } from './component-request-opening';
import { isUniqueViolation } from '../../common/pg-errors';

export const BARREL_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** after start, a little later than the preventive scheduler's first run */
export const BARREL_FIRST_RUN_MS = 2 * 60 * 1000;
/** advisory lock key: one barrel run at a time across every API process and the CLI */
export const BARREL_LOCK = 74_610_102;
/** the audit actor of the requests it raises (they have no requester: `requested_by` is null) */
export const BARREL_ACTOR = { id: null, email: 'barrel-requests' } as const;

const OPEN_SQL = `(${openComponentRequestStatuses.map((s) => `'${s}'`).join(', ')})`;

/** One system whose barrel is due for a request; `facility_id` / `component_id` null when it cannot get one. */
export interface BarrelDueRow {
  system_id: string;
  serial_number: string;
  barrel_efc: number;
  barrel_life_efc: number;
  forecast_date: string;
  facility_id: string | null;
  component_id: string | null;
}

/**
 * The systems due for a barrel request on day $1 (UTC), computed in one statement for the whole fleet.
 * The forecast is barrel-wear.ts's, in SQL: rate = EFC of the last $2 days / the days observed (at most
 * $2, at least 1, counted from the first usage report), forecast = today + ceil((life − barrel EFC) /
 * rate) days; no usage, no forecast. Due when that is within the model's lead time (else $3 days), for
 * systems not written off that have no open request for a component of category `barrel` (manual or
 * automatic). With each: the system's facility when it is a repair workshop or a depot, and the
 * compatible barrel component with the lowest part number. The usage sums are two probes per system on
 * the (system_id, date) index, like the systems list's forecast (about 2 s for 20 000 systems with 2 M usage
 * reports; docs/performance.md).
 */
export const BARREL_DUE_SQL = `
WITH fleet AS (
  SELECT s.id, s.serial_number, s.model_id, s.facility_id, s.barrel_efc::float8 AS barrel_efc,
         m.barrel_life_efc::float8 AS life, coalesce(m.barrel_lead_days, $3::int) AS lead_days
    FROM systems s JOIN system_models m ON m.id = s.model_id
   WHERE s.status <> 'written_off'
     AND NOT EXISTS (SELECT 1 FROM component_requests r JOIN components c ON c.id = r.component_id
                      WHERE r.system_id = s.id AND c.category = 'barrel' AND r.status IN ${OPEN_SQL})
),
-- each system's usage is read once: OFFSET 0 keeps the subquery whole, MATERIALIZED keeps rate computed once
rated AS MATERIALIZED (
  SELECT f.*,
         CASE WHEN u.first_date IS NULL OR u.efc_window <= 0 THEN 0
              ELSE u.efc_window / greatest(1, least($2::int, ($1::date - u.first_date) + 1)) END AS rate
    FROM fleet f
    CROSS JOIN LATERAL (
      SELECT (SELECT min(r.date) FROM usage_reports r WHERE r.system_id = f.id) AS first_date,
             (SELECT coalesce(sum(r.efc), 0) FROM usage_reports r
               WHERE r.system_id = f.id AND r.date > $1::date - $2::int AND r.date <= $1::date)::float8 AS efc_window
      OFFSET 0
    ) u
),
due AS (
  SELECT r.*, ceil(greatest(0, r.life - r.barrel_efc) / r.rate)::int AS days_left
    FROM rated r
   WHERE r.rate > 0 AND ceil(greatest(0, r.life - r.barrel_efc) / r.rate) <= r.lead_days
)
SELECT d.id AS system_id, d.serial_number, d.barrel_efc, d.life AS barrel_life_efc,
       ($1::date + d.days_left)::text AS forecast_date, fac.id AS facility_id, comp.id AS component_id
  FROM due d
  LEFT JOIN facilities fac ON fac.id = d.facility_id AND fac.kind IN ('repair_workshop', 'depot')
  LEFT JOIN LATERAL (
    SELECT c.id FROM component_system_models csm JOIN components c ON c.id = csm.component_id
     WHERE csm.system_model_id = d.model_id AND c.category = 'barrel'
     ORDER BY c.part_number, c.id LIMIT 1
  ) comp ON true
 ORDER BY d.serial_number, d.id`;

const round1 = (n: number) => Math.round(n * 10) / 10;

/** "Barrel wear 87.5 % (2187.5 / 2500 EFC); forecast to reach its life on 2027-01-10" */
export function barrelJustification(row: Pick<BarrelDueRow, 'barrel_efc' | 'barrel_life_efc' | 'forecast_date'>) {
  const wear = round1((row.barrel_efc / row.barrel_life_efc) * 100);
  const head = `Barrel wear ${wear} % (${round1(row.barrel_efc)} / ${row.barrel_life_efc} EFC)`;
  return row.barrel_efc >= row.barrel_life_efc
    ? `${head}; at or past its life (forecast ${row.forecast_date})`
    : `${head}; forecast to reach its life on ${row.forecast_date}`;
}

const isAutoBarrelViolation = (e: unknown) => isUniqueViolation(e, 'component_requests_one_auto_barrel_uq');

/**
 * Raises a draft barrel request (priority, quantity 1, needed by the forecast date, `auto_barrel`) for
 * every system whose barrel is forecast to reach its life within the lead time (BARREL_DUE_SQL), to the
 * system's repair workshop or depot. A run holds a transaction-level advisory lock, so concurrent runs
 * queue and the later one finds the requests of the first; the partial unique index (one open
 * automatic barrel request per system) backs that up, and a violation counts as not created. Runs daily
 * in every API process (first two minutes after start, not under NODE_ENV=test), on
 * `POST /api/v1/component-requests/barrels/run` and as `npm run jobs:barrels`.
 */
@Injectable()
export class BarrelRequestsService implements OnApplicationBootstrap, OnModuleDestroy {
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
      this.timer = setInterval(() => void this.runLogged(), BARREL_INTERVAL_MS).unref();
    }, BARREL_FIRST_RUN_MS).unref();
  }

  onModuleDestroy(): void {
    if (this.firstRun) clearTimeout(this.firstRun);
    if (this.timer) clearInterval(this.timer);
    this.firstRun = undefined;
    this.timer = undefined;
  }

  async run(now: Date = new Date()): Promise<BarrelRunResult> {
    const today = now.toISOString().slice(0, 10);
    return this.db.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [BARREL_LOCK]);
      const due: BarrelDueRow[] = await m.query(BARREL_DUE_SQL, [
        today,
        FORECAST_WINDOW_DAYS,
        DEFAULT_BARREL_LEAD_DAYS,
      ]);
      let created = 0;
      for (const d of due) {
        if (!d.facility_id || !d.component_id) continue;
        if (await this.raise(m, d, today)) created += 1;
      }
      return { due: due.length, created };
    });
  }

  /** One draft request, under a savepoint: a unique violation undoes it (and its number) and answers false. */
  private async raise(m: EntityManager, d: BarrelDueRow, today: string): Promise<boolean> {
    await m.query('SAVEPOINT barrel_request');
    try {
      await openComponentRequest(
        m,
        {
          componentId: d.component_id as string,
          quantity: 1,
          priority: 'priority',
          neededBy: d.forecast_date < today ? today : d.forecast_date,
          facilityId: d.facility_id as string,
          repairJobId: null,
          systemId: d.system_id,
          justification: barrelJustification(d),
          autoBarrel: true,
        },
        BARREL_ACTOR,
      );
      await m.query('RELEASE SAVEPOINT barrel_request');
      return true;
    } catch (e) {
      if (!isAutoBarrelViolation(e)) throw e;
      await m.query('ROLLBACK TO SAVEPOINT barrel_request');
      return false;
    }
  }

  private async runLogged(): Promise<void> {
    try {
      const result = await this.run();
      if (result.created > 0) rootLogger().info(result, 'barrel requests raised');
    } catch (err) {
      rootLogger().error({ err }, 'barrel requests run failed');
    }
  }
}
