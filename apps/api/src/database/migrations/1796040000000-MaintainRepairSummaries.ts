import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Completed jobs, the rows the turnaround and awaiting-parts figures read. */
const COMPLETED = `"status" = 'completed'`;
/** Whether a system in a status counts as available (the dashboard's `AVAILABLE`). */
const AVAILABLE = `('operational', 'degraded')`;

/** A statement-level trigger per event, each seeing the rows it changed (transition tables). */
function statementTriggers(table: string, fn: string, tables: (event: string) => string): string[] {
  return ['INSERT', 'UPDATE', 'DELETE'].map(
    (event) =>
      `CREATE TRIGGER ${table}_${event.toLowerCase()}_${fn} AFTER ${event} ON ${table} ${tables(event)}
        FOR EACH STATEMENT EXECUTE FUNCTION ${table}_${fn}()`,
  );
}

/** The rows a trigger function reads: `NEW TABLE AS new_rows` and/or `OLD TABLE AS old_rows`. */
const bothTables = (event: string) =>
  `REFERENCING ${event === 'DELETE' ? '' : 'NEW TABLE AS new_rows'} ${event === 'INSERT' ? '' : 'OLD TABLE AS old_rows'}`;

/** The rows of a statement trigger, +1 as they are now and -1 as they were (`%s`: a filter). */
const signedRows = `concat_ws(' UNION ALL ',
    CASE WHEN TG_OP <> 'DELETE' THEN format('SELECT *, 1 AS sign FROM new_rows WHERE %1$s', filter) END,
    CASE WHEN TG_OP <> 'INSERT' THEN format('SELECT *, -1 AS sign FROM old_rows WHERE %1$s', filter) END)`;

/**
 * Repair-job figures kept up to date on write, by triggers, so every writer keeps them (the app, the demo seed,
 * the scale generator, a psql session) in the same transaction as its write:
 * - on the job row: `state_entered_at` (its last move), `awaiting_parts_hours` (the sum of its finished stays in
 *   awaiting_parts; NULL until one has finished) and, once completed, `turnaround_hours`; the two figures also as
 *   a log-scale bucket (`repair_hours_bucket`: 16 per doubling);
 * - `repair_job_completions`: completed jobs per facility and UTC day (the weekly series and the counts);
 * - `repair_job_hours_histogram`: completed jobs per metric, UTC month, facility and bucket; an exact median or
 *   p90 then reads only the jobs of the bucket that holds it;
 * - `system_status_monthly_changes`: per Kyiv month, the net change in systems available and in service (the
 *   dashboard's 12-month trend).
 * Statement-level triggers with transition tables: a bulk insert pays once per statement, not once per row. The
 * app role cannot disable them (it owns no table). The backfill is set-based.
 */
export class MaintainRepairSummaries1796040000000 implements MigrationInterface {
  name = 'MaintainRepairSummaries1796040000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    // the backfill reads every job's moves once (1.5 M at production scale): longer than a request may take
    await q(`SET LOCAL statement_timeout = '10min'`);
    await q(`SET LOCAL work_mem = '256MB'`);
    await q(`ALTER TABLE "repair_jobs" ADD "state_entered_at" TIMESTAMP WITH TIME ZONE,
      ADD "awaiting_parts_hours" double precision, ADD "awaiting_parts_bucket" smallint,
      ADD "turnaround_hours" double precision, ADD "turnaround_bucket" smallint`);
    await q(`CREATE TABLE "repair_job_completions" ("facility_id" uuid NOT NULL, "day" date NOT NULL,
      "jobs" integer NOT NULL, CONSTRAINT "repair_job_completions_pk" PRIMARY KEY ("facility_id", "day"))`);
    await q(`CREATE TABLE "repair_job_hours_histogram" ("metric" text NOT NULL, "month" date NOT NULL,
      "facility_id" uuid NOT NULL, "bucket" smallint NOT NULL, "jobs" integer NOT NULL,
      CONSTRAINT "repair_job_hours_histogram_pk" PRIMARY KEY ("metric", "month", "facility_id", "bucket"))`);
    await q(`CREATE TABLE "system_status_monthly_changes" ("month" date NOT NULL, "available" integer NOT NULL,
      "in_service" integer NOT NULL, CONSTRAINT "system_status_monthly_changes_pk" PRIMARY KEY ("month"))`);

    // non-decreasing in h, so the k-th smallest value lies in the bucket where the running count passes k;
    // NULL (no figure) stays NULL
    await q(`CREATE FUNCTION repair_hours_bucket(h double precision) RETURNS smallint
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      RETURN floor(16 * ln(1 + greatest(h, 0)) / ln(2))::smallint`);

