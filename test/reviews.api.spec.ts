import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeeds } from '../seeds/index.js';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { JST_LEAD_NSF_PARTNER, jointCallBody, org, publishedCall } from './support/call-fixtures.js';
import { copiesOutOfStep } from './support/copies.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const bearer = { type: 'bearer' } as const;
const USERS = ['pi.utokyo', 'ura.utokyo', 'officer.jst', 'officer.nsf', 'reviewer.kyoto', 'reviewer.osaka', 'reviewer.tohoku'];
/** The calls are open: JST's deadline is 2027-03-31 12:00 Tokyo (03:00Z), NSF's 2027-04-15 17:00 New York (21:00Z). */
const OPEN = '2027-02-01T00:00:00Z';
/** JST's deadline has passed, NSF's has not. */
const BETWEEN_DEADLINES = '2027-04-01T00:00:00Z';
/** Both deadlines have passed: both agencies review. */
const IN_REVIEW = '2027-04-16T00:00:00Z';

describe('reviews', () => {
  let t: TestApp;
  let callId: string;
  let trackId: string;
  let criteria: { id: string }[];
  let coFundingCallId: string;
  let coFundingTrackId: string;
  /** A joint call whose NSF entry lets NSF review a side once it can no longer change. */
  let earlyCallId: string;
  let earlyTrackId: string;
  let nsfReviewer: string;
  const tokens: Record<string, string> = {};
  const as = (who: string) => tokens[who]!;
  const ids: Record<string, string> = {};
  const login = async () => {
    for (const who of USERS) tokens[who] = await t.login(`${who}@example.org`, DEMO_PASSWORD);
  };
  /** Access tokens signed in at each instant the tests move the clock to (they last 15 minutes of that clock). */
  const sessions = new Map<string, Record<string, string>>();
  const at = async (instant: string) => {
    t.clock.set(instant);
    if (!sessions.has(instant)) {
      await login();
      sessions.set(instant, { ...tokens });
    }
    Object.assign(tokens, sessions.get(instant));
  };

  /** Submitted while the call is open (JST's side approved by its office, NSF's needs none); the clock is left at OPEN. */
  async function submitted(withOsakaMember: boolean, call = { callId: () => callId, trackId: () => trackId }): Promise<string> {
    await at(OPEN);
    const created = await t.http
      .post('/applications')
      .auth(as('pi.utokyo'), bearer)
      .send({
        callId: call.callId(),
        trackId: call.trackId(),
        title: withOsakaMember ? '大阪と共同の量子研究' : '量子通信の日米研究',
        abstract: 'Abstract',
        fieldCode: 'quantum',
        durationMonths: 36,
      });
    const id = created.body.id as string;
    const steps = [
      () => t.http.patch(`/applications/${id}/sides/${org('JST')}`).send({ budgetPerYear: [10_000_000], budgetCurrency: 'JPY' }),
      () =>
        t.http.patch(`/applications/${id}/sides/${org('NSF')}`).send({
          piName: 'Emily Carter',
          piEmail: 'emily@mit.example',
          institutionId: org('MIT'),
          budgetPerYear: [100_000],
          budgetCurrency: 'USD',
        }),
      ...(withOsakaMember
        ? [
            () =>
              t.http
                .post(`/applications/${id}/members`)
                .send({ name: 'Osaka Colleague', role: 'co_investigator', institutionId: org('OSAKA'), country: 'JP' }),
          ]
        : []),
    ];
    let etag = created.headers['etag'] as string;
    for (const step of steps) {
      const response = await step().auth(as('pi.utokyo'), bearer).set('if-match', etag);
      expect(response.status, response.text).toBeLessThan(300);
      etag = response.headers['etag'] as string;
    }
    expect((await t.http.post(`/applications/${id}/submit`).auth(as('pi.utokyo'), bearer)).status).toBe(200);
    const approved = await t.http
      .post(`/applications/${id}/sides/${org('JST')}/approve`)
      .auth(as('ura.utokyo'), bearer)
      .send({ exportControlScreened: true, disclosuresReceived: true });
    expect(approved.status, approved.text).toBe(200);
    return id;
  }

  /** A reviewer's save, conditional on the version of their review they last read. */
  const saveReview = async (assignmentId: string, reviewer: string, body: object) => {
    const read = await t.http.get(`/assignments/${assignmentId}/application`).auth(as(reviewer), bearer);
    expect(read.status, read.text).toBe(200);
    return t.http
      .put(`/assignments/${assignmentId}/review`)
      .auth(as(reviewer), bearer)
      .set('if-match', `"${read.body.review.version as number}"`)
      .send(body);
  };

  const eligibility = (id: string, officer: string, agency: string) =>
    t.http
      .post(`/applications/${id}/sides/${org(agency)}/eligibility`)
      .auth(as(officer), bearer)
      .send({ eligible: true, reason: 'Meets the call rules' });

  /** Submitted while the call is open, then found eligible by both agencies once their deadlines have passed (the clock is left at IN_REVIEW). */
  async function submittedApplication(withOsakaMember: boolean, call?: Parameters<typeof submitted>[1]): Promise<string> {
    const id = await submitted(withOsakaMember, call);
    await at(IN_REVIEW);
    for (const [officer, agency] of [
      ['officer.jst', 'JST'],
      ['officer.nsf', 'NSF'],
    ] as const) {
      const eligible = await eligibility(id, officer, agency);
      expect(eligible.status, eligible.text).toBe(200);
    }
    return id;
  }

  /** Each agency assigns a reviewer of its pool to its side: both sides go under review. */
  async function underReview(id: string): Promise<string> {
    for (const [officer, reviewer] of [
      ['officer.jst', ids['reviewer.kyoto']],
      ['officer.nsf', nsfReviewer],
    ] as const) {
      const assigned = await t.http.post(`/applications/${id}/assignments`).auth(as(officer), bearer).send({ reviewerId: reviewer });
      expect(assigned.status, assigned.text).toBe(201);
    }
    return id;
  }

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-12-10T00:00:00Z' });
    await runSeeds(t.dataSource);
    await login();
    for (const who of USERS) {
      const [row] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM users WHERE email = $1`, [`${who}@example.org`]);
      ids[who] = row!.id;
    }
    const [program] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM programs WHERE code = 'SICORP'`);
    const call = await t.http
      .post('/calls')
      .auth(as('officer.jst'), bearer)
      .send(
        jointCallBody(program!.id, {
          agencies: [
            { agencyId: org('JST'), role: 'lead', deadline: '2027-03-31T12:00' },
            { agencyId: org('NSF'), role: 'partner', deadline: '2027-04-15T17:00', institutionApprovalRequired: false },
          ],
          criteria: [
            { nameJa: '卓越性', nameEn: 'Excellence', scaleMin: 1, scaleMax: 5, weight: 0.6, threshold: 3 },
            { nameJa: '相乗効果', nameEn: 'Synergy', scaleMin: 1, scaleMax: 5, weight: 0.4, threshold: null },
          ],
        }),
      );
    callId = call.body.id;
    trackId = call.body.tracks[0].id;
    criteria = call.body.criteria;
    await t.http.post(`/calls/${callId}/publish`).auth(as('officer.jst'), bearer);
    const coFunding = await publishedCall(t.http, t.dataSource, as('officer.jst'), {
      mode: 'co_funding',
      titleEn: 'Japan-US co-funding 2027',
      agencies: JST_LEAD_NSF_PARTNER,
    });
    coFundingCallId = coFunding.callId;
    coFundingTrackId = coFunding.trackIds['top']!;
    const early = await publishedCall(t.http, t.dataSource, as('officer.jst'), {
      titleEn: 'Japan-US joint call 2027, NSF reviewing early',
      agencies: [JST_LEAD_NSF_PARTNER[0], { ...JST_LEAD_NSF_PARTNER[1], reviewOnceFinal: true }],
    });
    earlyCallId = early.callId;
    earlyTrackId = early.trackIds['top']!;
    nsfReviewer = (await t.given.user({ roles: ['reviewer'], organisationId: org('SORBONNE'), name: 'NSF Panelist' })).id;
    await at(OPEN);
    for (const reviewer of ['reviewer.kyoto', 'reviewer.osaka', 'reviewer.tohoku']) {
      expect(
        (await t.http.post(`/calls/${callId}/reviewers`).auth(as('officer.jst'), bearer).send({ reviewerId: ids[reviewer] })).status,
      ).toBe(201);
      expect(
        (await t.http.post(`/calls/${coFundingCallId}/reviewers`).auth(as('officer.jst'), bearer).send({ reviewerId: ids[reviewer] }))
          .status,
      ).toBe(201);
    }
    for (const pool of [callId, coFundingCallId, earlyCallId]) {
      const added = await t.http.post(`/calls/${pool}/reviewers`).auth(as('officer.nsf'), bearer).send({ reviewerId: nsfReviewer });
      expect(added.status, added.text).toBe(201);
    }
  });
  afterAll(() => t.close());

  it('refuses to assign a conflicted reviewer (422), who also gets 404 on the application', async () => {
    const id = await submittedApplication(true);
    const refused = await t.http
      .post(`/applications/${id}/assignments`)
      .auth(as('officer.jst'), bearer)
      .send({ reviewerId: ids['reviewer.osaka'] });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('CONFLICT_OF_INTEREST');
    expect((await t.http.get(`/applications/${id}`).auth(as('reviewer.osaka'), bearer)).status).toBe(404);
    const assigned = await t.http
      .post(`/applications/${id}/assignments`)
      .auth(as('officer.jst'), bearer)
      .send({ reviewerId: ids['reviewer.kyoto'] });
    expect(assigned.status, assigned.text).toBe(201);
  });

  it('shows a reviewer the others’ reviews only after submitting their own, without identities; scores are checked', async () => {
    const id = await submittedApplication(false);
    const assignment: Record<string, string> = {};
    for (const reviewer of ['reviewer.kyoto', 'reviewer.tohoku']) {
      const made = await t.http.post(`/applications/${id}/assignments`).auth(as('officer.jst'), bearer).send({ reviewerId: ids[reviewer] });
      assignment[reviewer] = made.body.assignmentId;
      expect((await t.http.get(`/assignments/${assignment[reviewer]}/application`).auth(as(reviewer), bearer)).status).toBe(404);
      expect(
        (await t.http.post(`/assignments/${assignment[reviewer]}/accept`).auth(as(reviewer), bearer).send({ noConflict: true })).status,
      ).toBe(200);
    }
    const [excellence, synergy] = criteria.map((c) => c.id);
    const outOfScale = await saveReview(assignment['reviewer.kyoto']!, 'reviewer.kyoto', { scores: { [excellence!]: 6 } });
    expect(outOfScale.status).toBe(400);
    expect(outOfScale.body.errors[0].field).toBe(`scores.${excellence}`);
    await saveReview(assignment['reviewer.kyoto']!, 'reviewer.kyoto', { scores: { [excellence!]: 4 }, comment: 'Strong team.' });
    const incomplete = await t.http.post(`/assignments/${assignment['reviewer.kyoto']}/review/submit`).auth(as('reviewer.kyoto'), bearer);
    expect(incomplete.status).toBe(422);
    expect(incomplete.body).toMatchObject({ code: 'REVIEW_INCOMPLETE', errors: [{ field: `scores.${synergy}` }] });
    await saveReview(assignment['reviewer.kyoto']!, 'reviewer.kyoto', {
      scores: { [excellence!]: 4, [synergy!]: 5 },
      comment: 'Strong team.',
    });
    expect(
      (await t.http.post(`/assignments/${assignment['reviewer.kyoto']}/review/submit`).auth(as('reviewer.kyoto'), bearer)).status,
    ).toBe(200);
    expect((await saveReview(assignment['reviewer.kyoto']!, 'reviewer.kyoto', { scores: {} })).status).toBe(422);

    t.clock.advance(60_000);
    const early = await t.http.get(`/applications/${id}/reviews`).auth(as('reviewer.tohoku'), bearer);
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('SUBMIT_YOUR_REVIEW_FIRST');
    await saveReview(assignment['reviewer.tohoku']!, 'reviewer.tohoku', {
      scores: { [excellence!]: 3, [synergy!]: 3 },
      comment: 'Feasible.',
    });
    await t.http.post(`/assignments/${assignment['reviewer.tohoku']}/review/submit`).auth(as('reviewer.tohoku'), bearer);
    const seen = await t.http.get(`/applications/${id}/reviews`).auth(as('reviewer.tohoku'), bearer);
    expect(seen.status).toBe(200);
    expect(seen.body).toEqual([
      { reviewer: 'Reviewer 1', scores: { [excellence!]: 4, [synergy!]: 5 }, comment: 'Strong team.', submittedAt: expect.any(String) },
      { reviewer: 'you', scores: { [excellence!]: 3, [synergy!]: 3 }, comment: 'Feasible.', submittedAt: expect.any(String) },
    ]);
    expect(seen.text).not.toContain(ids['reviewer.kyoto']);
    expect(seen.text).not.toMatch(/Kobayashi|reviewer\.kyoto/);

    const ranking = await t.http.get(`/calls/${callId}/ranking`).auth(as('officer.jst'), bearer);
    const entry = ranking.body.items.find((r: { applicationId: string }) => r.applicationId === id);
    expect(entry).toMatchObject({ criterionMeans: [3.5, 4], fundable: true, missingReviews: 0 });
    expect(entry.weightedMean).toBeCloseTo(0.6 * 3.5 + 0.4 * 4);
  });

  it('joint call: funded only when both agencies fund; applicants see the outcome after the decision date', async () => {
    const split = await underReview(await submittedApplication(false));
    const both = await underReview(await submittedApplication(false));
    const decide = (id: string, officer: string, agency: string, decision: 'yes' | 'no') =>
      t.http
        .post(`/applications/${id}/sides/${org(agency)}/decision`)
        .auth(as(officer), bearer)
        .send({ decision });
    expect((await decide(split, 'officer.jst', 'JST', 'yes')).body.outcome).toBe('pending');
    expect((await decide(split, 'officer.nsf', 'NSF', 'no')).body.outcome).toBe('not_funded');
    await decide(both, 'officer.jst', 'JST', 'yes');
    expect((await decide(both, 'officer.nsf', 'NSF', 'yes')).body.outcome).toBe('funded');
    expect((await decide(both, 'officer.nsf', 'JST', 'yes')).status).toBe(403);
    expect(await copiesOutOfStep(t.dataSource)).toEqual({ officeStatus: 0, decisionInstitution: 0 });

    const before = await t.http.get(`/applications/${both}/outcome`).auth(as('pi.utokyo'), bearer);
    expect(before.body.outcome).toBe('pending');
    await at('2027-09-02T00:00:00Z');
    const after = await t.http.get(`/applications/${both}/outcome`).auth(as('pi.utokyo'), bearer);
    expect(after.body.outcome).toBe('funded');
    await at(IN_REVIEW);
  });

  it("reviews a side only after its agency's deadline, named in the agency's zone and in UTC, and decides it only under review", async () => {
    const id = await submitted(false);
    const refusedAtOpen = await eligibility(id, 'officer.jst', 'JST');
    expect(refusedAtOpen.status).toBe(422);
    expect(refusedAtOpen.body).toMatchObject({
      code: 'DEADLINE_NOT_PASSED',
      agencyId: org('JST'),
      reviewOpensAt: '2027-03-31T03:00:00.000Z',
    });
    expect(refusedAtOpen.body.detail).toBe(
      'JST reviews its side after its deadline: 2027-03-31 12:00 UTC+09:00 (Asia/Tokyo), 2027-03-31T03:00:00Z.',
    );
    const autoAtOpen = await t.http
      .post(`/calls/${callId}/auto-assign`)
      .auth(as('officer.jst'), bearer)
      .send({ perApplication: 1, loadCap: 5 });
    expect(autoAtOpen.status).toBe(422);
    expect(autoAtOpen.body.code).toBe('DEADLINE_NOT_PASSED');

    await at(BETWEEN_DEADLINES);
    const nsfRefused = await eligibility(id, 'officer.nsf', 'NSF');
    expect(nsfRefused.status).toBe(422);
    expect(nsfRefused.body).toMatchObject({ code: 'DEADLINE_NOT_PASSED', agencyId: org('NSF') });
    expect(nsfRefused.body.detail).toBe(
      'NSF reviews its side after its deadline: 2027-04-15 17:00 UTC-04:00 (America/New_York), 2027-04-15T21:00:00Z.',
    );
    const decide = (officer: string, agency: string) =>
      t.http
        .post(`/applications/${id}/sides/${org(agency)}/decision`)
        .auth(as(officer), bearer)
        .send({ decision: 'yes' });
    for (const refused of [
      await t.http.post(`/applications/${id}/assignments`).auth(as('officer.nsf'), bearer).send({ reviewerId: nsfReviewer }),
      await t.http.post(`/calls/${callId}/auto-assign`).auth(as('officer.nsf'), bearer).send({ perApplication: 1, loadCap: 5 }),
      await decide('officer.nsf', 'NSF'),
    ]) {
      expect(refused.status, refused.text).toBe(422);
      expect(refused.body.code).toBe('DEADLINE_NOT_PASSED');
    }

    // JST's deadline has passed: JST checks its side, but decides it only once reviewers are on it.
    expect((await eligibility(id, 'officer.jst', 'JST')).status).toBe(200);
    const notReviewed = await decide('officer.jst', 'JST');
    expect(notReviewed.status).toBe(422);
    expect(notReviewed.body.code).toBe('REVIEW_NOT_STARTED');
    const assigned = await t.http
      .post(`/applications/${id}/assignments`)
      .auth(as('officer.jst'), bearer)
      .send({ reviewerId: ids['reviewer.kyoto'] });
    expect(assigned.status, assigned.text).toBe(201);
    const started = await t.dataSource.query<{ agency_id: string; from_status: string; to_status: string }[]>(
      `SELECT agency_id, from_status, to_status FROM application_events WHERE application_id = $1 AND action = 'application.review_started'`,
      [id],
    );
    expect(started).toEqual([{ agency_id: org('JST'), from_status: 'eligible', to_status: 'under_review' }]);
    expect((await decide('officer.jst', 'JST')).status).toBe(200);

    // An assignment on NSF's side while its deadline is still ahead (written directly: the API makes none):
    // its reviewer can neither accept it nor write a review before NSF's deadline.
    const [early] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO review_assignments (application_id, reviewer_id, agency_id, status, assigned_at) VALUES ($1, $2, $3, 'assigned', $4) RETURNING id`,
      [id, ids['reviewer.tohoku'], org('NSF'), BETWEEN_DEADLINES],
    );
    const accepted = await t.http.post(`/assignments/${early!.id}/accept`).auth(as('reviewer.tohoku'), bearer).send({ noConflict: true });
    expect(accepted.status).toBe(422);
    expect(accepted.body.code).toBe('DEADLINE_NOT_PASSED');
    await t.dataSource.query(`UPDATE review_assignments SET status = 'accepted' WHERE id = $1`, [early!.id]);
    const [excellence, synergy] = criteria.map((c) => c.id);
    const saved = await t.http
      .put(`/assignments/${early!.id}/review`)
      .auth(as('reviewer.tohoku'), bearer)
      .set('if-match', '*')
      .send({ scores: { [excellence!]: 4, [synergy!]: 4 } });
    expect(saved.status).toBe(422);
    expect(saved.body.code).toBe('DEADLINE_NOT_PASSED');
    const sent = await t.http.post(`/assignments/${early!.id}/review/submit`).auth(as('reviewer.tohoku'), bearer);
    expect(sent.status).toBe(422);
    expect(sent.body.code).toBe('DEADLINE_NOT_PASSED');
    await at(IN_REVIEW);
  });

  it("lets an agency whose entry says so review a side once it can no longer change, after the call's first deadline", async () => {
    const entry = (await t.http.get(`/calls/${earlyCallId}`).auth(as('officer.nsf'), bearer)).body.agencies.find(
      (a: { agency: { id: string } }) => a.agency.id === org('NSF'),
    );
    expect(entry.reviewOnceFinal).toBe(true);
    const id = await submitted(false, { callId: () => earlyCallId, trackId: () => earlyTrackId });
    const refused = await eligibility(id, 'officer.nsf', 'NSF');
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'DEADLINE_NOT_PASSED', reviewOpensAt: '2027-03-31T03:00:00.000Z' });
    expect(refused.body.detail).toBe(
      "NSF reviews its side once the application can no longer change, after the call's first deadline, JST's: " +
        '2027-03-31 12:00 UTC+09:00 (Asia/Tokyo), 2027-03-31T03:00:00Z.',
    );

    // JST's deadline has passed: no application of the call can be reopened or submitted again.
    await at(BETWEEN_DEADLINES);
    expect((await eligibility(id, 'officer.nsf', 'NSF')).status).toBe(200);
    const assigned = await t.http.post(`/applications/${id}/assignments`).auth(as('officer.nsf'), bearer).send({ reviewerId: nsfReviewer });
    expect(assigned.status, assigned.text).toBe(201);
    const decided = await t.http
      .post(`/applications/${id}/sides/${org('NSF')}/decision`)
      .auth(as('officer.nsf'), bearer)
      .send({ decision: 'yes' });
    expect(decided.status, decided.text).toBe(200);
    await at(IN_REVIEW);
  });

  it('co-funding: funded by the lead alone when the partner declines, co-funded when it confirms; statistics count both funded', async () => {
    const coFunding = { callId: () => coFundingCallId, trackId: () => coFundingTrackId };
    const declined = await submittedApplication(false, coFunding);
    const confirmed = await submittedApplication(false, coFunding);
    const rejected = await submittedApplication(false, coFunding);
    const decide = (id: string, officer: string, agency: string, decision: 'yes' | 'no') =>
      t.http
        .post(`/applications/${id}/sides/${org(agency)}/decision`)
        .auth(as(officer), bearer)
        .send({ decision });
    for (const id of [declined, confirmed, rejected]) {
      const assigned = await t.http
        .post(`/applications/${id}/assignments`)
        .auth(as('officer.jst'), bearer)
        .send({ reviewerId: ids['reviewer.kyoto'] });
      expect(assigned.status, assigned.text).toBe(201);
    }
    // The partner confirms once the lead reviews: no reviewers of its own.
    expect((await decide(declined, 'officer.nsf', 'NSF', 'no')).body.outcome).toBe('pending');
    expect((await decide(declined, 'officer.jst', 'JST', 'yes')).body.outcome).toBe('funded_by_lead');
    expect((await decide(confirmed, 'officer.jst', 'JST', 'yes')).body.outcome).toBe('pending');
    expect((await decide(confirmed, 'officer.nsf', 'NSF', 'yes')).body.outcome).toBe('co_funded');
    expect((await decide(rejected, 'officer.jst', 'JST', 'no')).body.outcome).toBe('not_funded');

    const statistics = await t.http.get(`/calls/${coFundingCallId}/statistics`).auth(as('officer.jst'), bearer);
    expect(statistics.status, statistics.text).toBe(200);
    expect(statistics.body).toMatchObject({
      applications: 3,
      funded: 2,
      notFunded: 1,
      pending: 0,
      outcomeNames: { funded: ['co_funded', 'funded_by_lead'], notFunded: ['not_funded'] },
    });

    const document = (await t.http.get('/docs-json')).body as {
      paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }> } }>;
      components: { schemas: Record<string, { properties: Record<string, { enum?: string[] }> }> };
    };
    const ref = document.paths['/applications/{id}/outcome']!.get.responses['200']!.content['application/json']!.schema.$ref;
    expect(document.components.schemas[ref.split('/').pop()!]!.properties['outcome']!.enum).toEqual([
      'pending',
      'funded',
      'not_funded',
      'co_funded',
      'funded_by_lead',
      'linked',
      'not_linked',
    ]);
  });

  it('never shows applicants a reviewer’s id, name or e-mail', async () => {
    const id = await submittedApplication(false);
    const made = await t.http
      .post(`/applications/${id}/assignments`)
      .auth(as('officer.jst'), bearer)
      .send({ reviewerId: ids['reviewer.tohoku'] });
    await t.http.post(`/assignments/${made.body.assignmentId}/accept`).auth(as('reviewer.tohoku'), bearer).send({ noConflict: true });
    const responses = await Promise.all([
      t.http.get(`/applications/${id}`).auth(as('pi.utokyo'), bearer),
      t.http.get('/applications').auth(as('pi.utokyo'), bearer),
      t.http.get(`/applications/${id}/events`).auth(as('pi.utokyo'), bearer),
      t.http.get(`/applications/${id}/outcome`).auth(as('pi.utokyo'), bearer),
      t.http.get(`/applications/${id}/reviews`).auth(as('pi.utokyo'), bearer),
      t.http.get('/applications/export.csv').auth(as('ura.utokyo'), bearer),
    ]);
    for (const response of responses) {
      for (const reviewer of ['reviewer.kyoto', 'reviewer.osaka', 'reviewer.tohoku']) {
        expect(response.text).not.toContain(ids[reviewer]);
        expect(response.text).not.toContain(`${reviewer}@example.org`);
      }
      expect(response.text).not.toMatch(/Akira Kobayashi|Mei Inoue|Shota Kimura/);
    }
    expect(responses[4].status).toBe(403);
  });
});
