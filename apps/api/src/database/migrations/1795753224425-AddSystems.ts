import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSystems1795753224425 implements MigrationInterface {
  name = 'AddSystems1795753224425';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "systems" ("version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "model_id" uuid NOT NULL, "serial_number" text NOT NULL, "donor_partner_id" uuid NOT NULL, "unit_id" uuid, "facility_id" uuid, "status" text NOT NULL, "status_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "total_efc" numeric(12,2) NOT NULL DEFAULT '0', "barrel_efc" numeric(12,2) NOT NULL DEFAULT '0', "barrel_wear" double precision NOT NULL DEFAULT '0', "barrel_serial" text, "notes" text, CONSTRAINT "PK_aec3139aedeb09c5ae27f2c94d3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "systems_facility_idx" ON "systems"  ("facility_id") `);
    await queryRunner.query(`CREATE INDEX "systems_unit_idx" ON "systems"  ("unit_id") `);
    await queryRunner.query(
      `CREATE INDEX "systems_donor_idx" ON "systems"  ("donor_partner_id", "serial_number", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "systems_status_idx" ON "systems"  ("status") `);
    await queryRunner.query(`CREATE INDEX "systems_status_changed_idx" ON "systems"  ("status_changed_at", "id") `);
    await queryRunner.query(`CREATE INDEX "systems_wear_idx" ON "systems"  ("barrel_wear", "id") `);
    await queryRunner.query(`CREATE INDEX "systems_serial_idx" ON "systems"  ("serial_number", "id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "systems_model_serial_uq" ON "systems"  ("model_id", "serial_number") `,
    );
    await queryRunner.query(
      `CREATE TABLE "system_status_history" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "system_id" uuid NOT NULL, "from_status" text, "to_status" text NOT NULL, "reason" text, "actor_id" uuid, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_13a8a8420ef205d5c86a3b5ccbe" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "system_status_history_system_idx" ON "system_status_history"  ("system_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "usage_reports" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "system_id" uuid NOT NULL, "date" date NOT NULL, "rounds" integer NOT NULL, "efc" numeric(10,2) NOT NULL, "reported_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6543e87a3958331b40068578f3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "usage_reports_system_date_uq" ON "usage_reports"  ("system_id", "date") `,
    );
    await queryRunner.query(
      `CREATE TABLE "barrel_changes" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "system_id" uuid NOT NULL, "old_barrel_serial" text, "new_barrel_serial" text NOT NULL, "barrel_efc_at_change" numeric(12,2) NOT NULL, "total_efc_at_change" numeric(12,2) NOT NULL, "repair_job_id" uuid, "actor_id" uuid, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d234df6309c81045a258eda22fb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "barrel_changes_system_idx" ON "barrel_changes"  ("system_id", "at") `);
    await queryRunner.query(
      `ALTER TABLE "systems" ADD CONSTRAINT "FK_aaadaf580de8fa7faa5abc681c7" FOREIGN KEY ("model_id") REFERENCES "system_models"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "systems" ADD CONSTRAINT "FK_c8fe069c3077101803cfb1dba78" FOREIGN KEY ("donor_partner_id") REFERENCES "partners"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "systems" ADD CONSTRAINT "FK_daead1eff2341aa4594a595f8cf" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "systems" ADD CONSTRAINT "FK_5ce4063c69adb209d9ee60bf4fc" FOREIGN KEY ("facility_id") REFERENCES "facilities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "system_status_history" ADD CONSTRAINT "FK_f9218cd9ab7ed3066c6c19060d2" FOREIGN KEY ("system_id") REFERENCES "systems"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "usage_reports" ADD CONSTRAINT "FK_ddf395ef9af1ed14d9a6f810431" FOREIGN KEY ("system_id") REFERENCES "systems"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "barrel_changes" ADD CONSTRAINT "FK_2b871bd7377dfe94bf878233588" FOREIGN KEY ("system_id") REFERENCES "systems"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    // serial search: trigram index (pg_trgm is a trusted extension; the database owner may create it)
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE INDEX "systems_serial_trgm_idx" ON "systems" USING gin ("serial_number" gin_trgm_ops)`,
    );
    // barrel_wear = barrel_efc / model barrel life, kept by the database so lists can sort and filter on it
    await queryRunner.query(`CREATE FUNCTION systems_set_barrel_wear() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.barrel_wear := coalesce(NEW.barrel_efc / NULLIF((SELECT barrel_life_efc FROM system_models WHERE id = NEW.model_id), 0), 0);
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER systems_barrel_wear BEFORE INSERT OR UPDATE OF barrel_efc, model_id ON systems
      FOR EACH ROW EXECUTE FUNCTION systems_set_barrel_wear()`);
    await queryRunner.query(`CREATE FUNCTION system_models_propagate_barrel_life() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE systems SET barrel_wear = barrel_efc / NEW.barrel_life_efc WHERE model_id = NEW.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER system_models_barrel_life AFTER UPDATE OF barrel_life_efc ON system_models
      FOR EACH ROW WHEN (OLD.barrel_life_efc IS DISTINCT FROM NEW.barrel_life_efc) EXECUTE FUNCTION system_models_propagate_barrel_life()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER system_models_barrel_life ON system_models`);
    await queryRunner.query(`DROP FUNCTION system_models_propagate_barrel_life()`);
    await queryRunner.query(`DROP TRIGGER systems_barrel_wear ON systems`);
    await queryRunner.query(`DROP FUNCTION systems_set_barrel_wear()`);
    await queryRunner.query(`DROP INDEX "systems_serial_trgm_idx"`);
    await queryRunner.query(`ALTER TABLE "barrel_changes" DROP CONSTRAINT "FK_2b871bd7377dfe94bf878233588"`);
    await queryRunner.query(`ALTER TABLE "usage_reports" DROP CONSTRAINT "FK_ddf395ef9af1ed14d9a6f810431"`);
    await queryRunner.query(`ALTER TABLE "system_status_history" DROP CONSTRAINT "FK_f9218cd9ab7ed3066c6c19060d2"`);
    await queryRunner.query(`ALTER TABLE "systems" DROP CONSTRAINT "FK_5ce4063c69adb209d9ee60bf4fc"`);
    await queryRunner.query(`ALTER TABLE "systems" DROP CONSTRAINT "FK_daead1eff2341aa4594a595f8cf"`);
    await queryRunner.query(`ALTER TABLE "systems" DROP CONSTRAINT "FK_c8fe069c3077101803cfb1dba78"`);
    await queryRunner.query(`ALTER TABLE "systems" DROP CONSTRAINT "FK_aaadaf580de8fa7faa5abc681c7"`);
    await queryRunner.query(`DROP INDEX "public"."barrel_changes_system_idx"`);
    await queryRunner.query(`DROP TABLE "barrel_changes"`);
    await queryRunner.query(`DROP INDEX "public"."usage_reports_system_date_uq"`);
    await queryRunner.query(`DROP TABLE "usage_reports"`);
    await queryRunner.query(`DROP INDEX "public"."system_status_history_system_idx"`);
    await queryRunner.query(`DROP TABLE "system_status_history"`);
    await queryRunner.query(`DROP INDEX "public"."systems_model_serial_uq"`);
    await queryRunner.query(`DROP INDEX "public"."systems_serial_idx"`);
    await queryRunner.query(`DROP INDEX "public"."systems_wear_idx"`);
    await queryRunner.query(`DROP INDEX "public"."systems_status_changed_idx"`);
    await queryRunner.query(`DROP INDEX "public"."systems_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."systems_donor_idx"`);
    await queryRunner.query(`DROP INDEX "public"."systems_unit_idx"`);
    await queryRunner.query(`DROP INDEX "public"."systems_facility_idx"`);
    await queryRunner.query(`DROP TABLE "systems"`);
  }
}
