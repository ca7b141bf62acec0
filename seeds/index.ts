import { hashPassword } from '#identity';
import { upsertRows } from '#platform';
import type { DataSource, EntityManager } from 'typeorm';
import { callSeeds, criterionSeeds, programSeeds } from './demo/calls.js';
import { organisationSeeds } from './demo/organisations.js';
import { DEMO_PASSWORD, userSeeds } from './demo/users.js';
import { seedId } from './seed-id.js';

export interface SeedReport {
  /** Rows inserted or changed, per table; all zero when the data was already in place. */
  readonly changed: Readonly<Record<string, number>>;
}

/**
 * Loads the demo data in one transaction. Idempotent: objects keep fixed ids, and a second run
 * inserts nothing and rewrites nothing (the current calls move with the month of `now`). Never
 * run in production (the configuration refuses it).
 */
export async function runSeeds(dataSource: DataSource, now: Date = new Date()): Promise<SeedReport> {
  return dataSource.transaction(async (manager) => {
    const changed: Record<string, number> = {};
    changed['organisations'] = await seedOrganisations(manager);
    changed['users'] = await seedUsers(manager);
    changed['programs'] = await seedPrograms(manager);
    Object.assign(changed, await seedCalls(manager, now));
    return { changed };
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
        roles: pgArray(u.roles),
        organisation_id: u.organisation === null ? null : seedId('organisation', u.organisation),
        language: u.language,
        password_hash: existing.has(id) ? '' : await hashPassword(DEMO_PASSWORD),
      };
    }),
  );
  return upsertRows(manager, 'users', ['id'], rows, ['password_hash']);
}

function seedPrograms(manager: EntityManager): Promise<number> {
  return upsertRows(
    manager,
    'programs',
    ['id'],
    programSeeds.map((p) => ({
      id: seedId('program', p.key),
      agency_id: seedId('organisation', p.agency),
      code: p.code,
      name_ja: p.nameJa,
      name_en: p.nameEn,
      description_ja: '',
      description_en: p.descriptionEn,
    })),
  );
}

async function seedCalls(manager: EntityManager, now: Date): Promise<Record<string, number>> {
  const anchor = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const calls = callSeeds(anchor);
  const zone = new Map(organisationSeeds.map((o) => [o.key, o.timeZone]));
  const callId = (key: string) => seedId('call', key);
  return {
    calls: await upsertRows(
      manager,
      'calls',
      ['id'],
      calls.map((c) => ({
        id: callId(c.key),
        program_id: seedId('program', c.program),
        title_ja: c.titleJa,
        title_en: c.titleEn,
        summary_ja: '',
        summary_en: c.summaryEn,
        mode: c.mode,
        eligible_countries: pgArray(c.eligibleCountries),
        announced_at: c.announcedAt,
        opens_at: c.opensAt,
        review_starts_at: c.reviewStartsAt,
        decision_at: c.decisionAt,
        project_start_on: c.projectStartOn,
        deadlines: pgArray(c.agencies.map((a) => new Date(a.deadline).toISOString()).sort()),
        published_at: c.announcedAt,
      })),
    ),
    call_agencies: await upsertRows(
      manager,
      'call_agencies',
      ['call_id', 'agency_id'],
      calls.flatMap((c) =>
        c.agencies.map((a, index) => ({
          call_id: callId(c.key),
          agency_id: seedId('organisation', a.agency),
          role: a.role,
          deadline: a.deadline,
          time_zone: zone.get(a.agency) ?? 'UTC',
          budget_cap_amount: a.budgetCap?.amount ?? null,
          budget_cap_currency: a.budgetCap?.currency ?? null,
          sort_order: index,
        })),
      ),
    ),
    call_tracks: await upsertRows(
      manager,
      'call_tracks',
      ['id'],
      calls.flatMap((c) =>
        c.tracks.map((t, index) => ({
          id: seedId('track', `${c.key}/${t.code}`),
          call_id: callId(c.key),
          code: t.code,
          name_ja: t.nameJa,
          name_en: t.nameEn,
          max_budget_amount: t.maxBudget?.amount ?? null,
          max_budget_currency: t.maxBudget?.currency ?? null,
          max_duration_months: t.maxDurationMonths,
          early_career_required: t.earlyCareerRequired,
          sort_order: index,
        })),
      ),
    ),
    call_criteria: await upsertRows(
      manager,
      'call_criteria',
      ['id'],
      calls.flatMap((c) =>
        criterionSeeds.map((k, index) => ({
          id: seedId('criterion', `${c.key}/${k.key}`),
          call_id: callId(c.key),
          name_ja: k.nameJa,
          name_en: k.nameEn,
          description_ja: '',
          description_en: '',
          scale_min: 1,
          scale_max: 5,
          weight: k.weight,
          threshold: k.threshold,
          sort_order: index,
        })),
      ),
    ),
    call_fields: await upsertRows(
      manager,
      'call_fields',
      ['call_id', 'field_code'],
      calls.flatMap((c) => c.fields.map((field) => ({ call_id: callId(c.key), field_code: field }))),
    ),
  };
}

/** A PostgreSQL array literal of plain values. */
function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}
