import type pg from 'pg';
import type { BenchUser, Draft, Fixtures } from './scenarios.js';

export interface FixtureSizes {
  /** Researchers with drafts who take part in the surge (each signs in once). */
  readonly researchers: number;
  /** Drafts edited over and over by the surge; the researchers' other drafts are submitted. */
  readonly editing: number;
  readonly offices: number;
  readonly reviewers: number;
}

interface UserRow {
  user_id: string;
  email: string;
  roles: string[];
  organisation_id: string | null;
}

const user = (row: UserRow): BenchUser => ({
  id: row.user_id,
  email: row.email,
  roles: row.roles as BenchUser['roles'],
  organisationId: row.organisation_id,
});

/** Reads, from the generated data, who does what in the scenarios. Only accounts that can sign in are used. */
export async function loadFixtures(db: pg.Client, domain: string, sizes: FixtureSizes): Promise<Fixtures> {
  const like = `%@${domain}`;
  const open = `NOT EXISTS (SELECT 1 FROM call_agencies ca WHERE ca.call_id = a.call_id AND ca.deadline <= now() + interval '1 hour')`;

  const { rows: drafts } = await db.query<UserRow & { id: string; version: number; n: number }>(
    `WITH researchers AS (
       SELECT a.pi_user_id FROM applications a JOIN users u ON u.id = a.pi_user_id
        WHERE a.status = 'draft' AND u.email LIKE $1 AND u.disabled_at IS NULL AND ${open}
        GROUP BY a.pi_user_id ORDER BY count(*) DESC, a.pi_user_id LIMIT $2)
     SELECT a.id, a.version, u.id AS user_id, u.email, u.roles, u.organisation_id,
            row_number() OVER (PARTITION BY a.pi_user_id ORDER BY a.id)::int AS n
       FROM applications a JOIN researchers r ON r.pi_user_id = a.pi_user_id JOIN users u ON u.id = a.pi_user_id
      WHERE a.status = 'draft' AND NOT EXISTS (SELECT 1 FROM application_sides s WHERE s.application_id = a.id AND s.status <> 'draft')
        AND ${open}
      ORDER BY n, a.id`,
    [like, sizes.researchers],
  );
  const editing = drafts.filter((d) => d.n === 1).slice(0, sizes.editing);
  const edited = new Set(editing.map((d) => d.id));
  const versions = new Map(drafts.map((d) => [d.id, d.version]));

  const { rows: offices } = await db.query<UserRow & { call_ids: string[] }>(
    `WITH busiest AS (
       SELECT institution_id, count(*) AS n FROM application_institutions GROUP BY institution_id ORDER BY n DESC, institution_id LIMIT $2)
     SELECT u.id AS user_id, u.email, u.roles, u.organisation_id,
            ARRAY(SELECT DISTINCT a.call_id FROM application_institutions k JOIN applications a ON a.id = k.application_id
                   WHERE k.institution_id = b.institution_id) AS call_ids
       FROM busiest b
       JOIN LATERAL (SELECT * FROM users u WHERE u.organisation_id = b.institution_id AND 'institution_admin' = ANY (u.roles)
                       AND u.email LIKE $1 AND u.disabled_at IS NULL ORDER BY u.email LIMIT 1) u ON true
      ORDER BY b.n DESC, u.id`,
    [like, sizes.offices],
  );
  const officeOf = new Map(offices.map((o) => [o.organisation_id, user(o)]));

  const { rows: pending } = await db.query<{ application_id: string; agency_id: string; institution_id: string }>(
    `SELECT s.application_id, s.agency_id, s.institution_id FROM application_sides s JOIN applications a ON a.id = s.application_id
      WHERE s.status = 'pending_institution' AND s.institution_id = ANY($1::uuid[]) AND ${open}
      ORDER BY s.application_id, s.agency_id`,
    [[...officeOf.keys()]],
  );

  const { rows: assignments } = await db.query<
    UserRow & { id: string; version: number; criteria: { id: string; min: number; max: number }[] }
  >(
    `WITH reviewers AS (
       SELECT r.reviewer_id FROM review_assignments r JOIN users u ON u.id = r.reviewer_id
        WHERE r.status = 'accepted' AND r.submitted_at IS NULL AND u.email LIKE $1 AND u.disabled_at IS NULL
        GROUP BY r.reviewer_id ORDER BY count(*) DESC, r.reviewer_id LIMIT $2)
     SELECT r.id, r.version, u.id AS user_id, u.email, u.roles, u.organisation_id,
            (SELECT json_agg(json_build_object('id', c.id, 'min', c.scale_min, 'max', c.scale_max) ORDER BY c.sort_order)
               FROM call_criteria c WHERE c.call_id = a.call_id) AS criteria
       FROM review_assignments r JOIN reviewers v ON v.reviewer_id = r.reviewer_id
       JOIN users u ON u.id = r.reviewer_id JOIN applications a ON a.id = r.application_id
      WHERE r.status = 'accepted' AND r.submitted_at IS NULL AND a.status = 'under_review'
      ORDER BY r.id`,
    [like, sizes.reviewers],
  );
  for (const a of assignments) versions.set(a.id, a.version);

  const { rows: calls } = await db.query<{ id: string }>(`SELECT id FROM calls WHERE published_at IS NOT NULL ORDER BY id`);
  const { rows: fields } = await db.query<{ code: string }>(`SELECT DISTINCT field_code AS code FROM call_fields ORDER BY code`);
  const { rows: countries } = await db.query<{ country: string }>(
    `SELECT DISTINCT unnest(eligible_countries) AS country FROM calls ORDER BY country`,
  );

  const researchers = [...new Map(drafts.map((d) => [d.user_id, user(d)])).values()];
  return {
    editing: editing.map((d) => ({ id: d.id, pi: user(d) })),
    submitting: drafts.filter((d) => !edited.has(d.id)).map((d) => ({ id: d.id, pi: user(d) })),
    approving: pending.map((p) => ({ applicationId: p.application_id, agencyId: p.agency_id, office: officeOf.get(p.institution_id)! })),
    offices: offices.map((o) => ({ office: user(o), callIds: o.call_ids })),
    assignments: assignments.map((a) => ({ id: a.id, reviewer: user(a), criteria: a.criteria })),
    researchers,
    calls: calls.map((c) => c.id),
    fields: fields.map((f) => f.code),
    countries: countries.map((c) => c.country),
    versions,
  };
}

