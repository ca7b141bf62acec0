import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScheduledNotices } from '#notifications';
import { runSeeds } from '../seeds/index.js';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { completeDraft, jointCallBody, org } from './support/call-fixtures.js';
import type { GivenUser } from './support/given.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const bearer = { type: 'bearer' } as const;
const USERS = ['pi.utokyo', 'pi.mit', 'ura.utokyo', 'officer.jst', 'officer.nsf'];
/** After every deadline and after the review starts (2027-05-01 09:00 Tokyo). */
const IN_REVIEW = '2027-05-02T00:00:00Z';

interface Outcome {
  outcome: string;
  sides: { agencyId: string; decision: 'yes' | 'no' | null }[];
}

/**
 * A JST-led call with NSF as partner and no decision date: its results reach the applicants when
 * JST's officer releases them. Two proposals reach both agencies, which review them after their
 * deadlines; a co-investigator with an account is on the team of each.
 */
describe('releasing the results of a call', () => {
  let t: TestApp;
  let callId: string;
  /** A call of the same program with a decision date and no proposals. */
  let datedCallId: string;
  let funded: string;
  let refused: string;
  let member: GivenUser;
  const reviewers: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const as = (who: string) => tokens[who]!;
  const login = async () => {
    for (const who of USERS) tokens[who] = await t.login(`${who}@example.org`, DEMO_PASSWORD);
    tokens['member'] = await t.login(member.email, member.password);
  };
  const at = async (instant: string) => {
    t.clock.set(instant);
    await login();
  };
  const release = (id: string, who = 'officer.jst') => t.http.post(`/calls/${id}/release-results`).auth(as(who), bearer);
  const decide = async (id: string, officer: string, agency: string, decision: 'yes' | 'no') => {
    const response = await t.http
      .post(`/applications/${id}/sides/${org(agency)}/decision`)
      .auth(as(officer), bearer)
      .send({ decision });
    expect(response.status, response.text).toBe(200);
  };
  const outcome = async (id: string, who: string): Promise<Outcome> => {
    const response = await t.http.get(`/applications/${id}/outcome`).auth(as(who), bearer);
    expect(response.status, response.text).toBe(200);
    return response.body as Outcome;
  };
  const decisionEvents = async (id: string, who: string) => {
    const response = await t.http.get(`/applications/${id}/events`).auth(as(who), bearer);
    expect(response.status, response.text).toBe(200);
    return (response.body as { action: string; comment: string | null }[]).filter((e) => e.action === 'application.decision');
  };
  const decisionNotices = async (who: string) => {
    const response = await t.http.get('/notifications').query({ limit: 100 }).auth(as(who), bearer);
    expect(response.status, response.text).toBe(200);
    return (response.body.items as { kind: string; subject: { id: string }; title: string }[])
      .filter((n) => n.kind === 'decision_published')
      .map((n) => `${n.subject.id === funded ? 'funded' : n.subject.id === refused ? 'refused' : n.subject.id}: ${n.title}`)
      .sort();
  };

  /** A complete proposal, submitted (to JST through the UTokyo office, straight to NSF), a team member with an account on it. */
  async function submitted(title: string): Promise<string> {
    const { id, version } = await completeDraft(t.http, t.dataSource, as('pi.utokyo'), {
      callId,
      trackId: (await t.http.get(`/calls/${callId}`).auth(as('pi.utokyo'), bearer)).body.tracks[0].id,
      title,
    });
    const added = await t.http
      .post(`/applications/${id}/members`)
      .auth(as('pi.utokyo'), bearer)
      .set('if-match', `"${version}"`)
      .send({ userId: member.id, name: 'Team Member', role: 'co_investigator', institutionId: org('UTOKYO'), country: 'JP' });
    expect(added.status, added.text).toBe(201);
    expect((await t.http.post(`/applications/${id}/submit`).auth(as('pi.utokyo'), bearer)).status).toBe(200);
    const approved = await t.http
      .post(`/applications/${id}/sides/${org('JST')}/approve`)
      .auth(as('ura.utokyo'), bearer)
      .send({ exportControlScreened: true, disclosuresReceived: true });
    expect(approved.status, approved.text).toBe(200);
    return id;
  }

  /** Each agency, its deadline passed, finds its side eligible and puts a reviewer of its pool on it. */
  async function underReview(id: string): Promise<void> {
    for (const [officer, agency, reviewer] of [
      ['officer.jst', 'JST', 'reviewer.kyoto'],
      ['officer.nsf', 'NSF', 'reviewer.tohoku'],
    ] as const) {
      const eligible = await t.http
        .post(`/applications/${id}/sides/${org(agency)}/eligibility`)
        .auth(as(officer), bearer)
        .send({ eligible: true, reason: 'Meets the call rules' });
      expect(eligible.status, eligible.text).toBe(200);
      const assigned = await t.http
        .post(`/applications/${id}/assignments`)
        .auth(as(officer), bearer)
        .send({ reviewerId: reviewers[reviewer] });
      expect(assigned.status, assigned.text).toBe(201);
    }
  }

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-12-10T00:00:00Z' });
    await runSeeds(t.dataSource);
    member = await t.given.user({ roles: ['researcher'], organisationId: org('UTOKYO'), name: 'Team Member' });
    for (const reviewer of ['reviewer.kyoto', 'reviewer.tohoku']) {
      const [row] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM users WHERE email = $1`, [`${reviewer}@example.org`]);
      reviewers[reviewer] = row!.id;
    }
    await login();
    const [program] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM programs WHERE code = 'SICORP'`);
    const agencies = [
      { agencyId: org('JST'), role: 'lead', deadline: '2027-03-31T12:00' },
      { agencyId: org('NSF'), role: 'partner', deadline: '2027-04-15T17:00', institutionApprovalRequired: false },
    ];
    for (const decisionAt of [null, '2027-09-01T09:00']) {
      const created = await t.http
        .post('/calls')
        .auth(as('officer.jst'), bearer)
        .send(jointCallBody(program!.id, { agencies, decisionAt }));
      expect(created.status, created.text).toBe(201);
      expect((await t.http.post(`/calls/${created.body.id}/publish`).auth(as('officer.jst'), bearer)).status).toBe(200);
      if (decisionAt === null) callId = created.body.id;
      else datedCallId = created.body.id;
    }
    await at('2027-02-01T00:00:00Z');
    funded = await submitted('Funded by both agencies');
    refused = await submitted('Refused by NSF');
  });
  afterAll(() => t.close());

  it("is the lead agency's officers' to do, and not before the review has begun", async () => {
    const early = await release(callId);
    expect(early.status, early.text).toBe(422);
    expect(early.body.code).toBe('REVIEW_NOT_STARTED');
    const partner = await release(callId, 'officer.nsf');
    expect(partner.status).toBe(403);
    expect(partner.body.code).toBe('LEAD_AGENCY_ONLY');
    expect((await release(callId, 'pi.utokyo')).status).toBe(403);
    expect((await t.http.get(`/calls/${callId}`).auth(as('pi.utokyo'), bearer)).body.timeline.resultsReleasedAt).toBeNull();
  });

  it('waits until every side that reached its agency is decided; there must be something to release', async () => {
    await at(IN_REVIEW);
    const nothingReceived = await release(datedCallId);
    expect(nothingReceived.status, nothingReceived.text).toBe(422);
    expect(nothingReceived.body.code).toBe('NOTHING_DECIDED');
    const received = await release(callId);
    expect(received.status, received.text).toBe(422);
    expect(received.body).toMatchObject({ code: 'DECISIONS_PENDING', detail: expect.stringContaining('(JST: 2, NSF: 2)') });

    for (const [officer, reviewer] of [
      ['officer.jst', 'reviewer.kyoto'],
      ['officer.nsf', 'reviewer.tohoku'],
    ] as const) {
      const pooled = await t.http.post(`/calls/${callId}/reviewers`).auth(as(officer), bearer).send({ reviewerId: reviewers[reviewer] });
      expect(pooled.status, pooled.text).toBe(201);
    }
    await underReview(funded);
    await underReview(refused);

    await decide(funded, 'officer.jst', 'JST', 'yes');
    await decide(funded, 'officer.nsf', 'NSF', 'yes');
    await decide(refused, 'officer.jst', 'JST', 'yes');
    const pending = await release(callId);
    expect(pending.status, pending.text).toBe(422);
    expect(pending.body).toMatchObject({ code: 'DECISIONS_PENDING', detail: expect.stringContaining('NSF: 1') });

    // Until the release, applicants see neither the decisions nor the outcome, anywhere (the log says a decision was
    // made, not which); the officers see them.
    expect(await outcome(funded, 'pi.utokyo')).toMatchObject({ outcome: 'pending', sides: [{ decision: null }, { decision: null }] });
    expect((await outcome(funded, 'member')).outcome).toBe('pending');
    expect((await outcome(funded, 'officer.jst')).outcome).toBe('funded');
    expect((await decisionEvents(funded, 'pi.utokyo')).map((e) => e.comment)).toEqual([null, null]);
    expect((await decisionEvents(funded, 'officer.jst')).map((e) => e.comment)).toEqual(['funded', 'funded']);
    expect(await t.app.get(ScheduledNotices).sweep()).toMatchObject({ 'published decisions': 0 });
    expect(await decisionNotices('pi.utokyo')).toEqual([]);
  });

  it('releases once: the team is told at once, applicants see every decision, the call shows it and the log records it', async () => {
    await decide(refused, 'officer.nsf', 'NSF', 'no');
    const released = await release(callId);
    expect(released.status, released.text).toBe(200);
    expect(released.body).toMatchObject({ id: callId, status: 'decided', timeline: { resultsReleasedAt: { utc: IN_REVIEW } } });
    expect(released.headers['etag']).toBe(`"${released.body.version}"`);

    expect(await outcome(funded, 'pi.utokyo')).toMatchObject({ outcome: 'funded', sides: [{ decision: 'yes' }, { decision: 'yes' }] });
    expect((await outcome(refused, 'member')).outcome).toBe('not_funded');
    expect((await decisionEvents(refused, 'pi.utokyo')).map((e) => e.comment)).toEqual(['funded', 'not funded']);

    // Written with the release: no sweep has run, and the one that runs later sends nothing again.
    const told = [
      'funded: Decision: "Funded by both agencies" (JST)',
      'funded: Decision: "Funded by both agencies" (NSF)',
      'refused: Decision: "Refused by NSF" (JST)',
      'refused: Decision: "Refused by NSF" (NSF)',
    ];
    expect(await decisionNotices('member')).toEqual(told);
    expect(await decisionNotices('pi.mit')).toHaveLength(4);
    expect(await decisionNotices('pi.utokyo')).toHaveLength(4);
    expect(await t.app.get(ScheduledNotices).sweep()).toMatchObject({ 'published decisions': 0 });
    expect(await decisionNotices('member')).toEqual(told);

    const [officer] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM users WHERE email = 'officer.jst@example.org'`);
    const logged = await t.dataSource.query<{ actor_id: string; occurred_at: Date }[]>(
      `SELECT actor_id, occurred_at FROM audit_events WHERE object_type = 'call' AND object_id = $1 AND action = 'call.results_released'`,
      [callId],
    );
    expect(logged).toEqual([{ actor_id: officer!.id, occurred_at: new Date(IN_REVIEW) }]);

    const again = await release(callId);
    expect(again.status, again.text).toBe(422);
    expect(again.body.code).toBe('RESULTS_ALREADY_RELEASED');
    const changed = await t.http
      .post(`/applications/${refused}/sides/${org('NSF')}/decision`)
      .auth(as('officer.nsf'), bearer)
      .send({ decision: 'yes' });
    expect(changed.status, changed.text).toBe(422);
    expect(changed.body.code).toBe('DECISION_RELEASED');
    expect((await outcome(refused, 'pi.utokyo')).outcome).toBe('not_funded');
  });

  it('a call with a decision date releases its results when the date comes, by itself', async () => {
    const before = await t.http.get(`/calls/${datedCallId}`).auth(as('pi.utokyo'), bearer);
    expect(before.body).toMatchObject({ status: 'in_review', timeline: { resultsReleasedAt: null } });
    await at('2027-09-01T00:00:00Z');
    const after = await t.http.get(`/calls/${datedCallId}`).auth(as('pi.utokyo'), bearer);
    expect(after.body).toMatchObject({ status: 'decided', timeline: { resultsReleasedAt: { utc: '2027-09-01T00:00:00Z' } } });
    const again = await release(datedCallId);
    expect(again.status, again.text).toBe(422);
    expect(again.body.code).toBe('RESULTS_ALREADY_RELEASED');
  });
});
