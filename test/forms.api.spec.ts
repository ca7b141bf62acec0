import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeeds } from '../seeds/index.js';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { completeDraft, JST_LEAD_NSF_PARTNER, NEXT_GENERATION_TRACK, org, publishedCall } from './support/call-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const bearer = { type: 'bearer' } as const;
const NOW = '2027-02-01T00:00:00Z';

const question = (key: string, extra: Record<string, unknown> = {}) => ({
  key,
  type: 'short_text',
  label: { en: key, ja: key },
  help: null,
  required: true,
  scope: 'proposal',
  visibility: 'reviewers',
  ...extra,
});

describe('call forms', () => {
  let t: TestApp;
  let callId: string;
  let trackId: string;
  let officer: string;
  let pi: string;

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-12-10T00:00:00Z' });
    await runSeeds(t.dataSource);
    officer = await t.login('officer.jst@example.org', DEMO_PASSWORD);
    const call = await publishedCall(t.http, t.dataSource, officer, { agencies: JST_LEAD_NSF_PARTNER, tracks: [NEXT_GENERATION_TRACK] });
    callId = call.callId;
    trackId = call.trackIds['next-generation']!;
  });
  afterAll(() => t.close());

  it('saves half the answers of a draft, names every missing and invalid answer at submit, keeps a draft on its own version', async () => {
    // Before the call opens the form is shaped freely.
    const first = await t.http
      .put(`/calls/${callId}/form`)
      .auth(officer, bearer)
      .send({
        questions: [
          question('plan_summary', { maxChars: 20 }),
          question('young_researchers', { type: 'number', min: 0, max: 50, integer: true, visibility: 'office_agency' }),
        ],
      });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ version: 1, frozen: false });
    const bad = await t.http
      .put(`/calls/${callId}/form`)
      .auth(officer, bearer)
      .send({ questions: [question('Bad Key')] });
    expect(bad.status).toBe(400);
    // A document question names a document requirement of this call, not any id.
    const stray = await t.http
      .put(`/calls/${callId}/form`)
      .auth(officer, bearer)
      .send({ questions: [question('plan_file', { type: 'document', documentRequirementId: '00000000-0000-4000-8000-000000000001' })] });
    expect([stray.status, stray.body.errors]).toEqual([
      400,
      [expect.objectContaining({ field: 'questions[0].documentRequirementId', message: 'is not a document requirement of this call' })],
    ]);

    t.clock.set(NOW);
    officer = await t.login('officer.jst@example.org', DEMO_PASSWORD);
    pi = await t.login('pi.utokyo@example.org', DEMO_PASSWORD);
    const { id } = await completeDraft(t.http, t.dataSource, pi, { callId, trackId });

    const invalid = await t.http
      .put(`/applications/${id}/answers`)
      .auth(pi, bearer)
      .set('if-match', '"0"')
      .send({ answers: { proposal: { young_researchers: 'many' } } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors).toEqual([
      expect.objectContaining({
        field: 'answers.proposal.young_researchers',
        key: 'young_researchers',
        code: 'ANSWER_INVALID',
        messageJa: expect.any(String),
      }),
    ]);
    const half = await t.http
      .put(`/applications/${id}/answers`)
      .auth(pi, bearer)
      .set('if-match', '"0"')
      .send({ answers: { proposal: { plan_summary: 'Exchange of students' } } });
    expect(half.status, half.text).toBe(200);
    expect(half.body).toMatchObject({ formVersion: 1, answers: { proposal: { plan_summary: 'Exchange of students' } } });
    const refused = await t.http.post(`/applications/${id}/submit`).auth(pi, bearer);
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toContainEqual(
      expect.objectContaining({ code: 'ANSWER_MISSING', field: 'answers.proposal.young_researchers' }),
    );

    // The call is open: the form is frozen unless a new version is made on purpose.
    const frozen = await t.http
      .put(`/calls/${callId}/form`)
      .auth(officer, bearer)
      .send({ questions: [question('plan_summary')] });
    expect([frozen.status, frozen.body.code]).toEqual([422, 'FORM_FROZEN']);
    expect((await t.http.get(`/calls/${callId}/form`).auth(officer, bearer)).body.frozen).toBe(true);
    const second = await t.http
      .put(`/calls/${callId}/form?newVersion=true`)
      .auth(officer, bearer)
      .send({
        questions: [
          question('plan_summary', { maxChars: 20 }),
          question('young_researchers', { type: 'number', min: 0, max: 50, integer: true, visibility: 'office_agency' }),
          question('linked_grants'),
        ],
      });
    expect(second.status, second.text).toBe(200);
    expect(second.body.version).toBe(2);

    // The draft keeps version 1, is told what changed, and submits against its own version.
    const mine = await t.http.get(`/applications/${id}/answers`).auth(pi, bearer);
    expect(mine.body).toMatchObject({ formVersion: 1, latestVersion: 2, changes: [{ key: 'linked_grants', change: 'added' }] });
    const complete = await t.http
      .put(`/applications/${id}/answers`)
      .auth(pi, bearer)
      .set('if-match', String(mine.headers['etag']))
      .send({ answers: { proposal: { plan_summary: 'Exchange of students', young_researchers: 4 } } });
    expect(complete.status, complete.text).toBe(200);
    const submitted = await t.http.post(`/applications/${id}/submit`).auth(pi, bearer);
    expect(submitted.status, submitted.text).toBe(200);
    const [row] = await t.dataSource.query<{ parts: { answers: unknown } }[]>(
      `SELECT parts FROM application_submissions WHERE application_id = $1`,
      [id],
    );
    expect(row!.parts.answers).toEqual({
      formVersion: 1,
      answers: { proposal: { plan_summary: 'Exchange of students', young_researchers: 4 } },
    });

    // Reviewers read the answers meant for them, never the office-only ones; offices read all.
    const [assignment] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO review_assignments (application_id, reviewer_id, agency_id, status, assigned_at)
       VALUES ($1, (SELECT id FROM users WHERE email = 'reviewer.kyoto@example.org'), (SELECT agency_id FROM application_sides WHERE application_id = $1 LIMIT 1), 'accepted', $2)
       RETURNING id`,
      [id, NOW],
    );
    expect(assignment).toBeDefined();
    const reviewer = await t.login('reviewer.kyoto@example.org', DEMO_PASSWORD);
    const forReviewer = await t.http.get(`/applications/${id}/submitted-answers`).auth(reviewer, bearer);
    expect(forReviewer.status, forReviewer.text).toBe(200);
    expect(forReviewer.body.answers).toEqual({ proposal: { plan_summary: 'Exchange of students' }, sides: {} });
    expect(forReviewer.body.questions.map((q: { key: string }) => q.key)).toEqual(['plan_summary']);
    const office = await t.login('ura.utokyo@example.org', DEMO_PASSWORD);
    const forOffice = await t.http.get(`/applications/${id}/submitted-answers`).auth(office, bearer);
    expect(forOffice.body.answers).toEqual({ proposal: { plan_summary: 'Exchange of students', young_researchers: 4 }, sides: {} });
    const outsider = await t.login('ura.osaka@example.org', DEMO_PASSWORD);
    expect((await t.http.get(`/applications/${id}/submitted-answers`).auth(outsider, bearer)).status).toBe(404);

    // A draft begun now answers version 2.
    const { id: later } = await completeDraft(t.http, t.dataSource, pi, { callId, trackId });
    const fresh = await t.http
      .put(`/applications/${later}/answers`)
      .auth(pi, bearer)
      .set('if-match', '"0"')
      .send({ answers: { proposal: { linked_grants: 'JP-123' } } });
    expect(fresh.status, fresh.text).toBe(200);
    expect(fresh.body).toMatchObject({ formVersion: 2, latestVersion: 2, changes: [] });
  });

  it('saves answers only on the version read: two co-PIs from one version, the later gets 409 and loses nothing of the earlier', async () => {
    pi = await t.login('pi.utokyo@example.org', DEMO_PASSWORD);
    const draft = await completeDraft(t.http, t.dataSource, pi, { callId, trackId });
    const [osaka] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM users WHERE email = 'pi.osaka@example.org'`);
    const member = await t.http
      .post(`/applications/${draft.id}/members`)
      .auth(pi, bearer)
      .set('if-match', `"${draft.version}"`)
      .send({ userId: osaka!.id, name: 'Takeshi Yamamoto', role: 'co_pi', institutionId: org('OSAKA'), country: 'JP' });
    expect(member.status, member.text).toBe(201);
    const coPi = await t.login('pi.osaka@example.org', DEMO_PASSWORD);
    const path = `/applications/${draft.id}/answers`;
    const read = (token: string) => t.http.get(path).auth(token, bearer);
    const save = (token: string, ifMatch: string | undefined, answers: Record<string, unknown>) => {
      const request = t.http.put(path).auth(token, bearer);
      return (ifMatch === undefined ? request : request.set('if-match', ifMatch)).send({ answers });
    };

    // A fresh application's answers start at version 0, sent as their ETag.
    const before = await read(pi);
    expect([before.status, before.body.version, before.headers['etag'], before.body.answers]).toEqual([200, 0, '"0"', {}]);
    expect((await read(coPi)).headers['etag']).toBe('"0"');

    // Without If-Match nothing is saved: 428, as for the draft itself.
    const unconditional = await save(pi, undefined, { proposal: { plan_summary: 'Anything' } });
    expect([unconditional.status, unconditional.body.code]).toEqual([428, 'PRECONDITION_REQUIRED']);
    // A version the answers never had is refused before anything is inserted.
    const ahead = await save(pi, '"4"', { proposal: { plan_summary: 'Anything' } });
    expect([ahead.status, ahead.body.code, ahead.body.currentVersion]).toEqual([409, 'VERSION_MISMATCH', 0]);
    expect((await read(pi)).body).toMatchObject({ version: 0, answers: {} });

    // Both read version 0; the PI saves first.
    const first = await save(pi, '"0"', { proposal: { plan_summary: 'Exchange of students' } });
    expect([first.status, first.body.version, first.headers['etag']]).toEqual([200, 1, '"1"']);
    // The co-PI's save from version 0 is stale: 409 with the current version, and the PI's answer stands.
    const stale = await save(coPi, '"0"', { proposal: { young_researchers: 3 } });
    expect([stale.status, stale.body.code, stale.body.currentVersion]).toEqual([409, 'VERSION_MISMATCH', 1]);
    const now = await read(coPi);
    expect(now.body).toMatchObject({ version: 1, answers: { proposal: { plan_summary: 'Exchange of students' } } });

    // Read again and merged, the co-PI's save keeps both answers and bumps the version.
    const merged = await save(coPi, now.headers['etag'], { proposal: { ...now.body.answers.proposal, young_researchers: 3 } });
    expect([merged.status, merged.body.version]).toEqual([200, 2]);
    expect(merged.body.answers).toEqual({ proposal: { plan_summary: 'Exchange of students', young_researchers: 3 } });

    // Sent at the same moment from the same version, exactly one save wins; the other is told the winner's version.
    const racing = await Promise.all([
      save(pi, '"2"', { proposal: { plan_summary: 'Exchange of students', young_researchers: 3, linked_grants: 'JP-1' } }),
      save(coPi, '"2"', { proposal: { plan_summary: 'Exchange of students', young_researchers: 4 } }),
    ]);
    expect(racing.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = racing.find((r) => r.status === 200)!;
    const loser = racing.find((r) => r.status === 409)!;
    expect([winner.body.version, loser.body.currentVersion]).toEqual([3, 3]);
    expect((await read(pi)).body).toMatchObject({ version: 3, answers: winner.body.answers });

    // A bad If-Match is refused; * overwrites whatever version is there, and still counts as a save.
    const garbled = await save(pi, 'version 3', { proposal: {} });
    expect([garbled.status, garbled.body.code]).toEqual([400, 'INVALID_IF_MATCH']);
    const overwrite = await save(pi, '*', { proposal: { plan_summary: 'Start again' } });
    expect([overwrite.status, overwrite.body.version, overwrite.body.answers]).toEqual([
      200,
      4,
      { proposal: { plan_summary: 'Start again' } },
    ]);
    const [row] = await t.dataSource.query<{ version: number }[]>(`SELECT version FROM application_answers WHERE application_id = $1`, [
      draft.id,
    ]);
    expect(row!.version).toBe(4);

    // The answers' own checks still come first: an invalid answer on the current version is refused and bumps nothing.
    const invalid = await save(coPi, '"4"', { proposal: { young_researchers: 'many' } });
    expect(invalid.status).toBe(400);
    expect((await read(pi)).body.version).toBe(4);
  });
});