    // the job row's figures from its own moves, exactly as the metrics computed them before: each stay runs to
    // the next move in (at, id) order. `jobs` limits it to some jobs (a trigger) or, NULL, to all (the backfill).
    const fromMoves = (jobs: string | null) => `
      SELECT j.id, s.last_at, s.hours,
             CASE WHEN j.status = 'completed' AND j.closed_at IS NOT NULL
                  THEN (extract(epoch FROM j.closed_at - j.opened_at) / 3600)::float8 END AS turnaround
        FROM repair_jobs j
        LEFT JOIN (
          SELECT m.job_id, max(m.at) AS last_at,
                 (sum(extract(epoch FROM m.next_at - m.at))
                   FILTER (WHERE m.to_status = 'awaiting_parts' AND m.next_at IS NOT NULL) / 3600)::float8 AS hours
            FROM (SELECT t.job_id, t.to_status, t.at,
                         lead(t.at) OVER (PARTITION BY t.job_id ORDER BY t.at, t.id) AS next_at
                    FROM repair_job_transitions t ${jobs ? `WHERE t.job_id IN (${jobs})` : ''}) m
           GROUP BY m.job_id
        ) s ON s.job_id = j.id
       ${jobs ? `WHERE j.id IN (${jobs})` : ''}`;
    await q(`UPDATE repair_jobs j SET state_entered_at = x.last_at, awaiting_parts_hours = x.hours,
        awaiting_parts_bucket = repair_hours_bucket(x.hours), turnaround_hours = x.turnaround,
        turnaround_bucket = repair_hours_bucket(x.turnaround)
        FROM (${fromMoves(null)}) x WHERE j.id = x.id`);

    await q(`CREATE FUNCTION repair_job_transitions_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE repair_jobs j SET awaiting_parts_hours = x.hours, state_entered_at = x.last_at
    FROM (${fromMoves('SELECT job_id FROM changed')}) x
   WHERE j.id = x.id AND (j.awaiting_parts_hours IS DISTINCT FROM x.hours OR j.state_entered_at IS DISTINCT FROM x.last_at);
  RETURN NULL;
END $$`);
    for (const s of statementTriggers(
      'repair_job_transitions',
      'sync',
      (event) => `REFERENCING ${event === 'DELETE' ? 'OLD' : 'NEW'} TABLE AS changed`,
    ))
      await q(s);

    await q(`CREATE FUNCTION repair_jobs_derive() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.turnaround_hours := CASE WHEN NEW.status = 'completed' AND NEW.closed_at IS NOT NULL
    THEN (extract(epoch FROM NEW.closed_at - NEW.opened_at) / 3600)::float8 END;
  NEW.turnaround_bucket := repair_hours_bucket(NEW.turnaround_hours);
  NEW.awaiting_parts_bucket := repair_hours_bucket(NEW.awaiting_parts_hours);
  RETURN NEW;
END $$`);
    await q(`CREATE TRIGGER repair_jobs_derive BEFORE INSERT OR UPDATE ON repair_jobs
      FOR EACH ROW EXECUTE FUNCTION repair_jobs_derive()`);

    // the summaries as counts of the completed rows `d` (+1 as they are, -1 as they were); net-zero groups are
    // left alone, and rows are locked in key order so that two writers never wait on each other crosswise
    const summarize = (d: string) => `
      WITH d AS (${d}),
      days AS (
        INSERT INTO repair_job_completions AS c (facility_id, day, jobs)
        SELECT facility_id, (closed_at AT TIME ZONE 'UTC')::date, sum(sign) FROM d
         GROUP BY 1, 2 HAVING sum(sign) <> 0 ORDER BY 1, 2
        ON CONFLICT (facility_id, day) DO UPDATE SET jobs = c.jobs + excluded.jobs
      )
      INSERT INTO repair_job_hours_histogram AS h (metric, month, facility_id, bucket, jobs)
      SELECT metric, month, facility_id, bucket, sum(sign) FROM (
        SELECT 'turnaround' AS metric, date_trunc('month', closed_at AT TIME ZONE 'UTC')::date AS month, facility_id,
               turnaround_bucket AS bucket, sign FROM d
        UNION ALL
        SELECT 'awaiting_parts', date_trunc('month', closed_at AT TIME ZONE 'UTC')::date, facility_id,
               awaiting_parts_bucket, sign FROM d WHERE awaiting_parts_hours IS NOT NULL
      ) x GROUP BY 1, 2, 3, 4 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3, 4
      ON CONFLICT (metric, month, facility_id, bucket) DO UPDATE SET jobs = h.jobs + excluded.jobs`;
    await q(summarize(`SELECT *, 1 AS sign FROM repair_jobs WHERE ${COMPLETED} AND closed_at IS NOT NULL`));
    await q(`CREATE FUNCTION repair_jobs_summarize() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  filter CONSTANT text := 'status = ''completed'' AND closed_at IS NOT NULL';
BEGIN
  EXECUTE format(${quoteLiteral(summarize('%s'))}, ${signedRows});
  RETURN NULL;
END $fn$`);
    for (const s of statementTriggers('repair_jobs', 'summarize', bothTables)) await q(s);

