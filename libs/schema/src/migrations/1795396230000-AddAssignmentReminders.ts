import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAssignmentReminders1795396230000 implements MigrationInterface {
  name = 'AddAssignmentReminders1795396230000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "review_assignments" ADD "reminded_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "review_assignments" DROP COLUMN "reminded_at"`);
  }
}
