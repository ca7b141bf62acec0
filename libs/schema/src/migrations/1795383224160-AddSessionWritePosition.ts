import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSessionWritePosition1795383224160 implements MigrationInterface {
  name = 'AddSessionWritePosition1795383224160';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "auth_sessions" ADD "last_write_lsn" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "auth_sessions" DROP COLUMN "last_write_lsn"`);
  }
}
