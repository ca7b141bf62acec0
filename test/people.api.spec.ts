import { createHash } from 'node:crypto';
import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { runSeeds } from '../seeds/index.js';
import { org, publishedCall } from './support/call-fixtures.js';
import { type ReceivedMail, SmtpSink } from './support/smtp-sink.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const bearer = { type: 'bearer' } as const;
const PROBLEM_JSON = /^application\/problem\+json/;
const MIT_PI = 'pi.mit@example.org';
const DAY_MS = 24 * 60 * 60 * 1000;

function expectProblem(response: supertest.Response, status: number, code: string): void {
  expect(response.status, response.text).toBe(status);
  expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
  expect(response.body.code).toBe(code);
}

describe('finding a partner who has an account, by exact e-mail address or ORCID iD', () => {
  let t: TestApp;
  let mit: { id: string; name: string };

  /** A researcher of their own, so that each test draws on a lookup allowance of its own. */
  const researcher = async (): Promise<string> => {
    const user = await t.given.user({ roles: ['researcher'], organisationId: org('UTOKYO') });
    return t.login(user.email, user.password);
  };
  const lookup = (token: string, query: Record<string, string>) => t.http.get('/people/lookup').query(query).auth(token, bearer);

  beforeAll(async () => {
    // The production default of the lookup limit, whatever the test configuration says.
    t = await startTestApp({ env: { RATE_LIMIT_PERSON_LOOKUP: '30', RATE_LIMIT_PERSON_LOOKUP_WINDOW_SECONDS: '60' } });
    await runSeeds(t.dataSource);
    const [row] = await t.dataSource.query<{ id: string; name: string }[]>(`SELECT id, name FROM users WHERE email = $1`, [MIT_PI]);
    mit = row!;
  });
  afterAll(() => t.close());

  it('finds an account by its e-mail address in any case, and answers its id, name and organisation, never the address', async () => {
    const me = await researcher();
    const response = await lookup(me, { email: '  PI.MIT@Example.ORG ' });
    expect(response.status, response.text).toBe(200);
    expect(response.body).toEqual({
      id: mit.id,
      name: mit.name,
      organisation: { id: org('MIT'), name: { ja: expect.any(String), en: 'Massachusetts Institute of Technology' }, country: 'US' },
    });
    expect(response.text).not.toMatch(/pi\.mit|example\.org/i);
  });

  it('never answers a partial or pattern match, and never a list', async () => {
    const me = await researcher();
    for (const email of ['mit@example.org', 'pi.mit@example.co', 'pi.mit@example.org.uk', 'pi.mi_@example.org', 'xpi.mit@example.org']) {
      const response = await lookup(me, { email });
      expectProblem(response, 404, 'NOT_FOUND');
    }
    expect((await lookup(me, { email: 'pi.mit%@example.org' })).status).not.toBe(200);
    const malformed: Record<string, string>[] = [{}, { q: 'mit' }, { email: MIT_PI, orcid: '0000-0002-1825-0097' }, { email: 'pi.mit' }];
    for (const query of malformed) {
      expectProblem(await lookup(me, query), 400, 'VALIDATION_FAILED');
    }
  });

  it('finds an account by its ORCID iD in any of its written forms, and refuses an iD with a wrong check character', async () => {
    await t.dataSource.query(`UPDATE users SET orcid = '0000-0002-1694-233X' WHERE id = $1`, [mit.id]);
    const me = await researcher();
    for (const orcid of ['0000-0002-1694-233X', 'https://orcid.org/0000-0002-1694-233x', '000000021694233X']) {
      const response = await lookup(me, { orcid });
      expect(response.status, `${orcid}: ${response.text}`).toBe(200);
      expect(response.body.id).toBe(mit.id);
    }
    expectProblem(await lookup(me, { orcid: '0000-0001-5109-3700' }), 404, 'NOT_FOUND');
    const wrong = await lookup(me, { orcid: '0000-0002-1694-2330' });
    expectProblem(wrong, 400, 'VALIDATION_FAILED');
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'orcid' })]);
  });

  it('does not find disabled accounts', async () => {
    const me = await researcher();
    const leaving = await t.given.user({ roles: ['researcher'], email: 'leaving@example.test' });
    expect((await lookup(me, { email: 'leaving@example.test' })).body.id).toBe(leaving.id);
    await t.dataSource.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [leaving.id]);
    expectProblem(await lookup(me, { email: 'leaving@example.test' }), 404, 'NOT_FOUND');
  });

  it('is for signed-in researchers', async () => {
    const office = await t.login('ura.utokyo@example.org', DEMO_PASSWORD);
    expectProblem(await lookup(office, { email: MIT_PI }), 403, 'FORBIDDEN');
    expectProblem(await t.http.get('/people/lookup').query({ email: MIT_PI }), 401, 'UNAUTHENTICATED');
  });

  it('allows 30 lookups per user per minute, found or not, then answers 429 with Retry-After', async () => {
    const me = await researcher();
    for (let i = 0; i < 30; i++) {
      const response = await lookup(me, { email: i % 2 === 0 ? MIT_PI : `nobody-${i}@example.org` });
      expect(response.status, `lookup ${i + 1}`).toBe(i % 2 === 0 ? 200 : 404);
    }
    const limited = await lookup(me, { email: MIT_PI });
    expectProblem(limited, 429, 'RATE_LIMITED');
    expect(limited.headers['retry-after']).toBe('60');
    expect((await lookup(await researcher(), { email: MIT_PI })).status).toBe(200);
    t.clock.advance(60_000);
    expect((await lookup(me, { email: MIT_PI })).status).toBe(200);
  });
});

