import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeeds } from '../seeds/index.js';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { jointCallBody, org } from './support/call-fixtures.js';
import { copiesOutOfStep } from './support/copies.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const bearer = { type: 'bearer' } as const;
const USERS = ['pi.utokyo', 'ura.utokyo', 'officer.jst', 'officer.nsf', 'reviewer.kyoto', 'reviewer.osaka', 'reviewer.tohoku'];

describe('reviews', () => {
  let t: TestApp;
  let callId: string;
  let trackId: string;
  let criteria: { id: string }[];
  const tokens: Record<string, string> = {};
  const as = (who: string) => tokens[who]!;
  const ids: Record<string, string> = {};
  const login = async () => {
    for (const who of USERS) tokens[who] = await t.login(`${who}@example.org`, DEMO_PASSWORD);
  };

  async function submittedApplication(withOsakaMember: boolean): Promise<string> {
    const created = await t.http
      .post('/applications')
      .auth(as('pi.utokyo'), bearer)
      .send({
        callId,
        trackId,
        title: withOsakaMember ? '大阪と共同の量子研究' : '量子通信の日米研究',
        abstract: 'Abstract',
        fieldCode: 'quantum',
        durationMonths: 36,
      });
    const id = created.body.id as string;
    const steps = [
      t.http.patch(`/applications/${id}/sides/${org('JST')}`).send({ budgetPerYear: [10_000_000], budgetCurrency: 'JPY' }),
      t.http.patch(`/applications/${id}/sides/${org('NSF')}`).send({
        piName: 'Emily Carter',
        piEmail: 'emily@mit.example',
        institutionId: org('MIT'),
        budgetPerYear: [100_000],
        budgetCurrency: 'USD',
      }),
      ...(withOsakaMember
        ? [
            t.http
              .post(`/applications/${id}/members`)
              .send({ name: 'Osaka Colleague', role: 'co_investigator', institutionId: org('OSAKA'), country: 'JP' }),
          ]
        : []),
    ];
    for (const step of steps) expect((await step.auth(as('pi.utokyo'), bearer)).status).toBeLessThan(300);
    expect((await t.http.post(`/applications/${id}/submit`).auth(as('pi.utokyo'), bearer)).status).toBe(200);
    const approved = await t.http
      .post(`/applications/${id}/sides/${org('JST')}/approve`)
      .auth(as('ura.utokyo'), bearer)
      .send({ exportControlScreened: true, disclosuresReceived: true });
    expect(approved.status, approved.text).toBe(200);
    for (const [officer, agency] of [
      ['officer.jst', 'JST'],
      ['officer.nsf', 'NSF'],
    ] as const) {
      const eligible = await t.http
        .post(`/applications/${id}/sides/${org(agency)}/eligibility`)
        .auth(as(officer), bearer)
        .send({ eligible: true, reason: 'Meets the call rules' });
      expect(eligible.status, eligible.text).toBe(200);
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
    t.clock.set('2027-02-01T00:00:00Z');
    await login();
    for (const reviewer of ['reviewer.kyoto', 'reviewer.osaka', 'reviewer.tohoku']) {
      expect(
        (await t.http.post(`/calls/${callId}/reviewers`).auth(as('officer.jst'), bearer).send({ reviewerId: ids[reviewer] })).status,
      ).toBe(201);
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
    const outOfScale = await t.http
      .put(`/assignments/${assignment['reviewer.kyoto']}/review`)
      .auth(as('reviewer.kyoto'), bearer)
      .send({ scores: { [excellence!]: 6 } });
    expect(outOfScale.status).toBe(400);
    expect(outOfScale.body.errors[0].field).toBe(`scores.${excellence}`);
    await t.http
      .put(`/assignments/${assignment['reviewer.kyoto']}/review`)
      .auth(as('reviewer.kyoto'), bearer)
      .send({ scores: { [excellence!]: 4 }, comment: 'Strong team.' });
    const incomplete = await t.http.post(`/assignments/${assignment['reviewer.kyoto']}/review/submit`).auth(as('reviewer.kyoto'), bearer);
    expect(incomplete.status).toBe(422);
    expect(incomplete.body).toMatchObject({ code: 'REVIEW_INCOMPLETE', errors: [{ field: `scores.${synergy}` }] });
    await t.http
      .put(`/assignments/${assignment['reviewer.kyoto']}/review`)
      .auth(as('reviewer.kyoto'), bearer)
      .send({ scores: { [excellence!]: 4, [synergy!]: 5 }, comment: 'Strong team.' });
    expect(
      (await t.http.post(`/assignments/${assignment['reviewer.kyoto']}/review/submit`).auth(as('reviewer.kyoto'), bearer)).status,
    ).toBe(200);
    expect(
      (await t.http.put(`/assignments/${assignment['reviewer.kyoto']}/review`).auth(as('reviewer.kyoto'), bearer).send({ scores: {} }))
        .status,
    ).toBe(422);

    t.clock.advance(60_000);
    const early = await t.http.get(`/applications/${id}/reviews`).auth(as('reviewer.tohoku'), bearer);
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('SUBMIT_YOUR_REVIEW_FIRST');
    await t.http
      .put(`/assignments/${assignment['reviewer.tohoku']}/review`)
      .auth(as('reviewer.tohoku'), bearer)
      .send({ scores: { [excellence!]: 3, [synergy!]: 3 }, comment: 'Feasible.' });
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
    const split = await submittedApplication(false);
    const both = await submittedApplication(false);
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
    t.clock.set('2027-09-02T00:00:00Z');
    await login();
    const after = await t.http.get(`/applications/${both}/outcome`).auth(as('pi.utokyo'), bearer);
    expect(after.body.outcome).toBe('funded');
    t.clock.set('2027-02-01T00:00:00Z');
    await login();
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
