import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddQueueAndMetricsIndexes1795754861146 implements MigrationInterface {
  name = 'AddQueueAndMetricsIndexes1795754861146';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "barrel_changes_job_idx" ON "barrel_changes"  ("repair_job_id") `);
    await queryRunner.query(
      `CREATE INDEX "repair_jobs_open_queue_idx" ON "repair_jobs"  ("facility_id", "priority_rank", "opened_at", "id") WHERE "status" NOT IN ('completed', 'cancelled')`,
    );
    // metrics over completed jobs read only this index (turnaround, completed per week)
    await queryRunner.query(
      `CREATE INDEX "repair_jobs_completed_idx" ON "repair_jobs" ("closed_at") INCLUDE ("opened_at", "facility_id", "id") WHERE "status" = 'completed'`,
    );
    // a job's moves in order with their target state, from the index alone (history, time in each state)
    await queryRunner.query(`DROP INDEX "public"."repair_job_transitions_job_idx"`);
    await queryRunner.query(
      `CREATE INDEX "repair_job_transitions_job_idx" ON "repair_job_transitions" ("job_id", "at", "id") INCLUDE ("to_status")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."repair_job_transitions_job_idx"`);
    await queryRunner.query(
      `CREATE INDEX "repair_job_transitions_job_idx" ON "repair_job_transitions" ("job_id", "at")`,
    );
    await queryRunner.query(`DROP INDEX "public"."repair_jobs_completed_idx"`);
    await queryRunner.query(`DROP INDEX "public"."repair_jobs_open_queue_idx"`);
    await queryRunner.query(`DROP INDEX "public"."barrel_changes_job_idx"`);
  }
}
