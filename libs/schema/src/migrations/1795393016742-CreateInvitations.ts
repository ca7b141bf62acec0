import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInvitations1795393016742 implements MigrationInterface {
  name = 'CreateInvitations1795393016742';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "name" text NOT NULL, "organisation_id" uuid, "subject_type" text NOT NULL, "subject_id" uuid NOT NULL, "invited_by_id" uuid NOT NULL, "token_hash" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "emailed_at" TIMESTAMP WITH TIME ZONE, "accepted_at" TIMESTAMP WITH TIME ZONE, "user_id" uuid, CONSTRAINT "invitations_accepted_check" CHECK ((accepted_at IS NULL) = (user_id IS NULL)), CONSTRAINT "invitations_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations"  ("token_hash") `);
    // Accepting (or an account created for the address) finds the pending invitations of an address whatever its case.
    await queryRunner.query(`CREATE INDEX "invitations_pending_email_idx" ON "invitations" (lower("email")) WHERE accepted_at IS NULL`);
    await queryRunner.query(
      `ALTER TABLE "invitations" ADD CONSTRAINT "invitations_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_id_fkey" FOREIGN KEY ("invited_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "invitations" ADD CONSTRAINT "invitations_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invitations" DROP CONSTRAINT "invitations_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "invitations" DROP CONSTRAINT "invitations_invited_by_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "invitations" DROP CONSTRAINT "invitations_organisation_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."invitations_pending_email_idx"`);
    await queryRunner.query(`DROP INDEX "public"."invitations_token_hash_key"`);
    await queryRunner.query(`DROP TABLE "invitations"`);
  }
}
