import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Covering indexes for plan vs actual and the request metrics, measured at scale 1 (docs/performance.md):
 * deliveries of a period read from the index alone, a supplier's requests with their component and times
 * from the index alone, and delivered requests by delivery time for the on-time rate.
 */
export class AddPlanAndRequestMetricsIndexes1796026666908 implements MigrationInterface {
  name = 'AddPlanAndRequestMetricsIndexes1796026666908';

  async up(queryRunner: QueryRunner): Promise<void> {
    // on-time rate: delivered requests of the last 365 days with their needed-by date
    await queryRunner.query(
      `CREATE INDEX "component_requests_delivered_idx" ON "component_requests" ("delivered_at") INCLUDE ("needed_by") WHERE "status" = 'delivered'`,
    );
    // plan vs actual: the period's deliveries with their request and quantity
    await queryRunner.query(`DROP INDEX "public"."deliveries_received_on_idx"`);
    await queryRunner.query(
      `CREATE INDEX "deliveries_received_on_idx" ON "deliveries" ("received_on") INCLUDE ("request_id", "quantity")`,
    );
    // a supplier's requests (partner scope, plan vs actual, per-supplier metrics) without reading the table
    await queryRunner.query(`DROP INDEX "public"."component_requests_supplier_idx"`);
    await queryRunner.query(
      `CREATE INDEX "component_requests_supplier_idx" ON "component_requests" ("supplier_partner_id", "status") INCLUDE ("id", "component_id", "submitted_at", "approved_at", "delivered_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."component_requests_supplier_idx"`);
    await queryRunner.query(
      `CREATE INDEX "component_requests_supplier_idx" ON "component_requests" ("supplier_partner_id", "status") `,
    );
    await queryRunner.query(`DROP INDEX "public"."deliveries_received_on_idx"`);
    await queryRunner.query(`CREATE INDEX "deliveries_received_on_idx" ON "deliveries" ("received_on") `);
    await queryRunner.query(`DROP INDEX "public"."component_requests_delivered_idx"`);
  }
}
