import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAgencyReviewOnceFinal1795394210000 implements MigrationInterface {
  name = 'AddAgencyReviewOnceFinal1795394210000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "call_agencies" ADD "review_once_final" boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "call_agencies" DROP COLUMN "review_once_final"`);
  }
}
