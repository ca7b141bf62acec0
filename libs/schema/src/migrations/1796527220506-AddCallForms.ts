import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCallForms1796527220506 implements MigrationInterface {
  name = 'AddCallForms1796527220506';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "call_forms" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "call_id" uuid NOT NULL, "version" integer NOT NULL, "questions" jsonb NOT NULL, "saved_by" uuid NOT NULL, "saved_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "call_forms_call_id_version_key" UNIQUE ("call_id", "version"), CONSTRAINT "call_forms_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "application_answers" ("application_id" uuid NOT NULL, "form_version" integer NOT NULL, "answers" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by" uuid NOT NULL, CONSTRAINT "application_answers_pkey" PRIMARY KEY ("application_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "call_forms" ADD CONSTRAINT "call_forms_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "call_forms" ADD CONSTRAINT "call_forms_saved_by_fkey" FOREIGN KEY ("saved_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_answers" ADD CONSTRAINT "application_answers_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "application_answers" DROP CONSTRAINT "application_answers_application_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "call_forms" DROP CONSTRAINT "call_forms_saved_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "call_forms" DROP CONSTRAINT "call_forms_call_id_fkey"`);
    await queryRunner.query(`DROP TABLE "application_answers"`);
    await queryRunner.query(`DROP TABLE "call_forms"`);
  }
}
