import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { applicationStatus, checkSubmission, type SideStatus } from '#applications';
import { normaliseOrcid } from '#identity';
import { withDataSource } from '#platform';
import { schemaDataSourceOptions } from '#schema';
import { runSeeds } from '../seeds/index.js';
import { seedId } from '../seeds/seed-id.js';
import {
  loadScaleData,
  officeEmail,
  officerEmail,
  researcherEmail,
  reviewerEmail,
  SCALE_PASSWORD,
  ScaleDataExistsError,
  type ScaleReport,
  scaleIdRange,
} from '../seeds/scale/scale-data.js';
import { copiesOutOfStep } from './support/copies.js';
import { cloneDatabase } from './support/databases.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const NOW = '2026-11-22T00:00:00Z';
const SMALL = {
  applications: 2000,
  institutions: 120,
  agencies: 20,
  researchers: 1500,
  reviewers: 300,
  calls: 20,
  seed: 7,
  now: new Date(NOW),
};
const [LOW, HIGH] = scaleIdRange();
const bearer = { type: 'bearer' } as const;

/** An md5 of every synthetic row, table by table, in a stable order; the password hash aside. */
async function digest(db: DataSource): Promise<Record<string, string>> {
  const scale = (column: string) => `${column} BETWEEN '${LOW}' AND '${HIGH}'`;
  const queries: Record<string, string> = {
    organisations: `SELECT * FROM organisations WHERE ${scale('id')}`,
    users: `SELECT id, email, name, orcid, organisation_id, roles, language, time_zone, created_at, updated_at, version FROM users WHERE ${scale('id')}`,
    programs: `SELECT * FROM programs WHERE ${scale('id')}`,
    calls: `SELECT * FROM calls WHERE ${scale('id')}`,
    call_agencies: `SELECT * FROM call_agencies WHERE ${scale('call_id')}`,
    call_tracks: `SELECT * FROM call_tracks WHERE ${scale('call_id')}`,
    call_criteria: `SELECT * FROM call_criteria WHERE ${scale('call_id')}`,
    call_fields: `SELECT * FROM call_fields WHERE ${scale('call_id')}`,
    call_reviewers: `SELECT * FROM call_reviewers WHERE ${scale('call_id')}`,
    applications: `SELECT * FROM applications WHERE ${scale('id')}`,
    application_sides: `SELECT * FROM application_sides WHERE ${scale('application_id')}`,
    application_members: `SELECT * FROM application_members WHERE ${scale('application_id')}`,
    application_institutions: `SELECT * FROM application_institutions WHERE ${scale('application_id')}`,
    application_events: `SELECT * FROM application_events WHERE ${scale('application_id')}`,
    review_assignments: `SELECT * FROM review_assignments WHERE ${scale('application_id')}`,
    side_decisions: `SELECT * FROM side_decisions WHERE ${scale('application_id')}`,
    receipts: `SELECT last_value FROM application_receipt_seq`,
  };
  const result: Record<string, string> = {};
  for (const [name, sql] of Object.entries(queries)) {
    const [row] = await db.query<{ md5: string }[]>(`SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) AS md5 FROM (${sql}) x`);
    result[name] = row!.md5;
  }
  return result;
}

/** Loads the demo data into a fresh database of its own and answers what `work` finds there. */
async function inFreshDatabase<T>(work: (db: DataSource) => Promise<T>): Promise<T> {
  const database = await cloneDatabase(inject('databaseServerUrl'), inject('templateDatabase'));
  try {
    return await withDataSource(schemaDataSourceOptions(database.url, 'scale-data-spec'), async (db) => {
      await runSeeds(db, new Date(NOW));
      return work(db);
    });
  } finally {
    await database.drop();
  }
}

