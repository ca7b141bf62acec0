import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCallResultsRelease1795392113507 implements MigrationInterface {
  name = 'AddCallResultsRelease1795392113507';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "calls" ADD "results_released_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "calls_results_released_at_idx" ON "calls"  ("results_released_at") WHERE results_released_at IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."calls_results_released_at_idx"`);
    await queryRunner.query(`ALTER TABLE "calls" DROP COLUMN "results_released_at"`);
  }
}
