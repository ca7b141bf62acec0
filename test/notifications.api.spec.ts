import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ScheduledNotices } from '#notifications';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { runSeeds } from '../seeds/index.js';
import { org, publishedCall } from './support/call-fixtures.js';
import { SmtpSink } from './support/smtp-sink.js';
import { startTestApp, startTestWorker, type TestApp } from './support/test-app.js';

const bearer = { type: 'bearer' } as const;
const URA = 'ura.utokyo@example.org';
const PI = 'pi.utokyo@example.org';
const MIT = 'pi.mit@example.org';
/** Long enough for several polls of the job loops (500 ms in tests): what has not arrived by then is not coming. */
const SETTLE_MS = 2000;
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

/**
 * A test app with the demo organisations and users, a published JST-NSF call (JST requires the
 * institution's approval, NSF does not; JST's deadline is 2027-03-31 12:00 Tokyo) and a way to
 * draft complete applications to it.
 */
async function world(env: Record<string, string>) {
  const t = await startTestApp({ now: '2026-12-10T00:00:00Z', env });
  await runSeeds(t.dataSource, new Date('2026-12-10T00:00:00Z'));
  const tokens: Record<string, string> = {};
  const login = async () => {
    for (const who of ['pi.utokyo', 'pi.mit', 'ura.utokyo', 'officer.jst', 'reviewer.kyoto', 'admin'])
      tokens[who] = await t.login(`${who}@example.org`, DEMO_PASSWORD);
  };
  await login();
  const { callId, trackIds } = await publishedCall(t.http, t.dataSource, tokens['officer.jst']!, {
    agencies: [
      { agencyId: org('JST'), role: 'lead', deadline: '2027-03-31T12:00', budgetCap: { amount: 500_000_000, currency: 'JPY' } },
      { agencyId: org('NSF'), role: 'partner', deadline: '2027-04-15T17:00', institutionApprovalRequired: false },
    ],
  });
  const trackId = trackIds['top']!;
  t.clock.set('2027-02-01T00:00:00Z');
  await login();
  const [mit] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM users WHERE email = 'pi.mit@example.org'`);

  const as = (who: string) => tokens[who]!;
  return {
    t,
    callId,
    as,
    login,
    /** A complete draft, ready to submit. */
    async draft(title = '量子センシングの日米共同研究'): Promise<string> {
      const created = await t.http.post('/applications').auth(as('pi.utokyo'), bearer).send({
        callId,
        trackId,
        title,
        abstract: 'Quantum sensing across the Pacific.',
        fieldCode: 'quantum',
        durationMonths: 36,
      });
      expect(created.status, created.text).toBe(201);
      const id = created.body.id as string;
      const steps = [
        () =>
          t.http.patch(`/applications/${id}/sides/${org('JST')}`).send({ budgetPerYear: [30_000_000, 30_000_000], budgetCurrency: 'JPY' }),
        () =>
          t.http
            .patch(`/applications/${id}/sides/${org('NSF')}`)
            .send({ piUserId: mit!.id, institutionId: org('MIT'), budgetPerYear: [400_000_00, 400_000_00], budgetCurrency: 'USD' }),
      ];
      let etag = created.headers['etag'] as string;
      for (const step of steps) {
        const response = await step().auth(as('pi.utokyo'), bearer).set('if-match', etag);
        expect(response.status, response.text).toBeLessThan(300);
        etag = response.headers['etag'] as string;
      }
      return id;
    },
    async submit(id: string) {
      const response = await t.http.post(`/applications/${id}/submit`).auth(as('pi.utokyo'), bearer);
      expect(response.status, response.text).toBe(200);
    },
    async notices(who: string, query = '') {
      const response = await t.http.get(`/notifications${query}`).auth(as(who), bearer);
      expect(response.status, response.text).toBe(200);
      return response.body as {
        items: { id: string; kind: string; title: string; body: string; link: string; subject: { id: string }; readAt: string | null }[];
        unreadCount: number;
        nextCursor: string | null;
      };
    },
  };
}

describe('notices written with the change, delivered by the jobs running in the api', () => {
  let smtp: SmtpSink;
  let w: Awaited<ReturnType<typeof world>>;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    w = await world({ SMTP_URL: smtp.url, RUN_JOBS: 'true' });
  });
  afterAll(async () => {
    await w.t.close();
    await smtp.close();
  });
  afterEach(() => {
    smtp.received.length = 0;
  });

  it("e-mails the institution's office once when a side needs its approval, in the office's language, with a link", async () => {
    const id = await w.draft();
    await w.submit(id);
    await smtp.waitFor(3);
    await settle();
    const office = smtp.to(URA);
    expect(office).toHaveLength(1);
    expect(office[0]!.subject).toBe('[jointcall] 機関承認の依頼: 「量子センシングの日米共同研究」（JST）');
    expect(office[0]!.language).toBe('ja');
    expect(office[0]!.text).toContain(`http://127.0.0.1:3000/applications/${id}`);
    expect(office[0]!.text).toContain('2027-03-31 12:00 UTC+09:00 (Asia/Tokyo)');
    // NSF needs no approval: the PI and the NSF side's PI hear that side is submitted, with its receipt number.
    expect(smtp.to(PI).map((m) => m.subject)).toEqual(['[jointcall] 提出完了: 「量子センシングの日米共同研究」（NSF）']);
    expect(smtp.to(PI)[0]!.text).toMatch(/受付番号: JC-2027-\d{6}/);
    expect(smtp.to(MIT).map((m) => m.subject)).toEqual(['[jointcall] Submitted: "量子センシングの日米共同研究" (NSF)']);
    expect(smtp.received).toHaveLength(3);

    const inbox = await w.notices('ura.utokyo');
    expect(inbox.unreadCount).toBe(1);
    expect(inbox.items).toMatchObject([{ kind: 'approval_requested', subject: { id }, readAt: null }]);
  });

  it('e-mails nobody, and writes no notice, for a transition that is rolled back', async () => {
    const id = await w.draft('ROLLED BACK');
    // The last write of the submission fails, after its notices were written in the same transaction.
    await w.t.dataSource.query(`
      CREATE FUNCTION refuse_rolled_back() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.title = 'ROLLED BACK' AND NEW.status <> OLD.status THEN RAISE EXCEPTION 'refused by the test'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER refuse_rolled_back BEFORE UPDATE ON applications FOR EACH ROW EXECUTE FUNCTION refuse_rolled_back();`);
    const jobsBefore = await emailJobs(w.t);
    const refused = await w.t.http.post(`/applications/${id}/submit`).auth(w.as('pi.utokyo'), bearer);
    expect(refused.status).toBe(500);
    await w.t.dataSource.query(`DROP TRIGGER refuse_rolled_back ON applications; DROP FUNCTION refuse_rolled_back();`);

    expect(await w.t.dataSource.query(`SELECT id FROM notifications WHERE subject_id = $1`, [id])).toEqual([]);
    expect(await emailJobs(w.t)).toBe(jobsBefore);
    const sides = await w.t.dataSource.query<{ status: string }[]>(`SELECT status FROM application_sides WHERE application_id = $1`, [id]);
    expect(sides.map((s) => s.status)).toEqual(['draft', 'draft']);

    // The same submission, now allowed, is told as usual; the refused one never was.
    await w.submit(id);
    await smtp.waitFor(3);
    await settle();
    expect(smtp.received).toHaveLength(3);
    expect((await w.notices('ura.utokyo')).items.filter((n) => n.subject.id === id)).toHaveLength(1);
  });

  it('retries while the mail server refuses, and delivers once it accepts', async () => {
    smtp.refuse(3);
    const id = await w.draft('Refused for a while');
    await w.submit(id);
    await smtp.waitFor(3, 30_000);
    await settle();
    expect(smtp.refused).toBe(3);
    expect(smtp.received).toHaveLength(3);
    expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(3);
    const [row] = await w.t.dataSource.query<{ sent: number }[]>(
      `SELECT count(*)::int AS sent FROM notifications WHERE subject_id = $1 AND email = 'sent' AND emailed_at IS NOT NULL`,
      [id],
    );
    expect(row!.sent).toBe(3);
  });

  it('lets each user choose e-mail per kind, and read, mark read and count only their own notices', async () => {
    const preferences = await w.t.http
      .patch('/notifications/preferences')
      .auth(w.as('ura.utokyo'), bearer)
      .send({ email: { approval_requested: false } });
    expect(preferences.status, preferences.text).toBe(200);
    expect(preferences.body.email).toMatchObject({ approval_requested: false, approval_reminder: true, application_returned: true });
    expect(
      (
        await w.t.http
          .patch('/notifications/preferences')
          .auth(w.as('ura.utokyo'), bearer)
          .send({ email: { no_such_kind: true } })
      ).status,
    ).toBe(400);

    w.t.clock.advance(60_000);
    const id = await w.draft('Quiet approval');
    await w.submit(id);
    await smtp.waitFor(2);
    await settle();
    expect(smtp.to(URA)).toEqual([]);
    const inbox = await w.notices('ura.utokyo', '?unread=true&limit=1');
    expect(inbox.items).toMatchObject([{ kind: 'approval_requested', subject: { id } }]);
    expect(inbox.nextCursor).not.toBeNull();
    const unread = inbox.unreadCount;
    expect(unread).toBeGreaterThan(1);

    const other = await w.t.http.post(`/notifications/${inbox.items[0]!.id}/read`).auth(w.as('pi.utokyo'), bearer);
    expect(other.status).toBe(404);
    const read = await w.t.http.post(`/notifications/${inbox.items[0]!.id}/read`).auth(w.as('ura.utokyo'), bearer);
    expect(read.status).toBe(200);
    expect(read.body.readAt).toBe('2027-02-01T00:01:00.000Z');
    expect((await w.notices('ura.utokyo')).unreadCount).toBe(unread - 1);
    const all = await w.t.http.post('/notifications/read-all').auth(w.as('ura.utokyo'), bearer);
    expect(all.body).toEqual({ marked: unread - 1, unreadCount: 0 });
    expect((await w.notices('ura.utokyo', '?unread=true')).items).toEqual([]);
  });
});

