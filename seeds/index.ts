import { hashPassword } from '#identity';
import { upsertRows } from '#platform';
import type { DataSource, EntityManager } from 'typeorm';
import { organisationSeeds } from './demo/organisations.js';
import { DEMO_PASSWORD, userSeeds } from './demo/users.js';
import { seedId } from './seed-id.js';

export interface SeedReport {
  /** Rows inserted or changed, per table; all zero when the data was already in place. */
  readonly changed: Readonly<Record<string, number>>;
}

/**
 * Loads the demo data in one transaction. Idempotent: objects keep fixed ids, and a second run
 * inserts nothing and rewrites nothing. Never run in production (the configuration refuses it).
 */
export async function runSeeds(dataSource: DataSource): Promise<SeedReport> {
  return dataSource.transaction(async (manager) => {
    const organisations = await seedOrganisations(manager);
    const users = await seedUsers(manager);
    return { changed: { organisations, users } };
  });
}

function seedOrganisations(manager: EntityManager): Promise<number> {
  return upsertRows(
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
}

/** Passwords are hashed only for accounts that do not exist yet; an existing hash is never replaced. */
async function seedUsers(manager: EntityManager): Promise<number> {
  const ids = userSeeds.map((u) => seedId('user', u.email));
  const existing = new Set(
    (await manager.query<{ id: string }[]>(`SELECT id FROM users WHERE id = ANY($1::uuid[])`, [ids])).map((row) => row.id),
  );
  const rows = await Promise.all(
    userSeeds.map(async (u) => {
      const id = seedId('user', u.email);
      return {
        id,
        email: u.email,
        name: u.name,
        roles: `{${u.roles.join(',')}}`,
        organisation_id: u.organisation === null ? null : seedId('organisation', u.organisation),
        language: u.language,
        password_hash: existing.has(id) ? '' : await hashPassword(DEMO_PASSWORD),
      };
    }),
  );
  return upsertRows(manager, 'users', ['id'], rows, ['password_hash']);
}
