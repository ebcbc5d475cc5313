import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddWriteOffRequests1796039126439 implements MigrationInterface {
  name = 'AddWriteOffRequests1796039126439';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "systems" ADD "write_off_requested_by" uuid`);
    await queryRunner.query(`ALTER TABLE "systems" ADD "write_off_requested_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "systems" ADD "write_off_reason" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "systems" DROP COLUMN "write_off_reason"`);
    await queryRunner.query(`ALTER TABLE "systems" DROP COLUMN "write_off_requested_at"`);
    await queryRunner.query(`ALTER TABLE "systems" DROP COLUMN "write_off_requested_by"`);
  }
}
