import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CallIdOnApplicationParts1795376678016 implements MigrationInterface {
  name = 'CallIdOnApplicationParts1795376678016';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "application_sides" DROP CONSTRAINT "application_sides_application_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "application_members" DROP CONSTRAINT "application_members_application_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "application_institutions" DROP CONSTRAINT "application_institutions_application_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "side_decisions" DROP CONSTRAINT "side_decisions_application_id_fkey"`);
    // Expand, fill from the application (and the decided side), then require.
    for (const table of ['application_sides', 'application_members', 'application_institutions', 'side_decisions']) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "call_id" uuid`);
      await queryRunner.query(`UPDATE "${table}" t SET call_id = a.call_id FROM applications a WHERE a.id = t.application_id`);
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "call_id" SET NOT NULL`);
    }
    await queryRunner.query(`ALTER TABLE "application_institutions" ADD "status" text`);
    await queryRunner.query(`UPDATE application_institutions k SET status = a.status FROM applications a WHERE a.id = k.application_id`);
    await queryRunner.query(`ALTER TABLE "application_institutions" ALTER COLUMN "status" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "side_decisions" ADD "institution_id" uuid`);
    await queryRunner.query(
      `UPDATE side_decisions d SET institution_id = s.institution_id FROM application_sides s WHERE s.application_id = d.application_id AND s.agency_id = d.agency_id`,
    );
    await queryRunner.query(
      `CREATE INDEX "application_sides_call_idx" ON "application_sides"  ("call_id", "agency_id", "institution_id", "status", "application_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "application_members_call_idx" ON "application_members"  ("call_id", "role", "application_id", "id", "institution_id", "country") `,
    );
    await queryRunner.query(
      `CREATE INDEX "application_institutions_status_idx" ON "application_institutions"  ("institution_id", "status", "created_at", "application_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "application_institutions_call_idx" ON "application_institutions"  ("institution_id", "call_id", "created_at", "application_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "side_decisions_institution_id_decision_idx" ON "side_decisions"  ("institution_id", "decision") `,
    );
    await queryRunner.query(
      `CREATE INDEX "side_decisions_call_idx" ON "side_decisions"  ("call_id", "application_id", "agency_id", "decision") `,
    );
    await queryRunner.query(
      `ALTER TABLE "application_institutions" ADD CONSTRAINT "application_institutions_status_check" CHECK (status IN ('draft', 'returned', 'pending_institution', 'submitted', 'eligible', 'ineligible', 'under_review', 'decided', 'withdrawn'))`,
    );
    await queryRunner.query(`ALTER TABLE "applications" ADD CONSTRAINT "applications_id_call_id_key" UNIQUE ("id", "call_id")`);
    // A call's statistics read the call's applications from this index alone.
    await queryRunner.query(`DROP INDEX "public"."applications_call_id_status_idx"`);
    await queryRunner.query(
      `CREATE INDEX "applications_call_idx" ON "applications"  ("call_id", "status", "id", "track_id", "field_code") `,
    );
    await queryRunner.query(
      `ALTER TABLE "application_sides" ADD CONSTRAINT "application_sides_application_id_call_id_fkey" FOREIGN KEY ("application_id", "call_id") REFERENCES "applications"("id","call_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_members" ADD CONSTRAINT "application_members_application_id_call_id_fkey" FOREIGN KEY ("application_id", "call_id") REFERENCES "applications"("id","call_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_institutions" ADD CONSTRAINT "application_institutions_application_id_call_id_fkey" FOREIGN KEY ("application_id", "call_id") REFERENCES "applications"("id","call_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "side_decisions" ADD CONSTRAINT "side_decisions_application_id_call_id_fkey" FOREIGN KEY ("application_id", "call_id") REFERENCES "applications"("id","call_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "side_decisions" ADD CONSTRAINT "side_decisions_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "side_decisions" DROP CONSTRAINT "side_decisions_institution_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "side_decisions" DROP CONSTRAINT "side_decisions_application_id_call_id_fkey"`);
    await queryRunner.query(
      `ALTER TABLE "application_institutions" DROP CONSTRAINT "application_institutions_application_id_call_id_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "application_members" DROP CONSTRAINT "application_members_application_id_call_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "application_sides" DROP CONSTRAINT "application_sides_application_id_call_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."applications_call_idx"`);
    await queryRunner.query(`CREATE INDEX "applications_call_id_status_idx" ON "applications"  ("call_id", "status") `);
    await queryRunner.query(`ALTER TABLE "applications" DROP CONSTRAINT "applications_id_call_id_key"`);
    await queryRunner.query(`ALTER TABLE "application_institutions" DROP CONSTRAINT "application_institutions_status_check"`);
    await queryRunner.query(`DROP INDEX "public"."side_decisions_call_idx"`);
    await queryRunner.query(`DROP INDEX "public"."side_decisions_institution_id_decision_idx"`);
    await queryRunner.query(`DROP INDEX "public"."application_institutions_call_idx"`);
    await queryRunner.query(`DROP INDEX "public"."application_institutions_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."application_members_call_idx"`);
    await queryRunner.query(`DROP INDEX "public"."application_sides_call_idx"`);
    await queryRunner.query(`ALTER TABLE "side_decisions" DROP COLUMN "institution_id"`);
    await queryRunner.query(`ALTER TABLE "side_decisions" DROP COLUMN "call_id"`);
    await queryRunner.query(`ALTER TABLE "application_institutions" DROP COLUMN "status"`);
    await queryRunner.query(`ALTER TABLE "application_institutions" DROP COLUMN "call_id"`);
    await queryRunner.query(`ALTER TABLE "application_members" DROP COLUMN "call_id"`);
    await queryRunner.query(`ALTER TABLE "application_sides" DROP COLUMN "call_id"`);
    await queryRunner.query(
      `ALTER TABLE "side_decisions" ADD CONSTRAINT "side_decisions_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_institutions" ADD CONSTRAINT "application_institutions_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_members" ADD CONSTRAINT "application_members_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_sides" ADD CONSTRAINT "application_sides_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }
}
