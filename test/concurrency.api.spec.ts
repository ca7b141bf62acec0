import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeeds } from '../seeds/index.js';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import {
  completeDraft,
  DRAFT_JST_BUDGET,
  JST_LEAD_NSF_PARTNER,
  NEXT_GENERATION_TRACK,
  org,
  publishedCall,
} from './support/call-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const bearer = { type: 'bearer' } as const;
const NOW = '2027-02-01T00:00:00Z';
/** JST's deadline in the call below: 2027-03-31 12:00 in Tokyo. */
const JST_DEADLINE = Date.parse('2027-03-31T03:00:00Z');
/** Over the next-generation track's JPY 90M cap. */
const OVER_CAP = [40_000_000, 40_000_000, 40_000_000];

interface SideBody {
  agency: { shortName: string };
  status: string;
  receiptNumber: string | null;
  budgetPerYear: number[];
}

const side = (body: { sides: SideBody[] }, agency: string): SideBody => body.sides.find((s) => s.agency.shortName === agency)!;
const outcome = (r: Response): string => (r.status < 300 ? String(r.status) : `${r.status} ${r.body.code}`);

/**
 * Requests that meet at the same moment, against the real application and PostgreSQL: whatever the
 * interleaving, one of them wins, the others get a clean 409 or 422, and what is stored agrees with
 * what was answered.
 */
