import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand (TypeORM's schema diff does not express INCLUDE): three per-system / per-model indexes
 * gain the columns a partner report reads, so its statements are index-only scans at scale —
 * usage per system and day (rounds, efc), jobs per system by opening (closed_at, status), and
 * qualifications per model and kind (granted_on). Same names, same keys, same uniqueness.
 */
export class CoverReportIndexes1796036000000 implements MigrationInterface {
  name = 'CoverReportIndexes1796036000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."usage_reports_system_date_uq"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "usage_reports_system_date_uq" ON "usage_reports" ("system_id", "date") INCLUDE ("rounds", "efc")`,
    );
    await queryRunner.query(`DROP INDEX "public"."repair_jobs_system_idx"`);
    await queryRunner.query(
      `CREATE INDEX "repair_jobs_system_idx" ON "repair_jobs" ("system_id", "opened_at") INCLUDE ("closed_at", "status")`,
    );
    await queryRunner.query(`DROP INDEX "public"."qualifications_model_kind_idx"`);
    await queryRunner.query(
      `CREATE INDEX "qualifications_model_kind_idx" ON "qualifications" ("system_model_id", "kind", "person_id") INCLUDE ("granted_on")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."qualifications_model_kind_idx"`);
    await queryRunner.query(
      `CREATE INDEX "qualifications_model_kind_idx" ON "qualifications" ("system_model_id", "kind", "person_id") `,
    );
    await queryRunner.query(`DROP INDEX "public"."repair_jobs_system_idx"`);
    await queryRunner.query(`CREATE INDEX "repair_jobs_system_idx" ON "repair_jobs" ("system_id", "opened_at") `);
    await queryRunner.query(`DROP INDEX "public"."usage_reports_system_date_uq"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "usage_reports_system_date_uq" ON "usage_reports" ("system_id", "date") `,
    );
  }
}
