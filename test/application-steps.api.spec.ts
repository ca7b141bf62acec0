import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeeds } from '../seeds/index.js';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { seedId } from '../seeds/seed-id.js';
import { completeDraft, JST_LEAD_NSF_PARTNER, NEXT_GENERATION_TRACK, org, publishedCall } from './support/call-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const bearer = { type: 'bearer' } as const;
const NOW = '2027-02-01T00:00:00Z';
const AT = NOW.replace('Z', '.000Z');

interface EventRow {
  id: string;
  agency_id: string | null;
  actor_id: string;
  action: string;
  from_status: string | null;
  to_status: string | null;
  comment: string | null;
}
interface ReceiptRow {
  number: string;
  agency_id: string;
  kind: string;
  event_id: string;
  submission: number | null;
}
interface NoticeRow {
  user_id: string;
  kind: string;
  dedupe_key: string;
  params: Record<string, unknown>;
  email: string;
  jobs: number;
}

/**
 * What a step of an application's own flow (submit, approve, return, reopen, withdraw) writes in its
 * one statement and the notices after it: per changed side an event, a receipt where one is earned
 * (naming its event and the submission), the side's status, integrity checks and receipt; a notice
 * per side to the people it concerns, each with its e-mail job; and an answer that is the
 * application as a read after the step gives it.
 */