describe('inviting a team member who has no account', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  let pi: string;
  let callId: string;
  let trackId: string;
  let applicationId: string;

  const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();
  /** Sent with the ETag the caller reads (an application they may not see has none: then any version). */
  const invite = async (id: string, body: Record<string, unknown>, token = pi) => {
    const etag = (await t.http.get(`/applications/${id}`).auth(token, bearer)).headers['etag'];
    return t.http
      .post(`/applications/${id}/invitations`)
      .set('if-match', etag ?? '*')
      .auth(token, bearer)
      .send(body);
  };
  const draft = async (title: string): Promise<string> => {
    const created = await t.http.post('/applications').auth(pi, bearer).send({ callId, trackId, title, fieldCode: 'quantum' });
    expect(created.status, created.text).toBe(201);
    return created.body.id as string;
  };

  /** The invitation e-mail sent to `address`, once the job running in the api has delivered it. */
  async function mailTo(address: string): Promise<ReceivedMail> {
    const until = Date.now() + 20_000;
    for (;;) {
      const mail = smtp.received.find((m) => m.to.toLowerCase() === address.toLowerCase());
      if (mail) return mail;
      if (Date.now() > until) throw new Error(`no e-mail to ${address}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const tokenIn = (mail: ReceivedMail): string => {
    const match = /\/invitations\/([A-Za-z0-9_-]{43})\b/.exec(mail.text);
    expect(match, mail.text).not.toBeNull();
    return match![1]!;
  };

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    t = await startTestApp({ now: '2026-12-10T00:00:00Z', env: { SMTP_URL: smtp.url, RUN_JOBS: 'true' } });
    await runSeeds(t.dataSource, new Date('2026-12-10T00:00:00Z'));
    const officer = await t.login('officer.jst@example.org', DEMO_PASSWORD);
    ({
      callId,
      trackIds: { top: trackId },
    } = (await publishedCall(t.http, t.dataSource, officer)) as { callId: string; trackIds: { top: string } });
    t.clock.set('2027-02-01T00:00:00Z');
    pi = await t.login('pi.utokyo@example.org', DEMO_PASSWORD);
    applicationId = await draft('量子センシングの日米共同研究');
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('adds the member and e-mails an invitation; accepting it creates the account, which then sees the proposal', async () => {
    const email = 'ada.partner@lab.example.edu';
    const invited = await invite(applicationId, {
      name: 'Ada Partner',
      email,
      role: 'partner_pi',
      institutionId: org('MIT'),
      country: 'US',
      earlyCareer: true,
    });
    expect(invited.status, invited.text).toBe(201);
    const member = (invited.body.members as { id: string; email: string; userId: string | null }[]).find((m) => m.email === email);
    expect(member).toMatchObject({ name: 'Ada Partner', userId: null, role: 'partner_pi', earlyCareer: true, institutionId: org('MIT') });

    const mail = await mailTo(email);
    expect(mail.subject).toContain('量子センシングの日米共同研究');
    expect(mail.text).toContain('Haruka Sato');
    expect(mail.text).toContain('Japan-US quantum joint call 2027');
    const token = tokenIn(mail);
    expect(mail.text).toContain(`/invitations/${token}`);

    // Only the token's SHA-256 is kept: neither the invitation nor the e-mail job holds the token.
    const [row] = await t.dataSource.query<{ token_hash: Buffer; expires_at: Date }[]>(
      `SELECT token_hash, expires_at FROM invitations WHERE email = $1`,
      [email],
    );
    expect(row!.token_hash.equals(sha256(token))).toBe(true);
    expect(row!.expires_at.toISOString()).toBe('2027-02-15T00:00:00.000Z');
    const holding = await t.dataSource.query<{ count: number }[]>(
      `SELECT (SELECT count(*) FROM invitations i WHERE strpos(row_to_json(i)::text, $1) > 0)
            + (SELECT count(*) FROM pgboss.job j WHERE strpos(j.data::text, $1) > 0) AS count`,
      [token],
    );
    expect(Number(holding[0]!.count)).toBe(0);

    const preview = await t.http.get(`/invitations/${token}`);
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body).toEqual({
      status: 'pending',
      name: 'Ada Partner',
      invitedBy: { name: 'Haruka Sato', organisation: { ja: '東京大学', en: 'The University of Tokyo' } },
      invitedTo: {
        title: '量子センシングの日米共同研究',
        call: { ja: '日米量子共同研究 2027', en: 'Japan-US quantum joint call 2027' },
        role: 'partner_pi',
      },
      expiresAt: '2027-02-15T00:00:00.000Z',
    });

    expectProblem(await t.http.post(`/invitations/${token}/accept`).send({ password: 'too short' }), 400, 'VALIDATION_FAILED');
    const password = 'a partner password of some length';
    const accepted = await t.http.post(`/invitations/${token}/accept`).send({ name: 'Ada M. Partner', password });
    expect(accepted.status, accepted.text).toBe(201);
    expect(accepted.body).toEqual({ userId: expect.any(String), email });

    const invitee = await t.login(email, password);
    const me = await t.http.get('/me').auth(invitee, bearer);
    expect(me.body).toMatchObject({
      id: accepted.body.userId,
      name: 'Ada M. Partner',
      roles: ['researcher'],
      organisation: { id: org('MIT') },
    });
    const mine = await t.http.get('/applications').auth(invitee, bearer);
    expect(mine.body.items.map((a: { id: string }) => a.id)).toEqual([applicationId]);
    const application = await t.http.get(`/applications/${applicationId}`).auth(invitee, bearer);
    expect(application.status).toBe(200);
    expect(application.body.members.find((m: { id: string }) => m.id === member!.id).userId).toBe(accepted.body.userId);
    const events = await t.http.get(`/applications/${applicationId}/events`).auth(pi, bearer);
    expect(events.body.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['application.member_invited', 'application.member_joined']),
    );

    // A token works once.
    expectProblem(await t.http.post(`/invitations/${token}/accept`).send({ name: 'Someone', password }), 409, 'INVITATION_ACCEPTED');
    expect((await t.http.get(`/invitations/${token}`)).body.status).toBe('accepted');
  });

  it('refuses an invitation after its 14 days', async () => {
    const email = 'late.partner@lab.example.edu';
    expect((await invite(applicationId, { name: 'Late Partner', email, role: 'co_investigator' })).status).toBe(201);
    const token = tokenIn(await mailTo(email));
    try {
      t.clock.advance(14 * DAY_MS);
      expect((await t.http.get(`/invitations/${token}`)).body.status).toBe('expired');
      const refused = await t.http
        .post(`/invitations/${token}/accept`)
        .send({ name: 'Late Partner', password: 'a partner password of some length' });
      expectProblem(refused, 422, 'INVITATION_EXPIRED');
      expect(await t.dataSource.query(`SELECT id FROM users WHERE lower(email) = $1`, [email])).toEqual([]);
    } finally {
      t.clock.set('2027-02-01T00:00:00Z');
    }
  });

  it('links a person who already has an account at once, without an invitation', async () => {
    const [mit] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM users WHERE email = $1`, [MIT_PI]);
    const response = await invite(applicationId, { name: 'Emily Carter', email: 'PI.MIT@example.org', role: 'co_pi' });
    expect(response.status, response.text).toBe(201);
    expect(response.body.members).toEqual(expect.arrayContaining([expect.objectContaining({ userId: mit!.id, role: 'co_pi' })]));
    expect(await t.dataSource.query(`SELECT id FROM invitations WHERE lower(email) = $1`, [MIT_PI])).toEqual([]);
    const partner = await t.login(MIT_PI, DEMO_PASSWORD);
    const mine = await t.http.get('/applications').auth(partner, bearer);
    expect(mine.body.items.map((a: { id: string }) => a.id)).toContain(applicationId);
  });

  it('accepting one invitation links every pending invitation to the same address', async () => {
    const email = 'two.teams@lab.example.edu';
    const second = await draft('日米量子計測の共同研究');
    expect((await invite(applicationId, { name: 'Two Teams', email, role: 'co_investigator' })).status).toBe(201);
    const first = tokenIn(await mailTo(email));
    expect((await invite(second, { name: 'Two Teams', email, role: 'partner_pi' })).status).toBe(201);
    const accepted = await t.http.post(`/invitations/${first}/accept`).send({ password: 'a partner password of some length' });
    expect(accepted.status, accepted.text).toBe(201);
    const invitee = await t.login(email, 'a partner password of some length');
    const mine = await t.http.get('/applications').auth(invitee, bearer);
    expect(mine.body.items.map((a: { id: string }) => a.id).sort()).toEqual([applicationId, second].sort());
    expect((await t.http.get('/me').auth(invitee, bearer)).body.name).toBe('Two Teams');
  });

  it('an account an admin creates for an invited address joins the team at once', async () => {
    const email = 'made.by.admin@lab.example.edu';
    expect((await invite(applicationId, { name: 'Made By Admin', email, role: 'co_investigator' })).status).toBe(201);
    const token = tokenIn(await mailTo(email));
    const admin = await t.login('admin@example.org', DEMO_PASSWORD);
    const password = 'an admin-given password';
    const created = await t.http
      .post('/users')
      .auth(admin, bearer)
      .send({ email: 'Made.By.Admin@lab.example.edu', name: 'Made By Admin', password, roles: ['researcher'] });
    expect(created.status, created.text).toBe(201);
    const mine = await t.http.get('/applications').auth(await t.login(email, password), bearer);
    expect(mine.body.items.map((a: { id: string }) => a.id)).toContain(applicationId);
    expectProblem(
      await t.http.post(`/invitations/${token}/accept`).send({ password: 'a partner password of some length' }),
      409,
      'INVITATION_ACCEPTED',
    );
  });

  it('only the PI and co-PIs of a draft invite, and an invitation ends with its member', async () => {
    const outsider = await t.login('pi.osaka@example.org', DEMO_PASSWORD);
    expectProblem(
      await invite(applicationId, { name: 'X', email: 'x@lab.example.edu', role: 'co_investigator' }, outsider),
      404,
      'NOT_FOUND',
    );
    expectProblem(await invite(applicationId, { name: 'X', email: 'x@lab.example.edu', role: 'pi' }), 400, 'VALIDATION_FAILED');
    expectProblem(await invite(applicationId, { name: 'X', role: 'co_investigator' }), 400, 'VALIDATION_FAILED');

    const email = 'removed.partner@lab.example.edu';
    const invited = await invite(applicationId, { name: 'Removed Partner', email, role: 'co_investigator' });
    expect(invited.status).toBe(201);
    const token = tokenIn(await mailTo(email));
    const memberId = (invited.body.members as { id: string; email: string }[]).find((m) => m.email === email)!.id;
    const removed = await t.http
      .delete(`/applications/${applicationId}/members/${memberId}`)
      .set('if-match', `"${invited.body.version as number}"`)
      .auth(pi, bearer);
    expect(removed.status, removed.text).toBe(200);
    expectProblem(await t.http.get(`/invitations/${token}`), 404, 'NOT_FOUND');
    expectProblem(
      await t.http.post(`/invitations/${token}/accept`).send({ password: 'a partner password of some length' }),
      404,
      'NOT_FOUND',
    );
    expectProblem(await t.http.get(`/invitations/${'x'.repeat(43)}`), 404, 'NOT_FOUND');
  });
});
