import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EditEventFields1796566417585 implements MigrationInterface {
  name = 'EditEventFields1796566417585';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "application_events" ADD "fields" text array`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "application_events" DROP COLUMN "fields"`);
  }
}
