import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The rows a statement changed, as `(…columns, sign)`: +1 for NEW TABLE rows, -1 for OLD TABLE rows. */
const changedRows = (op: 'INSERT' | 'UPDATE' | 'DELETE', columns: string) =>
  [
    op !== 'DELETE' ? `SELECT ${columns}, 1 AS sign FROM new_rows` : null,
    op !== 'INSERT' ? `SELECT ${columns}, -1 AS sign FROM old_rows` : null,
  ]
    .filter(Boolean)
    .join(' UNION ALL ');

/**
 * Usage per donor partner, system model and month from the changed usage reports `c` (system_id, date, rounds,
 * efc, sign), added to usage_monthly_totals; `systems` gives each system's donor and model.
 */
const addUsage = (changed: string, systems = 'systems') => `
  INSERT INTO usage_monthly_totals AS t (partner_id, model_id, month, rounds, efc, reports)
  SELECT s.donor_partner_id, s.model_id, date_trunc('month', c.date)::date,
         sum(c.sign * c.rounds), sum(c.sign * c.efc), sum(c.sign)
    FROM (${changed}) c JOIN ${systems} s ON s.id = c.system_id
   GROUP BY 1, 2, 3
   ORDER BY 1, 2, 3
  ON CONFLICT (partner_id, model_id, month) DO UPDATE
    SET rounds = t.rounds + excluded.rounds, efc = t.efc + excluded.efc, reports = t.reports + excluded.reports`;

/**
 * People first qualified per model, kind and month: for each (model, kind, person) the statement touched, its
 * first granted_on before the statement (the rows now, less the ones it added, plus the ones it removed) and
 * after; where they differ the person moves from the old month (-1) to the new one (+1). Writers of
 * qualifications (a cohort's completion, rare) take one transaction lock first, so that two granting the same
 * person at once do not both count them: the second one's statement then sees the first one's rows.
 */
const moveFirstQualified = (changed: string) => `
  PERFORM pg_advisory_xact_lock(1796040100);
  WITH c AS MATERIALIZED (${changed}),
  keys AS MATERIALIZED (SELECT DISTINCT system_model_id, kind, person_id FROM c),
  now_rows AS (
    SELECT q.id, q.system_model_id, q.kind, q.person_id, q.granted_on
      FROM qualifications q JOIN keys k USING (system_model_id, kind, person_id)
  ),
  after AS (SELECT system_model_id, kind, person_id, min(granted_on) AS first_on FROM now_rows GROUP BY 1, 2, 3),
  before AS (
    SELECT system_model_id, kind, person_id, min(granted_on) AS first_on
      FROM (SELECT r.system_model_id, r.kind, r.person_id, r.granted_on FROM now_rows r
             WHERE NOT EXISTS (SELECT 1 FROM c WHERE c.sign = 1 AND c.id = r.id)
            UNION ALL
            SELECT system_model_id, kind, person_id, granted_on FROM c WHERE c.sign = -1) x
     GROUP BY 1, 2, 3
  ),
  moves AS (
    SELECT k.system_model_id, k.kind, b.first_on AS before_on, a.first_on AS after_on
      FROM keys k
      LEFT JOIN before b USING (system_model_id, kind, person_id)
      LEFT JOIN after a USING (system_model_id, kind, person_id)
     WHERE b.first_on IS DISTINCT FROM a.first_on
  )
  INSERT INTO qualified_people_monthly AS t (system_model_id, kind, month, people)
  SELECT system_model_id, kind, month, sum(d)
    FROM (SELECT system_model_id, kind, date_trunc('month', before_on)::date AS month, -1 AS d
            FROM moves WHERE before_on IS NOT NULL
          UNION ALL
          SELECT system_model_id, kind, date_trunc('month', after_on)::date, 1 FROM moves WHERE after_on IS NOT NULL) x
   GROUP BY 1, 2, 3
   ORDER BY 1, 2, 3
  ON CONFLICT (system_model_id, kind, month) DO UPDATE SET people = t.people + excluded.people`;

const OPS = ['INSERT', 'UPDATE', 'DELETE'] as const;
const referencing = (op: (typeof OPS)[number]) =>
  op === 'INSERT'
    ? 'NEW TABLE AS new_rows'
    : op === 'DELETE'
      ? 'OLD TABLE AS old_rows'
      : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';

/**
 * Approved requests per figure, UTC month of approval, supplier, facility and bucket, from the changed requests
 * `c` (…, sign): for a duration (`submit_to_approve`, `approve_to_deliver`) the log-scale bucket of its days, for
 * `approved` (every approved request) 1 when delivered, else 0. Net-zero groups are left alone, and rows are
 * locked in key order so that two writers never wait on each other crosswise.
 */
