import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The per-supplier request metrics (medians and delivered count) cover the requests approved in the last 365 days:
 * approved requests by supplier and approval time, covering what those aggregates and the caller's scope read, so
 * the window is an index-only range scan per supplier (skip scan for all suppliers), already grouped by supplier,
 * instead of every request ever approved.
 */
export class WindowRequestMetrics1796028175458 implements MigrationInterface {
  name = 'WindowRequestMetrics1796028175458';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "component_requests_approved_idx" ON "component_requests" ("supplier_partner_id", "approved_at") INCLUDE ("facility_id", "status", "submitted_at", "delivered_at") WHERE "approved_at" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."component_requests_approved_idx"`);
  }
}