describe('the steps of an application', () => {
  let t: TestApp;
  let callId: string;
  let trackId: string;
  const tokens: Record<string, string> = {};
  const as = (who: string) => tokens[who]!;
  const login = async () => {
    for (const who of ['pi.utokyo', 'ura.utokyo', 'officer.jst']) tokens[who] = await t.login(`${who}@example.org`, DEMO_PASSWORD);
  };
  const user = (who: string) => seedId('user', `${who}@example.org`);

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-12-10T00:00:00Z' });
    await runSeeds(t.dataSource);
    await login();
    const call = await publishedCall(t.http, t.dataSource, as('officer.jst'), {
      agencies: JST_LEAD_NSF_PARTNER,
      tracks: [NEXT_GENERATION_TRACK],
    });
    callId = call.callId;
    trackId = call.trackIds['next-generation']!;
    t.clock.set(NOW);
    await login();
  });
  afterAll(() => t?.close());

  /** Runs a step and checks that its answer is what a read of the application gives right after. */
  async function step(who: string, path: string, id: string, body?: object) {
    const response = await t.http
      .post(`/applications/${id}${path}`)
      .auth(as(who), bearer)
      .send(body ?? {});
    expect(response.status, response.text).toBe(200);
    const read = await t.http.get(`/applications/${id}`).auth(as(who), bearer);
    expect(response.body).toEqual(read.body);
    expect(response.headers['etag']).toBe(read.headers['etag']);
    return response.body as {
      title: string;
      version: number;
      status: string;
      sides: {
        agency: { id: string };
        status: string;
        receiptNumber: string | null;
        submittedAt: string | null;
        integrityChecks: { exportControlCheckedAt: string | null; disclosuresReceivedAt: string | null };
      }[];
      receipts: { number: string; kind: string; agency: { id: string }; submissionNumber: number | null }[];
    };
  }

  const events = (id: string, after = '0') =>
    t.dataSource.query<EventRow[]>(
      `SELECT id::text, agency_id, actor_id, action, from_status, to_status, comment FROM application_events
        WHERE application_id = $1 AND id > $2::bigint AND agency_id IS NOT NULL ORDER BY id`,
      [id, after],
    );
  const receipts = (id: string) =>
    t.dataSource.query<ReceiptRow[]>(
      `SELECT r.number, r.agency_id, r.kind, r.event_id::text, s.number AS submission FROM application_receipts r
         LEFT JOIN application_submissions s ON s.id = r.submission_id WHERE r.application_id = $1 ORDER BY r.number`,
      [id],
    );
  const notices = (id: string) =>
    t.dataSource.query<NoticeRow[]>(
      `SELECT n.user_id, n.kind, n.dedupe_key, n.params, n.email,
              (SELECT count(*)::int FROM pgboss.job j WHERE j.name = 'notifications.email' AND j.data->>'notificationId' = n.id::text) AS jobs
         FROM notifications n WHERE n.subject_id = $1 ORDER BY n.kind, n.user_id`,
      [id],
    );
  const version = async (id: string) =>
    (await t.dataSource.query<{ version: number }[]>(`SELECT version FROM applications WHERE id = $1`, [id]))[0]!.version;

  it('a submit of two sides: an event and a receipt per side naming the frozen submission, and a notice per side with its e-mail', async () => {
    const { id, version: before } = await completeDraft(t.http, t.dataSource, as('pi.utokyo'), { callId, trackId });
    const submitted = await step('pi.utokyo', '/submit', id);
    expect(submitted.version).toBe(before + 1);
    expect(await version(id)).toBe(before + 1);

    const logged = await events(id);
    expect(logged.map((e) => [e.agency_id, e.action, e.from_status, e.to_status, e.actor_id, e.comment])).toEqual([
      [org('JST'), 'application.submit', 'draft', 'pending_institution', user('pi.utokyo'), null],
      [org('NSF'), 'application.submit', 'draft', 'submitted', user('pi.utokyo'), null],
    ]);
    const eventOf = (agency: string) => logged.find((e) => e.agency_id === agency)!.id;

    const issued = await receipts(id);
    expect(issued.map((r) => [r.agency_id, r.kind, r.event_id, r.submission])).toEqual([
      [org('JST'), 'submitted_to_office', eventOf(org('JST')), 1],
      [org('NSF'), 'received_by_agency', eventOf(org('NSF')), 1],
    ]);
    expect(new Set(issued.map((r) => r.number)).size).toBe(2);
    const nsf = submitted.sides.find((s) => s.agency.id === org('NSF'))!;
    expect(nsf).toMatchObject({ status: 'submitted', receiptNumber: issued[1]!.number, submittedAt: AT });
    expect(submitted.sides.find((s) => s.agency.id === org('JST'))).toMatchObject({ receiptNumber: null, submittedAt: null });
    expect(submitted.receipts.map((r) => [r.agency.id, r.kind, r.submissionNumber])).toEqual([
      [org('JST'), 'submitted_to_office', 1],
      [org('NSF'), 'received_by_agency', 1],
    ]);
    const frozen = await t.dataSource.query<{ number: number; title: string }[]>(
      `SELECT number, proposal->>'title' AS title FROM application_submissions WHERE application_id = $1`,
      [id],
    );
    expect(frozen).toEqual([{ number: 1, title: submitted.title }]);

    // The office hears of the side waiting for it, the applicants of the side that reached its agency, with its receipt.
    const told = await notices(id);
    // The applicants of a side: the PI and the side's own PI (here a partner's account), once each.
    const sidePis = await t.dataSource.query<{ pi_user_id: string }[]>(
      `SELECT pi_user_id FROM application_sides WHERE application_id = $1 AND agency_id = $2`,
      [id, org('NSF')],
    );
    const nsfPi = sidePis[0]!.pi_user_id;
    const expected = [
      ['application_submitted', user('pi.utokyo'), eventOf(org('NSF'))],
      ['application_submitted', nsfPi, eventOf(org('NSF'))],
      ['approval_requested', user('ura.utokyo'), eventOf(org('JST'))],
    ].sort((a, b) => (a[0]! + a[1]! < b[0]! + b[1]! ? -1 : 1));
    expect(told.map((n) => [n.kind, n.user_id, n.dedupe_key.split(':').pop()])).toEqual(expected);
    expect(told.find((n) => n.kind === 'application_submitted')!.params).toMatchObject({ agency: 'NSF', receiptNumber: issued[1]!.number });
    for (const notice of told) expect(notice.jobs).toBe(notice.email === 'queued' ? 1 : 0);
  });

  it('an approval records its side’s integrity checks, a receipt naming the latest submission and a notice; a reopen forgets the checks', async () => {
    const { id } = await completeDraft(t.http, t.dataSource, as('pi.utokyo'), { callId, trackId });
    await step('pi.utokyo', '/submit', id);
    // Returned and submitted again: the second submission is the one the approval's receipt names.
    const returned = await step('ura.utokyo', `/sides/${org('JST')}/return`, id, { comment: 'Attach the self-check.' });
    expect(returned.sides.find((s) => s.agency.id === org('JST'))!.status).toBe('returned');
    await step('pi.utokyo', '/submit', id);
    const [lastBefore] = (await events(id)).slice(-1);

    const approved = await step('ura.utokyo', `/sides/${org('JST')}/approve`, id, {
      exportControlScreened: true,
      disclosuresReceived: true,
      comment: 'Checked.',
    });
    const jst = approved.sides.find((s) => s.agency.id === org('JST'))!;
    expect(jst).toMatchObject({
      status: 'submitted',
      submittedAt: AT,
      integrityChecks: { exportControlCheckedAt: AT, disclosuresReceivedAt: AT },
    });
    const logged = await events(id, lastBefore!.id);
    expect(logged.map((e) => [e.agency_id, e.action, e.from_status, e.to_status, e.actor_id, e.comment])).toEqual([
      [org('JST'), 'application.approve', 'pending_institution', 'submitted', user('ura.utokyo'), 'Checked.'],
    ]);
    const receipt = (await receipts(id)).find((r) => r.event_id === logged[0]!.id)!;
    expect(receipt).toMatchObject({ agency_id: org('JST'), kind: 'received_by_agency', submission: 2, number: jst.receiptNumber });
    const told = (await notices(id)).filter((n) => n.dedupe_key.split(':').pop() === logged[0]!.id);
    expect(told.map((n) => [n.kind, n.user_id, n.params['receiptNumber']])).toEqual([
      ['application_approved', user('pi.utokyo'), jst.receiptNumber],
    ]);
    const returnedNotice = (await notices(id)).find((n) => n.kind === 'application_returned')!;
    expect(returnedNotice.params).toMatchObject({ agency: 'JST', comment: 'Attach the self-check.' });

    // Back to draft: every side's event, no receipt, no notice, and the checks of the approved side forgotten.
    const receiptsBefore = (await receipts(id)).length;
    const noticesBefore = (await notices(id)).length;
    const reopened = await step('pi.utokyo', '/reopen', id);
    expect(reopened.status).toBe('draft');
    expect(
      reopened.sides.map((s) => [s.status, s.integrityChecks.exportControlCheckedAt, s.integrityChecks.disclosuresReceivedAt]),
    ).toEqual([
      ['draft', null, null],
      ['draft', null, null],
    ]);
    expect((await events(id, logged[0]!.id)).map((e) => [e.action, e.from_status, e.to_status])).toEqual([
      ['application.reopen', 'submitted', 'draft'],
      ['application.reopen', 'submitted', 'draft'],
    ]);
    expect((await receipts(id)).length).toBe(receiptsBefore);
    expect((await notices(id)).length).toBe(noticesBefore);

    const withdrawn = await step('pi.utokyo', '/withdraw', id);
    expect(withdrawn.status).toBe('withdrawn');
  });
});
