import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddComponentRequests1796024823846 implements MigrationInterface {
  name = 'AddComponentRequests1796024823846';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "component_requests" ("version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" text NOT NULL, "component_id" uuid NOT NULL, "quantity" integer NOT NULL, "priority" text NOT NULL, "needed_by" date NOT NULL, "facility_id" uuid NOT NULL, "repair_job_id" uuid, "system_id" uuid, "justification" text NOT NULL, "status" text NOT NULL, "requested_by" uuid, "supplier_partner_id" uuid, "expected_on" date, "delivered_quantity" integer NOT NULL DEFAULT '0', "auto_barrel" boolean NOT NULL DEFAULT false, "submitted_at" TIMESTAMP WITH TIME ZONE, "approved_at" TIMESTAMP WITH TIME ZONE, "approved_by" uuid, "delivered_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_64aa6383d47f482dee76ac99339" UNIQUE ("number"), CONSTRAINT "component_requests_delivered_ck" CHECK ("delivered_quantity" BETWEEN 0 AND "quantity"), CONSTRAINT "component_requests_quantity_ck" CHECK ("quantity" BETWEEN 1 AND 10000), CONSTRAINT "PK_65d91e31f547791ac607aff5045" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "component_requests_one_auto_barrel_uq" ON "component_requests"  ("system_id") WHERE "auto_barrel" AND "status" IN ('draft', 'submitted', 'approved', 'ordered', 'shipped')`,
    );
    await queryRunner.query(
      `CREATE INDEX "component_requests_requester_idx" ON "component_requests"  ("requested_by") `,
    );
    await queryRunner.query(`CREATE INDEX "component_requests_needed_by_idx" ON "component_requests"  ("needed_by") `);
    await queryRunner.query(
      `CREATE INDEX "component_requests_component_idx" ON "component_requests"  ("component_id") `,
    );
    await queryRunner.query(`CREATE INDEX "component_requests_system_idx" ON "component_requests"  ("system_id") `);
    await queryRunner.query(`CREATE INDEX "component_requests_job_idx" ON "component_requests"  ("repair_job_id") `);
    await queryRunner.query(
      `CREATE INDEX "component_requests_supplier_idx" ON "component_requests"  ("supplier_partner_id", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "component_requests_facility_idx" ON "component_requests"  ("facility_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "component_requests_status_idx" ON "component_requests"  ("status", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "component_requests_list_idx" ON "component_requests"  ("created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "component_request_transitions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "from_status" text, "to_status" text NOT NULL, "comment" text, "actor_id" uuid, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_eabffc1f09fed621e00226fb0e1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "component_request_transitions_request_idx" ON "component_request_transitions"  ("request_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "quantity" integer NOT NULL, "received_on" date NOT NULL, "waybill" text NOT NULL, "note" text, "received_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "deliveries_quantity_ck" CHECK ("quantity" >= 1), CONSTRAINT "PK_a6ef225c5c5f0974e503bfb731f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "deliveries_received_on_idx" ON "deliveries"  ("received_on") `);
    await queryRunner.query(
      `CREATE INDEX "deliveries_request_idx" ON "deliveries"  ("request_id", "received_on", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "supply_plans" ("version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "partner_id" uuid NOT NULL, "month" date NOT NULL, "updated_by" uuid, CONSTRAINT "PK_24147f86b7f6deec6cf6e8c7eb7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "supply_plans_partner_month_uq" ON "supply_plans"  ("partner_id", "month") `,
    );
    await queryRunner.query(
      `CREATE TABLE "supply_plan_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "component_id" uuid, "system_model_id" uuid, "quantity" integer NOT NULL, CONSTRAINT "supply_plan_lines_quantity_ck" CHECK ("quantity" BETWEEN 1 AND 100000), CONSTRAINT "supply_plan_lines_one_target_ck" CHECK (("component_id" IS NULL) <> ("system_model_id" IS NULL)), CONSTRAINT "PK_967120e7ce689275853b5e630db" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "supply_plan_lines_model_uq" ON "supply_plan_lines"  ("plan_id", "system_model_id") WHERE "system_model_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "supply_plan_lines_component_uq" ON "supply_plan_lines"  ("plan_id", "component_id") WHERE "component_id" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "supply_plan_lines_plan_idx" ON "supply_plan_lines"  ("plan_id") `);
    await queryRunner.query(`ALTER TABLE "system_models" ADD "barrel_lead_days" integer`);
    await queryRunner.query(`ALTER TABLE "systems" ADD "delivered_on" date`);
    await queryRunner.query(
      `ALTER TABLE "component_requests" ADD CONSTRAINT "FK_493c521466f09223308d4defaed" FOREIGN KEY ("component_id") REFERENCES "components"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "component_requests" ADD CONSTRAINT "FK_347e91126b3bfc44e4c1250c7f0" FOREIGN KEY ("facility_id") REFERENCES "facilities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "component_requests" ADD CONSTRAINT "FK_eaf7c8821fe63c56cad740b102a" FOREIGN KEY ("repair_job_id") REFERENCES "repair_jobs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "component_requests" ADD CONSTRAINT "FK_4b1147c3d119b5bbc7c6b60f5d5" FOREIGN KEY ("system_id") REFERENCES "systems"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "component_requests" ADD CONSTRAINT "FK_f4f6a0b20685d333d35a1ce2e25" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "component_requests" ADD CONSTRAINT "FK_d6d0b3a541d695d939d5e4d8d64" FOREIGN KEY ("supplier_partner_id") REFERENCES "partners"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "component_request_transitions" ADD CONSTRAINT "FK_d5707c25113a732049cffeb5664" FOREIGN KEY ("request_id") REFERENCES "component_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deliveries" ADD CONSTRAINT "FK_748ad114c543d25f847c1960fc1" FOREIGN KEY ("request_id") REFERENCES "component_requests"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "supply_plans" ADD CONSTRAINT "FK_9791eaea7a3ed107fa3c89403c4" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "supply_plan_lines" ADD CONSTRAINT "FK_3dbe671eb1d533f18107245853d" FOREIGN KEY ("plan_id") REFERENCES "supply_plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "supply_plan_lines" ADD CONSTRAINT "FK_09c03174e316e168ddec716d4bb" FOREIGN KEY ("component_id") REFERENCES "components"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "supply_plan_lines" ADD CONSTRAINT "FK_d5947d7a4eae6c564c759e08678" FOREIGN KEY ("system_model_id") REFERENCES "system_models"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "supply_plan_lines" DROP CONSTRAINT "FK_d5947d7a4eae6c564c759e08678"`);
    await queryRunner.query(`ALTER TABLE "supply_plan_lines" DROP CONSTRAINT "FK_09c03174e316e168ddec716d4bb"`);
    await queryRunner.query(`ALTER TABLE "supply_plan_lines" DROP CONSTRAINT "FK_3dbe671eb1d533f18107245853d"`);
    await queryRunner.query(`ALTER TABLE "supply_plans" DROP CONSTRAINT "FK_9791eaea7a3ed107fa3c89403c4"`);
    await queryRunner.query(`ALTER TABLE "deliveries" DROP CONSTRAINT "FK_748ad114c543d25f847c1960fc1"`);
    await queryRunner.query(
      `ALTER TABLE "component_request_transitions" DROP CONSTRAINT "FK_d5707c25113a732049cffeb5664"`,
    );
    await queryRunner.query(`ALTER TABLE "component_requests" DROP CONSTRAINT "FK_d6d0b3a541d695d939d5e4d8d64"`);
    await queryRunner.query(`ALTER TABLE "component_requests" DROP CONSTRAINT "FK_f4f6a0b20685d333d35a1ce2e25"`);
    await queryRunner.query(`ALTER TABLE "component_requests" DROP CONSTRAINT "FK_4b1147c3d119b5bbc7c6b60f5d5"`);
    await queryRunner.query(`ALTER TABLE "component_requests" DROP CONSTRAINT "FK_eaf7c8821fe63c56cad740b102a"`);
    await queryRunner.query(`ALTER TABLE "component_requests" DROP CONSTRAINT "FK_347e91126b3bfc44e4c1250c7f0"`);
    await queryRunner.query(`ALTER TABLE "component_requests" DROP CONSTRAINT "FK_493c521466f09223308d4defaed"`);
    await queryRunner.query(`ALTER TABLE "systems" DROP COLUMN "delivered_on"`);
    await queryRunner.query(`ALTER TABLE "system_models" DROP COLUMN "barrel_lead_days"`);
    await queryRunner.query(`DROP INDEX "public"."supply_plan_lines_plan_idx"`);
    await queryRunner.query(`DROP INDEX "public"."supply_plan_lines_component_uq"`);
    await queryRunner.query(`DROP INDEX "public"."supply_plan_lines_model_uq"`);
    await queryRunner.query(`DROP TABLE "supply_plan_lines"`);
    await queryRunner.query(`DROP INDEX "public"."supply_plans_partner_month_uq"`);
    await queryRunner.query(`DROP TABLE "supply_plans"`);
    await queryRunner.query(`DROP INDEX "public"."deliveries_request_idx"`);
    await queryRunner.query(`DROP INDEX "public"."deliveries_received_on_idx"`);
    await queryRunner.query(`DROP TABLE "deliveries"`);
    await queryRunner.query(`DROP INDEX "public"."component_request_transitions_request_idx"`);
    await queryRunner.query(`DROP TABLE "component_request_transitions"`);
    await queryRunner.query(`DROP INDEX "public"."component_requests_list_idx"`);
    await queryRunner.query(`DROP INDEX "public"."component_requests_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."component_requests_facility_idx"`);
    await queryRunner.query(`DROP INDEX "public"."component_requests_supplier_idx"`);
    await queryRunner.query(`DROP INDEX "public"."component_requests_job_idx"`);
    await queryRunner.query(`DROP INDEX "public"."component_requests_system_idx"`);
    await queryRunner.query(`DROP INDEX "public"."component_requests_component_idx"`);
    await queryRunner.query(`DROP INDEX "public"."component_requests_needed_by_idx"`);
    await queryRunner.query(`DROP INDEX "public"."component_requests_requester_idx"`);
    await queryRunner.query(`DROP INDEX "public"."component_requests_one_auto_barrel_uq"`);
    await queryRunner.query(`DROP TABLE "component_requests"`);
  }
}
