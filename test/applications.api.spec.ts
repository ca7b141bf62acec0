import { parse } from 'csv-parse/sync';
import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '#schema';
import { runSeeds } from '../seeds/index.js';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { completeDraft, JST_LEAD_NSF_PARTNER, NEXT_GENERATION_TRACK, org, publishedCall } from './support/call-fixtures.js';
import { copiesOutOfStep } from './support/copies.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const bearer = { type: 'bearer' } as const;
const NOW = '2027-02-01T00:00:00Z';
/** JST's deadline in the call below: 2027-03-31 12:00 in Tokyo. */
const JST_DEADLINE = Date.parse('2027-03-31T03:00:00Z');

describe('applications', () => {
  let t: TestApp;
  let callId: string;
  let trackId: string;
  const tokens: Record<string, string> = {};
  const as = (who: string) => tokens[who]!;
  const login = async () => {
    for (const who of ['pi.utokyo', 'pi.mit', 'ura.utokyo', 'ura.osaka', 'officer.jst'])
      tokens[who] = await t.login(`${who}@example.org`, DEMO_PASSWORD);
  };

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
  afterAll(() => t.close());

  function draft(): Promise<{ id: string; version: number }> {
    return completeDraft(t.http, t.dataSource, as('pi.utokyo'), { callId, trackId });
  }

  it('goes from draft through return, fix and approval to both agencies, leaving an event log of every step', async () => {
    const { id } = await draft();
    const submitted = await t.http.post(`/applications/${id}/submit`).auth(as('pi.utokyo'), bearer);
    expect(submitted.status, submitted.text).toBe(200);
    type Side = { agency: { shortName: string }; status: string; receiptNumber: string | null; submittedAt: string | null };
    const side = (body: { sides: Side[] }, agency: string): Side => body.sides.find((s) => s.agency.shortName === agency)!;
    expect(side(submitted.body, 'JST').status).toBe('pending_institution');
    expect(side(submitted.body, 'NSF')).toMatchObject({ status: 'submitted', submittedAt: NOW.replace('Z', '.000Z') });
    expect(side(submitted.body, 'NSF').receiptNumber).toMatch(/^JC-2027-\d{6}$/);

    expect((await t.http.get(`/applications/${id}`).auth(as('ura.osaka'), bearer)).status).toBe(404);
    expect(
      (
        await t.http
          .post(`/applications/${id}/sides/${org('JST')}/return`)
          .auth(as('ura.osaka'), bearer)
          .send({ comment: 'x' })
      ).status,
    ).toBe(404);

    const returned = await t.http
      .post(`/applications/${id}/sides/${org('JST')}/return`)
      .auth(as('ura.utokyo'), bearer)
      .send({ comment: 'Please add the export-control self-check.' });
    expect(returned.status, returned.text).toBe(200);
    expect(returned.body.status).toBe('returned');

    const fixed = await t.http
      .patch(`/applications/${id}`)
      .auth(as('pi.utokyo'), bearer)
      .set('if-match', returned.headers['etag'] as string)
      .send({ abstract: 'With the self-check attached.' });
    expect(fixed.status, fixed.text).toBe(200);
    const resubmitted = await t.http.post(`/applications/${id}/submit`).auth(as('pi.utokyo'), bearer);
    expect(side(resubmitted.body, 'JST').status).toBe('pending_institution');

    const unchecked = await t.http
      .post(`/applications/${id}/sides/${org('JST')}/approve`)
      .auth(as('ura.utokyo'), bearer)
      .send({ exportControlScreened: true, disclosuresReceived: false });
    expect(unchecked.status).toBe(422);
    expect(unchecked.body.code).toBe('INTEGRITY_CHECKS_MISSING');
    const approved = await t.http
      .post(`/applications/${id}/sides/${org('JST')}/approve`)
      .auth(as('ura.utokyo'), bearer)
      .send({ exportControlScreened: true, disclosuresReceived: true });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body.status).toBe('submitted');
    expect(side(approved.body, 'JST').receiptNumber).toMatch(/^JC-2027-\d{6}$/);

    // The office's list and dashboard follow every change of status.
    const listed = async (query: string) =>
      (await t.http.get(`/applications?view=office&${query}`).auth(as('ura.utokyo'), bearer)).body.items.map((a: { id: string }) => a.id);
    expect(await listed(`status=submitted&callId=${callId}`)).toContain(id);
    expect(await listed('status=pending_institution')).not.toContain(id);
    expect(await copiesOutOfStep(t.dataSource)).toEqual({ officeStatus: 0, decisionInstitution: 0 });

    const events = await t.http.get(`/applications/${id}/events`).auth(as('pi.utokyo'), bearer);
    expect(events.body.map((e: { action: string; agency: string | null; to: string }) => `${e.action} ${e.agency ?? '-'} ${e.to}`)).toEqual(
      [
        'application.created - draft',
        'application.submit JST pending_institution',
        'application.submit NSF submitted',
        'application.return JST returned',
        'application.return NSF draft',
        'application.edited - null',
        'application.submit JST pending_institution',
        'application.submit NSF submitted',
        'application.approve JST submitted',
      ],
    );
    expect(events.body.find((e: { action: string }) => e.action === 'application.return').comment).toBe(
      'Please add the export-control self-check.',
    );
    // The fix is logged with who made it and which fields it changed.
    const edit = events.body.find((e: { action: string }) => e.action === 'application.edited');
    expect(edit).toMatchObject({ fields: ['abstract'], actor: { name: expect.any(String) }, from: null, to: null });
    expect(events.body.every((e: { actor: { name: string } | null }) => e.actor !== null)).toBe(true);
  });

  it('accepts a submission 1 ms before the deadline, refuses it 1 ms after, and refuses a late approval', async () => {
    const early = await draft();
    const late = await draft();
    t.clock.set(new Date(JST_DEADLINE - 1));
    await login();
    expect((await t.http.post(`/applications/${early.id}/submit`).auth(as('pi.utokyo'), bearer)).status).toBe(200);
    t.clock.set(new Date(JST_DEADLINE + 1));
    await login();
    const refused = await t.http.post(`/applications/${late.id}/submit`).auth(as('pi.utokyo'), bearer);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('DEADLINE_PASSED');
    // Which agency, which deadline, in the agency's zone and in UTC, on the side's deadline.
    const passed = "JST's deadline passed at 2027-03-31 12:00 UTC+09:00 (Asia/Tokyo), 2027-03-31T03:00:00Z.";
    expect(refused.body.errors).toEqual([{ code: 'DEADLINE_PASSED', field: 'sides[0].deadline', agencyId: org('JST'), message: passed }]);
    const lateApproval = await t.http
      .post(`/applications/${early.id}/sides/${org('JST')}/approve`)
      .auth(as('ura.utokyo'), bearer)
      .send({ exportControlScreened: true, disclosuresReceived: true });
    expect(lateApproval.status).toBe(422);
    expect(lateApproval.body).toMatchObject({
      code: 'DEADLINE_PASSED',
      detail: passed,
      errors: [{ code: 'DEADLINE_PASSED', field: 'sides[0].deadline', agencyId: org('JST'), message: passed }],
    });
    t.clock.set(NOW);
    await login();
  });

  it('two concurrent updates with the same version: one wins, the other gets 409, and nothing of the winner is lost', async () => {
    const { id, version } = await draft();
    const [a, b] = await Promise.all([
      t.http
        .patch(`/applications/${id}`)
        .auth(as('pi.utokyo'), bearer)
        .set('if-match', `"${version}"`)
        .send({ title: 'Title A', keywords: ['a'] }),
      t.http
        .patch(`/applications/${id}`)
        .auth(as('pi.utokyo'), bearer)
        .set('if-match', `"${version}"`)
        .send({ title: 'Title B', keywords: ['b'] }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? a : b;
    const loser = a.status === 200 ? b : a;
    expect(loser.body).toMatchObject({ code: 'VERSION_MISMATCH', currentVersion: winner.body.version });
    const now = await t.http.get(`/applications/${id}`).auth(as('pi.utokyo'), bearer);
    expect(now.body).toMatchObject({ title: winner.body.title, keywords: winner.body.keywords });
    // Only the save that was written is logged, once, with the fields it sent.
    const events = await t.http.get(`/applications/${id}/events`).auth(as('pi.utokyo'), bearer);
    const edits = events.body.filter((e: { action: string }) => e.action === 'application.edited');
    expect(edits).toHaveLength(1);
    expect(edits[0].fields).toEqual(['title', 'keywords']);
  });

  it('with Prefer: return=minimal, a save answers its id and new version only; the change and its event are as with the whole answer', async () => {
    const { id, version } = await draft();
    const autosave = (who: string, ifMatch: number, body: object) =>
      t.http.patch(`/applications/${id}`).auth(as(who), bearer).set('if-match', `"${ifMatch}"`).set('prefer', 'return=minimal').send(body);
    const saved = await autosave('pi.utokyo', version, { abstract: 'Saved by autosave.', keywords: ['autosave'] });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toEqual({ id, version: version + 1 });
    expect(saved.headers['etag']).toBe(`"${version + 1}"`);
    const now = await t.http.get(`/applications/${id}`).auth(as('pi.utokyo'), bearer);
    expect(now.body).toMatchObject({ version: version + 1, abstract: 'Saved by autosave.', keywords: ['autosave'] });
    const events = await t.http.get(`/applications/${id}/events`).auth(as('pi.utokyo'), bearer);
    const edits = events.body.filter((e: { action: string }) => e.action === 'application.edited');
    expect(edits.map((e: { fields: string[] }) => e.fields)).toEqual([['abstract', 'keywords']]);
    // Its refusals are those of any save: a stale version, an application the caller may not see.
    const stale = await autosave('pi.utokyo', version, { abstract: 'Lost.' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_MISMATCH', currentVersion: version + 1 });
    const stranger = await autosave('ura.osaka', version + 1, { abstract: 'Not mine.' });
    expect(stranger.status).toBe(404);
    expect((await t.http.get(`/applications/${id}`).auth(as('pi.utokyo'), bearer)).body.abstract).toBe('Saved by autosave.');
  });

  it('gives a time-stamped receipt when a side goes to the office, and a second when it reaches the agency', async () => {
    const { id } = await draft();
    t.clock.set('2027-02-01T00:00:00.750Z');
    const submitted = await t.http.post(`/applications/${id}/submit`).auth(as('pi.utokyo'), bearer);
    expect(submitted.status, submitted.text).toBe(200);
    type Receipt = { kind: string; number: string; agency: { id: string; shortName: string }; issuedAt: string };
    const receipts = (body: { receipts: Receipt[] }) => body.receipts.map((r) => `${r.agency.shortName} ${r.kind} ${r.issuedAt}`);
    // Instants the server records are whole seconds.
    expect(receipts(submitted.body)).toEqual([
      'JST submitted_to_office 2027-02-01T00:00:00.000Z',
      'NSF received_by_agency 2027-02-01T00:00:00.000Z',
    ]);
    const [toOffice, nsfReceived] = submitted.body.receipts as Receipt[];
    expect(toOffice!.number).toMatch(/^JC-2027-\d{6,}$/);
    expect(toOffice!.agency.id).toBe(org('JST'));
    const sideOf = (
      body: { sides: { agency: { shortName: string }; receiptNumber: string | null; submittedAt: string | null }[] },
      a: string,
    ) => body.sides.find((s) => s.agency.shortName === a)!;
    // The side's receipt number and submission time stay those of the agency's receipt.
    expect(sideOf(submitted.body, 'JST')).toMatchObject({ receiptNumber: null, submittedAt: null });
    expect(sideOf(submitted.body, 'NSF')).toMatchObject({ receiptNumber: nsfReceived!.number, submittedAt: nsfReceived!.issuedAt });

    // The office approves a month later: the timely submission keeps its receipt.
    t.clock.set('2027-03-01T09:30:00.250Z');
    await login();
    const approved = await t.http
      .post(`/applications/${id}/sides/${org('JST')}/approve`)
      .auth(as('ura.utokyo'), bearer)
      .send({ exportControlScreened: true, disclosuresReceived: true });
    expect(approved.status, approved.text).toBe(200);
    expect(receipts(approved.body)).toEqual([
      'JST submitted_to_office 2027-02-01T00:00:00.000Z',
      'NSF received_by_agency 2027-02-01T00:00:00.000Z',
      'JST received_by_agency 2027-03-01T09:30:00.000Z',
    ]);
    const jstReceived = (approved.body.receipts as Receipt[])[2]!;
    expect(new Set((approved.body.receipts as Receipt[]).map((r) => r.number)).size).toBe(3);
    expect(sideOf(approved.body, 'JST')).toMatchObject({ receiptNumber: jstReceived.number, submittedAt: '2027-03-01T09:30:00.000Z' });
    expect((await t.http.get(`/applications/${id}`).auth(as('pi.utokyo'), bearer)).body.receipts).toEqual(approved.body.receipts);

    // The event log carries each receipt on the step that issued it, at the same instant.
    const events = await t.http.get(`/applications/${id}/events`).auth(as('pi.utokyo'), bearer);
    type Event = { action: string; agency: string | null; at: string; receipt: { kind: string; number: string } | null };
    expect(
      (events.body as Event[])
        .filter((e) => e.receipt !== null)
        .map((e) => `${e.action} ${e.agency} ${e.receipt!.kind} ${e.receipt!.number} ${e.at}`),
    ).toEqual([
      `application.submit JST submitted_to_office ${toOffice!.number} 2027-02-01T00:00:00.000Z`,
      `application.submit NSF received_by_agency ${nsfReceived!.number} 2027-02-01T00:00:00.000Z`,
      `application.approve JST received_by_agency ${jstReceived.number} 2027-03-01T09:30:00.000Z`,
    ]);
    t.clock.set(NOW);
    await login();
  });

  it('carries receipts issued before the receipts table over: each agency receipt, and each submission to an office from the log', async () => {
    const { id } = await draft();
    t.clock.set('2027-02-02T08:15:30Z');
    await login();
    const submitted = await t.http.post(`/applications/${id}/submit`).auth(as('pi.utokyo'), bearer);
    expect(submitted.status, submitted.text).toBe(200);
    // The receipts migration again, as on a database from before it: later migrations come off first and go back on after.
    const from = migrations.findIndex((m) => m.name === 'AddApplicationReceipts1795395120000');
    const redone = migrations.slice(from).map((M) => new M());
    const runner = t.dataSource.createQueryRunner();
    try {
      for (const migration of [...redone].reverse()) await migration.down(runner);
      for (const migration of redone) await migration.up(runner);
    } finally {
      await runner.release();
    }
    const read = await t.http.get(`/applications/${id}`).auth(as('pi.utokyo'), bearer);
    type Receipt = { kind: string; number: string; agency: { shortName: string }; issuedAt: string };
    const kind = (body: { receipts: Receipt[] }, k: string) => body.receipts.find((r) => r.kind === k);
    const [toOffice, received] = [kind(read.body, 'submitted_to_office'), kind(read.body, 'received_by_agency')];
    expect(read.body.receipts).toHaveLength(2);
    // Receipts from before submissions were kept name none.
    expect(received).toEqual({ ...kind(submitted.body, 'received_by_agency'), submissionNumber: null });
    expect(toOffice).toMatchObject({ kind: 'submitted_to_office', agency: { shortName: 'JST' }, issuedAt: '2027-02-02T08:15:30.000Z' });
    expect(toOffice!.number).toMatch(/^JC-2027-\d{6,}$/);
    const events = await t.http.get(`/applications/${id}/events`).auth(as('pi.utokyo'), bearer);
    expect(
      (events.body as { agency: string | null; receipt: { number: string } | null }[])
        .filter((e) => e.receipt !== null)
        .map((e) => `${e.agency} ${e.receipt!.number}`),
    ).toEqual([`JST ${toOffice!.number}`, `NSF ${received!.number}`]);
    t.clock.set(NOW);
    await login();
  });

  it('refuses an edit without If-Match with 428, changing nothing; * overwrites deliberately', async () => {
    const { id, version } = await draft();
    const [member] = (await t.http.get(`/applications/${id}`).auth(as('pi.utokyo'), bearer)).body.members as { id: string }[];
    const pi = as('pi.utokyo');
    const attempts = [
      t.http.patch(`/applications/${id}`).auth(pi, bearer).send({ title: 'Lost?' }),
      t.http
        .patch(`/applications/${id}/sides/${org('JST')}`)
        .auth(pi, bearer)
        .send({ budgetPerYear: [1] }),
      t.http.post(`/applications/${id}/members`).auth(pi, bearer).send({ name: 'Kenji Mori', role: 'co_investigator' }),
      t.http.patch(`/applications/${id}/members/${member!.id}`).auth(pi, bearer).send({ name: 'Renamed', role: 'pi' }),
      t.http.delete(`/applications/${id}/members/${member!.id}`).auth(pi, bearer),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status, response.text).toBe(428);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ code: 'PRECONDITION_REQUIRED', errors: [{ field: 'If-Match' }] });
    }
    const stored = await t.http.get(`/applications/${id}`).auth(pi, bearer);
    expect(stored.body.version).toBe(version);
    expect(stored.headers['etag']).toBe(`"${version}"`);
    const malformed = await t.http.patch(`/applications/${id}`).auth(pi, bearer).set('if-match', 'version 3').send({ title: 'x' });
    expect(`${malformed.status} ${malformed.body.code}`).toBe('400 INVALID_IF_MATCH');
    const overwritten = await t.http.patch(`/applications/${id}`).auth(pi, bearer).set('if-match', '*').send({ title: 'Overwritten' });
    expect(overwritten.status, overwritten.text).toBe(200);
    expect(overwritten.body).toMatchObject({ title: 'Overwritten', version: version + 1 });
  });

  it('checks a draft without submitting it: every problem submit would give, each once, in the same shape', async () => {
    const { id, version } = await draft();
    const pi = as('pi.utokyo');
    const ready = await t.http.post(`/applications/${id}/check`).auth(pi, bearer);
    expect(ready.status, ready.text).toBe(200);
    expect(ready.body).toEqual({ ready: true, problems: [] });

    // Over the track's JPY 90M and JST's JPY 500M cap at once, and no early-career member left.
    const current = (await t.http.get(`/applications/${id}`).auth(pi, bearer)).body as { members: { id: string; earlyCareer: boolean }[] };
    const early = current.members.find((m) => m.earlyCareer)!;
    const removed = await t.http.delete(`/applications/${id}/members/${early.id}`).auth(pi, bearer).set('if-match', `"${version}"`);
    expect(removed.status, removed.text).toBe(200);
    const overCap = await t.http
      .patch(`/applications/${id}/sides/${org('JST')}`)
      .auth(pi, bearer)
      .set('if-match', `"${removed.body.version}"`)
      .send({ budgetPerYear: [200_000_000, 200_000_000, 200_000_000] });
    expect(overCap.status, overCap.text).toBe(200);

    const checked = await t.http.post(`/applications/${id}/check`).auth(pi, bearer);
    expect(checked.status, checked.text).toBe(200);
    expect(checked.body).toEqual({
      ready: false,
      problems: [
        {
          code: 'BUDGET_OVER_CAP',
          field: 'sides[0].budgetPerYear',
          agencyId: org('JST'),
          message: 'sides[0].budgetPerYear totals 600000000 JPY, over the track cap of 90000000 JPY and the agency cap of 500000000 JPY',
          caps: [
            { cap: 'track', amount: 90_000_000, currency: 'JPY' },
            { cap: 'agency', amount: 500_000_000, currency: 'JPY' },
          ],
        },
        { code: 'EARLY_CAREER_MEMBER_MISSING', field: 'members', message: 'members must include an early-career researcher on this track' },
      ],
    });
    const refused = await t.http.post(`/applications/${id}/submit`).auth(pi, bearer);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('SUBMISSION_INCOMPLETE');
    expect(refused.body.errors).toEqual(checked.body.problems);

    // Past JST's deadline, the check names it too, as submit does; nothing was submitted or logged.
    t.clock.set(new Date(JST_DEADLINE + 1000));
    await login();
    const late = await t.http.post(`/applications/${id}/check`).auth(as('pi.utokyo'), bearer);
    expect(late.body.problems.map((p: { code: string; field: string }) => `${p.code} ${p.field}`)).toEqual([
      'DEADLINE_PASSED sides[0].deadline',
      'BUDGET_OVER_CAP sides[0].budgetPerYear',
      'EARLY_CAREER_MEMBER_MISSING members',
    ]);
    const lateSubmit = await t.http.post(`/applications/${id}/submit`).auth(as('pi.utokyo'), bearer);
    expect(lateSubmit.status).toBe(422);
    expect(lateSubmit.body.code).toBe('DEADLINE_PASSED');
    expect(lateSubmit.body.errors).toEqual(late.body.problems);
    t.clock.set(NOW);
    await login();
    const events = await t.http.get(`/applications/${id}/events`).auth(as('pi.utokyo'), bearer);
    expect(events.body.map((e: { action: string }) => e.action)).toEqual(['application.created']);

    // Editors check; a team member who does not edit is told so; others do not see it.
    expect((await t.http.post(`/applications/${id}/check`).auth(as('pi.mit'), bearer)).status).toBe(403);
    expect((await t.http.post(`/applications/${id}/check`).auth(as('ura.osaka'), bearer)).status).toBe(404);
  });

  it('keeps every digit of receipt numbers past a million', async () => {
    await t.dataSource.query(`SELECT setval('application_receipt_seq', 2031800)`);
    const { id } = await draft();
    const submitted = await t.http.post(`/applications/${id}/submit`).auth(as('pi.utokyo'), bearer);
    expect(submitted.status, submitted.text).toBe(200);
    // JST's side went to its office (the first receipt), NSF's straight to NSF (the second).
    const numbers = (submitted.body.receipts as { number: string }[]).map((r) => r.number);
    expect(numbers).toEqual(['JC-2027-2031801', 'JC-2027-2031802']);
    const nsf = (submitted.body.sides as { agency: { shortName: string }; receiptNumber: string }[]).find(
      (s) => s.agency.shortName === 'NSF',
    );
    expect(nsf?.receiptNumber).toBe('JC-2027-2031802');
  });

  it('twenty concurrent submits with one Idempotency-Key change the state once and issue one receipt', async () => {
    const { id } = await draft();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.http.post(`/applications/${id}/submit`).auth(as('pi.utokyo'), bearer).set('idempotency-key', `submit-${id}`),
      ),
    );
    const ok = responses.filter((r) => r.status === 200);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const r of responses.filter((r) => r.status !== 200)) expect(`${r.status} ${r.body.code}`).toBe('409 IDEMPOTENCY_KEY_IN_FLIGHT');
    expect(new Set(ok.map((r) => JSON.stringify(r.body)))).toHaveProperty('size', 1);
    const receipts = await t.dataSource.query(
      `SELECT receipt_number FROM application_sides WHERE application_id = $1 AND receipt_number IS NOT NULL`,
      [id],
    );
    expect(receipts).toHaveLength(1);
    const events = await t.dataSource.query(
      `SELECT 1 FROM application_events WHERE application_id = $1 AND action = 'application.submit'`,
      [id],
    );
    expect(events).toHaveLength(2);
    const retry = await t.http.post(`/applications/${id}/submit`).auth(as('pi.utokyo'), bearer).set('idempotency-key', `submit-${id}`);
    expect(retry.text).toBe(ok[0]!.text);
  });

  it('one refused submit reports a budget over the track cap, a missing early-career member and an ineligible partner country', async () => {
    const { id } = await draft();
    const current = await t.http.get(`/applications/${id}`).auth(as('pi.utokyo'), bearer);
    let etag = current.headers['etag'] as string;
    const edit = async (request: supertest.Test) => {
      const response = await request.auth(as('pi.utokyo'), bearer).set('if-match', etag);
      expect(response.status, response.text).toBe(200);
      etag = response.headers['etag'] as string;
    };
    for (const m of (current.body.members as { id: string; earlyCareer: boolean }[]).filter((m) => m.earlyCareer)) {
      await edit(t.http.delete(`/applications/${id}/members/${m.id}`));
    }
    await edit(t.http.patch(`/applications/${id}/sides/${org('JST')}`).send({ budgetPerYear: [40_000_000, 40_000_000, 40_000_000] }));
    await edit(t.http.patch(`/applications/${id}/sides/${org('NSF')}`).send({ institutionId: org('SORBONNE') }));
    const refused = await t.http.post(`/applications/${id}/submit`).auth(as('pi.utokyo'), bearer);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('SUBMISSION_INCOMPLETE');
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'sides[0].budgetPerYear',
      'sides[1].institutionId',
      'members',
    ]);
  });

  it('team members read, only the PI and co-PIs edit, and others get 404', async () => {
    const { id } = await draft();
    expect((await t.http.get(`/applications/${id}`).auth(as('pi.mit'), bearer)).status).toBe(200);
    expect((await t.http.patch(`/applications/${id}`).auth(as('pi.mit'), bearer).set('if-match', '*').send({ title: 'x' })).status).toBe(
      403,
    );
    const afterRefusal = await t.http.get(`/applications/${id}/events`).auth(as('pi.utokyo'), bearer);
    expect(afterRefusal.body.map((e: { action: string }) => e.action)).not.toContain('application.edited');
    expect((await t.http.get(`/applications/${id}`).auth(as('officer.jst'), bearer)).status).toBe(404);
    expect((await t.http.get(`/applications/${id}`).auth(as('ura.utokyo'), bearer)).status).toBe(200);
    const mine = await t.http.get('/applications').auth(as('pi.utokyo'), bearer);
    expect(mine.body.items.map((a: { id: string }) => a.id)).toContain(id);
    expect(mine.body.items.find((a: { id: string }) => a.id === id).nextDeadline).toBe('2027-03-31T03:00:00.000Z');
    const windowed = await t.http
      .get('/applications')
      .query({ view: 'office', deadlineFrom: '2027-03-31T00:00:00Z', deadlineTo: '2027-04-01T00:00:00Z', limit: 100 })
      .auth(as('ura.utokyo'), bearer);
    expect(windowed.body.items.map((a: { id: string }) => a.id)).toContain(id);
    const outside = await t.http
      .get('/applications')
      .query({ view: 'office', callId, deadlineFrom: '2027-06-01T00:00:00Z' })
      .auth(as('ura.utokyo'), bearer);
    expect(outside.body.items).toEqual([]);
    const office = await t.http.get('/applications').query({ view: 'office' }).auth(as('ura.utokyo'), bearer);
    expect(office.body.items.map((a: { id: string }) => a.id)).toContain(id);
    expect(
      (await t.http.get('/applications').query({ view: 'office' }).auth(as('ura.osaka'), bearer)).body.items.map(
        (a: { id: string }) => a.id,
      ),
    ).not.toContain(id);
  });

  it('exports the office’s applications as CSV that parses back with Japanese titles intact, one row per side', async () => {
    const { id } = await draft();
    const response = await t.http
      .get('/applications/export.csv')
      .query({ callId, lang: 'en' })
      .auth(as('ura.utokyo'), bearer)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const bytes = response.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse<Record<string, string>>(bytes.toString('utf8'), { bom: true, columns: true });
    const mine = rows.filter((row) => row['application_id'] === id);
    expect(mine.map((row) => row['agency'])).toEqual(['JST', 'NSF']);
    expect(mine[0]).toMatchObject({
      title: '量子センシングの日米共同研究',
      pi: 'Haruka Sato',
      institution: 'UTokyo',
      budget_total: '90000000',
      currency: 'JPY',
    });
    expect((await t.http.get('/applications/export.csv').auth(as('pi.utokyo'), bearer)).status).toBe(403);
  });

  it('lets an office set its own earlier deadline for a call, shown on its researchers’ applications', async () => {
    const { id } = await draft();
    const set = await t.http
      .put(`/calls/${callId}/institution-deadline`)
      .auth(as('ura.utokyo'), bearer)
      .send({ deadline: '2027-03-24T17:00' });
    expect(set.status, set.text).toBe(200);
    expect(set.body.deadline).toEqual({ utc: '2027-03-24T08:00:00.000Z', local: '2027-03-24T17:00:00+09:00', timeZone: 'Asia/Tokyo' });
    expect((await t.http.get(`/applications/${id}`).auth(as('pi.utokyo'), bearer)).body.institutionDeadline).toBe(
      '2027-03-24T08:00:00.000Z',
    );
    const tooLate = await t.http
      .put(`/calls/${callId}/institution-deadline`)
      .auth(as('ura.utokyo'), bearer)
      .send({ deadline: '2027-05-01T17:00' });
    expect(tooLate.status).toBe(400);
    expect(
      (await t.http.put(`/calls/${callId}/institution-deadline`).auth(as('pi.utokyo'), bearer).send({ deadline: '2027-03-24T17:00' }))
        .status,
    ).toBe(403);
  });
});