const addRequestDays = (changed: string) => `
  WITH c AS (${changed})
  INSERT INTO component_request_days_histogram AS h (metric, month, supplier_partner_id, facility_id, bucket, requests)
  SELECT metric, month, supplier_partner_id, facility_id, bucket, sum(sign) FROM (
    SELECT 'submit_to_approve' AS metric, date_trunc('month', approved_at AT TIME ZONE 'UTC')::date AS month,
           supplier_partner_id, facility_id, submit_to_approve_bucket AS bucket, sign FROM c
     WHERE submit_to_approve_bucket IS NOT NULL
    UNION ALL
    SELECT 'approve_to_deliver', date_trunc('month', approved_at AT TIME ZONE 'UTC')::date,
           supplier_partner_id, facility_id, approve_to_deliver_bucket, sign FROM c
     WHERE approve_to_deliver_bucket IS NOT NULL
    UNION ALL
    SELECT 'approved', date_trunc('month', approved_at AT TIME ZONE 'UTC')::date,
           supplier_partner_id, facility_id, (status = 'delivered')::int::smallint, sign FROM c
  ) x WHERE month IS NOT NULL AND supplier_partner_id IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (metric, month, supplier_partner_id, facility_id, bucket) DO UPDATE SET requests = h.requests + excluded.requests`;
const REQUEST_DAYS_COLUMNS =
  'approved_at, supplier_partner_id, facility_id, status, submit_to_approve_bucket, approve_to_deliver_bucket';

/**
 * Component-request and partner-report figures kept up to date on write, by triggers (so every writer keeps them:
 * the app, the demo seed, the scale generator, imports, a psql session), in the same transaction as the write:
 * - `deliveries.supplier_partner_id`: the supplier of the delivery's request, so a partner's deliveries per month
 *   are an index-only range of `deliveries_supplier_received_idx` (no join over the partner's requests);
 * - `usage_monthly_totals`: rounds, EFC and reports per donor partner, system model and month (the report's use);
 * - `qualified_people_monthly`: people per model and kind by the month of their first qualification (crew
 *   coverage by a period's last day is a sum over the months up to it: report periods are whole months);
 * - `component_requests.submit_to_approve_days` / `approve_to_deliver_days`: the float8 values the per-supplier
 *   medians sort (the same expression as before, so the medians stay exact), covered by the approval index;
 * and covering indexes for what stays a scan: a partner's fleet (systems, their status history), people
 * qualified and cohorts completed in a period, requests open at a period's end per supplier.
 * Statement-level triggers with transition tables, so a bulk insert pays once per statement, not per row. The
 * backfill is set-based.
 */
export class MaintainSupplyAndReportSummaries1796040100000 implements MigrationInterface {
  name = 'MaintainSupplyAndReportSummaries1796040100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    // the backfill rewrites every delivery and sums every usage report: longer than the app's statement limit
    await q(`SET LOCAL statement_timeout = '10min'`);

