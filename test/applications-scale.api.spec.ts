import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeeds } from '../seeds/index.js';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { org } from './support/call-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const APPLICATIONS = 100_000;
const INSTITUTIONS = 50;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

describe('the office list over 100,000 applications', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-12-15T00:00:00Z' });
    await runSeeds(t.dataSource, new Date('2026-12-15T00:00:00Z'));
    // 100,000 applications to the seeded SICORP call, spread over the University of Tokyo and 49 other institutions.
    await t.dataSource.query(
      `INSERT INTO organisations (kind, short_name, name_ja, name_en, country, time_zone)
       SELECT 'institution', 'Inst ' || g, '機関 ' || g, 'Institution ' || g, 'JP', 'Asia/Tokyo' FROM generate_series(1, ${INSTITUTIONS - 1}) g`,
    );
    await t.dataSource.query(`
      CREATE TEMP TABLE scale_institutions AS
        SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM organisations WHERE kind = 'institution' AND short_name LIKE 'Inst %'
        UNION ALL SELECT ${INSTITUTIONS - 1}, '${org('UTOKYO')}'::uuid`);
    const [call] = await t.dataSource.query<{ id: string; track_id: string; pi: string }[]>(
      `SELECT c.id, t.id AS track_id, (SELECT id FROM users WHERE email = 'pi.osaka@example.org') AS pi
         FROM calls c JOIN call_tracks t ON t.call_id = c.id WHERE c.title_en LIKE 'SICORP Japan-US%'`,
    );
    await t.dataSource.query(
      `INSERT INTO applications (id, call_id, track_id, pi_user_id, title, keywords, status, created_at)
       SELECT gen_random_uuid(), $1, $2, $3, '申請 ' || g, '{}', 'draft', '2026-01-01'::timestamptz + g * interval '1 minute'
         FROM generate_series(1, ${APPLICATIONS}) g`,
      [call!.id, call!.track_id, call!.pi],
    );
    await t.dataSource.query(`
      INSERT INTO application_institutions (application_id, institution_id, call_id, status, created_at)
      SELECT a.id, i.id, a.call_id, a.status, a.created_at
        FROM (SELECT id, call_id, status, created_at, row_number() OVER (ORDER BY created_at) AS r FROM applications WHERE title LIKE '申請 %') a
        JOIN scale_institutions i ON i.n = a.r % ${INSTITUTIONS}`);
    await t.dataSource.query(`ANALYZE applications; ANALYZE application_institutions`);
  }, 180_000);
  afterAll(() => t.close());

  it('reads one index range, newest first, and pages by cursor through every application of the institution exactly once', async () => {
    const office = await t.login('ura.utokyo@example.org', DEMO_PASSWORD);
    const page = async (cursor?: string) =>
      (
        await t.http
          .get('/applications')
          .query({ view: 'office', limit: 100, ...(cursor ? { cursor } : {}) })
          .auth(office, { type: 'bearer' })
      ).body as {
        items: { id: string; createdAt: string }[];
        nextCursor: string | null;
      };
    const seen: string[] = [];
    let cursor: string | null | undefined;
    do {
      const body = await page(cursor ?? undefined);
      seen.push(...body.items.map((item) => item.id));
      cursor = body.nextCursor;
    } while (cursor);
    const [{ n }] = await t.dataSource.query<[{ n: number }]>(
      `SELECT count(*)::int AS n FROM application_institutions WHERE institution_id = $1`,
      [org('UTOKYO')],
    );
    expect(n).toBeGreaterThanOrEqual(APPLICATIONS / INSTITUTIONS);
    expect(seen).toHaveLength(n);
    expect(new Set(seen).size).toBe(seen.length);

    const [explained] = await t.dataSource.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }[]>(
      `EXPLAIN (FORMAT JSON)
       SELECT a.id FROM application_institutions k JOIN applications a ON a.id = k.application_id AND k.institution_id = $1::uuid
         JOIN calls c ON c.id = a.call_id
        WHERE (k.created_at, k.application_id) < ($2::timestamptz, $3::uuid)
        ORDER BY k.created_at DESC, k.application_id DESC LIMIT 101`,
      [org('UTOKYO'), '2026-02-15T00:00:00Z', '00000000-0000-0000-0000-000000000000'],
    );
    const all = nodes(explained!['QUERY PLAN'][0]!.Plan);
    expect(all.some((n) => n['Index Name'] === 'application_institutions_office_idx')).toBe(true);
    expect(all.filter((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] !== 'calls')).toEqual([]);
    expect(all.some((n) => n['Node Type'] === 'Sort')).toBe(false);
  }, 120_000);
});
