import { upsertRows } from '#platform';
import type { DataSource } from 'typeorm';
import { organisationSeeds } from './demo/organisations.js';
import { seedId } from './seed-id.js';

export interface SeedReport {
  /** Rows inserted or changed, per table; all zero when the data was already in place. */
  readonly changed: Readonly<Record<string, number>>;
}

/**
 * Loads the demo data in one transaction. Idempotent: objects keep fixed ids, and a second run
 * inserts nothing and rewrites nothing.
 */
export async function runSeeds(dataSource: DataSource): Promise<SeedReport> {
  return dataSource.transaction(async (manager) => {
    const organisations = await upsertRows(
      manager,
      'organisations',
      ['id'],
      organisationSeeds.map((o) => ({
        id: seedId('organisation', o.key),
        kind: o.kind,
        short_name: o.shortName,
        name_ja: o.nameJa,
        name_en: o.nameEn,
        country: o.country,
        time_zone: o.timeZone,
        ror_id: o.rorId,
        funder_id: o.funderId,
      })),
    );
    return { changed: { organisations } };
  });
}
