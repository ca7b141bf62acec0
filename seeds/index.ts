import { applicationStatus } from '#applications';
import { hashPassword } from '#identity';
import type { DocumentStorage } from '#documents';
import { upsertRows } from '#platform';
import type { DataSource, EntityManager } from 'typeorm';
import { seedRounds } from './aspire/rounds.js';
import { applicationSeeds, reviewSeeds } from './demo/applications.js';
import { callSeeds, criterionSeeds, programSeeds } from './demo/calls.js';
import { seedDemoDocuments } from './demo/documents.js';
import { seedDemoForms } from './demo/forms.js';
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
  const report = await dataSource.transaction(async (manager): Promise<SeedReport> => {
    const changed: Record<string, number> = {};
    changed['organisations'] = await seedOrganisations(manager);
    changed['users'] = await seedUsers(manager);
    changed['programs'] = await seedPrograms(manager);
    Object.assign(changed, await seedCalls(manager, now));
    changed['applications'] = await seedApplications(manager, now);
    changed['past rounds'] = await seedRounds(manager);
    return { changed };
  });
  // Freshly loaded tables have no planner statistics until autovacuum reaches them, and the reports'
  // joins planned as if the tables were empty take seconds instead of milliseconds.
  if (Object.values(report.changed).some((count) => count > 0)) await dataSource.query('ANALYZE');
  return report;
}

/**
 * `npm start` and `npm run seed`: the demo data, then the demo calls' forms with the demo
 * proposals' answers, then their documents and frozen submissions (which hold those answers).
 */
