import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddApplicationReceipts1795395120000 implements MigrationInterface {
  name = 'AddApplicationReceipts1795395120000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "application_receipts" ("number" text NOT NULL, "application_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "kind" text NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "event_id" bigint, CONSTRAINT "application_receipts_kind_check" CHECK (kind IN ('submitted_to_office', 'received_by_agency')), CONSTRAINT "application_receipts_pkey" PRIMARY KEY ("number"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "application_receipts_application_id_idx" ON "application_receipts"  ("application_id", "issued_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "application_receipts" ADD CONSTRAINT "application_receipts_application_id_agency_id_fkey" FOREIGN KEY ("application_id", "agency_id") REFERENCES "application_sides"("application_id","agency_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_receipts" ADD CONSTRAINT "application_receipts_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "application_events"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    // What was issued before: each side's agency receipt, tied to the event that sent the side there.
    await queryRunner.query(
      `INSERT INTO application_receipts (number, application_id, agency_id, kind, issued_at, event_id)
       SELECT s.receipt_number, s.application_id, s.agency_id, 'received_by_agency', s.submitted_at,
              (SELECT e.id FROM application_events e
                WHERE e.application_id = s.application_id AND e.agency_id = s.agency_id AND e.to_status = 'submitted'
                  AND e.occurred_at = s.submitted_at ORDER BY e.id DESC LIMIT 1)
         FROM application_sides s WHERE s.receipt_number IS NOT NULL AND s.submitted_at IS NOT NULL`,
    );
    // Submissions to an office had no receipt: the event log has the instant of each, which now gets one
    // (numbered in the order they happened; JC-2027-000123, at least six digits).
    await queryRunner.query(
      `INSERT INTO application_receipts (number, application_id, agency_id, kind, issued_at, event_id)
       SELECT 'JC-' || to_char(y.occurred_at AT TIME ZONE 'UTC', 'YYYY') || '-' || lpad(y.n::text, greatest(6, length(y.n::text)), '0'),
              y.application_id, y.agency_id, 'submitted_to_office', y.occurred_at, y.id
         FROM (SELECT x.*, nextval('application_receipt_seq') AS n
                 FROM (SELECT e.id, e.application_id, e.agency_id, e.occurred_at FROM application_events e
                        WHERE e.action = 'application.submit' AND e.to_status = 'pending_institution' AND e.agency_id IS NOT NULL
                        ORDER BY e.occurred_at, e.id) x) y`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "application_receipts" DROP CONSTRAINT "application_receipts_event_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "application_receipts" DROP CONSTRAINT "application_receipts_application_id_agency_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."application_receipts_application_id_idx"`);
    await queryRunner.query(`DROP TABLE "application_receipts"`);
  }
}