describe('notices made while no worker runs', () => {
  let smtp: SmtpSink;
  let w: Awaited<ReturnType<typeof world>>;
  const workers: INestApplicationContext[] = [];

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    w = await world({ RUN_JOBS: 'false' });
  });
  afterAll(async () => {
    for (const worker of workers) await worker.close();
    await w.t.close();
    await smtp.close();
  });

  it('are all delivered, none twice, when workers start (two at once)', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push(await w.draft(`Proposal ${i + 1}`));
    for (const id of ids) await w.submit(id);
    // 50 transitions into pending_institution (the office's notices) and 50 NSF submissions (the two PIs').
    await settle();
    expect(smtp.received).toHaveLength(0);
    expect(await emailJobs(w.t)).toBe(150);

    for (let i = 0; i < 2; i++) workers.push(await startTestWorker(w.t, { SMTP_URL: smtp.url }));
    await smtp.waitFor(150, 60_000);
    await settle();
    expect(smtp.received).toHaveLength(150);
    expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(150);
    expect(smtp.to(PI)).toHaveLength(50);
    expect(smtp.to(MIT)).toHaveLength(50);
    const office = smtp.to(URA);
    expect(office).toHaveLength(50);
    expect(new Set(office.map((m) => m.subject))).toEqual(
      new Set(ids.map((_, i) => `[jointcall] 機関承認の依頼: 「Proposal ${i + 1}」（JST）`)),
    );
    const [row] = await w.t.dataSource.query<{ sent: number }[]>(`SELECT count(*)::int AS sent FROM notifications WHERE email = 'sent'`);
    expect(row!.sent).toBe(150);
  });

  it('leave a job that failed after its retries visible to admins, who can send it again', async () => {
    smtp.received.length = 0;
    for (const worker of workers.splice(0)) await worker.close();
    workers.push(await startTestWorker(w.t, { SMTP_URL: smtp.url, JOB_RETRY_LIMIT: '1' }));
    smtp.refuse(2);
    const id = await w.draft('Failing mail');
    await w.t.dataSource.query(`UPDATE users SET language = 'en' WHERE email = $1`, [URA]);
    for (const who of ['pi.utokyo', 'pi.mit']) {
      const chosen = await w.t.http
        .patch('/notifications/preferences')
        .auth(w.as(who), bearer)
        .send({ email: { application_submitted: false } });
      expect(chosen.status, chosen.text).toBe(200);
    }
    await w.submit(id);

    let failed: { items: { id: string; queue: string; error: string; attempts: number }[] } = { items: [] };
    for (let i = 0; i < 100 && failed.items.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      failed = (await w.t.http.get('/jobs/failed').auth(w.as('admin'), bearer)).body;
    }
    expect(failed.items).toMatchObject([{ queue: 'notifications.email', attempts: 2 }]);
    expect(failed.items[0]!.error).toMatch(/Try again later/);
    expect((await w.t.http.get('/jobs/failed').auth(w.as('ura.utokyo'), bearer)).status).toBe(403);

    const retried = await w.t.http.post(`/jobs/${failed.items[0]!.id}/retry`).auth(w.as('admin'), bearer);
    expect(retried.status, retried.text).toBe(202);
    const [mail] = await smtp.waitFor(1);
    expect(mail).toMatchObject({ to: URA, subject: '[jointcall] Approval needed: "Failing mail" (JST)', language: 'en' });
    expect((await w.t.http.get('/jobs/failed').auth(w.as('admin'), bearer)).body.items).toEqual([]);
    expect((await w.t.http.post(`/jobs/${failed.items[0]!.id}/retry`).auth(w.as('admin'), bearer)).status).toBe(404);
  });
});

