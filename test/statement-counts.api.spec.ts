import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runSeeds } from '../seeds/index.js';
import { seedId } from '../seeds/seed-id.js';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { completeDraft, JST_LEAD_NSF_PARTNER, NEXT_GENERATION_TRACK, org, publishedCall } from './support/call-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const NOW = new Date('2026-12-06T03:00:00Z');
const bearer = { type: 'bearer' } as const;

/**
 * The statements each hot operation sends to PostgreSQL, BEGIN and COMMIT included (each is a round
 * trip), counted at the driver through the real app: the ceiling each may not rise above. They are
 * what an operation costs the database on deadline day whatever the machine, so they are counted
 * here and timed only in the benchmark. Lower a ceiling when a change lowers the count.
 *
 * Each is measured on a session its api process has already checked (the caller's requests before
 * it warm the session cache, SESSION_CACHE_SECONDS; the manual clock stands still, so it does not
 * expire): a request whose session is cached sends no session lookup, which is the common case of a
 * signed-in user at work. A session's first request on a process costs one statement more.
 */
const CEILINGS = {
  'draft save': 1,
  'draft save, minimal answer': 1,
  'read one’s application': 1,
  'office list page': 1,
  'submit (two sides)': 10,
  'submit (two sides) with an Idempotency-Key': 12,
  'approve a side': 7,
  'review save': 13,
} as const;

/** A first request of the session, so that its api process has checked and cached it. */
async function warm(t: TestApp, token: string): Promise<void> {
  expect((await t.http.get('/me').auth(token, bearer)).status).toBe(200);
}

describe('statements sent per hot operation', () => {
  let t: TestApp;
  let pi: string;
  const counts = new Map<string, number>();

  /** Runs the request and counts what every connection of the process sent meanwhile. */
  async function statementsOf(operation: keyof typeof CEILINGS, request: () => PromiseLike<{ status: number; text: string }>) {
    const spy = vi.spyOn(pg.Client.prototype, 'query');
    try {
      const response = await request();
      expect(response.status, response.text).toBeLessThan(300);
      counts.set(operation, spy.mock.calls.length);
    } finally {
      spy.mockRestore();
    }
    return counts.get(operation)!;
  }

  beforeAll(async () => {
    t = await startTestApp({ now: NOW.toISOString() });
    await runSeeds(t.dataSource, NOW);
    pi = await t.login('pi.utokyo@example.org', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a draft save and a read of one’s application', async () => {
    const id = seedId('application', 'UTOKYO-DRAFT');
    const read = await t.http.get(`/applications/${id}`).auth(pi, bearer);
    const save = await statementsOf('draft save', () =>
      t.http
        .patch(`/applications/${id}`)
        .auth(pi, bearer)
        .set('if-match', `"${read.body.version as number}"`)
        .send({ title: 'AI-driven design of semiconductor materials (revised)' }),
    );
    expect(save).toBeLessThanOrEqual(CEILINGS['draft save']);
    const autosave = await statementsOf('draft save, minimal answer', () =>
      t.http
        .patch(`/applications/${id}`)
        .auth(pi, bearer)
        .set('if-match', `"${(read.body.version as number) + 1}"`)
        .set('prefer', 'return=minimal')
        .send({ abstract: 'Saved by autosave.' }),
    );
    expect(autosave).toBeLessThanOrEqual(CEILINGS['draft save, minimal answer']);
    const again = await statementsOf('read one’s application', () => t.http.get(`/applications/${id}`).auth(pi, bearer));
    expect(again).toBeLessThanOrEqual(CEILINGS['read one’s application']);
  });

  it('a page of the office’s list', async () => {
    const office = await t.login('ura.utokyo@example.org', DEMO_PASSWORD);
    await warm(t, office);
    const page = await statementsOf('office list page', () =>
      t.http.get('/applications').query({ view: 'office', limit: 50 }).auth(office, bearer),
    );
    expect(page).toBeLessThanOrEqual(CEILINGS['office list page']);
  });

  it('a submit with two sides, and the office’s approval of one', async () => {
    const officer = await t.login('officer.jst@example.org', DEMO_PASSWORD);
    const call = await publishedCall(t.http, t.dataSource, officer, {
      agencies: JST_LEAD_NSF_PARTNER,
      tracks: [NEXT_GENERATION_TRACK],
      announcedAt: null,
      opensAt: '2026-11-01T10:00',
    });
    const { id } = await completeDraft(t.http, t.dataSource, pi, { callId: call.callId, trackId: call.trackIds['next-generation']! });
    const submit = await statementsOf('submit (two sides)', () => t.http.post(`/applications/${id}/submit`).auth(pi, bearer));
    expect(submit).toBeLessThanOrEqual(CEILINGS['submit (two sides)']);
    // As the pages submit: with an Idempotency-Key, claimed before the step and answered after it.
    const again = await completeDraft(t.http, t.dataSource, pi, { callId: call.callId, trackId: call.trackIds['next-generation']! });
    const keyed = await statementsOf('submit (two sides) with an Idempotency-Key', () =>
      t.http.post(`/applications/${again.id}/submit`).auth(pi, bearer).set('idempotency-key', `submit-${again.id}`),
    );
    expect(keyed).toBeLessThanOrEqual(CEILINGS['submit (two sides) with an Idempotency-Key']);

    const office = await t.login('ura.utokyo@example.org', DEMO_PASSWORD);
    await warm(t, office);
    const approve = await statementsOf('approve a side', () =>
      t.http
        .post(`/applications/${id}/sides/${org('JST')}/approve`)
        .auth(office, bearer)
        .send({ exportControlScreened: true, disclosuresReceived: true }),
    );
    expect(approve).toBeLessThanOrEqual(CEILINGS['approve a side']);
  });

  it('a reviewer’s save of a review in progress', async () => {
    const reviewer = await t.login('reviewer.tohoku@example.org', DEMO_PASSWORD);
    const [work] = (await t.http.get('/me/assignments').auth(reviewer, bearer)).body as { id: string }[];
    const read = await t.http.get(`/assignments/${work!.id}/application`).auth(reviewer, bearer);
    const criterion = (read.body.criteria as { id: string }[])[0]!;
    const save = await statementsOf('review save', () =>
      t.http
        .put(`/assignments/${work!.id}/review`)
        .auth(reviewer, bearer)
        .set('if-match', `"${read.body.review.version as number}"`)
        .send({ scores: { ...read.body.review.scores, [criterion.id]: 4 } }),
    );
    expect(save).toBeLessThanOrEqual(CEILINGS['review save']);
  });

  afterAll(() => {
    // What each operation sent, beside its ceiling: the figures the notes record.
    console.info(
      [...counts]
        .map(([operation, count]) => `${operation}: ${count} statements (ceiling ${CEILINGS[operation as keyof typeof CEILINGS]})`)
        .join('\n'),
    );
  });
});
