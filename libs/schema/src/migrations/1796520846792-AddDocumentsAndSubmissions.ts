import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddDocumentsAndSubmissions1796520846792 implements MigrationInterface {
  name = 'AddDocumentsAndSubmissions1796520846792';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "application_submissions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "number" integer NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "submitted_by" uuid NOT NULL, "proposal" jsonb NOT NULL, "parts" jsonb NOT NULL, CONSTRAINT "application_submissions_application_id_number_key" UNIQUE ("application_id", "number"), CONSTRAINT "application_submissions_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "document_requirements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "call_id" uuid NOT NULL, "position" integer NOT NULL, "kind" text NOT NULL, "scope" text NOT NULL, "label_en" text NOT NULL, "label_ja" text NOT NULL, "help_en" text, "help_ja" text, "accepted_types" text array NOT NULL DEFAULT '{application/pdf}', "max_bytes" bigint NOT NULL, "max_pages" integer, "required" boolean NOT NULL, "retired_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "document_requirements_limits_check" CHECK (max_bytes > 0 AND (max_pages IS NULL OR max_pages > 0)), CONSTRAINT "document_requirements_scope_check" CHECK (scope IN ('proposal', 'side')), CONSTRAINT "document_requirements_kind_check" CHECK (kind IN ('research_plan', 'budget_justification', 'cv', 'letter_of_support', 'other')), CONSTRAINT "document_requirements_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "document_requirements_call_id_idx" ON "document_requirements"  ("call_id", "position") `);
    await queryRunner.query(
      `CREATE TABLE "application_documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "requirement_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "current_version_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "application_documents_slot_key" UNIQUE ("application_id", "requirement_id", "agency_id"), CONSTRAINT "application_documents_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "document_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "document_id" uuid NOT NULL, "number" integer NOT NULL, "storage_key" text NOT NULL, "file_name" text NOT NULL, "media_type" text NOT NULL, "size" bigint NOT NULL, "sha256" character(64) NOT NULL, "pages" integer, "scan_status" text NOT NULL, "scan_signature" text, "uploaded_by" uuid NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "attached_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "document_versions_storage_key_key" UNIQUE ("storage_key"), CONSTRAINT "document_versions_document_id_number_key" UNIQUE ("document_id", "number"), CONSTRAINT "document_versions_scan_status_check" CHECK (scan_status IN ('pending', 'clean', 'infected', 'not_scanned')), CONSTRAINT "document_versions_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "document_versions_unattached_idx" ON "document_versions"  ("uploaded_at") WHERE attached_at IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE "application_receipts" ADD "submission_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "application_submissions" ADD CONSTRAINT "application_submissions_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_submissions" ADD CONSTRAINT "application_submissions_submitted_by_fkey" FOREIGN KEY ("submitted_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_receipts" ADD CONSTRAINT "application_receipts_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "application_submissions"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_requirements" ADD CONSTRAINT "document_requirements_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_documents" ADD CONSTRAINT "application_documents_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_documents" ADD CONSTRAINT "application_documents_requirement_id_fkey" FOREIGN KEY ("requirement_id") REFERENCES "document_requirements"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "application_documents"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_uploaded_by_fkey" FOREIGN KEY ("uploaded_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    // A submission, once written, is never changed or removed: reopening a draft leaves it as it was.
    await queryRunner.query(
      `CREATE FUNCTION application_submissions_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'a submission is frozen: % refused', TG_OP USING ERRCODE = 'integrity_constraint_violation'; END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER application_submissions_frozen BEFORE UPDATE OR DELETE ON application_submissions
       FOR EACH ROW EXECUTE FUNCTION application_submissions_frozen()`,
    );
    // An attached document version keeps its bytes and its name: only its scan result may still change.
    await queryRunner.query(
      `CREATE FUNCTION document_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF OLD.attached_at IS NOT NULL AND (TG_OP = 'DELETE' OR NEW.document_id <> OLD.document_id OR NEW.number <> OLD.number
             OR NEW.storage_key <> OLD.storage_key OR NEW.file_name <> OLD.file_name OR NEW.media_type <> OLD.media_type
             OR NEW.size <> OLD.size OR NEW.sha256 <> OLD.sha256 OR NEW.pages IS DISTINCT FROM OLD.pages
             OR NEW.uploaded_by <> OLD.uploaded_by OR NEW.uploaded_at <> OLD.uploaded_at OR NEW.attached_at <> OLD.attached_at) THEN
           RAISE EXCEPTION 'a document version is immutable: % refused', TG_OP USING ERRCODE = 'integrity_constraint_violation';
         END IF;
         RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER document_versions_immutable BEFORE UPDATE OR DELETE ON document_versions
       FOR EACH ROW EXECUTE FUNCTION document_versions_immutable()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER document_versions_immutable ON document_versions`);
    await queryRunner.query(`DROP FUNCTION document_versions_immutable()`);
    await queryRunner.query(`DROP TRIGGER application_submissions_frozen ON application_submissions`);
    await queryRunner.query(`DROP FUNCTION application_submissions_frozen()`);
    await queryRunner.query(`ALTER TABLE "document_versions" DROP CONSTRAINT "document_versions_uploaded_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "document_versions" DROP CONSTRAINT "document_versions_document_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "application_documents" DROP CONSTRAINT "application_documents_requirement_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "application_documents" DROP CONSTRAINT "application_documents_application_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "document_requirements" DROP CONSTRAINT "document_requirements_call_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "application_receipts" DROP CONSTRAINT "application_receipts_submission_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "application_submissions" DROP CONSTRAINT "application_submissions_submitted_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "application_submissions" DROP CONSTRAINT "application_submissions_application_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "application_receipts" DROP COLUMN "submission_id"`);
    await queryRunner.query(`DROP INDEX "public"."document_versions_unattached_idx"`);
    await queryRunner.query(`DROP TABLE "document_versions"`);
    await queryRunner.query(`DROP TABLE "application_documents"`);
    await queryRunner.query(`DROP INDEX "public"."document_requirements_call_id_idx"`);
    await queryRunner.query(`DROP TABLE "document_requirements"`);
    await queryRunner.query(`DROP TABLE "application_submissions"`);
  }
}
