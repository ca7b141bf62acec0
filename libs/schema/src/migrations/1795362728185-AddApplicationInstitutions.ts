import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddApplicationInstitutions1795362728185 implements MigrationInterface {
  name = 'AddApplicationInstitutions1795362728185';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "application_institutions" ("application_id" uuid NOT NULL, "institution_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "application_institutions_pkey" PRIMARY KEY ("application_id", "institution_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "application_institutions_office_idx" ON "application_institutions"  ("institution_id", "created_at", "application_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "application_institutions" ADD CONSTRAINT "application_institutions_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_institutions" ADD CONSTRAINT "application_institutions_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "application_institutions" DROP CONSTRAINT "application_institutions_institution_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "application_institutions" DROP CONSTRAINT "application_institutions_application_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."application_institutions_office_idx"`);
    await queryRunner.query(`DROP TABLE "application_institutions"`);
  }
}
