import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Photos on repair jobs and their work logs (RepairJobPhotoEntity). `data` is stored EXTERNAL: JPEG/PNG/WebP
 * bytes do not compress, so PostgreSQL should not spend a compression attempt on each one. The app role gets
 * its privileges on the new table from grantAppRole after the migration run.
 */
export class RepairJobPhotos1796050000000 implements MigrationInterface {
  name = 'RepairJobPhotos1796050000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "repair_job_photos" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "job_id" uuid NOT NULL, "work_log_id" bigint, "caption" text, "content_type" text NOT NULL, "size_bytes" integer NOT NULL, "width" integer, "height" integer, "sha256" text NOT NULL, "store" text NOT NULL, "data" bytea, "taken_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fe70b4b36dfe8c2c0002049cbec" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`ALTER TABLE "repair_job_photos" ALTER COLUMN "data" SET STORAGE EXTERNAL`);
    await queryRunner.query(
      `CREATE INDEX "repair_job_photos_job_created_idx" ON "repair_job_photos"  ("job_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "repair_job_photos" ADD CONSTRAINT "FK_e651f8d17548cf880e5b336b00c" FOREIGN KEY ("job_id") REFERENCES "repair_jobs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "repair_job_photos" ADD CONSTRAINT "FK_3a334ecd180f34885898ea5818a" FOREIGN KEY ("work_log_id") REFERENCES "work_logs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "repair_job_photos" ADD CONSTRAINT "FK_efbecb64095a7ffd0b0bd725e46" FOREIGN KEY ("taken_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "repair_job_photos" DROP CONSTRAINT "FK_efbecb64095a7ffd0b0bd725e46"`);
    await queryRunner.query(`ALTER TABLE "repair_job_photos" DROP CONSTRAINT "FK_3a334ecd180f34885898ea5818a"`);
    await queryRunner.query(`ALTER TABLE "repair_job_photos" DROP CONSTRAINT "FK_e651f8d17548cf880e5b336b00c"`);
    await queryRunner.query(`DROP INDEX "public"."repair_job_photos_job_created_idx"`);
    await queryRunner.query(`DROP TABLE "repair_job_photos"`);
  }
}
