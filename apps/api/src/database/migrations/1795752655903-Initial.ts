import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795752655903 implements MigrationInterface {
  name = 'Initial1795752655903';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_email" text, "action" text NOT NULL, "entity_type" text NOT NULL, "entity_id" text, "before" jsonb, "after" jsonb, "request_id" text, "ip" text, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "audit_log_at_idx" ON "audit_log"  ("at") `);
    await queryRunner.query(`CREATE INDEX "audit_log_actor_idx" ON "audit_log"  ("actor_id", "id") `);
    await queryRunner.query(`CREATE INDEX "audit_log_entity_idx" ON "audit_log"  ("entity_type", "entity_id", "id") `);
    await queryRunner.query(
      `CREATE TABLE "login_attempts" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "email" text NOT NULL, "ip" text NOT NULL, "success" boolean NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_070e613c8f768b1a70742705c5b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "login_attempts_ip_at_idx" ON "login_attempts"  ("ip", "at") `);
    await queryRunner.query(`CREATE INDEX "login_attempts_email_at_idx" ON "login_attempts"  ("email", "at") `);
    await queryRunner.query(
      `CREATE TABLE "partners" ("version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character(2) NOT NULL, "name" text NOT NULL, "role" text NOT NULL, CONSTRAINT "UQ_743603c531ef8dbae39af9492bb" UNIQUE ("code"), CONSTRAINT "PK_998645b20820e4ab99aeae03b41" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "display_name" text NOT NULL, "role" text NOT NULL, "locale" text NOT NULL DEFAULT 'uk', "facility_ids" uuid array NOT NULL DEFAULT '{}', "partner_id" uuid, "active" boolean NOT NULL DEFAULT true, "password_hash" text NOT NULL, "last_login_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" text NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "ip" text, "user_agent" text, CONSTRAINT "UQ_abaa9e068cdd390bc5210f79884" UNIQUE ("token_hash"), CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "sessions_user_idx" ON "sessions"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "system_models" ("version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "designation" text NOT NULL, "kind" text NOT NULL, "caliber_mm" integer NOT NULL, "origin_partner_id" uuid NOT NULL, "barrel_life_efc" integer NOT NULL, CONSTRAINT "UQ_17c747d02496ba65fee09a3d658" UNIQUE ("designation"), CONSTRAINT "PK_91a8f5481640ec25a8289078a84" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "system_models_origin_idx" ON "system_models"  ("origin_partner_id") `);
    await queryRunner.query(
      `CREATE TABLE "components" ("version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "part_number" text NOT NULL, "name" text NOT NULL, "category" text NOT NULL, "unit_of_issue" text NOT NULL, CONSTRAINT "UQ_600039a74a59baff70fa7befef9" UNIQUE ("part_number"), CONSTRAINT "PK_0d742661c63926321b5f5eac1ad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "joint_ventures" ("version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "ukrainian_company" text NOT NULL, "scopes" text array NOT NULL, "established_on" date NOT NULL, CONSTRAINT "UQ_f66adc990f19918d85b44a77381" UNIQUE ("name"), CONSTRAINT "PK_ba0f0ef18863ae23f99531b6c4c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "joint_venture_partners" ("joint_venture_id" uuid NOT NULL, "partner_id" uuid NOT NULL, "company_name" text NOT NULL, CONSTRAINT "PK_d2519319143e2bb005bfca39bf9" PRIMARY KEY ("joint_venture_id", "partner_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "facilities" ("version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "oblast" text NOT NULL, "joint_venture_id" uuid, "repair_bays" integer NOT NULL DEFAULT '0', "training_seats" integer NOT NULL DEFAULT '0', CONSTRAINT "UQ_bf808b325b190fb9049254ba55e" UNIQUE ("code"), CONSTRAINT "PK_2e6c685b2e1195e6d6394a22bc7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "facilities_jv_idx" ON "facilities"  ("joint_venture_id") `);
    await queryRunner.query(
      `CREATE TABLE "idempotency_keys" ("user_id" uuid NOT NULL, "key" text NOT NULL, "method" text NOT NULL, "path" text NOT NULL, "request_hash" text NOT NULL, "response_status" integer, "response_body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_392b1af86f210d98d3f0c764728" PRIMARY KEY ("user_id", "key"))`,
    );
    await queryRunner.query(`CREATE INDEX "idempotency_keys_expires_idx" ON "idempotency_keys"  ("expires_at") `);
    await queryRunner.query(
      `CREATE TABLE "units" ("version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "name" text NOT NULL, CONSTRAINT "UQ_47635c1ab22d02fc3ebae3608b8" UNIQUE ("code"), CONSTRAINT "PK_5a8f2f064919b587d93936cb223" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "component_system_models" ("component_id" uuid NOT NULL, "system_model_id" uuid NOT NULL, CONSTRAINT "PK_6e3172dd55c0c787bc05e0f7c24" PRIMARY KEY ("component_id", "system_model_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_8b7297bdcd6d8e03dbb700c8db" ON "component_system_models"  ("component_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_bf3f43aa7b25cbe6d7868d58da" ON "component_system_models"  ("system_model_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_343e64636cae2f9f3babb19da50" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "system_models" ADD CONSTRAINT "FK_65075c0aeacf1d4e3f5a59aa8c0" FOREIGN KEY ("origin_partner_id") REFERENCES "partners"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "joint_venture_partners" ADD CONSTRAINT "FK_b8e3e07d26132c65a6ce8180427" FOREIGN KEY ("joint_venture_id") REFERENCES "joint_ventures"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "joint_venture_partners" ADD CONSTRAINT "FK_d5c1cede378ec106025f78929b2" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "facilities" ADD CONSTRAINT "FK_8b279e82b9daf427f2837c66cbf" FOREIGN KEY ("joint_venture_id") REFERENCES "joint_ventures"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "component_system_models" ADD CONSTRAINT "FK_8b7297bdcd6d8e03dbb700c8db5" FOREIGN KEY ("component_id") REFERENCES "components"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "component_system_models" ADD CONSTRAINT "FK_bf3f43aa7b25cbe6d7868d58da9" FOREIGN KEY ("system_model_id") REFERENCES "system_models"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );

    // The audit log is append-only: the database itself refuses UPDATE, DELETE and TRUNCATE on it.
    await queryRunner.query(`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = '42501'; END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_log_no_truncate ON audit_log`);
    await queryRunner.query(`DROP TRIGGER audit_log_no_change ON audit_log`);
    await queryRunner.query(`DROP FUNCTION audit_log_append_only()`);
    await queryRunner.query(`ALTER TABLE "component_system_models" DROP CONSTRAINT "FK_bf3f43aa7b25cbe6d7868d58da9"`);
    await queryRunner.query(`ALTER TABLE "component_system_models" DROP CONSTRAINT "FK_8b7297bdcd6d8e03dbb700c8db5"`);
    await queryRunner.query(`ALTER TABLE "facilities" DROP CONSTRAINT "FK_8b279e82b9daf427f2837c66cbf"`);
    await queryRunner.query(`ALTER TABLE "joint_venture_partners" DROP CONSTRAINT "FK_d5c1cede378ec106025f78929b2"`);
    await queryRunner.query(`ALTER TABLE "joint_venture_partners" DROP CONSTRAINT "FK_b8e3e07d26132c65a6ce8180427"`);
    await queryRunner.query(`ALTER TABLE "system_models" DROP CONSTRAINT "FK_65075c0aeacf1d4e3f5a59aa8c0"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_343e64636cae2f9f3babb19da50"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bf3f43aa7b25cbe6d7868d58da"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8b7297bdcd6d8e03dbb700c8db"`);
    await queryRunner.query(`DROP TABLE "component_system_models"`);
    await queryRunner.query(`DROP TABLE "units"`);
    await queryRunner.query(`DROP INDEX "public"."idempotency_keys_expires_idx"`);
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
    await queryRunner.query(`DROP INDEX "public"."facilities_jv_idx"`);
    await queryRunner.query(`DROP TABLE "facilities"`);
    await queryRunner.query(`DROP TABLE "joint_venture_partners"`);
    await queryRunner.query(`DROP TABLE "joint_ventures"`);
    await queryRunner.query(`DROP TABLE "components"`);
    await queryRunner.query(`DROP INDEX "public"."system_models_origin_idx"`);
    await queryRunner.query(`DROP TABLE "system_models"`);
    await queryRunner.query(`DROP INDEX "public"."sessions_user_idx"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TABLE "partners"`);
    await queryRunner.query(`DROP INDEX "public"."login_attempts_email_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."login_attempts_ip_at_idx"`);
    await queryRunner.query(`DROP TABLE "login_attempts"`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_entity_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_actor_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_at_idx"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
