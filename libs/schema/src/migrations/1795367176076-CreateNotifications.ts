import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNotifications1795367176076 implements MigrationInterface {
  name = 'CreateNotifications1795367176076';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" text NOT NULL, "subject_type" text NOT NULL, "subject_id" uuid NOT NULL, "params" jsonb NOT NULL, "dedupe_key" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE, "email" text NOT NULL, "emailed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "notifications_email_check" CHECK (email IN ('none', 'queued', 'sent')), CONSTRAINT "notifications_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "notifications_unread_idx" ON "notifications"  ("user_id") WHERE read_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "notifications_user_id_created_at_id_idx" ON "notifications"  ("user_id", "created_at", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "notifications_user_id_dedupe_key_key" ON "notifications"  ("user_id", "dedupe_key") `);
    await queryRunner.query(
      `CREATE TABLE "notification_preferences" ("user_id" uuid NOT NULL, "kind" text NOT NULL, "email" boolean NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "notification_preferences_pkey" PRIMARY KEY ("user_id", "kind"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "notice_marks" ("key" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "notice_marks_pkey" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(`CREATE INDEX "calls_decision_at_idx" ON "calls"  ("decision_at") WHERE decision_at IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "call_agencies_deadline_idx" ON "call_agencies"  ("deadline") `);
    await queryRunner.query(
      `CREATE INDEX "review_assignments_open_due_at_idx" ON "review_assignments"  ("due_at") WHERE submitted_at IS NULL AND due_at IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_user_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."review_assignments_open_due_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."call_agencies_deadline_idx"`);
    await queryRunner.query(`DROP INDEX "public"."calls_decision_at_idx"`);
    await queryRunner.query(`DROP TABLE "notice_marks"`);
    await queryRunner.query(`DROP TABLE "notification_preferences"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_user_id_dedupe_key_key"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_user_id_created_at_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_unread_idx"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
  }
}
