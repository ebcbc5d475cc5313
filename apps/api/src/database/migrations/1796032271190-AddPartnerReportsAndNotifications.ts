import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddPartnerReportsAndNotifications1796032271190 implements MigrationInterface {
  name = 'AddPartnerReportsAndNotifications1796032271190';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "partner_reports" ("version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "partner_id" uuid NOT NULL, "period" text NOT NULL, "period_start" date NOT NULL, "period_end" date NOT NULL, "status" text NOT NULL, "figures" jsonb NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "figures_sha256" text, "prepared_by" uuid, "approved_by" uuid, "approved_at" TIMESTAMP WITH TIME ZONE, "published_by" uuid, "published_at" TIMESTAMP WITH TIME ZONE, "supersedes_id" uuid, "superseded_by_id" uuid, CONSTRAINT "partner_reports_period_ck" CHECK ("period" ~ '^[0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])$'), CONSTRAINT "partner_reports_status_ck" CHECK ("status" IN ('draft', 'approved', 'published', 'discarded')), CONSTRAINT "PK_7c939d22be6d1ea1db2d8b2d996" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "partner_reports_one_open_uq" ON "partner_reports"  ("partner_id", "period") WHERE "status" IN ('draft', 'approved')`,
    );
    await queryRunner.query(
      `CREATE INDEX "partner_reports_status_idx" ON "partner_reports"  ("status", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "partner_reports_partner_idx" ON "partner_reports"  ("partner_id", "created_at", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "partner_reports_list_idx" ON "partner_reports"  ("created_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "partner_report_transitions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "report_id" uuid NOT NULL, "from_status" text, "to_status" text NOT NULL, "comment" text, "actor_id" uuid, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e744d33982c167b3add2870932e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "partner_report_transitions_report_idx" ON "partner_report_transitions"  ("report_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "partner_report_documents" ("report_id" uuid NOT NULL, "format" text NOT NULL, "lang" text NOT NULL, "content" bytea NOT NULL, "sha256" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "partner_report_documents_lang_ck" CHECK ("lang" IN ('uk', 'en')), CONSTRAINT "partner_report_documents_format_ck" CHECK ("format" IN ('pdf', 'csv')), CONSTRAINT "PK_58b5545f2917e14f329ac284997" PRIMARY KEY ("report_id", "format", "lang"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "partner_report_releases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "report_id" uuid NOT NULL, "kind" text NOT NULL, "recipient" text NOT NULL, "channel" text NOT NULL, "note" text, "format" text, "lang" text, "sha256" text, "actor_id" uuid, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "partner_report_releases_kind_ck" CHECK ("kind" IN ('download', 'recorded')), CONSTRAINT "PK_d06bf456b19fe650d6c551c43d4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "partner_report_releases_report_idx" ON "partner_report_releases"  ("report_id", "at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" text NOT NULL, "subject_type" text NOT NULL, "subject_id" uuid NOT NULL, "params" jsonb NOT NULL DEFAULT '{}', "dedup_key" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "notifications_dedup_uq" ON "notifications"  ("user_id", "dedup_key") WHERE "dedup_key" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "notifications_unread_idx" ON "notifications"  ("user_id") WHERE "read_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "notifications_user_idx" ON "notifications"  ("user_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "system_status_history_at_idx" ON "system_status_history" ("at") INCLUDE ("system_id", "from_status", "to_status")`,
    );
    await queryRunner.query(
      `ALTER TABLE "partner_reports" ADD CONSTRAINT "FK_cf2d367ca8e94eac0d20d6cc93f" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "partner_reports" ADD CONSTRAINT "FK_112f08afc51c8185428012f24bc" FOREIGN KEY ("prepared_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "partner_reports" ADD CONSTRAINT "FK_8c0ef7c92c4a02ab2c0a5c25b0d" FOREIGN KEY ("approved_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "partner_reports" ADD CONSTRAINT "FK_1cb6f425aad574dd867b7e74ba6" FOREIGN KEY ("published_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "partner_reports" ADD CONSTRAINT "FK_8e4d66a55948aa9c15c60838134" FOREIGN KEY ("supersedes_id") REFERENCES "partner_reports"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "partner_reports" ADD CONSTRAINT "FK_943239e0468c59de2deb06a8dbc" FOREIGN KEY ("superseded_by_id") REFERENCES "partner_reports"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "partner_report_transitions" ADD CONSTRAINT "FK_2198c746b4d51b61b5641f3a040" FOREIGN KEY ("report_id") REFERENCES "partner_reports"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "partner_report_documents" ADD CONSTRAINT "FK_d2ac0827843f6fad2be4fe8372b" FOREIGN KEY ("report_id") REFERENCES "partner_reports"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "partner_report_releases" ADD CONSTRAINT "FK_5afe4a557d9879e3c09f758357d" FOREIGN KEY ("report_id") REFERENCES "partner_reports"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Published reports are frozen in the database too: their figures and documents never change
    // (only the link to a correction is set later) — whatever code runs against it.
    await queryRunner.query(`CREATE FUNCTION partner_reports_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'published' AND (NEW.status IS DISTINCT FROM OLD.status
            OR NEW.figures IS DISTINCT FROM OLD.figures OR NEW.figures_sha256 IS DISTINCT FROM OLD.figures_sha256
            OR NEW.computed_at IS DISTINCT FROM OLD.computed_at OR NEW.published_at IS DISTINCT FROM OLD.published_at
            OR NEW.published_by IS DISTINCT FROM OLD.published_by) THEN
          RAISE EXCEPTION 'partner report % is published and frozen', OLD.id USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER partner_reports_frozen BEFORE UPDATE ON "partner_reports" FOR EACH ROW EXECUTE FUNCTION partner_reports_frozen()`,
    );
    await queryRunner.query(`CREATE FUNCTION partner_report_documents_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'published report documents are frozen' USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER partner_report_documents_frozen BEFORE UPDATE OR DELETE ON "partner_report_documents" FOR EACH ROW EXECUTE FUNCTION partner_report_documents_frozen()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER partner_report_documents_frozen ON "partner_report_documents"`);
    await queryRunner.query(`DROP FUNCTION partner_report_documents_frozen()`);
    await queryRunner.query(`DROP TRIGGER partner_reports_frozen ON "partner_reports"`);
    await queryRunner.query(`DROP FUNCTION partner_reports_frozen()`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_9a8a82462cab47c73d25f49261f"`);
    await queryRunner.query(`ALTER TABLE "partner_report_releases" DROP CONSTRAINT "FK_5afe4a557d9879e3c09f758357d"`);
    await queryRunner.query(`ALTER TABLE "partner_report_documents" DROP CONSTRAINT "FK_d2ac0827843f6fad2be4fe8372b"`);
    await queryRunner.query(
      `ALTER TABLE "partner_report_transitions" DROP CONSTRAINT "FK_2198c746b4d51b61b5641f3a040"`,
    );
    await queryRunner.query(`ALTER TABLE "partner_reports" DROP CONSTRAINT "FK_943239e0468c59de2deb06a8dbc"`);
    await queryRunner.query(`ALTER TABLE "partner_reports" DROP CONSTRAINT "FK_8e4d66a55948aa9c15c60838134"`);
    await queryRunner.query(`ALTER TABLE "partner_reports" DROP CONSTRAINT "FK_1cb6f425aad574dd867b7e74ba6"`);
    await queryRunner.query(`ALTER TABLE "partner_reports" DROP CONSTRAINT "FK_8c0ef7c92c4a02ab2c0a5c25b0d"`);
    await queryRunner.query(`ALTER TABLE "partner_reports" DROP CONSTRAINT "FK_112f08afc51c8185428012f24bc"`);
    await queryRunner.query(`ALTER TABLE "partner_reports" DROP CONSTRAINT "FK_cf2d367ca8e94eac0d20d6cc93f"`);
    await queryRunner.query(`DROP INDEX "public"."system_status_history_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_user_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_unread_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_dedup_uq"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP INDEX "public"."partner_report_releases_report_idx"`);
    await queryRunner.query(`DROP TABLE "partner_report_releases"`);
    await queryRunner.query(`DROP TABLE "partner_report_documents"`);
    await queryRunner.query(`DROP INDEX "public"."partner_report_transitions_report_idx"`);
    await queryRunner.query(`DROP TABLE "partner_report_transitions"`);
    await queryRunner.query(`DROP INDEX "public"."partner_reports_list_idx"`);
    await queryRunner.query(`DROP INDEX "public"."partner_reports_partner_idx"`);
    await queryRunner.query(`DROP INDEX "public"."partner_reports_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."partner_reports_one_open_uq"`);
    await queryRunner.query(`DROP TABLE "partner_reports"`);
  }
}