export async function runDemoSeeds(dataSource: DataSource, storage: DocumentStorage, now: Date = new Date()): Promise<SeedReport> {
  const report = await runSeeds(dataSource, now);
  const forms = await seedDemoForms(dataSource, now);
  const documents = await seedDemoDocuments(dataSource, storage, now);
  return { changed: { ...report.changed, forms, documents } };
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

/**
 * Demo applications are written once, with their sides, members and event log; a later run leaves
 * existing ones as they are (people may have moved them on).
 */
async function seedApplications(manager: EntityManager, now: Date): Promise<number> {
  const anchor = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const calls = callSeeds(anchor);
  const jst = seedId('organisation', 'JST');
  const nsf = seedId('organisation', 'NSF');
  const ids = applicationSeeds.map((a) => seedId('application', a.key));
  const existing = new Set(
    (await manager.query<{ id: string }[]>(`SELECT id FROM applications WHERE id = ANY($1::uuid[])`, [ids])).map((row) => row.id),
  );
  const user = (email: string) => seedId('user', email);
  let written = 0;
  for (const [index, a] of applicationSeeds.entries()) {
    const id = seedId('application', a.key);
    if (existing.has(id)) continue;
    const call = calls.find((c) => c.key === (a.call ?? 'SICORP-US-CURRENT'))!;
    const callId = seedId('call', call.key);
    const trackId = seedId('track', `${call.key}/${call.tracks[0]!.code}`);
    const sides = [
      {
        agencyId: jst,
        status: a.lead.status,
        pi: a.pi,
        institution: a.lead.institution,
        budget: [15_000_000, 15_000_000, 15_000_000],
        currency: 'JPY',
      },
      {
        agencyId: nsf,
        status: a.partner.status,
        pi: a.partner.pi,
        institution: a.partner.institution,
        budget: [100_000_00, 100_000_00, 100_000_00],
        currency: 'USD',
      },
    ];
    const status = applicationStatus(
      sides.map((s) => ({ ...s, institutionId: s.institution, approvalRequired: true, deadline: now, integrityChecksRecorded: false })),
    );
    const createdAt = new Date(anchor.getTime() - 20 * 86_400_000 + index * 3_600_000);
    await manager.query(
      `INSERT INTO applications (id, call_id, track_id, pi_user_id, title, abstract, field_code, keywords, duration_months, status, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'semiconductors', '{}', 36, $7, $8)`,
      [id, callId, trackId, user(a.pi), a.title, a.abstract, status, createdAt],
    );
    for (const [n, side] of sides.entries()) {
      const submitted = ['submitted', 'eligible', 'under_review'].includes(side.status);
      const receipt = `JC-DEMO-${String(index * 2 + n + 1).padStart(6, '0')}`;
      await manager.query(
        `INSERT INTO application_sides (application_id, call_id, agency_id, status, pi_user_id, institution_id, budget_per_year, budget_currency,
                                        export_control_checked_at, disclosures_received_at, receipt_number, submitted_at)
         VALUES ($1, $10, $2, $3, $4, $5, $6, $7, $8, $8, $9, $8)`,
        [
          id,
          side.agencyId,
          side.status,
          user(side.pi),
          seedId('organisation', side.institution),
          side.budget,
          side.currency,
          submitted ? createdAt : null,
          submitted ? receipt : null,
          callId,
        ],
      );
      // The receipt of the step that sent the side on: to its office, or to its agency.
      const kind = side.status === 'pending_institution' ? 'submitted_to_office' : submitted ? 'received_by_agency' : null;
      if (kind) {
        await manager.query(
          `INSERT INTO application_receipts (number, application_id, agency_id, kind, issued_at) VALUES ($1, $2, $3, $4, $5)`,
          [receipt, id, side.agencyId, kind, createdAt],
        );
      }
    }
    await manager.query(
      `INSERT INTO application_members (application_id, call_id, user_id, name, email, role, early_career, institution_id, country)
       SELECT $1, $4, u.id, u.name, u.email, m.role, m.early, u.organisation_id, o.country
         FROM (VALUES ($2::uuid, 'pi', false), ($3::uuid, 'partner_pi', false)) AS m(user_id, role, early)
         JOIN users u ON u.id = m.user_id LEFT JOIN organisations o ON o.id = u.organisation_id`,
      [id, user(a.pi), user(a.partner.pi), callId],
    );
    await manager.query(
      `INSERT INTO application_institutions (application_id, institution_id, call_id, status, created_at)
       SELECT DISTINCT $1::uuid, institution_id, $3::uuid, $4::text, $2::timestamptz
         FROM application_sides WHERE application_id = $1 AND institution_id IS NOT NULL`,
      [id, createdAt, callId, status],
    );
    await manager.query(
      `INSERT INTO application_events (application_id, agency_id, actor_id, action, from_status, to_status, comment, occurred_at)
       VALUES ($1, NULL, $2, 'application.created', NULL, 'draft', NULL, $3)`,
      [id, user(a.pi), createdAt],
    );
    for (const side of sides.filter((s) => s.status !== 'draft')) {
      const office = side.agencyId === jst ? (a.lead.institution === 'OSAKA' ? 'ura.osaka@example.org' : 'ura.utokyo@example.org') : null;
      const returned = side.status === 'returned';
      await manager.query(
        `INSERT INTO application_events (application_id, agency_id, actor_id, action, from_status, to_status, comment, occurred_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          id,
          side.agencyId,
          returned && office ? user(office) : user(a.pi),
          returned ? 'application.return' : 'application.submit',
          returned ? 'pending_institution' : 'draft',
          side.status,
          returned ? (a.returnComment ?? null) : null,
          new Date(createdAt.getTime() + 86_400_000),
        ],
      );
    }
    written++;
  }
  if (written > 0) await seedReviews(manager, anchor);
  return written;
}

/** The reviewer pool and assignments of the call under review, written with its applications. */
async function seedReviews(manager: EntityManager, at: Date): Promise<void> {
  const callKey = reviewSeeds.call;
  const jst = seedId('organisation', 'JST');
  for (const reviewer of reviewSeeds.pool) {
    await manager.query(
      `INSERT INTO call_reviewers (call_id, reviewer_id, agency_id, added_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [seedId('call', callKey), seedId('user', reviewer), jst, at],
    );
  }
  for (const a of reviewSeeds.assignments) {
    const scores = Object.fromEntries(Object.entries(a.scores).map(([key, score]) => [seedId('criterion', `${callKey}/${key}`), score]));
    await manager.query(
      `INSERT INTO review_assignments (application_id, reviewer_id, agency_id, status, due_at, assigned_at, scores, comment, submitted_at)
       VALUES ($1, $2, $3, 'accepted', $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
      [
        seedId('application', a.application),
        seedId('user', a.reviewer),
        jst,
        new Date(at.getTime() + 20 * 86_400_000),
        at,
        JSON.stringify(scores),
        a.comment,
        a.submitted ? at : null,
      ],
    );
  }
}

/** A PostgreSQL array literal of plain values. */
function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}
