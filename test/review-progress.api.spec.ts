import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeeds } from '../seeds/index.js';
import { seedId } from '../seeds/seed-id.js';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { Given } from './support/given.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** The day after the seeded reviews fell due (20 days after the first of the month). */
const NOW = '2026-11-22T05:00:00Z';
const bearer = { type: 'bearer' } as const;

interface Progress {
  id: string;
  applicationId: string;
  applicationTitle: string;
  reviewerId: string;
  reviewerName: string;
  status: string;
  review: string;
  dueAt: string | null;
  overdue: boolean;
  lastRemindedAt: string | null;
}

describe("the review progress of an agency's assignments, and reminders", () => {
  let t: TestApp;
  const callId = seedId('call', 'SICORP-US-REVIEW');
  const tokens: Record<string, string> = {};
  let otherAgencyOfficer = '';

  const login = async () => {
    for (const who of ['officer.jst', 'officer.nsf', 'reviewer.kyoto', 'reviewer.tohoku'])
      tokens[who] = await t.login(`${who}@example.org`, DEMO_PASSWORD);
  };
  /** Moves the clock and signs in again (access tokens last minutes). */
  const at = async (instant: string) => {
    t.clock.set(instant);
    await login();
  };
  const board = async (who = 'officer.jst'): Promise<Progress[]> => {
    const response = await t.http.get(`/calls/${callId}/assignments`).auth(tokens[who]!, bearer);
    expect(response.status, response.text).toBe(200);
    return response.body as Progress[];
  };
  const remind = (id: string, token = tokens['officer.jst']!) => t.http.post(`/assignments/${id}/remind`).auth(token, bearer);
  const reminders = async (who: string) => {
    const response = await t.http.get('/notifications?limit=100').auth(tokens[who]!, bearer);
    expect(response.status, response.text).toBe(200);
    return (response.body as { items: { kind: string; title: string; subject: { id: string } }[] }).items.filter(
      (n) => n.kind === 'review_reminder',
    );
  };
  const emailJobs = async () =>
    (await t.dataSource.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM pgboss.job WHERE name = 'notifications.email'`))[0]!
      .count;

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    await runSeeds(t.dataSource, new Date(NOW));
    const given = new Given(t.dataSource);
    const anr = await given.user({ roles: ['program_officer'], organisationId: seedId('organisation', 'ANR') });
    await login();
    otherAgencyOfficer = await t.login(anr.email, anr.password);
  });
  afterAll(() => t.close());

  it("lists the agency's assignments with the review's state, and flags the open one past its due time", async () => {
    const rows = await board();
    expect(rows.map((r) => [r.reviewerName, r.status, r.review, r.overdue, r.lastRemindedAt])).toEqual([
      ['Akira Kobayashi', 'accepted', 'submitted', false, null],
      ['Shota Kimura', 'accepted', 'draft', true, null],
    ]);
    expect(rows.every((r) => r.applicationId === seedId('application', 'UTOKYO-IN-REVIEW'))).toBe(true);
    expect(rows[1]!.dueAt).toBe('2026-11-21T00:00:00.000Z');
    // NSF takes part in the call but has no assignments of its own.
    expect(await board('officer.nsf')).toEqual([]);
  });

  it('is computed from the clock: before the due time nothing is overdue', async () => {
    t.clock.set('2026-11-20T00:00:00Z');
    try {
      expect((await board()).map((r) => r.overdue)).toEqual([false, false]);
    } finally {
      t.clock.set(NOW);
    }
  });

  it('finds users with the reviewer role to add to the pool, saying whose pool they are in', async () => {
    const find = (q: string, who = 'officer.nsf') =>
      t.http.get(`/calls/${callId}/reviewer-candidates`).query({ q }).auth(tokens[who]!, bearer);
    const kimura = await find('kimura');
    expect(kimura.status, kimura.text).toBe(200);
    expect(kimura.body).toEqual([
      {
        id: seedId('user', 'reviewer.tohoku@example.org'),
        name: 'Shota Kimura',
        email: 'reviewer.tohoku@example.org',
        organisation: 'Tohoku U',
        inYourPool: false,
        inOtherPool: true,
      },
    ]);
    expect((await find('kimura', 'officer.jst')).body[0]).toMatchObject({ inYourPool: true, inOtherPool: false });
    // Officers and researchers without the reviewer role are not offered; a wildcard is taken literally.
    expect((await find('example.org')).body.map((c: { email: string }) => c.email)).toEqual([
      'reviewer.kyoto@example.org',
      'reviewer.osaka@example.org',
      'reviewer.tohoku@example.org',
    ]);
    expect((await find('%')).body).toEqual([]);
    expect((await t.http.get(`/calls/${callId}/reviewer-candidates`).auth(otherAgencyOfficer, bearer)).status).toBe(404);
  });

  it('answers 404 to an officer of an agency outside the call and 403 to a reviewer', async () => {
    expect((await t.http.get(`/calls/${callId}/assignments`).auth(otherAgencyOfficer, bearer)).status).toBe(404);
    expect((await t.http.get(`/calls/${callId}/assignments`).auth(tokens['reviewer.kyoto']!, bearer)).status).toBe(403);
    const open = (await board()).find((r) => r.review !== 'submitted')!;
    const foreign = await remind(open.id, otherAgencyOfficer);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('NOT_FOUND');
    expect((await remind(open.id, tokens['officer.nsf'])).status).toBe(404);
    expect((await remind(open.id, tokens['reviewer.tohoku'])).status).toBe(403);
    expect(await reminders('reviewer.tohoku')).toEqual([]);
  });

  it('reminds the reviewer in-app and by e-mail, records when, and refuses a second reminder within the hour', async () => {
    const open = (await board()).find((r) => r.review !== 'submitted')!;
    const jobsBefore = await emailJobs();
    const sent = await remind(open.id);
    expect(sent.status, sent.text).toBe(200);
    expect(sent.body).toMatchObject({ id: open.id, lastRemindedAt: '2026-11-22T05:00:00.000Z', overdue: true });
    expect((await board()).find((r) => r.id === open.id)!.lastRemindedAt).toBe('2026-11-22T05:00:00.000Z');
    const inbox = await reminders('reviewer.tohoku');
    expect(inbox.map((n) => [n.subject.id, n.title])).toEqual([[open.id, '査読のお願い: 「半導体製造プロセスの異常検知AI」']]);
    expect(await emailJobs()).toBe(jobsBefore + 1);
    // The other reviewer hears nothing.
    expect(await reminders('reviewer.kyoto')).toEqual([]);

    await at('2026-11-22T05:30:00Z');
    const again = await remind(open.id);
    expect(again.status).toBe(429);
    expect(again.body).toMatchObject({ code: 'REMINDER_TOO_SOON', lastRemindedAt: '2026-11-22T05:00:00.000Z' });
    expect(again.headers['retry-after']).toBe('1800');
    expect(await reminders('reviewer.tohoku')).toHaveLength(1);

    await at('2026-11-22T06:00:00Z');
    expect((await remind(open.id)).status).toBe(200);
    expect(await reminders('reviewer.tohoku')).toHaveLength(2);
  });

  it('refuses to remind of a submitted review or a declined assignment', async () => {
    const rows = await board();
    const submitted = rows.find((r) => r.review === 'submitted')!;
    const refused = await remind(submitted.id);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('REVIEW_SUBMITTED');

    const open = rows.find((r) => r.review !== 'submitted')!;
    const declined = await t.http
      .post(`/assignments/${open.id}/decline`)
      .auth(tokens['reviewer.tohoku']!, bearer)
      .send({ reason: 'Travelling' });
    expect(declined.status, declined.text).toBe(200);
    await at('2026-11-22T08:00:00Z');
    const afterDecline = await remind(open.id);
    expect(afterDecline.status).toBe(422);
    expect(afterDecline.body.code).toBe('ASSIGNMENT_DECLINED');
    expect((await board()).find((r) => r.id === open.id)).toMatchObject({ status: 'declined', overdue: false });
  });
});