interface DraftRow {
  title: string;
  abstract: string;
  field_code: string | null;
  duration_months: number | null;
  mode: 'joint_call' | 'co_funding' | 'twinning';
  eligible_countries: string[];
  max_budget_amount: string | null;
  max_budget_currency: string | null;
  max_duration_months: number;
  early_career_required: boolean;
  fields: string[];
  agencies: { agencyId: string; role: 'lead' | 'partner'; amount: number | null; currency: string | null }[];
  sides: {
    agencyId: string;
    pi: string | null;
    institutionId: string | null;
    country: string | null;
    budget: number[];
    currency: string | null;
    grant: string | null;
  }[];
  members: { earlyCareer: boolean }[];
}

describe('synthetic scale data', () => {
  let t: TestApp;
  let report: ScaleReport;
  /** The digest right after loading, before the API tests change anything. */
  let loaded: Record<string, string>;
  const count = async (sql: string, params: unknown[] = []) => (await t.dataSource.query<{ n: number }[]>(sql, params))[0]!.n;

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    await runSeeds(t.dataSource, new Date(NOW));
    report = await loadScaleData(t.dataSource, SMALL);
    loaded = await digest(t.dataSource);
  });
  afterAll(() => t.close());

  it('writes the institutions, agencies, people and applications asked for, and reports them', async () => {
    const scale = `id BETWEEN '${LOW}' AND '${HIGH}'`;
    expect(await count(`SELECT count(*)::int AS n FROM organisations WHERE kind = 'institution' AND ${scale}`)).toBe(120);
    expect(await count(`SELECT count(*)::int AS n FROM organisations WHERE kind = 'funding_agency'`)).toBe(20);
    const people = await t.dataSource.query<{ role: string; n: number }[]>(
      `SELECT roles::text AS role, count(*)::int AS n FROM users WHERE ${scale} GROUP BY roles ORDER BY 1`,
    );
    expect(Object.fromEntries(people.map((p) => [p.role, p.n]))).toEqual({
      '{institution_admin}': 120,
      '{program_officer}': 40,
      '{researcher}': 1500,
      '{researcher,reviewer}': 300,
    });
    expect(await count(`SELECT count(*)::int AS n FROM applications WHERE ${scale}`)).toBe(2000);
    expect(report.rows).toMatchObject({ organisations: 131, users: 1960, calls: 20, applications: 2000 });
    for (const table of ['application_sides', 'application_members', 'application_events', 'review_assignments', 'side_decisions']) {
      expect(await count(`SELECT count(*)::int AS n FROM ${table} WHERE application_id BETWEEN $1 AND $2`, [LOW, HIGH]), table).toBe(
        report.rows[table],
      );
    }
    // Every password is the one argon2id hash; ORCID iDs carry a valid check character.
    const hashes = await t.dataSource.query<{ h: string }[]>(`SELECT DISTINCT password_hash AS h FROM users WHERE ${scale}`);
    expect(hashes).toHaveLength(1);
    expect(hashes[0]!.h).toMatch(/^\$argon2id\$/);
    const orcids = await t.dataSource.query<{ orcid: string }[]>(`SELECT orcid FROM users WHERE ${scale} AND orcid IS NOT NULL`);
    expect(orcids.length).toBeGreaterThan(100);
    for (const { orcid } of orcids) expect(normaliseOrcid(orcid)).toBe(orcid);
  });

  it('spreads applications over a few very large calls and many small ones, a third of the calls open', async () => {
    const calls = await t.dataSource.query<{ mode: string; n: number; open: boolean; agencies: number; leads: number }[]>(
      `SELECT c.mode, (SELECT count(*)::int FROM applications a WHERE a.call_id = c.id) AS n,
              (SELECT max(d) FROM unnest(c.deadlines) d) > $3 AS open,
              (SELECT count(*)::int FROM call_agencies ca WHERE ca.call_id = c.id) AS agencies,
              (SELECT count(*)::int FROM call_agencies ca WHERE ca.call_id = c.id AND ca.role = 'lead') AS leads
         FROM calls c WHERE c.id BETWEEN $1 AND $2 ORDER BY n DESC`,
      [LOW, HIGH, NOW],
    );
    expect(calls.slice(0, 3).every((c) => c.n > 200)).toBe(true);
    expect(calls.slice(3).every((c) => c.n < 200)).toBe(true);
    expect(new Set(calls.map((c) => c.mode))).toEqual(new Set(['joint_call', 'co_funding', 'twinning']));
    expect(calls.filter((c) => c.open).length).toBe(Math.round(20 / 3));
    expect(calls.every((c) => c.leads === 1 && c.agencies >= 2 && c.agencies <= 3)).toBe(true);
    // Open calls: every deadline 3 to 30 days ahead; twinning carries no budget.
    expect(
      await count(
        `SELECT count(*)::int AS n FROM call_agencies ca JOIN calls c ON c.id = ca.call_id
          WHERE c.id BETWEEN $1 AND $2 AND (SELECT max(d) FROM unnest(c.deadlines) d) > $3
            AND NOT (ca.deadline BETWEEN $3::timestamptz + interval '3 days' AND $3::timestamptz + interval '30 days')`,
        [LOW, HIGH, NOW],
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM call_agencies ca JOIN calls c ON c.id = ca.call_id
          WHERE c.id BETWEEN $1 AND $2 AND c.mode = 'twinning' AND ca.budget_cap_amount IS NOT NULL`,
        [LOW, HIGH],
      ),
    ).toBe(0);
  });

  it('gives every application one side per agency of its call, and indexes exactly the institutions of its sides and members', async () => {
    const sideMismatch = await count(
      `SELECT count(*)::int AS n FROM applications a JOIN call_agencies ca ON ca.call_id = a.call_id
         FULL JOIN application_sides s ON s.application_id = a.id AND s.agency_id = ca.agency_id
        WHERE (a.id BETWEEN $1 AND $2 OR s.application_id BETWEEN $1 AND $2) AND (s.application_id IS NULL OR a.id IS NULL)`,
      [LOW, HIGH],
    );
    expect(sideMismatch).toBe(0);
    const involved = `SELECT application_id, institution_id FROM application_sides WHERE institution_id IS NOT NULL AND application_id BETWEEN $1 AND $2
                      UNION SELECT application_id, institution_id FROM application_members WHERE institution_id IS NOT NULL AND application_id BETWEEN $1 AND $2`;
    const indexed = `SELECT application_id, institution_id FROM application_institutions WHERE application_id BETWEEN $1 AND $2`;
    expect(await count(`SELECT count(*)::int AS n FROM ((${involved}) EXCEPT (${indexed})) x`, [LOW, HIGH])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM ((${indexed}) EXCEPT (${involved})) x`, [LOW, HIGH])).toBe(0);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM application_institutions k JOIN applications a ON a.id = k.application_id
          WHERE a.id BETWEEN $1 AND $2 AND k.created_at <> a.created_at`,
        [LOW, HIGH],
      ),
    ).toBe(0);
    expect(await copiesOutOfStep(t.dataSource)).toEqual({ officeStatus: 0, decisionInstitution: 0 });
    const members = await count(
      `SELECT (count(*) * 100 / count(DISTINCT application_id))::int AS n FROM application_members WHERE application_id BETWEEN $1 AND $2`,
      [LOW, HIGH],
    );
    expect(members).toBeGreaterThanOrEqual(300);
    expect(members).toBeLessThanOrEqual(600);
  });

  it('keeps statuses, receipts, reviews and decisions as the application would have written them', async () => {
    const rows = await t.dataSource.query<{ status: SideStatus; sides: SideStatus[] }[]>(
      `SELECT a.status, array_agg(s.status::text ORDER BY s.agency_id) AS sides FROM applications a JOIN application_sides s ON s.application_id = a.id
        WHERE a.id BETWEEN $1 AND $2 GROUP BY a.id`,
      [LOW, HIGH],
    );
    for (const row of rows) expect(applicationStatus(row.sides.map((status) => ({ status })))).toBe(row.status);
    const statuses = new Set(rows.map((r) => r.status));
    for (const status of ['draft', 'pending_institution', 'submitted', 'eligible', 'ineligible', 'under_review', 'decided', 'withdrawn']) {
      expect(statuses, status).toContain(status);
    }
    // A side with its agency has a receipt and a submission time; the sequence is past every receipt.
    expect(
      await count(
        `SELECT count(*)::int AS n FROM application_sides WHERE application_id BETWEEN $1 AND $2
            AND status IN ('submitted', 'eligible', 'ineligible', 'under_review', 'decided') AND (receipt_number IS NULL OR submitted_at IS NULL)`,
        [LOW, HIGH],
      ),
    ).toBe(0);
    const [receipts] = await t.dataSource.query<{ highest: number; sequence: number }[]>(
      `SELECT max(split_part(number, '-', 3)::int) AS highest, (SELECT last_value::int FROM application_receipt_seq) AS sequence
         FROM application_receipts WHERE number LIKE 'JC-%'`,
    );
    expect(receipts!.sequence).toBe(receipts!.highest);
    // The side's receipt is its agency receipt; a side waiting for its office has the receipt of its submission there.
    expect(
      await count(
        `SELECT count(*)::int AS n FROM application_sides s WHERE s.application_id BETWEEN $1 AND $2 AND s.receipt_number IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM application_receipts r WHERE r.number = s.receipt_number AND r.application_id = s.application_id
                              AND r.agency_id = s.agency_id AND r.kind = 'received_by_agency' AND r.issued_at = s.submitted_at)`,
        [LOW, HIGH],
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM application_sides s WHERE s.application_id BETWEEN $1 AND $2 AND s.status = 'pending_institution'
            AND NOT EXISTS (SELECT 1 FROM application_receipts r WHERE r.application_id = s.application_id AND r.agency_id = s.agency_id
                              AND r.kind = 'submitted_to_office')`,
        [LOW, HIGH],
      ),
    ).toBe(0);
    // Nothing happened after now; every state change has its event.
    expect(await count(`SELECT count(*)::int AS n FROM application_events WHERE occurred_at > $1`, [NOW])).toBe(0);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM application_sides s WHERE s.application_id BETWEEN $1 AND $2 AND s.status <> 'draft' AND s.status <> 'under_review'
            AND NOT EXISTS (SELECT 1 FROM application_events e WHERE e.application_id = s.application_id AND e.agency_id = s.agency_id AND e.to_status = s.status)`,
        [LOW, HIGH],
      ),
    ).toBe(0);
    // Reviewers: two or three per reviewed application, none from a team member's institution, scores on the call's criteria.
    const conflicted = await count(
      `SELECT count(*)::int AS n FROM review_assignments r JOIN users u ON u.id = r.reviewer_id
        WHERE r.application_id BETWEEN $1 AND $2
          AND (EXISTS (SELECT 1 FROM application_institutions k WHERE k.application_id = r.application_id AND k.institution_id = u.organisation_id)
               OR EXISTS (SELECT 1 FROM application_members m JOIN users mu ON mu.id = m.user_id
                           WHERE m.application_id = r.application_id AND (m.user_id = u.id OR mu.organisation_id = u.organisation_id))
               OR NOT EXISTS (SELECT 1 FROM call_reviewers cr JOIN applications a ON a.call_id = cr.call_id
                               WHERE a.id = r.application_id AND cr.reviewer_id = r.reviewer_id AND cr.agency_id = r.agency_id))`,
      [LOW, HIGH],
    );
    expect(conflicted).toBe(0);
    const [perApplication] = await t.dataSource.query<{ least: number; most: number }[]>(
      `SELECT min(n)::int AS least, max(n)::int AS most FROM (SELECT count(*) AS n FROM review_assignments WHERE application_id BETWEEN $1 AND $2 GROUP BY application_id) x`,
      [LOW, HIGH],
    );
    expect(perApplication).toEqual({ least: 2, most: 3 });
    expect(
      await count(
        `SELECT count(*)::int AS n FROM review_assignments r JOIN applications a ON a.id = r.application_id
          WHERE r.application_id BETWEEN $1 AND $2 AND r.submitted_at IS NOT NULL
            AND (SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(r.scores) k) <> (SELECT array_agg(c.id::text ORDER BY c.id::text) FROM call_criteria c WHERE c.call_id = a.call_id)`,
        [LOW, HIGH],
      ),
    ).toBe(0);
    // A decided application has one decision per side.
    expect(
      await count(
        `SELECT count(*)::int AS n FROM application_sides s WHERE s.application_id BETWEEN $1 AND $2
            AND (s.status = 'decided') <> EXISTS (SELECT 1 FROM side_decisions d WHERE d.application_id = s.application_id AND d.agency_id = s.agency_id)`,
        [LOW, HIGH],
      ),
    ).toBe(0);
  });

  it('leaves every draft of an open call ready to submit', async () => {
    const drafts = await t.dataSource.query<DraftRow[]>(
      `SELECT a.title, a.abstract, a.field_code, a.duration_months, c.mode, c.eligible_countries, t.max_budget_amount, t.max_budget_currency,
              t.max_duration_months, t.early_career_required,
              (SELECT array_agg(f.field_code) FROM call_fields f WHERE f.call_id = c.id) AS fields,
              (SELECT json_agg(json_build_object('agencyId', ca.agency_id, 'role', ca.role, 'amount', ca.budget_cap_amount, 'currency', ca.budget_cap_currency))
                 FROM call_agencies ca WHERE ca.call_id = c.id) AS agencies,
              (SELECT json_agg(json_build_object('agencyId', s.agency_id, 'pi', s.pi_user_id, 'institutionId', s.institution_id, 'country', i.country,
                                                 'budget', s.budget_per_year, 'currency', s.budget_currency, 'grant', s.existing_grant_number))
                 FROM application_sides s LEFT JOIN organisations i ON i.id = s.institution_id WHERE s.application_id = a.id) AS sides,
              (SELECT json_agg(json_build_object('earlyCareer', m.early_career)) FROM application_members m WHERE m.application_id = a.id) AS members
         FROM applications a JOIN calls c ON c.id = a.call_id JOIN call_tracks t ON t.id = a.track_id
        WHERE a.id BETWEEN $1 AND $2 AND a.status IN ('draft', 'returned')`,
      [LOW, HIGH],
    );
    expect(drafts.length).toBeGreaterThan(200);
    const money = (amount: string | number | null, currency: string | null) =>
      amount === null || currency === null ? null : { amount: Number(amount), currency: currency.trim() };
    for (const d of drafts) {
      const errors = checkSubmission(
        {
          title: d.title,
          abstract: d.abstract,
          fieldCode: d.field_code,
          durationMonths: d.duration_months,
          sides: d.sides.map((s) => ({
            agencyId: s.agencyId,
            hasPi: s.pi !== null,
            institutionId: s.institutionId,
            institutionCountry: s.country,
            budgetPerYear: s.budget.map(Number),
            budgetCurrency: s.currency?.trim() ?? null,
            existingGrantNumber: s.grant,
          })),
          members: d.members,
        },
        {
          mode: d.mode,
          agencies: d.agencies.map((a) => ({ agencyId: a.agencyId, role: a.role, budgetCap: money(a.amount, a.currency) })),
          track: {
            maxBudget: money(d.max_budget_amount, d.max_budget_currency),
            maxDurationMonths: d.max_duration_months,
            earlyCareerRequired: d.early_career_required,
          },
          fields: d.fields,
          eligibleCountries: d.eligible_countries,
        },
      );
      expect(errors, d.title).toEqual([]);
    }
  });

  it('lets PIs submit generated drafts and offices approve generated pending sides through the API', async () => {
    // A draft of each cooperation mode, and a returned one, each submitted by its PI.
    const drafts = await t.dataSource.query<{ id: string; email: string; label: string }[]>(
      `SELECT DISTINCT ON (label) a.id, u.email, CASE WHEN a.status = 'returned' THEN 'returned' ELSE c.mode END AS label
         FROM applications a JOIN calls c ON c.id = a.call_id JOIN users u ON u.id = a.pi_user_id
        WHERE a.id BETWEEN $1 AND $2 AND a.status IN ('draft', 'returned') ORDER BY label, a.id`,
      [LOW, HIGH],
    );
    expect(drafts.map((d) => d.label).sort()).toEqual(['co_funding', 'joint_call', 'returned', 'twinning']);
    for (const draft of drafts) {
      const token = await t.login(draft.email, SCALE_PASSWORD);
      const submitted = await t.http.post(`/applications/${draft.id}/submit`).auth(token, bearer);
      expect(submitted.status, `${draft.label}: ${submitted.text}`).toBe(200);
      expect(submitted.body.status).toBe('pending_institution');
    }

    // A side waiting for its institution, approved by that institution's research office.
    const [pending] = await t.dataSource.query<{ id: string; agency_id: string; institution_id: string; email: string }[]>(
      `SELECT s.application_id AS id, s.agency_id, s.institution_id, u.email
         FROM application_sides s JOIN users u ON u.organisation_id = s.institution_id AND 'institution_admin' = ANY(u.roles)
        WHERE s.application_id BETWEEN $1 AND $2 AND s.status = 'pending_institution' ORDER BY s.application_id LIMIT 1`,
      [LOW, HIGH],
    );
    expect(pending!.email).toMatch(/^office\.\d{4}@scale\.example\.org$/);
    const office = await t.login(pending!.email, SCALE_PASSWORD);
    const approved = await t.http
      .post(`/applications/${pending!.id}/sides/${pending!.agency_id}/approve`)
      .auth(office, bearer)
      .send({ exportControlScreened: true, disclosuresReceived: true });
    expect(approved.status, approved.text).toBe(200);
    const side = (approved.body.sides as { agency: { id: string }; status: string; receiptNumber: string | null }[]).find(
      (s) => s.agency.id === pending!.agency_id,
    );
    expect(side?.status).toBe('submitted');
    expect(side?.receiptNumber).toMatch(/^JC-2026-\d{6}$/);

    // The office's list: its institution's applications, newest first.
    const list = await t.http.get('/applications').query({ view: 'office', limit: 50 }).auth(office, bearer);
    expect(list.status, list.text).toBe(200);
    const ids = (list.body.items as { id: string }[]).map((item) => item.id);
    expect(ids).toContain(pending!.id);
    const theirs = await count(
      `SELECT count(*)::int AS n FROM application_institutions WHERE institution_id = $1 AND application_id = ANY($2::uuid[])`,
      [pending!.institution_id, ids],
    );
    expect(theirs).toBe(ids.length);
  });

  it('signs in every kind of account by its documented e-mail', async () => {
    for (const email of [researcherEmail(1), reviewerEmail(300), officeEmail(1), officerEmail(3, 2)]) await t.login(email, SCALE_PASSWORD);
    const [officer] = await t.dataSource.query<{ organisation_id: string }[]>(`SELECT organisation_id FROM users WHERE email = $1`, [
      officerEmail(3, 2),
    ]);
    expect(officer!.organisation_id).toBe(seedId('organisation', 'JSPS'));
  });

  it('writes the same rows for the same seed and now, refuses to load twice, and replaces on request', async () => {
    await inFreshDatabase(async (db) => {
      await loadScaleData(db, SMALL);
      expect(await digest(db)).toEqual(loaded);
      await expect(loadScaleData(db, SMALL)).rejects.toBeInstanceOf(ScaleDataExistsError);
      const replaced = await loadScaleData(db, { ...SMALL, seed: 8, replace: true });
      expect(replaced.deleted['applications']).toBe(2000);
      expect(replaced.rows['applications']).toBe(2000);
      expect((await digest(db))['applications']).not.toBe(loaded['applications']);
    });
  });
});