describe('concurrent requests', () => {
  let t: TestApp;
  let callId: string;
  let trackId: string;
  let topTrackId: string;
  const tokens: Record<string, string> = {};
  const as = (who: string) => tokens[who]!;
  const login = async () => {
    for (const who of ['pi.utokyo', 'ura.utokyo', 'officer.jst']) tokens[who] = await t.login(`${who}@example.org`, DEMO_PASSWORD);
  };

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-12-10T00:00:00Z' });
    await runSeeds(t.dataSource);
    await login();
    const call = await publishedCall(t.http, t.dataSource, as('officer.jst'), {
      agencies: JST_LEAD_NSF_PARTNER,
      tracks: [
        NEXT_GENERATION_TRACK,
        {
          code: 'top',
          nameJa: 'TOP研究者',
          nameEn: 'TOP researchers',
          maxBudget: { amount: 500_000_000, currency: 'JPY' },
          maxDurationMonths: 60,
        },
      ],
    });
    callId = call.callId;
    trackId = call.trackIds['next-generation']!;
    topTrackId = call.trackIds['top']!;
    t.clock.set(NOW);
    await login();
  });
  afterAll(() => t.close());

  /** A complete draft, ready to submit: JST side (office approval required) and NSF side (approval waived). */
  function draft(title?: string): Promise<{ id: string; version: number }> {
    return completeDraft(t.http, t.dataSource, as('pi.utokyo'), { callId, trackId, title });
  }

  const read = async (id: string) => {
    const response = await t.http.get(`/applications/${id}`).auth(as('pi.utokyo'), bearer);
    expect(response.status, response.text).toBe(200);
    return response.body as { version: number; title: string; abstract: string; keywords: string[]; members: unknown[]; sides: SideBody[] };
  };
  const submit = (id: string) => t.http.post(`/applications/${id}/submit`).auth(as('pi.utokyo'), bearer);
  const approve = (id: string) =>
    t.http
      .post(`/applications/${id}/sides/${org('JST')}/approve`)
      .auth(as('ura.utokyo'), bearer)
      .send({ exportControlScreened: true, disclosuresReceived: true });
  const returnJst = (id: string) =>
    t.http
      .post(`/applications/${id}/sides/${org('JST')}/return`)
      .auth(as('ura.utokyo'), bearer)
      .send({ comment: 'Please attach the data management plan.' });
  const events = (id: string) =>
    t.dataSource.query<{ action: string; agency: string | null; to_status: string; occurred_at: Date }[]>(
      `SELECT e.action, o.short_name AS agency, e.to_status, e.occurred_at FROM application_events e
         LEFT JOIN organisations o ON o.id = e.agency_id WHERE e.application_id = $1 ORDER BY e.id`,
      [id],
    );
  const sideRows = (id: string) =>
    t.dataSource.query<{ agency: string; status: string; receipt_number: string | null; submitted_at: Date | null }[]>(
      `SELECT o.short_name AS agency, s.status, s.receipt_number, s.submitted_at FROM application_sides s
         JOIN organisations o ON o.id = s.agency_id WHERE s.application_id = $1 ORDER BY o.short_name`,
      [id],
    );

  describe('edits of one application with the same version', () => {
    it('two side edits: one 200, one 409 with the current version, and the winner’s side edit is stored whole', async () => {
      const { id, version } = await draft();
      const edit = (budget: number[], currency: string) =>
        t.http
          .patch(`/applications/${id}/sides/${org('JST')}`)
          .auth(as('pi.utokyo'), bearer)
          .set('if-match', `"${version}"`)
          .send({ budgetPerYear: budget, budgetCurrency: currency });
      const [a, b] = await Promise.all([edit([10_000_000, 11_000_000], 'JPY'), edit([20_000_000, 21_000_000, 22_000_000], 'JPY')]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const winner = a.status === 200 ? a : b;
      const loser = a.status === 200 ? b : a;
      expect(loser.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(loser.body).toMatchObject({ code: 'VERSION_MISMATCH', currentVersion: version + 1 });
      expect(winner.body.version).toBe(version + 1);
      const stored = await read(id);
      expect(stored.version).toBe(version + 1);
      expect(side(stored, 'JST').budgetPerYear).toEqual(side(winner.body, 'JST').budgetPerYear);
    });

    it('a content edit and a member added at once: one 200, one 409, and the loser left no trace', async () => {
      const { id, version } = await draft();
      const before = await read(id);
      const [content, member] = await Promise.all([
        t.http
          .patch(`/applications/${id}`)
          .auth(as('pi.utokyo'), bearer)
          .set('if-match', `"${version}"`)
          .send({ title: 'Renamed in the race', keywords: ['race'] }),
        t.http
          .post(`/applications/${id}/members`)
          .auth(as('pi.utokyo'), bearer)
          .set('if-match', `"${version}"`)
          .send({ name: 'Kenji Mori', role: 'co_investigator', earlyCareer: false, institutionId: org('UTOKYO'), country: 'JP' }),
      ]);
      // Exactly one of them is refused: the content edit answers 200, the member added 201.
      expect([content.status, member.status].filter((s) => s === 409)).toHaveLength(1);
      expect(content.status === 200 || member.status === 201).toBe(true);
      const stored = await read(id);
      expect(stored.version).toBe(version + 1);
      if (content.status === 200) {
        expect(member.body).toMatchObject({ code: 'VERSION_MISMATCH', currentVersion: version + 1 });
        expect(stored).toMatchObject({ title: 'Renamed in the race', keywords: ['race'] });
        expect(stored.members).toHaveLength(before.members.length);
      } else {
        expect(content.body).toMatchObject({ code: 'VERSION_MISMATCH', currentVersion: version + 1 });
        expect(stored).toMatchObject({ title: before.title, keywords: before.keywords });
        expect(stored.members).toHaveLength(before.members.length + 1);
      }
    });

    it('eight edits with one version: exactly one wins, the version moves by one, the stored title is the winner’s', async () => {
      const { id, version } = await draft();
      const responses = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          t.http
            .patch(`/applications/${id}`)
            .auth(as('pi.utokyo'), bearer)
            .set('if-match', `"${version}"`)
            .send({ title: `Title ${i}`, abstract: `Abstract ${i}` }),
        ),
      );
      const winners = responses.filter((r) => r.status === 200);
      expect(winners).toHaveLength(1);
      for (const r of responses.filter((r) => r.status !== 200)) expect(outcome(r)).toBe('409 VERSION_MISMATCH');
      const stored = await read(id);
      expect(stored.version).toBe(version + 1);
      // Title and abstract come from the same request: no mixture of two edits.
      expect(stored.title.replace('Title ', '')).toBe(stored.abstract.replace('Abstract ', ''));
      expect(stored.title).toBe(winners[0]!.body.title);
    });

    it('an edit racing the submission never changes what was submitted', async () => {
      // Each round: one submit, and side edits to an over-cap budget fired around it, with If-Match: *
      // (whatever the version, so the edits do not refuse each other).
      // Either the edits land first (and the submission is refused for the budget) or the submission
      // wins (and the edits are refused): never a submitted application with a budget it was not checked with.
      const rounds = await Promise.all(
        Array.from({ length: 4 }, async () => {
          const { id } = await draft();
          const delays = [0, 2, 5, 10, 20];
          const edits = delays.map((ms) =>
            new Promise((resolve) => setTimeout(resolve, ms)).then(() =>
              t.http
                .patch(`/applications/${id}/sides/${org('JST')}`)
                .auth(as('pi.utokyo'), bearer)
                .set('if-match', '*')
                .send({ budgetPerYear: OVER_CAP }),
            ),
          );
          const [submitted, ...edited] = await Promise.all([submit(id), ...edits]);
          return { id, submitted: submitted, edited };
        }),
      );
      for (const { id, submitted, edited } of rounds) {
        const stored = await read(id);
        const rows = await sideRows(id);
        if (submitted.status === 200) {
          for (const e of edited) expect(outcome(e)).toBe('422 NOT_EDITABLE');
          expect(side(stored, 'JST')).toMatchObject({ status: 'pending_institution', budgetPerYear: DRAFT_JST_BUDGET });
          expect(rows.find((r) => r.agency === 'NSF')?.receipt_number).toMatch(/^JC-2027-\d{6,}$/);
        } else {
          expect(outcome(submitted)).toBe('422 SUBMISSION_INCOMPLETE');
          expect(edited.some((e) => e.status === 200)).toBe(true);
          for (const e of edited) expect(e.status).toBe(200);
          expect(side(stored, 'JST')).toMatchObject({ status: 'draft', budgetPerYear: OVER_CAP });
          expect(rows.every((r) => r.receipt_number === null && r.status === 'draft')).toBe(true);
        }
      }
    });
  });

  it('ten submits of one draft without Idempotency-Key: one state change and one receipt per side; the rest 422 WRONG_STATE', async () => {
    const { id } = await draft();
    const responses = await Promise.all(Array.from({ length: 10 }, () => submit(id)));
    const ok = responses.filter((r) => r.status === 200);
    expect(ok).toHaveLength(1);
    for (const r of responses.filter((r) => r.status !== 200)) {
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(['422 WRONG_STATE', '409 CONCURRENT_UPDATE']).toContain(outcome(r));
    }
    expect(side(ok[0]!.body, 'JST').status).toBe('pending_institution');
    expect(side(ok[0]!.body, 'NSF').status).toBe('submitted');
    expect((await events(id)).filter((e) => e.action === 'application.submit').map((e) => `${e.agency} ${e.to_status}`)).toEqual([
      'JST pending_institution',
      'NSF submitted',
    ]);

    // The office then approves the JST side ten times at once: one approval, one receipt.
    const approvals = await Promise.all(Array.from({ length: 10 }, () => approve(id)));
    expect(approvals.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of approvals.filter((r) => r.status !== 200)) expect(['422 WRONG_STATE', '409 CONCURRENT_UPDATE']).toContain(outcome(r));
    const rows = await sideRows(id);
    expect(rows.map((r) => r.status)).toEqual(['submitted', 'submitted']);
    expect(rows.every((r) => r.receipt_number !== null)).toBe(true);
    expect(new Set(rows.map((r) => r.receipt_number)).size).toBe(2);
    expect((await events(id)).filter((e) => e.action === 'application.approve')).toHaveLength(1);
    const receiptEvents = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM application_events WHERE application_id = $1 AND to_status = 'submitted'`,
      [id],
    );
    expect(receiptEvents[0]!.n).toBe(2);
  });

  it('the office approves and returns the same side at the same moment: exactly one wins, and the event log agrees with the state', async () => {
    const wins = { approve: 0, return: 0 };
    for (let round = 0; round < 6; round++) {
      const { id } = await draft();
      expect((await submit(id)).status).toBe(200);
      // Alternate which request leaves first, so that both orders get their chance.
      const [approved, returned] =
        round % 2 === 0
          ? await Promise.all([approve(id), returnJst(id)])
          : await Promise.all([returnJst(id), approve(id)]).then(([r, a]) => [a, r] as const);
      expect([approved.status, returned.status].sort()).toEqual([200, 422]);
      const loser = approved.status === 200 ? returned : approved;
      expect(outcome(loser)).toBe('422 WRONG_STATE');
      const log = await events(id);
      const rows = await sideRows(id);
      const after = log.filter((e) => e.action === 'application.approve' || e.action === 'application.return');
      if (approved.status === 200) {
        wins.approve++;
        expect(after.map((e) => `${e.action} ${e.agency} ${e.to_status}`)).toEqual(['application.approve JST submitted']);
        expect(rows.find((r) => r.agency === 'JST')).toMatchObject({ status: 'submitted', receipt_number: expect.stringMatching(/^JC-/) });
      } else {
        wins.return++;
        expect(after.map((e) => `${e.action} ${e.agency} ${e.to_status}`)).toEqual([
          'application.return JST returned',
          'application.return NSF draft',
        ]);
        expect(rows.find((r) => r.agency === 'JST')).toMatchObject({ status: 'returned', receipt_number: null });
      }
      // Every side's status is the destination of its last event.
      for (const row of rows) expect(log.filter((e) => e.agency === row.agency).at(-1)?.to_status).toBe(row.status);
      const [application] = await t.dataSource.query<{ status: string }[]>(`SELECT status FROM applications WHERE id = $1`, [id]);
      expect(application!.status).toBe(approved.status === 200 ? 'submitted' : 'returned');
    }
    expect(wins.approve + wins.return).toBe(6);
  });

  it('concurrent automatic assignments to one call never take a reviewer above the load cap', async () => {
    const CAP = 5;
    const REVIEWERS = 8;
    const PER_TRACK = 12;
    const [institution] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO organisations (kind, short_name, name_ja, name_en, country, time_zone)
       VALUES ('institution', 'Cap Inst', 'キャップ大学', 'Cap University', 'JP', 'Asia/Tokyo') RETURNING id`,
    );
    await t.dataSource.query(
      `WITH reviewers AS (
         INSERT INTO users (email, name, roles, organisation_id, language, password_hash)
         SELECT 'cap-rev' || g || '@example.test', 'Cap Reviewer ' || g, '{reviewer}', $2, 'en', 'x' FROM generate_series(1, ${REVIEWERS}) g
         RETURNING id)
       INSERT INTO call_reviewers (call_id, reviewer_id, agency_id, added_at) SELECT $1, id, $3, now() FROM reviewers`,
      [callId, institution!.id, org('JST')],
    );
    const [pi] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM users WHERE email = 'pi.utokyo@example.org'`);
    for (const track of [trackId, topTrackId]) {
      await t.dataSource.query(
        `WITH apps AS (
           INSERT INTO applications (call_id, track_id, pi_user_id, title, keywords, status)
           SELECT $1, $2, $3, 'Eligible ' || g, '{}', 'eligible' FROM generate_series(1, ${PER_TRACK}) g RETURNING id)
         INSERT INTO application_sides (application_id, call_id, agency_id, status, budget_per_year)
         SELECT id, $1, $4, 'eligible', '{}' FROM apps`,
        [callId, track, pi!.id, org('JST')],
      );
    }
    // JST reviews once its deadline has passed.
    t.clock.set(new Date(JST_DEADLINE + 60_000));
    await login();
    const run = (body: Record<string, unknown>) => t.http.post(`/calls/${callId}/auto-assign`).auth(as('officer.jst'), bearer).send(body);
    // One run per track and two for the whole call, all at once: together they ask for far more than 8 reviewers × 5.
    const responses = await Promise.all([
      run({ trackId, perApplication: 3, loadCap: CAP }),
      run({ trackId: topTrackId, perApplication: 3, loadCap: CAP }),
      run({ perApplication: 2, loadCap: CAP }),
      run({ perApplication: 3, loadCap: CAP }),
    ]);
    for (const r of responses) expect(r.status, r.text).toBe(200);
    for (const r of responses) expect(Math.max(...Object.values<number>(r.body.loads))).toBeLessThanOrEqual(CAP);

    const loads = await t.dataSource.query<{ reviewer_id: string; n: number }[]>(
      `SELECT r.reviewer_id, count(*)::int AS n FROM review_assignments r JOIN applications a ON a.id = r.application_id
        WHERE a.call_id = $1 AND r.status <> 'declined' GROUP BY r.reviewer_id`,
      [callId],
    );
    expect(loads).toHaveLength(REVIEWERS);
    // Demand (24 applications × 2 or 3) exceeds capacity: every reviewer ends exactly at the cap, none above.
    expect(loads.map((l) => l.n)).toEqual(Array.from({ length: REVIEWERS }, () => CAP));
    const total = responses.reduce((sum, r) => sum + (r.body.assigned as number), 0);
    expect(total).toBe(REVIEWERS * CAP);
    const perApplication = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM review_assignments r JOIN applications a ON a.id = r.application_id WHERE a.call_id = $1
        GROUP BY r.application_id ORDER BY 1 DESC LIMIT 1`,
      [callId],
    );
    expect(perApplication[0]!.n).toBeLessThanOrEqual(3);
    t.clock.set(NOW);
    await login();
  });

  it('submits and approvals racing the deadline: none is accepted at or after it', async () => {
    const pending = await Promise.all(Array.from({ length: 4 }, () => draft()));
    const early = await Promise.all(Array.from({ length: 10 }, () => draft()));
    const late = await Promise.all(Array.from({ length: 6 }, () => draft()));
    t.clock.set(new Date(JST_DEADLINE - 60_000));
    await login();
    for (const { id } of pending) expect((await submit(id)).status).toBe(200);

    // The first wave leaves a minute before the deadline; the clock reaches the deadline as soon as
    // the first of them is answered, while the others are still running; the second wave leaves after.
    let moved = false;
    const moveClock = (response: Response): Response => {
      if (!moved && response.status === 200) {
        moved = true;
        t.clock.set(new Date(JST_DEADLINE));
      }
      return response;
    };
    const firstWave = [
      ...early.map(({ id }) => submit(id).then(moveClock)),
      ...pending.slice(0, 2).map(({ id }) => approve(id).then(moveClock)),
    ];
    await Promise.race(firstWave);
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (!moved) {
      moved = true;
      t.clock.set(new Date(JST_DEADLINE));
    }
    const secondWave = [...late.map(({ id }) => submit(id)), ...pending.slice(2).map(({ id }) => approve(id))];
    const first = await Promise.all(firstWave);
    const second = await Promise.all(secondWave);

    for (const r of second) expect(outcome(r)).toBe('422 DEADLINE_PASSED');
    for (const r of first) expect(['200', '422 DEADLINE_PASSED']).toContain(outcome(r));
    expect(first.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);

    const submitted = [...early, ...late];
    const answers = [...first.slice(0, early.length), ...second.slice(0, late.length)];
    for (const [i, { id }] of submitted.entries()) {
      const rows = await sideRows(id);
      const log = (await events(id)).filter((e) => e.action === 'application.submit');
      if (answers[i]!.status === 200) {
        expect(rows.map((r) => r.status)).toEqual(['pending_institution', 'submitted']);
        expect(rows.find((r) => r.agency === 'NSF')!.submitted_at!.getTime()).toBeLessThan(JST_DEADLINE);
        expect(log).toHaveLength(2);
        for (const e of log) expect(e.occurred_at.getTime()).toBeLessThan(JST_DEADLINE);
      } else {
        expect(rows.map((r) => r.status)).toEqual(['draft', 'draft']);
        expect(log).toEqual([]);
      }
    }
    const approvals = [...first.slice(early.length), ...second.slice(late.length)];
    for (const [i, { id }] of pending.entries()) {
      const jst = (await sideRows(id)).find((r) => r.agency === 'JST')!;
      const log = (await events(id)).filter((e) => e.action === 'application.approve');
      if (approvals[i]!.status === 200) {
        expect(jst).toMatchObject({ status: 'submitted', receipt_number: expect.stringMatching(/^JC-/) });
        expect(jst.submitted_at!.getTime()).toBeLessThan(JST_DEADLINE);
        expect(log.map((e) => e.occurred_at.getTime() < JST_DEADLINE)).toEqual([true]);
      } else {
        expect(jst).toMatchObject({ status: 'pending_institution', receipt_number: null });
        expect(log).toEqual([]);
      }
    }
    // Whatever was stored for JST, nothing moved into pending_institution or submitted at or after its deadline.
    const lateMoves = await t.dataSource.query(
      `SELECT 1 FROM application_events e JOIN applications a ON a.id = e.application_id
        WHERE a.call_id = $1 AND e.agency_id = $2 AND e.to_status IN ('pending_institution', 'submitted') AND e.occurred_at >= $3`,
      [callId, org('JST'), new Date(JST_DEADLINE)],
    );
    expect(lateMoves).toEqual([]);
    t.clock.set(NOW);
    await login();
  });
});