    // the trend: a history row moves one system from `from_status` (NULL: registered then) to `to_status`
    const monthly = (d: string) => `
      INSERT INTO system_status_monthly_changes AS m (month, available, in_service)
      SELECT date_trunc('month', at AT TIME ZONE 'Europe/Kyiv')::date,
             sum(sign * ((to_status IN ${AVAILABLE})::int - (coalesce(from_status IN ${AVAILABLE}, false))::int)),
             sum(sign * ((to_status <> 'written_off')::int
                         - (from_status IS NOT NULL AND from_status <> 'written_off')::int))
        FROM (${d}) d GROUP BY 1 ORDER BY 1
      ON CONFLICT (month) DO UPDATE SET available = m.available + excluded.available,
                                        in_service = m.in_service + excluded.in_service`;
    await q(monthly(`SELECT *, 1 AS sign FROM system_status_history`));
    await q(`CREATE FUNCTION system_status_history_summarize() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  filter CONSTANT text := 'true';
BEGIN
  EXECUTE format(${quoteLiteral(monthly('%s'))}, ${signedRows});
  RETURN NULL;
END $fn$`);
    for (const s of statementTriggers('system_status_history', 'summarize', bothTables)) await q(s);

    // completed jobs by close time now also cover the buckets (the histogram's partial months, index-only)
    await q(`DROP INDEX "public"."repair_jobs_completed_idx"`);
    await q(`CREATE INDEX "repair_jobs_completed_idx" ON "repair_jobs" ("closed_at")
      INCLUDE ("opened_at", "facility_id", "id", "turnaround_bucket", "awaiting_parts_bucket") WHERE ${COMPLETED}`);
    // the jobs of one bucket in value order (an exact percentile's last step)
    await q(`CREATE INDEX "repair_jobs_turnaround_idx" ON "repair_jobs" ("turnaround_bucket", "turnaround_hours")
      INCLUDE ("closed_at", "facility_id") WHERE ${COMPLETED}`);
    await q(`CREATE INDEX "repair_jobs_awaiting_parts_idx" ON "repair_jobs" ("awaiting_parts_bucket",
      "awaiting_parts_hours") INCLUDE ("closed_at", "facility_id") WHERE ${COMPLETED}
      AND "awaiting_parts_hours" IS NOT NULL`);
    // open jobs per facility and state, and the overdue ones, from a few index pages
    await q(`CREATE INDEX "repair_jobs_open_idx" ON "repair_jobs" ("facility_id", "status", "due_at")
      WHERE "status" NOT IN ('completed', 'cancelled')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    for (const [table, fn] of [
      ['system_status_history', 'summarize'],
      ['repair_jobs', 'summarize'],
      ['repair_job_transitions', 'sync'],
    ]) {
      for (const event of ['insert', 'update', 'delete']) await q(`DROP TRIGGER ${table}_${event}_${fn} ON ${table}`);
      await q(`DROP FUNCTION ${table}_${fn}()`);
    }
    await q(`DROP TRIGGER repair_jobs_derive ON repair_jobs`);
    await q(`DROP FUNCTION repair_jobs_derive()`);
    await q(`DROP INDEX "public"."repair_jobs_open_idx"`);
    await q(`DROP INDEX "public"."repair_jobs_awaiting_parts_idx"`);
    await q(`DROP INDEX "public"."repair_jobs_turnaround_idx"`);
    await q(`DROP INDEX "public"."repair_jobs_completed_idx"`);
    await q(`CREATE INDEX "repair_jobs_completed_idx" ON "repair_jobs" ("closed_at")
      INCLUDE ("opened_at", "facility_id", "id") WHERE ${COMPLETED}`);
    await q(`DROP FUNCTION repair_hours_bucket(double precision)`);
    await q(`DROP TABLE "system_status_monthly_changes"`);
    await q(`DROP TABLE "repair_job_hours_histogram"`);
    await q(`DROP TABLE "repair_job_completions"`);
    await q(`ALTER TABLE "repair_jobs" DROP COLUMN "turnaround_bucket", DROP COLUMN "turnaround_hours",
      DROP COLUMN "awaiting_parts_bucket", DROP COLUMN "awaiting_parts_hours", DROP COLUMN "state_entered_at"`);
  }
}

/** A SQL string literal (for a statement a trigger function runs through EXECUTE). */
function quoteLiteral(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}