describe('reminders from the clock', () => {
  let w: Awaited<ReturnType<typeof world>>;
  let sweep: () => Promise<Record<string, number>>;

  beforeAll(async () => {
    w = await world({ RUN_JOBS: 'false' });
    const scheduled = w.t.app.get(ScheduledNotices);
    sweep = () => scheduled.sweep();
  });
  afterAll(() => w.t.close());

  const reminders = async (who: string, id: string) =>
    (await w.notices(who, '?limit=100')).items.filter((n) => n.subject.id === id && n.kind.endsWith('_reminder')).map((n) => n.title);

  /** Moves the clock and signs in again (access tokens last 15 minutes of that clock). */
  const at = async (instant: string) => {
    w.t.clock.set(instant);
    await w.login();
  };

  it('fire at the configured offsets, once each; moving the deadline earlier moves those not yet sent', async () => {
    const id = await w.draft('Reminded draft');
    // JST's deadline: 2027-03-31T03:00Z. Offsets: 14 days, 3 days, 1 day, 2 hours.
    await at('2027-03-17T02:59:00Z');
    await sweep();
    expect(await reminders('pi.utokyo', id)).toEqual([]);

    await at('2027-03-17T03:00:00Z');
    await sweep();
    await sweep();
    expect(await reminders('pi.utokyo', id)).toEqual(['締切まであと14日: 「Reminded draft」（JST）']);

    await at('2027-03-28T03:00:00Z');
    await sweep();
    expect(await reminders('pi.utokyo', id)).toHaveLength(2);

    // JST brings its deadline forward to 2027-03-29 12:00 Tokyo (03:00Z): the 1-day reminder is due
    // at once, the 2-hour one two hours before the new deadline; nothing follows the old one.
    const moved = await w.t.http
      .patch(`/calls/${w.callId}`)
      .auth(w.as('officer.jst'), bearer)
      .set('if-match', (await w.t.http.get(`/calls/${w.callId}`).auth(w.as('officer.jst'), bearer)).headers['etag'] as string)
      .send({ agencies: [{ agencyId: org('JST'), deadline: '2027-03-29T12:00' }] });
    expect(moved.status, moved.text).toBe(200);
    await at('2027-03-28T03:01:00Z');
    await sweep();
    expect(await reminders('pi.utokyo', id)).toEqual([
      '締切まであと1日: 「Reminded draft」（JST）',
      '締切まであと3日: 「Reminded draft」（JST）',
      '締切まであと14日: 「Reminded draft」（JST）',
    ]);
    await at('2027-03-29T00:59:00Z');
    await sweep();
    expect(await reminders('pi.utokyo', id)).toHaveLength(3);
    await at('2027-03-29T01:00:00Z');
    await sweep();
    await sweep();
    expect(await reminders('pi.utokyo', id)).toHaveLength(4);
    expect((await reminders('pi.utokyo', id))[0]).toBe('締切まであと2時間: 「Reminded draft」（JST）');
    await at('2027-03-31T01:00:00Z');
    await sweep();
    expect(await reminders('pi.utokyo', id)).toHaveLength(4);
  });

  it('remind the office of a side waiting for its approval, not the applicants', async () => {
    await at('2027-03-20T00:00:00Z');
    const id = await w.draft('Waiting for approval');
    await w.submit(id);
    await at('2027-03-28T03:00:00Z');
    await sweep();
    expect(await reminders('ura.utokyo', id)).toEqual(['承認待ち・締切まであと1日: 「Waiting for approval」（JST）']);
    expect(await reminders('pi.utokyo', id)).toEqual([]);
  });

  it('tell a reviewer of an assignment and remind before it is due; tell the applicants of a decision only once published', async () => {
    await at('2027-03-28T04:00:00Z');
    const id = await w.draft('Reviewed proposal');
    await w.submit(id);
    const approved = await w.t.http
      .post(`/applications/${id}/sides/${org('JST')}/approve`)
      .auth(w.as('ura.utokyo'), bearer)
      .send({ exportControlScreened: true, disclosuresReceived: true });
    expect(approved.status, approved.text).toBe(200);
    await at('2027-04-01T00:00:00Z');
    const eligible = await w.t.http
      .post(`/applications/${id}/sides/${org('JST')}/eligibility`)
      .auth(w.as('officer.jst'), bearer)
      .send({ eligible: true, reason: 'Meets the call rules' });
    expect(eligible.status, eligible.text).toBe(200);
    const [reviewer] = await w.t.dataSource.query<{ id: string }[]>(`SELECT id FROM users WHERE email = 'reviewer.kyoto@example.org'`);
    expect(
      (await w.t.http.post(`/calls/${w.callId}/reviewers`).auth(w.as('officer.jst'), bearer).send({ reviewerId: reviewer!.id })).status,
    ).toBe(201);
    const assigned = await w.t.http
      .post(`/applications/${id}/assignments`)
      .auth(w.as('officer.jst'), bearer)
      .send({ reviewerId: reviewer!.id, dueAt: '2027-05-20T14:59:00Z' });
    expect(assigned.status, assigned.text).toBe(201);
    const assignmentId = assigned.body.assignmentId as string;
    const reviewerNotices = async () =>
      (await w.notices('reviewer.kyoto')).items.filter((n) => n.subject.id === assignmentId).map((n) => n.kind);
    expect(await reviewerNotices()).toEqual(['review_assigned']);

    await at('2027-05-17T15:00:00Z');
    await sweep();
    await sweep();
    expect(await reviewerNotices()).toEqual(['review_reminder', 'review_assigned']);
    const reminder = (await w.notices('reviewer.kyoto')).items[0]!;
    expect(reminder.link).toBe(`http://127.0.0.1:3000/assignments/${assignmentId}/application`);

    const decided = await w.t.http
      .post(`/applications/${id}/sides/${org('JST')}/decision`)
      .auth(w.as('officer.jst'), bearer)
      .send({ decision: 'yes' });
    expect(decided.status, decided.text).toBe(200);
    const decisions = async () =>
      (await w.notices('pi.utokyo', '?limit=100')).items.filter((n) => n.subject.id === id && n.kind === 'decision_published');
    await sweep();
    expect(await decisions()).toEqual([]);
    // The call's decision date: 2027-09-01 09:00 in Tokyo.
    await at('2027-09-01T00:00:00Z');
    await sweep();
    await sweep();
    expect((await decisions()).map((n) => n.title)).toEqual(['採否の決定: 「Reviewed proposal」（JST）']);
    expect((await decisions())[0]!.body).toContain('採択');
  });
});

async function emailJobs(t: TestApp): Promise<number> {
  const [row] = await t.dataSource.query<{ count: number }[]>(
    `SELECT count(*)::int AS count FROM pgboss.job WHERE name = 'notifications.email'`,
  );
  return row!.count;
}