    // deliveries: the request's supplier, on the delivery row
    await q(`ALTER TABLE "deliveries" ADD "supplier_partner_id" uuid`);
    await q(`UPDATE deliveries d SET supplier_partner_id = r.supplier_partner_id
               FROM component_requests r WHERE r.id = d.request_id AND r.supplier_partner_id IS NOT NULL`);
    await q(`CREATE FUNCTION deliveries_fill_supplier() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.supplier_partner_id := (SELECT supplier_partner_id FROM component_requests WHERE id = NEW.request_id);
        RETURN NEW;
      END $$`);
    await q(`CREATE TRIGGER deliveries_fill_supplier BEFORE INSERT OR UPDATE ON deliveries
               FOR EACH ROW EXECUTE FUNCTION deliveries_fill_supplier()`);
    await q(`CREATE FUNCTION component_requests_move_deliveries() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE deliveries SET supplier_partner_id = NEW.supplier_partner_id WHERE request_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q(`CREATE TRIGGER component_requests_move_deliveries AFTER UPDATE OF supplier_partner_id ON component_requests
               FOR EACH ROW WHEN (OLD.supplier_partner_id IS DISTINCT FROM NEW.supplier_partner_id)
               EXECUTE FUNCTION component_requests_move_deliveries()`);
    await q(`CREATE INDEX "deliveries_supplier_received_idx" ON "deliveries" ("supplier_partner_id", "received_on")
               INCLUDE ("quantity") WHERE "supplier_partner_id" IS NOT NULL`);

    // usage per donor, model and month
    await q(`CREATE TABLE "usage_monthly_totals" ("partner_id" uuid NOT NULL, "model_id" uuid NOT NULL,
      "month" date NOT NULL, "rounds" bigint NOT NULL, "efc" numeric NOT NULL, "reports" integer NOT NULL,
      CONSTRAINT "usage_monthly_totals_pk" PRIMARY KEY ("partner_id", "model_id", "month"))`);
    await q(addUsage(`SELECT system_id, date, rounds, efc, 1 AS sign FROM usage_reports`));
    for (const op of OPS) {
      const fn = `usage_reports_totals_${op.toLowerCase()}`;
      await q(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN ${addUsage(changedRows(op, 'system_id, date, rounds, efc'))}; RETURN NULL; END $$`);
      await q(`CREATE TRIGGER ${fn} AFTER ${op} ON usage_reports REFERENCING ${referencing(op)}
                 FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    }
    // A system changing donor or model takes its usage along; one deleted takes it out before its reports go
    // (they cascade after the system row, when the report trigger can no longer find the donor).
    const asRow = (row: 'OLD' | 'NEW') =>
      `(SELECT OLD.id AS id, ${row}.donor_partner_id AS donor_partner_id, ${row}.model_id AS model_id)`;
    const usageOf = (sign: number) =>
      `SELECT system_id, date, rounds, efc, ${sign} AS sign FROM usage_reports WHERE system_id = OLD.id`;
    await q(`CREATE FUNCTION systems_usage_totals() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${addUsage(usageOf(-1), asRow('OLD'))};
        IF TG_OP = 'UPDATE' THEN
          ${addUsage(usageOf(1), asRow('NEW'))};
          RETURN NEW;
        END IF;
        RETURN OLD;
      END $$`);
    await q(`CREATE TRIGGER systems_usage_totals_move BEFORE UPDATE OF donor_partner_id, model_id ON systems
               FOR EACH ROW WHEN (OLD.donor_partner_id IS DISTINCT FROM NEW.donor_partner_id
                                  OR OLD.model_id IS DISTINCT FROM NEW.model_id)
               EXECUTE FUNCTION systems_usage_totals()`);
    await q(`CREATE TRIGGER systems_usage_totals_delete BEFORE DELETE ON systems
               FOR EACH ROW EXECUTE FUNCTION systems_usage_totals()`);

    // people first qualified per model, kind and month
    await q(`CREATE TABLE "qualified_people_monthly" ("system_model_id" uuid NOT NULL, "kind" text NOT NULL,
      "month" date NOT NULL, "people" integer NOT NULL,
      CONSTRAINT "qualified_people_monthly_pk" PRIMARY KEY ("system_model_id", "kind", "month"))`);
    await q(`INSERT INTO qualified_people_monthly (system_model_id, kind, month, people)
      SELECT system_model_id, kind, date_trunc('month', first_on)::date, count(*)
        FROM (SELECT system_model_id, kind, person_id, min(granted_on) AS first_on
                FROM qualifications GROUP BY 1, 2, 3) f
       GROUP BY 1, 2, 3`);
    for (const op of OPS) {
      const fn = `qualifications_people_${op.toLowerCase()}`;
      await q(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN ${moveFirstQualified(changedRows(op, 'id, system_model_id, kind, person_id, granted_on'))}; RETURN NULL; END $$`);
      await q(`CREATE TRIGGER ${fn} AFTER ${op} ON qualifications REFERENCING ${referencing(op)}
                 FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    }

    // covering indexes for what stays a scan
    await q(`CREATE INDEX "systems_donor_fleet_idx" ON "systems" ("donor_partner_id")
               INCLUDE ("id", "model_id", "created_at", "status", "delivered_on")`);
    await q(`DROP INDEX "public"."system_status_history_system_idx"`);
    await q(`CREATE INDEX "system_status_history_system_idx" ON "system_status_history" ("system_id", "at")
               INCLUDE ("from_status", "id")`);
    await q(`CREATE INDEX "qualifications_granted_idx" ON "qualifications" ("granted_on")
               INCLUDE ("system_model_id", "person_id")`);
    await q(`CREATE INDEX "cohorts_completed_idx" ON "cohorts" ("ends_on") INCLUDE ("course_id")
               WHERE "status" = 'completed'`);
    await q(`ANALYZE "deliveries"`);

    // a request's durations in days, as the metrics' medians read them (the float8 values percentile_cont
    // sorts), each with its log-scale bucket (16 per doubling), and whether it came on time (delivered on or
    // before needed_by, the workshops' day in Europe/Kyiv): the time-zone conversion per row was most of the
    // on-time rate's cost
    await q(`ALTER TABLE "component_requests" ADD "submit_to_approve_days" double precision,
               ADD "submit_to_approve_bucket" smallint, ADD "approve_to_deliver_days" double precision,
               ADD "approve_to_deliver_bucket" smallint, ADD "delivered_on_time" boolean`);
    // non-decreasing in d, so the k-th smallest value lies in the bucket where the running count passes k;
    // NULL (no duration) stays NULL
    await q(`CREATE FUNCTION request_days_bucket(d double precision) RETURNS smallint
               LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
               RETURN floor(16 * ln(1 + greatest(d, 0)) / ln(2))::smallint`);
    await q(`UPDATE component_requests
                SET submit_to_approve_days = (extract(epoch FROM approved_at - submitted_at) / 86400)::float8,
                    approve_to_deliver_days = (extract(epoch FROM delivered_at - approved_at) / 86400)::float8,
                    delivered_on_time = (delivered_at AT TIME ZONE 'Europe/Kyiv')::date <= needed_by
              WHERE approved_at IS NOT NULL AND (submitted_at IS NOT NULL OR delivered_at IS NOT NULL)
                 OR delivered_at IS NOT NULL`);
    await q(`UPDATE component_requests
                SET submit_to_approve_bucket = request_days_bucket(submit_to_approve_days),
                    approve_to_deliver_bucket = request_days_bucket(approve_to_deliver_days)
              WHERE submit_to_approve_days IS NOT NULL OR approve_to_deliver_days IS NOT NULL`);
    await q(`CREATE FUNCTION component_requests_durations() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.submit_to_approve_days := (extract(epoch FROM NEW.approved_at - NEW.submitted_at) / 86400)::float8;
        NEW.submit_to_approve_bucket := request_days_bucket(NEW.submit_to_approve_days);
        NEW.approve_to_deliver_days := (extract(epoch FROM NEW.delivered_at - NEW.approved_at) / 86400)::float8;
        NEW.approve_to_deliver_bucket := request_days_bucket(NEW.approve_to_deliver_days);
        NEW.delivered_on_time := (NEW.delivered_at AT TIME ZONE 'Europe/Kyiv')::date <= NEW.needed_by;
        RETURN NEW;
      END $$`);
    await q(`CREATE TRIGGER component_requests_durations BEFORE INSERT OR UPDATE OF submitted_at, approved_at,
               delivered_at, needed_by, submit_to_approve_days, submit_to_approve_bucket, approve_to_deliver_days,
               approve_to_deliver_bucket, delivered_on_time
               ON component_requests FOR EACH ROW EXECUTE FUNCTION component_requests_durations()`);
    await q(`DROP INDEX "public"."component_requests_approved_idx"`);
    await q(`CREATE INDEX "component_requests_approved_idx" ON "component_requests" ("supplier_partner_id", "approved_at")
               INCLUDE ("facility_id", "status", "submitted_at", "delivered_at", "closed_at", "needed_by",
                        "submit_to_approve_days", "approve_to_deliver_days", "submit_to_approve_bucket",
                        "approve_to_deliver_bucket")
               WHERE "approved_at" IS NOT NULL`);

    // the durations' histogram (an exact median reads only the requests of the bucket that holds it), kept by
    // statement triggers: a request changing supplier, facility, approval or delivery moves between its rows
    await q(`CREATE TABLE "component_request_days_histogram" ("metric" text NOT NULL, "month" date NOT NULL,
      "supplier_partner_id" uuid NOT NULL, "facility_id" uuid NOT NULL, "bucket" smallint NOT NULL,
      "requests" integer NOT NULL, CONSTRAINT "component_request_days_histogram_pk"
      PRIMARY KEY ("metric", "month", "supplier_partner_id", "facility_id", "bucket"))`);
    await q(addRequestDays(`SELECT ${REQUEST_DAYS_COLUMNS}, 1 AS sign FROM component_requests`));
    for (const op of OPS) {
      const fn = `component_requests_days_${op.toLowerCase()}`;
      await q(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN ${addRequestDays(changedRows(op, REQUEST_DAYS_COLUMNS))}; RETURN NULL; END $$`);
      await q(`CREATE TRIGGER ${fn} AFTER ${op} ON component_requests REFERENCING ${referencing(op)}
                 FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    }
    // one supplier's requests of one bucket in value order (a median's last step)
    for (const d of ['submit_to_approve', 'approve_to_deliver'])
      await q(`CREATE INDEX "component_requests_${d}_idx" ON "component_requests"
                 ("supplier_partner_id", "${d}_bucket", "${d}_days") INCLUDE ("approved_at", "facility_id")
                 WHERE "approved_at" IS NOT NULL AND "${d}_bucket" IS NOT NULL`);

    // request metrics: the open requests (by status, overdue, per supplier) and the on-time rate, index-only
    // for a scoped user too (facility, supplier)
    await q(`CREATE INDEX "component_requests_open_idx" ON "component_requests" ("status")
               INCLUDE ("needed_by", "facility_id", "supplier_partner_id")
               WHERE "status" IN ('draft', 'submitted', 'approved', 'ordered', 'shipped')`);
    await q(`DROP INDEX "public"."component_requests_delivered_idx"`);
    await q(`CREATE INDEX "component_requests_delivered_idx" ON "component_requests" ("delivered_at")
               INCLUDE ("needed_by", "facility_id", "supplier_partner_id", "delivered_on_time")
               WHERE "status" = 'delivered'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`DROP INDEX "public"."component_requests_delivered_idx"`);
    await q(`CREATE INDEX "component_requests_delivered_idx" ON "component_requests" ("delivered_at")
               INCLUDE ("needed_by") WHERE "status" = 'delivered'`);
    await q(`DROP INDEX "public"."component_requests_open_idx"`);
    for (const d of ['submit_to_approve', 'approve_to_deliver'])
      await q(`DROP INDEX "public"."component_requests_${d}_idx"`);
    for (const op of OPS) {
      await q(`DROP TRIGGER component_requests_days_${op.toLowerCase()} ON component_requests`);
      await q(`DROP FUNCTION component_requests_days_${op.toLowerCase()}()`);
    }
    await q(`DROP TABLE "component_request_days_histogram"`);
    await q(`DROP INDEX "public"."component_requests_approved_idx"`);
    await q(`CREATE INDEX "component_requests_approved_idx" ON "component_requests" ("supplier_partner_id", "approved_at")
               INCLUDE ("facility_id", "status", "submitted_at", "delivered_at") WHERE "approved_at" IS NOT NULL`);
    await q(`DROP TRIGGER component_requests_durations ON component_requests`);
    await q(`DROP FUNCTION component_requests_durations()`);
    await q(`DROP FUNCTION request_days_bucket(double precision)`);
    await q(
      `ALTER TABLE "component_requests" DROP COLUMN "delivered_on_time", DROP COLUMN "approve_to_deliver_bucket",
         DROP COLUMN "approve_to_deliver_days", DROP COLUMN "submit_to_approve_bucket",
         DROP COLUMN "submit_to_approve_days"`,
    );
    await q(`DROP INDEX "public"."cohorts_completed_idx"`);
    await q(`DROP INDEX "public"."qualifications_granted_idx"`);
    await q(`DROP INDEX "public"."system_status_history_system_idx"`);
    await q(`CREATE INDEX "system_status_history_system_idx" ON "system_status_history" ("system_id", "at")`);
    await q(`DROP INDEX "public"."systems_donor_fleet_idx"`);
    for (const op of OPS) {
      await q(`DROP TRIGGER qualifications_people_${op.toLowerCase()} ON qualifications`);
      await q(`DROP FUNCTION qualifications_people_${op.toLowerCase()}()`);
      await q(`DROP TRIGGER usage_reports_totals_${op.toLowerCase()} ON usage_reports`);
      await q(`DROP FUNCTION usage_reports_totals_${op.toLowerCase()}()`);
    }
    await q(`DROP TABLE "qualified_people_monthly"`);
    await q(`DROP TRIGGER systems_usage_totals_delete ON systems`);
    await q(`DROP TRIGGER systems_usage_totals_move ON systems`);
    await q(`DROP FUNCTION systems_usage_totals()`);
    await q(`DROP TABLE "usage_monthly_totals"`);
    await q(`DROP INDEX "public"."deliveries_supplier_received_idx"`);
    await q(`DROP TRIGGER component_requests_move_deliveries ON component_requests`);
    await q(`DROP FUNCTION component_requests_move_deliveries()`);
    await q(`DROP TRIGGER deliveries_fill_supplier ON deliveries`);
    await q(`DROP FUNCTION deliveries_fill_supplier()`);
    await q(`ALTER TABLE "deliveries" DROP COLUMN "supplier_partner_id"`);
  }
}
