import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCalls1795359617938 implements MigrationInterface {
  name = 'CreateCalls1795359617938';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "research_fields" ("code" text NOT NULL, "name_ja" text NOT NULL, "name_en" text NOT NULL, "sort_order" integer NOT NULL, CONSTRAINT "research_fields_pkey" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "programs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agency_id" uuid NOT NULL, "code" text NOT NULL, "name_ja" text NOT NULL, "name_en" text NOT NULL, "description_ja" text NOT NULL DEFAULT '', "description_en" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "programs_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "programs_agency_id_code_key" ON "programs"  ("agency_id", "code") `);
    await queryRunner.query(
      `CREATE TABLE "calls" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "program_id" uuid NOT NULL, "title_ja" text NOT NULL, "title_en" text NOT NULL, "summary_ja" text NOT NULL DEFAULT '', "summary_en" text NOT NULL DEFAULT '', "mode" text NOT NULL, "eligible_countries" text array NOT NULL, "announced_at" TIMESTAMP WITH TIME ZONE, "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "review_starts_at" TIMESTAMP WITH TIME ZONE, "decision_at" TIMESTAMP WITH TIME ZONE, "project_start_on" date, "deadlines" TIMESTAMP WITH TIME ZONE array NOT NULL, "created_by" uuid, "published_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancellation_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "calls_mode_check" CHECK (mode IN ('joint_call', 'co_funding', 'twinning')), CONSTRAINT "calls_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "calls_program_id_idx" ON "calls"  ("program_id") `);
    // Filtering by partner country; TypeORM cannot describe a GIN index.
    await queryRunner.query(`CREATE INDEX "calls_eligible_countries_idx" ON "calls" USING gin ("eligible_countries")`);
    await queryRunner.query(
      `CREATE TABLE "call_agencies" ("call_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "role" text NOT NULL, "deadline" TIMESTAMP WITH TIME ZONE NOT NULL, "time_zone" text NOT NULL, "deadline_sequence" integer NOT NULL DEFAULT '0', "budget_cap_amount" bigint, "budget_cap_currency" character(3), "institution_approval_required" boolean NOT NULL DEFAULT true, "eligibility_notes_ja" text NOT NULL DEFAULT '', "eligibility_notes_en" text NOT NULL DEFAULT '', "sort_order" integer NOT NULL DEFAULT '0', "version" integer NOT NULL DEFAULT '1', CONSTRAINT "call_agencies_budget_check" CHECK ((budget_cap_amount IS NULL) = (budget_cap_currency IS NULL) AND (budget_cap_amount IS NULL OR budget_cap_amount > 0)), CONSTRAINT "call_agencies_role_check" CHECK (role IN ('lead', 'partner')), CONSTRAINT "call_agencies_pkey" PRIMARY KEY ("call_id", "agency_id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "call_agencies_one_lead_key" ON "call_agencies"  ("call_id") WHERE role = 'lead'`);
    await queryRunner.query(`CREATE INDEX "call_agencies_agency_id_idx" ON "call_agencies"  ("agency_id") `);
    await queryRunner.query(
      `CREATE TABLE "call_tracks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "call_id" uuid NOT NULL, "code" text NOT NULL, "name_ja" text NOT NULL, "name_en" text NOT NULL, "max_budget_amount" bigint, "max_budget_currency" character(3), "max_duration_months" integer NOT NULL, "early_career_required" boolean NOT NULL DEFAULT false, "sort_order" integer NOT NULL DEFAULT '0', CONSTRAINT "call_tracks_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "call_tracks_call_id_idx" ON "call_tracks"  ("call_id") `);
    await queryRunner.query(
      `CREATE TABLE "call_criteria" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "call_id" uuid NOT NULL, "name_ja" text NOT NULL, "name_en" text NOT NULL, "description_ja" text NOT NULL DEFAULT '', "description_en" text NOT NULL DEFAULT '', "scale_min" integer NOT NULL, "scale_max" integer NOT NULL, "weight" numeric(6,3) NOT NULL, "threshold" numeric(6,2), "sort_order" integer NOT NULL DEFAULT '0', CONSTRAINT "call_criteria_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "call_criteria_call_id_idx" ON "call_criteria"  ("call_id") `);
    await queryRunner.query(
      `CREATE TABLE "call_fields" ("call_id" uuid NOT NULL, "field_code" text NOT NULL, CONSTRAINT "call_fields_pkey" PRIMARY KEY ("call_id", "field_code"))`,
    );
    await queryRunner.query(`CREATE INDEX "call_fields_field_code_idx" ON "call_fields"  ("field_code") `);
    await queryRunner.query(
      `CREATE TABLE "call_watches" ("user_id" uuid NOT NULL, "call_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "call_watches_pkey" PRIMARY KEY ("user_id", "call_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "call_watches_call_id_idx" ON "call_watches"  ("call_id") `);
    await queryRunner.query(
      `CREATE TABLE "calendar_tokens" ("user_id" uuid NOT NULL, "token_hash" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "calendar_tokens_pkey" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "calendar_tokens_token_hash_key" ON "calendar_tokens"  ("token_hash") `);
    await queryRunner.query(
      `ALTER TABLE "programs" ADD CONSTRAINT "programs_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "calls" ADD CONSTRAINT "calls_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "calls" ADD CONSTRAINT "calls_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "call_agencies" ADD CONSTRAINT "call_agencies_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "call_agencies" ADD CONSTRAINT "call_agencies_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "call_tracks" ADD CONSTRAINT "call_tracks_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "call_criteria" ADD CONSTRAINT "call_criteria_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "call_fields" ADD CONSTRAINT "call_fields_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "call_fields" ADD CONSTRAINT "call_fields_field_code_fkey" FOREIGN KEY ("field_code") REFERENCES "research_fields"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "call_watches" ADD CONSTRAINT "call_watches_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "call_watches" ADD CONSTRAINT "call_watches_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "calendar_tokens" ADD CONSTRAINT "calendar_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "calendar_tokens" DROP CONSTRAINT "calendar_tokens_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "call_watches" DROP CONSTRAINT "call_watches_call_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "call_watches" DROP CONSTRAINT "call_watches_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "call_fields" DROP CONSTRAINT "call_fields_field_code_fkey"`);
    await queryRunner.query(`ALTER TABLE "call_fields" DROP CONSTRAINT "call_fields_call_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "call_criteria" DROP CONSTRAINT "call_criteria_call_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "call_tracks" DROP CONSTRAINT "call_tracks_call_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "call_agencies" DROP CONSTRAINT "call_agencies_agency_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "call_agencies" DROP CONSTRAINT "call_agencies_call_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "calls" DROP CONSTRAINT "calls_created_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "calls" DROP CONSTRAINT "calls_program_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "programs" DROP CONSTRAINT "programs_agency_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."calendar_tokens_token_hash_key"`);
    await queryRunner.query(`DROP TABLE "calendar_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."call_watches_call_id_idx"`);
    await queryRunner.query(`DROP TABLE "call_watches"`);
    await queryRunner.query(`DROP INDEX "public"."call_fields_field_code_idx"`);
    await queryRunner.query(`DROP TABLE "call_fields"`);
    await queryRunner.query(`DROP INDEX "public"."call_criteria_call_id_idx"`);
    await queryRunner.query(`DROP TABLE "call_criteria"`);
    await queryRunner.query(`DROP INDEX "public"."call_tracks_call_id_idx"`);
    await queryRunner.query(`DROP TABLE "call_tracks"`);
    await queryRunner.query(`DROP INDEX "public"."call_agencies_agency_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."call_agencies_one_lead_key"`);
    await queryRunner.query(`DROP TABLE "call_agencies"`);
    await queryRunner.query(`DROP INDEX "public"."calls_eligible_countries_idx"`);
    await queryRunner.query(`DROP INDEX "public"."calls_program_id_idx"`);
    await queryRunner.query(`DROP TABLE "calls"`);
    await queryRunner.query(`DROP INDEX "public"."programs_agency_id_code_key"`);
    await queryRunner.query(`DROP TABLE "programs"`);
    await queryRunner.query(`DROP TABLE "research_fields"`);
  }
}
