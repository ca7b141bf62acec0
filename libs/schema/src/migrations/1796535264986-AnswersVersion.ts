import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A proposal's answers carry a version, so that a save is conditional on the one its editor read
 * (If-Match). 0 is "nothing saved yet": answers saved before count as the first save.
 */
export class AnswersVersion1796535264986 implements MigrationInterface {
  name = 'AnswersVersion1796535264986';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "application_answers" ADD "version" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`UPDATE "application_answers" SET "version" = 1`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "application_answers" DROP COLUMN "version"`);
  }
}