/**
 * Drafts for the submit operation runs, apart from the scenarios' own: open calls, every side still
 * a draft, PIs who can sign in. Each is submitted once, by whichever target takes it.
 */
export async function loadSubmitPool(db: pg.Client, domain: string, f: Fixtures, size: number): Promise<Draft[]> {
  const { rows } = await db.query<UserRow & { id: string }>(
    `SELECT a.id, u.id AS user_id, u.email, u.roles, u.organisation_id
       FROM applications a JOIN users u ON u.id = a.pi_user_id
      WHERE a.status = 'draft' AND u.email LIKE $1 AND u.disabled_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM call_agencies ca WHERE ca.call_id = a.call_id AND ca.deadline <= now() + interval '1 hour')
        AND NOT EXISTS (SELECT 1 FROM application_sides s WHERE s.application_id = a.id AND s.status <> 'draft')
        AND a.id <> ALL ($2::uuid[])
      ORDER BY a.id LIMIT $3`,
    [`%@${domain}`, [...f.editing, ...f.submitting].map((d) => d.id), size],
  );
  return rows.map((row) => ({ id: row.id, pi: user(row) }));
}

/** `count` researchers' accounts that can sign in, for a surge of sign-ins (whether or not the scenarios use them). */
export async function loadSignInUsers(db: pg.Client, domain: string, count: number): Promise<BenchUser[]> {
  const { rows } = await db.query<UserRow>(
    `SELECT id AS user_id, email, roles, organisation_id FROM users
      WHERE email LIKE $1 AND disabled_at IS NULL AND 'researcher' = ANY (roles)
      ORDER BY email LIMIT $2`,
    [`%@${domain}`, count],
  );
  return rows.map(user);
}

/** Everyone the scenarios act as, once each: they sign in before the runs. */
export function usersOf(f: Fixtures): BenchUser[] {
  const all = [
    ...f.researchers,
    ...f.approving.map((p) => p.office),
    ...f.offices.map((o) => o.office),
    ...f.assignments.map((a) => a.reviewer),
  ];
  return [...new Map(all.map((u) => [u.id, u])).values()];
}

/**
 * Reads the current versions of what the scenarios edit. A run that ends cuts off requests in
 * flight, whose new versions the client never saw; without this the next run would start with
 * stale If-Match headers.
 */
export async function refreshVersions(db: pg.Client, f: Fixtures): Promise<void> {
  const { rows } = await db.query<{ id: string; version: number }>(
    `SELECT id, version FROM applications WHERE id = ANY($1::uuid[])
     UNION ALL SELECT id, version FROM review_assignments WHERE id = ANY($2::uuid[])`,
    [f.editing.map((d) => d.id), f.assignments.map((a) => a.id)],
  );
  for (const row of rows) f.versions.set(row.id, row.version);
}
