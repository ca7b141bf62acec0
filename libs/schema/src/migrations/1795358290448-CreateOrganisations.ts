import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOrganisations1795358290448 implements MigrationInterface {
  name = 'CreateOrganisations1795358290448';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "organisations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "short_name" text NOT NULL, "name_ja" text NOT NULL, "name_en" text NOT NULL, "country" character(2) NOT NULL, "time_zone" text NOT NULL, "ror_id" text, "funder_id" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "organisations_country_check" CHECK (country ~ '^[A-Z]{2}$'), CONSTRAINT "organisations_kind_check" CHECK (kind IN ('funding_agency', 'institution')), CONSTRAINT "organisations_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "organisations_ror_id_key" ON "organisations"  ("ror_id") WHERE ror_id IS NOT NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "organisations_funder_id_key" ON "organisations"  ("funder_id") WHERE funder_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."organisations_funder_id_key"`);
    await queryRunner.query(`DROP INDEX "public"."organisations_ror_id_key"`);
    await queryRunner.query(`DROP TABLE "organisations"`);
  }
}
