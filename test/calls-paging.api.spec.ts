import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callStatus } from '#calls';
import { runSeeds } from '../seeds/index.js';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { org } from './support/call-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const CALLS = 10_000;

interface Row {
  id: string;
  published_at: Date | null;
  cancelled_at: Date | null;
  opens_at: Date;
  deadlines: Date[];
  review_starts_at: Date | null;
  decision_at: Date | null;
  results_released_at: Date | null;
  eligible_countries: string[];
}

describe('paging through 10,000 calls', () => {
  let t: TestApp;
  let rows: Row[];

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-01-01T00:00:00Z' });
    await runSeeds(t.dataSource);
    const [program] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO programs (agency_id, code, name_ja, name_en) VALUES ($1, 'BULK', '一括', 'Bulk') RETURNING id`,
      [org('JST')],
    );
    // Deadlines repeat (ties on the sort key), some lie in the past (no next deadline), some calls are drafts or cancelled,
    // some have their results released before their decision date or without one.
    await t.dataSource.query(
      `INSERT INTO calls (program_id, title_ja, title_en, mode, eligible_countries, opens_at, deadlines, review_starts_at, decision_at,
                          published_at, cancelled_at, results_released_at)
       SELECT $1, '一括公募 ' || g, 'Bulk call ' || g, (ARRAY['joint_call', 'co_funding', 'twinning'])[1 + g % 3],
              CASE WHEN g % 2 = 0 THEN ARRAY['US', 'FR'] ELSE ARRAY['DE'] END,
              '2026-06-01'::timestamptz + (g % 90) * interval '1 day',
              ARRAY['2026-11-01'::timestamptz + (g % 240) * interval '1 day', '2026-12-01'::timestamptz + (g % 120) * interval '1 day'],
              CASE WHEN g % 5 = 0 THEN '2027-06-01'::timestamptz END,
              CASE WHEN g % 10 = 0 THEN '2027-09-01'::timestamptz END,
              CASE WHEN g % 11 = 0 THEN NULL ELSE '2026-05-01'::timestamptz END,
              CASE WHEN g % 37 = 0 THEN '2026-12-01'::timestamptz END,
              CASE WHEN g % 7 = 0 THEN '2026-12-20'::timestamptz END
         FROM generate_series(1, ${CALLS}) g`,
      [program!.id],
    );
    rows = await t.dataSource.query<Row[]>(
      `SELECT id, published_at, cancelled_at, opens_at, deadlines, review_starts_at, decision_at, results_released_at, eligible_countries
         FROM calls`,
    );
  }, 120_000);
  afterAll(() => t.close());

  /** Follows nextCursor to the end; `afterPage` may move the clock between pages. */
  async function pageThrough(query: Record<string, string>, afterPage?: (page: number) => void): Promise<{ id: string; status: string }[]> {
    let token = await t.login('pi.osaka@example.org', DEMO_PASSWORD);
    const seen: { id: string; status: string }[] = [];
    let cursor: string | null = null;
    let page = 0;
    do {
      if (afterPage && page > 0) {
        afterPage(page);
        token = await t.login('pi.osaka@example.org', DEMO_PASSWORD);
      }
      page++;
      const response: { status: number; text: string; body: { items: { id: string; status: string }[]; nextCursor: string | null } } =
        await t.http
          .get('/calls')
          .query({ ...query, limit: 100, ...(cursor ? { cursor } : {}) })
          .auth(token, { type: 'bearer' });
      expect(response.status, response.text).toBe(200);
      seen.push(...response.body.items.map((c: { id: string; status: string }) => ({ id: c.id, status: c.status })));
      cursor = response.body.nextCursor;
    } while (cursor);
    return seen;
  }

  it('returns every matching call exactly once, with the status the timeline gives', async () => {
    const now = t.clock.now();
    const visible = rows.filter((r) => r.published_at !== null && r.eligible_countries.includes('US'));
    const seen = await pageThrough({ partnerCountry: 'US' });
    expect(seen).toHaveLength(visible.length);
    expect(new Set(seen.map((s) => s.id)).size).toBe(seen.length);
    expect(new Set(seen.map((s) => s.id))).toEqual(new Set(visible.map((r) => r.id)));
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const item of seen) {
      const r = byId.get(item.id)!;
      const expected = callStatus(
        {
          publishedAt: r.published_at,
          cancelledAt: r.cancelled_at,
          opensAt: r.opens_at,
          deadlines: r.deadlines,
          reviewStartsAt: r.review_starts_at,
          decisionAt: r.decision_at,
          resultsReleasedAt: r.results_released_at,
        },
        now,
      );
      expect(item.status, item.id).toBe(expected);
    }
  }, 120_000);

  it('keeps pages consistent while time passes between them, and filters by status', async () => {
    const asOf = t.clock.now();
    const open = rows.filter(
      (r) => r.published_at !== null && r.cancelled_at === null && r.deadlines.some((d) => d > asOf) && r.opens_at <= asOf,
    );
    // Twenty days pass between two pages: deadlines pass and calls close, but the listing keeps the instant of its first page.
    const seen = await pageThrough({ status: 'open' }, (page) => {
      if (page === 3) t.clock.advance(20 * 24 * 60 * 60 * 1000);
    });
    t.clock.set(asOf);
    expect(new Set(seen.map((s) => s.id))).toEqual(new Set(open.map((r) => r.id)));
    expect(seen).toHaveLength(open.length);
  }, 120_000);
});
