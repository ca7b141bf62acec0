import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdempotencyKeys1795361330291 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1795361330291';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "idempotency_keys" ("scope" text NOT NULL, "key" text NOT NULL, "request_hash" bytea NOT NULL, "state" text NOT NULL, "response_status" integer, "response_body" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "idempotency_keys_state_check" CHECK (state IN ('in_flight', 'done')), CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("scope", "key"))`,
    );
    await queryRunner.query(`CREATE INDEX "idempotency_keys_created_at_idx" ON "idempotency_keys"  ("created_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idempotency_keys_created_at_idx"`);
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
  }
}
