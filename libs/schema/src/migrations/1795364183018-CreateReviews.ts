import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReviews1795364183018 implements MigrationInterface {
  name = 'CreateReviews1795364183018';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "call_reviewers" ("call_id" uuid NOT NULL, "reviewer_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "added_by" uuid, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "call_reviewers_pkey" PRIMARY KEY ("call_id", "reviewer_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "call_reviewers_reviewer_id_idx" ON "call_reviewers"  ("reviewer_id") `);
    await queryRunner.query(
      `CREATE TABLE "conflict_declarations" ("application_id" uuid NOT NULL, "reviewer_id" uuid NOT NULL, "reason" text NOT NULL, "declared_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "conflict_declarations_pkey" PRIMARY KEY ("application_id", "reviewer_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "conflict_declarations_reviewer_id_idx" ON "conflict_declarations"  ("reviewer_id") `);
    await queryRunner.query(
      `CREATE TABLE "review_assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "reviewer_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "status" text NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE, "decline_reason" text, "assigned_by" uuid, "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL, "scores" jsonb, "comment" text, "submitted_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "review_assignments_status_check" CHECK (status IN ('assigned', 'accepted', 'declined')), CONSTRAINT "review_assignments_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "review_assignments_reviewer_id_idx" ON "review_assignments"  ("reviewer_id", "status") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "review_assignments_application_id_reviewer_id_key" ON "review_assignments"  ("application_id", "reviewer_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "side_decisions" ("application_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "decision" text NOT NULL, "amount" bigint, "currency" character(3), "decided_by" uuid NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "side_decisions_decision_check" CHECK (decision IN ('yes', 'no')), CONSTRAINT "side_decisions_pkey" PRIMARY KEY ("application_id", "agency_id"))`,
    );
    await queryRunner.query(`ALTER TABLE "application_sides" ADD "eligibility_reason" text`);
    await queryRunner.query(
      `ALTER TABLE "call_reviewers" ADD CONSTRAINT "call_reviewers_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "call_reviewers" ADD CONSTRAINT "call_reviewers_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "call_reviewers" ADD CONSTRAINT "call_reviewers_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "conflict_declarations" ADD CONSTRAINT "conflict_declarations_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "conflict_declarations" ADD CONSTRAINT "conflict_declarations_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "side_decisions" ADD CONSTRAINT "side_decisions_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "side_decisions" DROP CONSTRAINT "side_decisions_application_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "review_assignments" DROP CONSTRAINT "review_assignments_reviewer_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "review_assignments" DROP CONSTRAINT "review_assignments_application_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "conflict_declarations" DROP CONSTRAINT "conflict_declarations_reviewer_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "conflict_declarations" DROP CONSTRAINT "conflict_declarations_application_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "call_reviewers" DROP CONSTRAINT "call_reviewers_agency_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "call_reviewers" DROP CONSTRAINT "call_reviewers_reviewer_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "call_reviewers" DROP CONSTRAINT "call_reviewers_call_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "application_sides" DROP COLUMN "eligibility_reason"`);
    await queryRunner.query(`DROP TABLE "side_decisions"`);
    await queryRunner.query(`DROP INDEX "public"."review_assignments_application_id_reviewer_id_key"`);
    await queryRunner.query(`DROP INDEX "public"."review_assignments_reviewer_id_idx"`);
    await queryRunner.query(`DROP TABLE "review_assignments"`);
    await queryRunner.query(`DROP INDEX "public"."conflict_declarations_reviewer_id_idx"`);
    await queryRunner.query(`DROP TABLE "conflict_declarations"`);
    await queryRunner.query(`DROP INDEX "public"."call_reviewers_reviewer_id_idx"`);
    await queryRunner.query(`DROP TABLE "call_reviewers"`);
  }
}
