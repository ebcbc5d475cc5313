import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSignOffRequestedAt1796041300000 implements MigrationInterface {
  name = 'AddSignOffRequestedAt1796041300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "repair_jobs" ADD "sign_off_requested_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "repair_jobs" DROP COLUMN "sign_off_requested_at"`);
  }
}
