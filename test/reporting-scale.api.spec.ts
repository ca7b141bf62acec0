import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { runSeeds } from '../seeds/index.js';
import { seedId } from '../seeds/seed-id.js';
import { org } from './support/call-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const APPLICATIONS = 100_000;
const INSTITUTIONS = 50;
const CALL = seedId('call', 'SICORP-US-REVIEW');

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}

const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

describe('call statistics over 100,000 applications', () => {
  let t: TestApp;
  let officer: string;

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-12-15T00:00:00Z' });
    await runSeeds(t.dataSource, new Date('2026-12-15T00:00:00Z'));
    officer = await t.login('officer.jst@example.org', DEMO_PASSWORD);
    // The session's first request checks it in the database, the next ones find it cached
    // (SESSION_CACHE_SECONDS): this one, so that both traced requests below run the same statements.
    expect((await t.http.get('/me').auth(officer, { type: 'bearer' })).status).toBe(200);
    await t.dataSource.query(
      `INSERT INTO organisations (kind, short_name, name_ja, name_en, country, time_zone)
       SELECT 'institution', 'Inst ' || g, '機関 ' || g, 'Institution ' || g, 'JP', 'Asia/Tokyo' FROM generate_series(1, ${INSTITUTIONS}) g`,
    );
    // Application g: JST funds every second one, NSF every fourth from the first: funded when g % 4 = 0 (25,000).
    // One US partner institution each, and a second, British one for every tenth.
    await t.dataSource.query(
      `CREATE TEMP TABLE scale AS
       SELECT g, gen_random_uuid() AS id, (SELECT id FROM organisations WHERE short_name = 'Inst ' || (g % ${INSTITUTIONS} + 1)) AS institution_id
         FROM generate_series(1, ${APPLICATIONS}) g`,
    );
    const [track] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM call_tracks WHERE call_id = $1 ORDER BY sort_order LIMIT 1`,
      [CALL],
    );
    const pi = seedId('user', 'pi.osaka@example.org');
    const admin = seedId('user', 'admin@example.org');
    await t.dataSource.query(
      `INSERT INTO applications (id, call_id, track_id, pi_user_id, title, keywords, field_code, status, created_at)
       SELECT id, $1, $2, $3, 'Proposal ' || g, '{}', CASE WHEN g % 3 = 0 THEN 'semiconductors' ELSE 'ai_information' END, 'decided',
              '2026-01-01'::timestamptz + g * interval '1 second'
         FROM scale`,
      [CALL, track!.id, pi],
    );
    await t.dataSource.query(
      `INSERT INTO application_sides (application_id, call_id, agency_id, status, institution_id, budget_per_year)
       SELECT id, $4::uuid, $1::uuid, 'decided', institution_id, '{}'::bigint[] FROM scale
       UNION ALL SELECT id, $4::uuid, $2::uuid, 'decided', $3::uuid, '{}'::bigint[] FROM scale`,
      [org('JST'), org('NSF'), org('MIT'), CALL],
    );
    await t.dataSource.query(
      `INSERT INTO side_decisions (application_id, call_id, agency_id, institution_id, decision, decided_by, decided_at)
       SELECT id, $4::uuid, $1::uuid, institution_id, CASE WHEN g % 2 = 0 THEN 'yes' ELSE 'no' END, $3::uuid, now() FROM scale
       UNION ALL SELECT id, $4::uuid, $2::uuid, $5::uuid, CASE WHEN g % 4 = 0 THEN 'yes' ELSE 'no' END, $3::uuid, now() FROM scale`,
      [org('JST'), org('NSF'), admin, CALL, org('MIT')],
    );
    await t.dataSource.query(
      `INSERT INTO application_members (application_id, call_id, user_id, name, role, institution_id, country)
       SELECT id, $3::uuid, $1::uuid, 'PI', 'pi', institution_id, 'JP' FROM scale
       UNION ALL SELECT id, $3::uuid, NULL, 'Partner', 'partner_pi', $2::uuid, 'US' FROM scale
       UNION ALL SELECT id, $3::uuid, NULL, 'Partner', 'partner_pi', NULL, 'GB' FROM scale WHERE g % 10 = 0`,
      [pi, org('MIT'), CALL],
    );
    await t.dataSource.query(
      `INSERT INTO application_institutions (application_id, institution_id, call_id, status, created_at)
       SELECT id, institution_id, $2::uuid, 'decided', now() FROM scale UNION ALL SELECT id, $1::uuid, $2::uuid, 'decided', now() FROM scale`,
      [org('MIT'), CALL],
    );
    await t.dataSource.query(`ANALYZE`);
  }, 300_000);
  afterAll(() => t.close());

  /** Runs a request and answers its response and the SQL statements it ran. */
  async function traced(path: string) {
    const spy = vi.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      const response = await t.http.get(path).auth(officer, { type: 'bearer' });
      return { response, statements: spy.mock.calls.map(([sql, params]) => ({ sql, params: params ?? [] })) };
    } finally {
      spy.mockRestore();
    }
  }

  it('answers from the same few queries as for a call of thirteen, each one pass over the call', async () => {
    const big = await traced(`/calls/${CALL}/statistics`);
    expect(big.response.status, big.response.text).toBe(200);
    const [{ demo }] = await t.dataSource.query<[{ demo: number }]>(
      `SELECT count(*)::int AS demo FROM applications WHERE call_id = $1 AND title NOT LIKE 'Proposal %'
          AND status IN ('submitted', 'eligible', 'ineligible', 'under_review', 'decided')`,
      [CALL],
    );
    expect(big.response.body).toMatchObject({
      applications: APPLICATIONS + demo,
      funded: APPLICATIONS / 4,
      notFunded: APPLICATIONS * 0.75,
    });
    const countries = Object.fromEntries(
      (big.response.body.partnerCountries as { country: string; partnerInstitutions: number; fundedPartnerInstitutions: number }[]).map(
        (c) => [c.country, [c.partnerInstitutions, c.fundedPartnerInstitutions]],
      ),
    );
    expect(countries['GB']).toEqual([APPLICATIONS / 10, APPLICATIONS / 20]);
    expect(big.response.body.byLeadInstitution).toHaveLength(INSTITUTIONS + (demo > 0 ? 2 : 0));

    const small = await traced(`/calls/${seedId('call', 'EXPERT-J-2025')}/statistics`);
    expect(small.response.body).toMatchObject({ applications: 13, funded: 11 });
    expect(big.statements.length).toBe(small.statements.length);

    // Each statistics query reads the call's rows in one pass: no step runs once per application.
    const reports = big.statements.filter((s) => s.sql.trimStart().startsWith('WITH'));
    expect(reports).toHaveLength(2);
    for (const report of reports) {
      const [explained] = await t.dataSource.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }[]>(
        `EXPLAIN (ANALYZE, FORMAT JSON) ${report.sql}`,
        report.params as unknown[],
      );
      const perRow = nodes(explained!['QUERY PLAN'][0]!.Plan).filter((n) => (n['Actual Loops'] ?? 1) >= APPLICATIONS);
      expect(perRow.map((n) => `${n['Node Type']} ${n['Relation Name'] ?? ''}`)).toEqual([]);
    }
  }, 300_000);
});
