import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeeds } from '../seeds/index.js';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { seedId } from '../seeds/seed-id.js';
import { org } from './support/call-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const APPLICATIONS = 1000;
const REVIEWERS = 150;

describe('automatic assignment through the API', () => {
  let t: TestApp;
  let callId: string;

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-12-15T00:00:00Z' });
    await runSeeds(t.dataSource, new Date('2026-12-15T00:00:00Z'));
    const [call] = await t.dataSource.query<{ id: string; track_id: string; pi: string }[]>(
      `SELECT c.id, t.id AS track_id, (SELECT id FROM users WHERE email = 'pi.osaka@example.org') AS pi
         FROM calls c JOIN call_tracks t ON t.call_id = c.id WHERE c.id = $1`,
      [seedId('call', 'SICORP-US-CURRENT')],
    );
    // The call's deadlines (the 15th and 20th of next month): JST reviews once its own has passed.
    t.clock.set('2027-01-16T00:00:00Z');
    callId = call!.id;
    // 150 reviewers at 50 institutions; 1,000 eligible applications, each with a member at one of those institutions.
    await t.dataSource.query(
      `INSERT INTO organisations (kind, short_name, name_ja, name_en, country, time_zone)
       SELECT 'institution', 'Rev Inst ' || g, '審査機関 ' || g, 'Reviewer Institution ' || g, 'JP', 'Asia/Tokyo' FROM generate_series(0, 49) g`,
    );
    await t.dataSource.query(
      `INSERT INTO users (email, name, roles, organisation_id, language, password_hash)
       SELECT 'rev' || g || '@example.test', 'Reviewer ' || g, '{reviewer}', o.id, 'en', 'x'
         FROM generate_series(0, ${REVIEWERS - 1}) g JOIN organisations o ON o.short_name = 'Rev Inst ' || (g % 50)`,
    );
    await t.dataSource.query(
      `INSERT INTO call_reviewers (call_id, reviewer_id, agency_id, added_at)
       SELECT $1, id, $2, now() FROM users WHERE email LIKE 'rev%@example.test'`,
      [callId, org('JST')],
    );
    await t.dataSource.query(
      `WITH apps AS (
         INSERT INTO applications (call_id, track_id, pi_user_id, title, keywords, status)
         SELECT $1, $2, $3, 'Bulk ' || g, '{}', 'eligible' FROM generate_series(1, ${APPLICATIONS}) g RETURNING id, title)
       , sides AS (INSERT INTO application_sides (application_id, call_id, agency_id, status, budget_per_year)
                   SELECT id, $1, $4, 'eligible', '{}' FROM apps)
       INSERT INTO application_members (application_id, call_id, name, role, institution_id)
       SELECT a.id, $1, 'Member', 'co_investigator', o.id FROM apps a
         JOIN organisations o ON o.short_name = 'Rev Inst ' || (split_part(a.title, ' ', 2)::int % 50)`,
      [callId, call!.track_id, call!.pi, org('JST')],
    );
  }, 120_000);
  afterAll(() => t.close());

  it('covers 1,000 applications with 3 reviewers each over 150 reviewers capped at 25: no conflict, the same result twice', async () => {
    const officer = await t.login('officer.jst@example.org', DEMO_PASSWORD);
    const run = async () => {
      const response = await t.http
        .post(`/calls/${callId}/auto-assign`)
        .auth(officer, { type: 'bearer' })
        .send({ perApplication: 3, loadCap: 25 });
      expect(response.status, response.text).toBe(200);
      return response.body as { assigned: number; uncovered: unknown[]; loads: Record<string, number> };
    };
    const first = await run();
    expect(first.assigned).toBe(APPLICATIONS * 3);
    expect(first.uncovered).toEqual([]);
    expect(Math.max(...Object.values(first.loads))).toBeLessThanOrEqual(25);

    const pairs = async () =>
      (
        await t.dataSource.query<{ pair: string }[]>(
          `SELECT application_id || ':' || reviewer_id AS pair FROM review_assignments ORDER BY 1`,
        )
      ).map((r) => r.pair);
    const assigned = await pairs();
    const conflicted = await t.dataSource.query(
      `SELECT 1 FROM review_assignments r JOIN users u ON u.id = r.reviewer_id
         JOIN application_members m ON m.application_id = r.application_id AND m.institution_id = u.organisation_id`,
    );
    expect(conflicted).toEqual([]);
    const overCap = await t.dataSource.query(
      `SELECT r.reviewer_id FROM review_assignments r JOIN applications a ON a.id = r.application_id WHERE a.call_id = $1
        GROUP BY r.reviewer_id HAVING count(*) > 25`,
      [callId],
    );
    expect(overCap).toEqual([]);

    // The same input again (assignments cleared) gives exactly the same assignment.
    await t.dataSource.query(`DELETE FROM review_assignments r USING applications a WHERE a.id = r.application_id AND a.call_id = $1`, [
      callId,
    ]);
    const second = await run();
    expect(second).toEqual(first);
    expect(await pairs()).toEqual(assigned);
  }, 120_000);
});
