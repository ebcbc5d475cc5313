import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddRepairJobs1795753365720 implements MigrationInterface {
  name = 'AddRepairJobs1795753365720';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "repair_jobs" ("version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" text NOT NULL, "facility_id" uuid NOT NULL, "system_id" uuid NOT NULL, "kind" text NOT NULL, "priority" text NOT NULL, "priority_rank" smallint NOT NULL, "status" text NOT NULL, "reported_fault" text NOT NULL, "diagnosis" text, "technician_ids" uuid array NOT NULL DEFAULT '{}', "system_status_before" text NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE, "opened_by" uuid, "preventive_plan_id" uuid, "new_barrel_serial" text, CONSTRAINT "UQ_2c2ac91161276df6fe1c402cbca" UNIQUE ("number"), CONSTRAINT "PK_86327d2d7f00813d9a2eaa8a33b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "repair_jobs_plan_idx" ON "repair_jobs"  ("preventive_plan_id", "system_id", "opened_at") `,
    );
    await queryRunner.query(`CREATE INDEX "repair_jobs_closed_idx" ON "repair_jobs"  ("closed_at") `);
    await queryRunner.query(`CREATE INDEX "repair_jobs_status_idx" ON "repair_jobs"  ("status", "due_at") `);
    await queryRunner.query(`CREATE INDEX "repair_jobs_system_idx" ON "repair_jobs"  ("system_id", "opened_at") `);
    await queryRunner.query(
      `CREATE INDEX "repair_jobs_queue_idx" ON "repair_jobs"  ("priority_rank", "opened_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "repair_jobs_facility_queue_idx" ON "repair_jobs"  ("facility_id", "status", "priority_rank", "opened_at", "id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "repair_jobs_one_open_per_system_uq" ON "repair_jobs"  ("system_id") WHERE "status" NOT IN ('completed', 'cancelled')`,
    );
    await queryRunner.query(
      `CREATE TABLE "repair_job_transitions" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "job_id" uuid NOT NULL, "from_status" text, "to_status" text NOT NULL, "comment" text, "actor_id" uuid, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dbae324a29661cf5c2b74ba0473" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "repair_job_transitions_to_at_idx" ON "repair_job_transitions"  ("to_status", "at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "repair_job_transitions_job_idx" ON "repair_job_transitions"  ("job_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "work_logs" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "job_id" uuid NOT NULL, "technician_id" uuid NOT NULL, "date" date NOT NULL, "hours" numeric(4,2) NOT NULL, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f4f3234af57451baa20576887be" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "work_logs_technician_idx" ON "work_logs"  ("technician_id", "date") `);
    await queryRunner.query(`CREATE INDEX "work_logs_job_idx" ON "work_logs"  ("job_id", "date", "id") `);
    await queryRunner.query(
      `CREATE TABLE "parts_used" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "job_id" uuid NOT NULL, "component_id" uuid NOT NULL, "quantity" integer NOT NULL, "component_request_id" uuid, "recorded_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8acfc1503bea001285e50ec768e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "parts_used_component_idx" ON "parts_used"  ("component_id") `);
    await queryRunner.query(`CREATE INDEX "parts_used_job_idx" ON "parts_used"  ("job_id", "id") `);
    await queryRunner.query(
      `CREATE TABLE "preventive_plans" ("version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "model_id" uuid NOT NULL, "name" text NOT NULL, "interval_days" integer, "interval_efc" numeric(10,2), "active" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_bcf83e3bbed50c82f77ae638f66" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "preventive_plans_model_idx" ON "preventive_plans"  ("model_id") `);
    await queryRunner.query(
      `CREATE TABLE "number_sequences" ("name" text NOT NULL, "year" integer NOT NULL, "last_value" integer NOT NULL, CONSTRAINT "PK_9b49354f12c2ca30ee42114c1cb" PRIMARY KEY ("name", "year"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "repair_jobs" ADD CONSTRAINT "FK_db0654888edf5a7fe1a800933bf" FOREIGN KEY ("facility_id") REFERENCES "facilities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "repair_jobs" ADD CONSTRAINT "FK_7b51ec790f602f1b44b078da40c" FOREIGN KEY ("system_id") REFERENCES "systems"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "repair_job_transitions" ADD CONSTRAINT "FK_4f873805c048509562d1675864e" FOREIGN KEY ("job_id") REFERENCES "repair_jobs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "work_logs" ADD CONSTRAINT "FK_503473d41a32efd844095268cea" FOREIGN KEY ("job_id") REFERENCES "repair_jobs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "work_logs" ADD CONSTRAINT "FK_b95c1cc1f16d287e99baa757242" FOREIGN KEY ("technician_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "parts_used" ADD CONSTRAINT "FK_12a03193dc32920cdad58db7ec8" FOREIGN KEY ("job_id") REFERENCES "repair_jobs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "parts_used" ADD CONSTRAINT "FK_ab8773005a1eb6584f62c46681e" FOREIGN KEY ("component_id") REFERENCES "components"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "preventive_plans" ADD CONSTRAINT "FK_9a0879582c58d5100f9f0608411" FOREIGN KEY ("model_id") REFERENCES "system_models"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // jobs by assigned technician
    await queryRunner.query(`CREATE INDEX "repair_jobs_technicians_idx" ON "repair_jobs" USING gin ("technician_ids")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "repair_jobs_technicians_idx"`);
    await queryRunner.query(`ALTER TABLE "preventive_plans" DROP CONSTRAINT "FK_9a0879582c58d5100f9f0608411"`);
    await queryRunner.query(`ALTER TABLE "parts_used" DROP CONSTRAINT "FK_ab8773005a1eb6584f62c46681e"`);
    await queryRunner.query(`ALTER TABLE "parts_used" DROP CONSTRAINT "FK_12a03193dc32920cdad58db7ec8"`);
    await queryRunner.query(`ALTER TABLE "work_logs" DROP CONSTRAINT "FK_b95c1cc1f16d287e99baa757242"`);
    await queryRunner.query(`ALTER TABLE "work_logs" DROP CONSTRAINT "FK_503473d41a32efd844095268cea"`);
    await queryRunner.query(`ALTER TABLE "repair_job_transitions" DROP CONSTRAINT "FK_4f873805c048509562d1675864e"`);
    await queryRunner.query(`ALTER TABLE "repair_jobs" DROP CONSTRAINT "FK_7b51ec790f602f1b44b078da40c"`);
    await queryRunner.query(`ALTER TABLE "repair_jobs" DROP CONSTRAINT "FK_db0654888edf5a7fe1a800933bf"`);
    await queryRunner.query(`DROP TABLE "number_sequences"`);
    await queryRunner.query(`DROP INDEX "public"."preventive_plans_model_idx"`);
    await queryRunner.query(`DROP TABLE "preventive_plans"`);
    await queryRunner.query(`DROP INDEX "public"."parts_used_job_idx"`);
    await queryRunner.query(`DROP INDEX "public"."parts_used_component_idx"`);
    await queryRunner.query(`DROP TABLE "parts_used"`);
    await queryRunner.query(`DROP INDEX "public"."work_logs_job_idx"`);
    await queryRunner.query(`DROP INDEX "public"."work_logs_technician_idx"`);
    await queryRunner.query(`DROP TABLE "work_logs"`);
    await queryRunner.query(`DROP INDEX "public"."repair_job_transitions_job_idx"`);
    await queryRunner.query(`DROP INDEX "public"."repair_job_transitions_to_at_idx"`);
    await queryRunner.query(`DROP TABLE "repair_job_transitions"`);
    await queryRunner.query(`DROP INDEX "public"."repair_jobs_one_open_per_system_uq"`);
    await queryRunner.query(`DROP INDEX "public"."repair_jobs_facility_queue_idx"`);
    await queryRunner.query(`DROP INDEX "public"."repair_jobs_queue_idx"`);
    await queryRunner.query(`DROP INDEX "public"."repair_jobs_system_idx"`);
    await queryRunner.query(`DROP INDEX "public"."repair_jobs_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."repair_jobs_closed_idx"`);
    await queryRunner.query(`DROP INDEX "public"."repair_jobs_plan_idx"`);
    await queryRunner.query(`DROP TABLE "repair_jobs"`);
  }
}
