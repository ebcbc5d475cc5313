import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddTraining1796028868067 implements MigrationInterface {
  name = 'AddTraining1796028868067';

  async up(queryRunner: QueryRunner): Promise<void> {
    // the exclusion constraints below compare uuids with = inside a GiST index
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(
      `CREATE TABLE "courses" ("version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "title" text NOT NULL, "kind" text NOT NULL, "system_model_id" uuid NOT NULL, "duration_days" integer NOT NULL, "seats" integer NOT NULL, CONSTRAINT "courses_seats_ck" CHECK ("seats" BETWEEN 1 AND 500), CONSTRAINT "courses_duration_ck" CHECK ("duration_days" BETWEEN 1 AND 365), CONSTRAINT "PK_3f70a487cc718ad8eda4e6d58c9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "courses_model_idx" ON "courses"  ("system_model_id", "kind") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "courses_code_uq" ON "courses"  ("code") `);
    await queryRunner.query(
      `CREATE TABLE "personnel" ("version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "service_number" text NOT NULL, "full_name" text NOT NULL, "rank" text NOT NULL, "unit_id" uuid, CONSTRAINT "PK_33a7253a5d2a326fec3cdc0baa5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "personnel_name_idx" ON "personnel"  ("full_name", "id") `);
    await queryRunner.query(`CREATE INDEX "personnel_unit_idx" ON "personnel"  ("unit_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "personnel_service_number_uq" ON "personnel"  ("service_number") `);
    await queryRunner.query(
      `CREATE TABLE "cohorts" ("version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "course_id" uuid NOT NULL, "facility_id" uuid NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "seats" integer NOT NULL, "status" text NOT NULL, CONSTRAINT "cohorts_seats_ck" CHECK ("seats" BETWEEN 1 AND 500), CONSTRAINT "cohorts_dates_ck" CHECK ("ends_on" >= "starts_on"), CONSTRAINT "PK_fd38f76b135e907b834fda1e752" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "cohorts_status_idx" ON "cohorts"  ("status", "starts_on") `);
    await queryRunner.query(`CREATE INDEX "cohorts_course_idx" ON "cohorts"  ("course_id") `);
    await queryRunner.query(
      `CREATE INDEX "cohorts_facility_idx" ON "cohorts"  ("facility_id", "starts_on", "ends_on") `,
    );
    await queryRunner.query(`CREATE INDEX "cohorts_list_idx" ON "cohorts"  ("starts_on", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "cohorts_code_uq" ON "cohorts"  ("code") `);
    await queryRunner.query(
      `CREATE TABLE "cohort_instructors" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cohort_id" uuid NOT NULL, "person_id" uuid NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "active" boolean NOT NULL DEFAULT true, CONSTRAINT "cohort_instructors_no_overlap" EXCLUDE USING gist ("person_id" WITH =, daterange("starts_on", "ends_on", '[]') WITH &&) WHERE ("active"), CONSTRAINT "PK_ed918172588bf264e2c485aeb40" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "cohort_instructors_uq" ON "cohort_instructors"  ("cohort_id", "person_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "enrollments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cohort_id" uuid NOT NULL, "person_id" uuid NOT NULL, "status" text NOT NULL, "score" numeric(5,2), "starts_on" date NOT NULL, "ends_on" date NOT NULL, "active" boolean NOT NULL DEFAULT true, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "enrollments_no_overlap" EXCLUDE USING gist ("person_id" WITH =, daterange("starts_on", "ends_on", '[]') WITH &&) WHERE ("active"), CONSTRAINT "PK_7c0f752f9fb68bf6ed7367ab00f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "enrollments_person_idx" ON "enrollments"  ("person_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "enrollments_uq" ON "enrollments"  ("cohort_id", "person_id") `);
    await queryRunner.query(
      `CREATE TABLE "qualifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "system_model_id" uuid NOT NULL, "kind" text NOT NULL, "granted_on" date NOT NULL, "cohort_id" uuid NOT NULL, "enrollment_id" uuid NOT NULL, CONSTRAINT "PK_9ed4d526ac3b76ba3f1c1080433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "qualifications_model_kind_idx" ON "qualifications"  ("system_model_id", "kind", "person_id") `,
    );
    await queryRunner.query(`CREATE INDEX "qualifications_person_idx" ON "qualifications"  ("person_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "qualifications_enrollment_uq" ON "qualifications"  ("enrollment_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cohort_transitions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cohort_id" uuid NOT NULL, "from_status" text, "to_status" text NOT NULL, "comment" text, "actor_id" uuid, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_88918e5a6a253404b56c7f85c57" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "cohort_transitions_cohort_idx" ON "cohort_transitions"  ("cohort_id", "at") `,
    );
    await queryRunner.query(`ALTER TABLE "system_models" ADD "crew_size" integer`);
    await queryRunner.query(
      `ALTER TABLE "courses" ADD CONSTRAINT "FK_a002c233f73728486fb8c9b8489" FOREIGN KEY ("system_model_id") REFERENCES "system_models"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "personnel" ADD CONSTRAINT "FK_b9256c930cd14d6d6fc781fcbed" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cohorts" ADD CONSTRAINT "FK_f4228ff8a867fe9bdc7fe5d07ee" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cohorts" ADD CONSTRAINT "FK_d9e845e0dd4aae7edc1e9955ee8" FOREIGN KEY ("facility_id") REFERENCES "facilities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cohort_instructors" ADD CONSTRAINT "FK_95350ae0f1377aa05fc65fb5cb9" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cohort_instructors" ADD CONSTRAINT "FK_3679be207fb7a0567fe50d1d147" FOREIGN KEY ("person_id") REFERENCES "personnel"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "enrollments" ADD CONSTRAINT "FK_66dbba19e66e25c3814f80b6478" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "enrollments" ADD CONSTRAINT "FK_7509c8d433bebc86f46830ada49" FOREIGN KEY ("person_id") REFERENCES "personnel"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "qualifications" ADD CONSTRAINT "FK_4f37c2451cbd4b540c1aa6fdb9a" FOREIGN KEY ("person_id") REFERENCES "personnel"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "qualifications" ADD CONSTRAINT "FK_ba7baef69d5384ceb4f66d61087" FOREIGN KEY ("system_model_id") REFERENCES "system_models"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "qualifications" ADD CONSTRAINT "FK_31060b1e6cc4c5b1804066fe7f5" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "qualifications" ADD CONSTRAINT "FK_240c719eacc012c56c2cd2f1d5a" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cohort_transitions" ADD CONSTRAINT "FK_6a7d60ac4c69739e57e53e3b714" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cohort_transitions" DROP CONSTRAINT "FK_6a7d60ac4c69739e57e53e3b714"`);
    await queryRunner.query(`ALTER TABLE "qualifications" DROP CONSTRAINT "FK_240c719eacc012c56c2cd2f1d5a"`);
    await queryRunner.query(`ALTER TABLE "qualifications" DROP CONSTRAINT "FK_31060b1e6cc4c5b1804066fe7f5"`);
    await queryRunner.query(`ALTER TABLE "qualifications" DROP CONSTRAINT "FK_ba7baef69d5384ceb4f66d61087"`);
    await queryRunner.query(`ALTER TABLE "qualifications" DROP CONSTRAINT "FK_4f37c2451cbd4b540c1aa6fdb9a"`);
    await queryRunner.query(`ALTER TABLE "enrollments" DROP CONSTRAINT "FK_7509c8d433bebc86f46830ada49"`);
    await queryRunner.query(`ALTER TABLE "enrollments" DROP CONSTRAINT "FK_66dbba19e66e25c3814f80b6478"`);
    await queryRunner.query(`ALTER TABLE "cohort_instructors" DROP CONSTRAINT "FK_3679be207fb7a0567fe50d1d147"`);
    await queryRunner.query(`ALTER TABLE "cohort_instructors" DROP CONSTRAINT "FK_95350ae0f1377aa05fc65fb5cb9"`);
    await queryRunner.query(`ALTER TABLE "cohorts" DROP CONSTRAINT "FK_d9e845e0dd4aae7edc1e9955ee8"`);
    await queryRunner.query(`ALTER TABLE "cohorts" DROP CONSTRAINT "FK_f4228ff8a867fe9bdc7fe5d07ee"`);
    await queryRunner.query(`ALTER TABLE "personnel" DROP CONSTRAINT "FK_b9256c930cd14d6d6fc781fcbed"`);
    await queryRunner.query(`ALTER TABLE "courses" DROP CONSTRAINT "FK_a002c233f73728486fb8c9b8489"`);
    await queryRunner.query(`ALTER TABLE "system_models" DROP COLUMN "crew_size"`);
    await queryRunner.query(`DROP INDEX "public"."cohort_transitions_cohort_idx"`);
    await queryRunner.query(`DROP TABLE "cohort_transitions"`);
    await queryRunner.query(`DROP INDEX "public"."qualifications_enrollment_uq"`);
    await queryRunner.query(`DROP INDEX "public"."qualifications_person_idx"`);
    await queryRunner.query(`DROP INDEX "public"."qualifications_model_kind_idx"`);
    await queryRunner.query(`DROP TABLE "qualifications"`);
    await queryRunner.query(`DROP INDEX "public"."enrollments_uq"`);
    await queryRunner.query(`DROP INDEX "public"."enrollments_person_idx"`);
    await queryRunner.query(`DROP TABLE "enrollments"`);
    await queryRunner.query(`DROP INDEX "public"."cohort_instructors_uq"`);
    await queryRunner.query(`DROP TABLE "cohort_instructors"`);
    await queryRunner.query(`DROP INDEX "public"."cohorts_code_uq"`);
    await queryRunner.query(`DROP INDEX "public"."cohorts_list_idx"`);
    await queryRunner.query(`DROP INDEX "public"."cohorts_facility_idx"`);
    await queryRunner.query(`DROP INDEX "public"."cohorts_course_idx"`);
    await queryRunner.query(`DROP INDEX "public"."cohorts_status_idx"`);
    await queryRunner.query(`DROP TABLE "cohorts"`);
    await queryRunner.query(`DROP INDEX "public"."personnel_service_number_uq"`);
    await queryRunner.query(`DROP INDEX "public"."personnel_unit_idx"`);
    await queryRunner.query(`DROP INDEX "public"."personnel_name_idx"`);
    await queryRunner.query(`DROP TABLE "personnel"`);
    await queryRunner.query(`DROP INDEX "public"."courses_code_uq"`);
    await queryRunner.query(`DROP INDEX "public"."courses_model_idx"`);
    await queryRunner.query(`DROP TABLE "courses"`);
  }
}
