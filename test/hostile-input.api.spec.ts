import fc from 'fast-check';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeeds } from '../seeds/index.js';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { seedId } from '../seeds/seed-id.js';
import { jointCallBody, org } from './support/call-fixtures.js';
import {
  type ApiOperation,
  contractViolations,
  describeRequest,
  type GenerationContext,
  illFormedText,
  legalText,
  type OpenApiDocument,
  type OperationPlan,
  operationsOf,
  requestArbitrary,
  sendRaw,
  truncate,
} from './support/hostile-input.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Hostile input, generated from the OpenAPI document of the running application: whatever a client
 * sends, the answer is never a 5xx, every 4xx is RFC 9457 problem+json with type, title, status and
 * code, what must be refused is refused, and legal text that is accepted is kept byte for byte.
 *
 * `npm test` runs a few hundred cases; `npm run test:full` (FULL_SUITE=1) runs 10,000. The seed is
 * fixed; HOSTILE_SEED=<n> changes it, and a failure prints the seed and path that reproduce it.
 */
const FULL = process.env['FULL_SUITE'] === '1';
const TOTAL_CASES = FULL ? 10_000 : 300;
const SEED = process.env['HOSTILE_SEED'] === undefined ? 20_261_122 : Number(process.env['HOSTILE_SEED']);
const NOW = '2026-11-22T05:00:00Z';
const TIMEOUT = FULL ? 3_600_000 : 180_000;

/** Shares of the cases: text kept byte for byte (three fields), ill-formed text (three fields), every operation. */
const ROUND_TRIP_RUNS = Math.round((TOTAL_CASES * 0.08) / 3);
const ILL_FORMED_RUNS = Math.round((TOTAL_CASES * 0.02) / 3);
const OPERATION_RUNS = TOTAL_CASES - 3 * ROUND_TRIP_RUNS - 3 * ILL_FORMED_RUNS;

const bearer = { type: 'bearer' } as const;

/** The signed-in users requests are sent as. */
const DEMO_USERS: Readonly<Record<string, string>> = {
  admin: 'admin@example.org',
  officer: 'officer.jst@example.org',
  ura: 'ura.utokyo@example.org',
  pi: 'pi.utokyo@example.org',
  kyoto: 'reviewer.kyoto@example.org',
  tohoku: 'reviewer.tohoku@example.org',
  reviewerOsaka: 'reviewer.osaka@example.org',
  uraOsaka: 'ura.osaka@example.org',
};

/** Splits `total` over weights so that the parts add up to it exactly (largest remainders first). */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map((x) => Math.max(1, Math.floor(x)));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k]![1]]! += 1;
  return parts;
}

describe('hostile input', () => {
  let t: TestApp;
  let port: number;
  const agent = new http.Agent({ keepAlive: false });
  const tokens: Record<string, string> = {};
  let doc: OpenApiDocument;
  let ctx: GenerationContext;
  let plans: Record<string, OperationPlan>;
  /** Objects the text round trips write to; the hostile requests leave them alone. */
  const mine = { application: '', assignment: '', userEmail: '' };

  const api = (method: 'get' | 'post' | 'put' | 'patch', url: string, who: string) => t.http[method](url).auth(tokens[who]!, bearer);
  /** A versioned update that overwrites whatever is there (If-Match: *): these writes are about text, not concurrency. */
  const overwrite = (method: 'post' | 'put' | 'patch', url: string, who: string) => api(method, url, who).set('if-match', '*');

  async function created(method: 'post' | 'put', url: string, who: string, body: object): Promise<Record<string, unknown>> {
    const response = await api(method, url, who).send(body);
    expect(response.status, `${method} ${url}: ${response.text}`).toBeLessThan(300);
    return response.body as Record<string, unknown>;
  }

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    await runSeeds(t.dataSource, new Date(NOW));
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    for (const [who, email] of Object.entries(DEMO_USERS)) tokens[who] = await t.login(email, DEMO_PASSWORD);
    const me = await t.given.user({ roles: ['researcher'], organisationId: org('UTOKYO'), name: 'Round Trip' });
    mine.userEmail = me.email;
    tokens['me'] = await t.login(me.email);
    const spare = await t.given.user({ roles: ['researcher'], organisationId: org('OSAKA') });

    const documentResponse = await t.http.get('/docs-json');
    expect(documentResponse.status).toBe(200);
    doc = documentResponse.body as OpenApiDocument;

    const openCall = seedId('call', 'SICORP-US-CURRENT');
    const reviewCall = seedId('call', 'SICORP-US-REVIEW');
    const openDetails = (await api('get', `/calls/${openCall}`, 'pi')).body as {
      tracks: { id: string }[];
      fields: string[];
      program: { id: string };
    };
    const reviewDetails = (await api('get', `/calls/${reviewCall}`, 'officer')).body as {
      tracks: { id: string }[];
      criteria: { id: string }[];
    };
    const track = openDetails.tracks[0]!.id;
    const field = openDetails.fields[0] ?? null;
    const draftBody = (title: string) => ({
      callId: openCall,
      trackId: track,
      title,
      abstract: 'Abstract.',
      fieldCode: field,
      durationMonths: 36,
    });

    // Objects the hostile requests may change at will.
    const hostileDraft = (await created('post', '/applications', 'pi', draftBody('Target of hostile edits')))['id'] as string;
    const withMember = await overwrite('post', `/applications/${hostileDraft}/members`, 'pi').send({
      name: 'Yui Tanaka',
      role: 'co_investigator',
    });
    expect(withMember.status, withMember.text).toBe(201);
    const member = (withMember.body.members as { id: string }[])[0]!.id;
    const draftCall = (await created('post', '/calls', 'officer', jointCallBody(openDetails.program.id)))['id'] as string;
    const program = (
      await created('post', '/programs', 'officer', { agencyId: org('JST'), code: 'HOSTILE-FIXTURE', nameJa: '試験', nameEn: 'Fixture' })
    )['id'] as string;
    const organisation = (
      await created('post', '/organizations', 'admin', {
        kind: 'institution',
        shortName: 'HOSTILE',
        nameJa: '試験大学',
        nameEn: 'Fixture University',
        country: 'FR',
        timeZone: 'Europe/Paris',
      })
    )['id'] as string;
    const osakaInReview = seedId('application', 'OSAKA-IN-REVIEW');
    const kyotoAssignment = (
      await created('post', `/applications/${osakaInReview}/assignments`, 'officer', { reviewerId: seedId('user', DEMO_USERS['kyoto']!) })
    )['assignmentId'] as string;
    await created('post', `/assignments/${kyotoAssignment}/accept`, 'kyoto', { noConflict: true });
    const tohokuAssignment = (
      await created('post', `/applications/${osakaInReview}/assignments`, 'officer', { reviewerId: seedId('user', DEMO_USERS['tohoku']!) })
    )['assignmentId'] as string;
    const calendarToken = (await created('post', '/me/calendar-token', 'me', {}))['token'] as string;

    // Objects the text round trips own.
    mine.application = (await created('post', '/applications', 'pi', draftBody('Round trip')))['id'] as string;
    const tohokuWork = (await api('get', '/me/assignments', 'tohoku')).body as { id: string; status: string; submittedAt: string | null }[];
    mine.assignment = tohokuWork.find((a) => a.status === 'accepted' && a.submittedAt === null)!.id;

    const firstCursor = async (url: string, who: string) => ((await api('get', url, who)).body as { nextCursor: string | null }).nextCursor;
    const cursors = {
      calls: await firstCursor('/calls?limit=1', 'pi'),
      organisations: await firstCursor('/organizations?limit=1', 'pi'),
      users: await firstCursor('/users?limit=1', 'admin'),
      applications: await firstCursor('/applications?view=office&limit=1', 'ura'),
    };
    for (const [name, id] of Object.entries({
      hostileDraft,
      member,
      draftCall,
      program,
      organisation,
      kyotoAssignment,
      tohokuAssignment,
      calendarToken,
    })) {
      expect(typeof id, name).toBe('string');
    }
    const withCursor = (cursor: string | null) => (cursor === null ? [] : [{ limit: '1', cursor }]);

    ctx = {
      doc,
      knownIds: [
        openCall,
        reviewCall,
        track,
        org('JST'),
        org('NSF'),
        org('UTOKYO'),
        org('MIT'),
        openDetails.program.id,
        seedId('user', 'pi.mit@example.org'),
        seedId('user', DEMO_USERS['tohoku']!),
        hostileDraft,
        reviewDetails.criteria[0]!.id,
      ],
    };
    const JST = org('JST');
    plans = {
      login: { as: null, bodies: [{ email: 'nobody@example.org', password: 'not the password' }] },
      refreshToken: { as: null, bodies: [{ refreshToken: 'not-a-refresh-token' }] },
      getMyCalendar: { as: null, pathIds: { token: [calendarToken] } },
      updateMe: { as: 'me', bodies: [{ name: 'Renamed', language: 'ja', timeZone: 'Europe/Paris', orcid: null }] },
      listUsers: { as: 'admin', queries: [{ q: 'sato', role: 'researcher', limit: '2' }, ...withCursor(cursors.users)] },
      createUser: {
        as: 'admin',
        bodies: [
          {
            email: 'new.user@example.org',
            name: 'New User',
            password: 'a long enough password',
            roles: ['researcher'],
            organisationId: org('UTOKYO'),
            language: 'en',
            timeZone: 'Asia/Tokyo',
          },
        ],
      },
      updateUser: {
        as: 'admin',
        pathIds: { id: [spare.id] },
        bodies: [{ name: 'Renamed', roles: ['researcher', 'reviewer'], organisationId: org('OSAKA'), disabled: false }],
      },
      listOrganizations: { as: 'pi', queries: [{ q: 'Tokyo', kind: 'institution', country: 'jp' }, ...withCursor(cursors.organisations)] },
      createOrganization: {
        as: 'admin',
        bodies: [
          {
            kind: 'institution',
            shortName: 'HOST',
            nameJa: 'ホスト大学',
            nameEn: 'Host University',
            country: 'FR',
            timeZone: 'Europe/Paris',
          },
        ],
      },
      updateOrganization: {
        as: 'admin',
        pathIds: { id: [organisation] },
        bodies: [{ nameEn: 'Renamed University', country: 'de', timeZone: 'Europe/Berlin', rorId: null }],
      },
      listPrograms: { as: 'pi', queries: [{ agencyId: JST, q: 'SICORP' }] },
      createProgram: {
        as: 'officer',
        bodies: [{ agencyId: JST, code: 'HOSTILE-1', nameJa: '敵対', nameEn: 'Hostile', descriptionEn: 'x' }],
      },
      updateProgram: { as: 'officer', pathIds: { id: [program] }, bodies: [{ nameEn: 'Renamed', descriptionJa: '説明' }] },
      listCalls: {
        as: 'pi',
        queries: [
          { q: '量子', tz: 'Asia/Tokyo', deadlineFrom: '2026-01-01T00:00:00Z', deadlineTo: '2028-01-01T00:00:00Z', status: 'open' },
          { partnerCountry: 'us', mode: 'joint_call', agencyId: JST, field: field ?? 'x' },
          ...withCursor(cursors.calls),
        ],
      },
      getCall: { as: 'pi', pathIds: { id: [openCall] }, queries: [{ tz: 'America/New_York' }] },
      createCall: { as: 'officer', bodies: [jointCallBody(openDetails.program.id)] },
      updateCall: {
        as: 'officer',
        pathIds: { id: [draftCall] },
        bodies: [
          { titleEn: 'Renamed call', agencies: [{ agencyId: JST, deadline: '2027-03-31T12:00', timeZone: 'Asia/Tokyo' }] },
          { opensAt: '2027-01-20T10:00', projectStartOn: '2027-10-01', announcedAt: null },
        ],
      },
      cancelCall: { as: 'officer', pathIds: { id: [draftCall] }, bodies: [{ reason: 'No budget this year.' }] },
      createApplication: { as: 'pi', bodies: [draftBody('A proposal')] },
      listApplications: {
        as: 'ura',
        queries: [
          { view: 'office', callId: openCall, status: 'submitted' },
          { view: 'mine', deadlineFrom: '2026-01-01T00:00:00Z', deadlineTo: '2027-12-31T00:00:00+09:00' },
          ...withCursor(cursors.applications).map((q) => ({ ...q, view: 'office' })),
        ],
      },
      exportApplicationsCsv: { as: 'ura', queries: [{ callId: openCall, status: 'draft', field: field ?? 'x' }] },
      updateApplication: {
        as: 'pi',
        pathIds: { id: [hostileDraft] },
        bodies: [{ title: 'Renamed', abstract: 'New abstract', keywords: ['quantum'], durationMonths: 24, fieldCode: field }],
      },
      updateApplicationSide: {
        as: 'pi',
        pathIds: { id: [hostileDraft], agencyId: [JST, org('NSF')] },
        bodies: [
          {
            budgetPerYear: [1_000_000, 2_000_000],
            budgetCurrency: 'JPY',
            piName: 'Aiko Mori',
            piEmail: 'aiko@example.org',
            institutionId: org('UTOKYO'),
            existingGrantNumber: null,
          },
        ],
      },
      addApplicationMember: {
        as: 'pi',
        pathIds: { id: [hostileDraft] },
        bodies: [
          {
            name: 'Ren Ito',
            role: 'co_investigator',
            earlyCareer: true,
            institutionId: org('UTOKYO'),
            country: 'JP',
            orcid: '0000-0002-1825-0097',
          },
        ],
      },
      inviteApplicationMember: {
        as: 'pi',
        pathIds: { id: [hostileDraft] },
        bodies: [{ name: 'Mia Klein', email: 'mia.klein@lab.example.edu', role: 'partner_pi', institutionId: org('MIT'), country: 'US' }],
      },
      findPerson: { as: 'pi', queries: [{ email: 'PI.MIT@example.org' }, { orcid: '0000-0002-1825-0097' }] },
      updateApplicationMember: {
        as: 'pi',
        pathIds: { id: [hostileDraft], memberId: [member] },
        bodies: [{ name: 'Yui Tanaka', role: 'co_investigator', email: 'yui@example.org', country: 'JP' }],
      },
      approveApplicationSide: {
        as: 'ura',
        pathIds: { id: [seedId('application', 'UTOKYO-PENDING')], agencyId: [JST] },
        bodies: [{ exportControlScreened: true, disclosuresReceived: true, comment: 'Checked.' }],
      },
      returnApplicationSide: {
        as: 'uraOsaka',
        pathIds: { id: [seedId('application', 'OSAKA-PENDING')], agencyId: [JST] },
        bodies: [{ comment: 'Please attach the self-check.' }],
      },
      setInstitutionDeadline: {
        as: 'ura',
        pathIds: { id: [openCall] },
        bodies: [{ deadline: '2026-12-10T17:00' }, { deadline: '2026-12-10T08:00:00Z' }],
      },
      recordEligibility: {
        as: 'officer',
        pathIds: { id: [seedId('application', 'UTOKYO-SUBMITTED')], agencyId: [JST] },
        bodies: [{ eligible: true, reason: 'Meets the rules.' }],
      },
      addCallReviewer: { as: 'officer', pathIds: { id: [reviewCall] }, bodies: [{ reviewerId: seedId('user', DEMO_USERS['kyoto']!) }] },
      assignReviewer: {
        as: 'officer',
        pathIds: { id: [osakaInReview] },
        bodies: [{ reviewerId: seedId('user', DEMO_USERS['tohoku']!), dueAt: '2027-01-15T00:00:00Z' }],
      },
      autoAssignReviewers: {
        as: 'officer',
        pathIds: { id: [reviewCall] },
        bodies: [{ perApplication: 1, loadCap: 10, dueAt: '2027-01-15T00:00:00Z', trackId: reviewDetails.tracks[0]!.id }],
      },
      declareConflict: {
        as: 'reviewerOsaka',
        pathIds: { id: [seedId('application', 'UTOKYO-IN-REVIEW')] },
        bodies: [{ reason: 'A former colleague.' }],
      },
      acceptAssignment: { as: 'kyoto', pathIds: { id: [kyotoAssignment] }, bodies: [{ noConflict: true }] },
      declineAssignment: { as: 'tohoku', pathIds: { id: [tohokuAssignment] }, bodies: [{ reason: 'Too busy.' }] },
      saveReview: {
        as: 'kyoto',
        pathIds: { id: [kyotoAssignment] },
        bodies: [{ scores: { [reviewDetails.criteria[0]!.id]: 3 }, comment: 'Sound.' }],
      },
      getCallRanking: { as: 'officer', pathIds: { id: [reviewCall] }, queries: [{ trackId: reviewDetails.tracks[0]!.id }] },
      recordSideDecision: {
        as: 'officer',
        pathIds: { id: [osakaInReview], agencyId: [JST] },
        bodies: [
          { decision: 'yes', amount: 1_000_000, currency: 'JPY' },
          { decision: 'no', amount: null, currency: null },
        ],
      },
      listNotifications: { as: 'pi', queries: [{ unread: 'true', limit: '3' }] },
      updateNotificationPreferences: { as: 'pi', bodies: [{ email: { approval_requested: false, review_assigned: true } }] },
      listFailedJobs: { as: 'admin', queries: [{ queue: 'notifications.email', limit: '5' }] },
    };
  }, 300_000);

  afterAll(async () => {
    agent.destroy();
    await t?.close();
  });

  /** Who sends an operation's requests when its plan does not say: a user with the role it needs. */
  function planFor(op: ApiOperation): OperationPlan {
    const planned = plans[op.id];
    if (planned !== undefined) return planned;
    if (op.access === 'public') return { as: null };
    const roles = op.access.startsWith('roles: ') ? op.access.slice('roles: '.length).split(', ') : [];
    const byRole: Record<string, string> = {
      admin: 'admin',
      program_officer: 'officer',
      institution_admin: 'ura',
      reviewer: 'kyoto',
      researcher: 'pi',
    };
    return { as: byRole[roles[0] ?? ''] ?? 'pi' };
  }

  /** Sends each operation its share of hostile requests; answers the failures, and which statuses each operation gave. */
  async function runOperations(
    operations: readonly ApiOperation[],
    runs: readonly number[],
  ): Promise<{ failures: string[]; statuses: Map<string, Set<number>> }> {
    const failures: string[] = [];
    const statuses = new Map<string, Set<number>>();
    for (const [index, op] of operations.entries()) {
      const plan = planFor(op);
      const seen = new Set<number>();
      statuses.set(op.id, seen);
      const details = await fc.check(
        fc.asyncProperty(requestArbitrary(ctx, op, plan), async (request) => {
          const response = await sendRaw(agent, port, request, request.as === null ? undefined : tokens[request.as]);
          seen.add(response.status);
          const problems = contractViolations(response);
          if (request.refusals.length > 0 && response.status < 400) {
            problems.push(`accepted with ${response.status} although ${request.refusals.join('; ')}`);
          }
          if (request.as === null && op.access !== 'public' && response.status < 400) {
            problems.push(`answered ${response.status} to a request without credentials`);
          }
          if (problems.length > 0) {
            throw new Error(
              `${problems.join('; ')}\n  request: ${describeRequest(request)}\n  answer: ${response.status} ${truncate(response.text, 500)}`,
            );
          }
        }),
        { seed: SEED, numRuns: runs[index]! },
      );
      if (details.failed) {
        const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
        failures.push(`${op.id} (${op.method} ${op.path}), HOSTILE_SEED=${SEED}:\n${error}\n${fc.defaultReportMessage(details)}`);
      }
    }
    return { failures, statuses };
  }

  const withInput = (op: ApiOperation) => op.body !== undefined || op.query.length > 0;

  it('answers hostile requests to every operation within the error contract', { timeout: TIMEOUT }, async () => {
    const all = operationsOf(doc);
    const inputs = all.filter(withInput);
    const pathOnly = all.filter((op) => !withInput(op) && op.pathParams.length > 0);
    expect(inputs.length).toBeGreaterThan(30);
    expect(pathOnly.length).toBeGreaterThan(15);
    const operations = [...inputs, ...pathOnly];
    const runs = apportion(OPERATION_RUNS, [...inputs.map(() => 3), ...pathOnly.map(() => 1)]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(OPERATION_RUNS);
    const { failures, statuses } = await runOperations(operations, runs);
    expect(failures, failures.join('\n\n')).toEqual([]);
    // The requests reach the services, not only the validators: valid-shaped ones are accepted.
    const accepted = [...statuses].filter(([, seen]) => [...seen].some((status) => status < 300)).map(([id]) => id);
    expect(accepted.length, `operations that accepted a request: ${accepted.join(', ')}`).toBeGreaterThanOrEqual(FULL ? 30 : 10);
  });

  describe('keeps accepted hostile-but-legal text byte for byte', () => {
    it('in an application’s title, abstract and keywords', { timeout: TIMEOUT }, async () => {
      await fc.assert(
        fc.asyncProperty(
          legalText({ maxLength: 500, minLength: 1 }),
          legalText({ maxLength: 20_000 }),
          fc.array(legalText({ maxLength: 100 }), { maxLength: 5 }),
          async (title, abstract, keywords) => {
            const saved = await overwrite('patch', `/applications/${mine.application}`, 'pi').send({ title, abstract, keywords });
            expect(saved.status, saved.text).toBe(200);
            const read = await api('get', `/applications/${mine.application}`, 'pi');
            expect(read.status).toBe(200);
            // The title is trimmed on input (documented); nothing else may change.
            expect(read.body.title).toBe(title.trim());
            expect(read.body.abstract).toBe(abstract);
            expect(read.body.keywords).toEqual(keywords);
          },
        ),
        { seed: SEED, numRuns: ROUND_TRIP_RUNS },
      );
    });

    it('in a review comment', { timeout: TIMEOUT }, async () => {
      await fc.assert(
        fc.asyncProperty(legalText({ maxLength: 20_000 }), async (comment) => {
          const saved = await overwrite('put', `/assignments/${mine.assignment}/review`, 'tohoku').send({ scores: {}, comment });
          expect(saved.status, saved.text).toBe(200);
          const read = await api('get', `/assignments/${mine.assignment}/application`, 'tohoku');
          expect(read.status).toBe(200);
          expect(read.body.review.comment).toBe(comment);
        }),
        { seed: SEED, numRuns: ROUND_TRIP_RUNS },
      );
    });

    it('in a user’s name', { timeout: TIMEOUT }, async () => {
      await fc.assert(
        fc.asyncProperty(legalText({ maxLength: 200, minLength: 1 }), async (name) => {
          const saved = await overwrite('patch', '/me', 'me').send({ name });
          expect(saved.status, saved.text).toBe(200);
          const read = await api('get', '/me', 'me');
          expect(read.body.email).toBe(mine.userEmail);
          expect(read.body.name).toBe(name.trim());
        }),
        { seed: SEED, numRuns: ROUND_TRIP_RUNS },
      );
    });
  });

  it('refuses text with NUL characters or lone surrogates with a field error, never storing it altered', { timeout: TIMEOUT }, async () => {
    const targets = [
      {
        field: 'abstract',
        write: (text: string) => overwrite('patch', `/applications/${mine.application}`, 'pi').send({ abstract: text }),
        read: async () => (await api('get', `/applications/${mine.application}`, 'pi')).body.abstract as string,
      },
      {
        field: 'comment',
        write: (text: string) => overwrite('put', `/assignments/${mine.assignment}/review`, 'tohoku').send({ scores: {}, comment: text }),
        read: async () => (await api('get', `/assignments/${mine.assignment}/application`, 'tohoku')).body.review.comment as string,
      },
      {
        field: 'name',
        write: (text: string) => overwrite('patch', '/me', 'me').send({ name: text }),
        read: async () => (await api('get', '/me', 'me')).body.name as string,
      },
    ];
    for (const target of targets) {
      await fc.assert(
        fc.asyncProperty(illFormedText({ maxLength: 150 }), async (text) => {
          const before = await target.read();
          const response = await target.write(text);
          if (response.status < 300) {
            expect(await target.read(), 'accepted, so it must be stored as sent').toBe(text.trim() === text ? text : text.trim());
            return;
          }
          expect(response.status, response.text).toBe(400);
          expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
          expect(response.body.code).toBe('VALIDATION_FAILED');
          expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(target.field);
          expect(await target.read()).toBe(before);
        }),
        { seed: SEED, numRuns: ILL_FORMED_RUNS },
      );
    }
  });
});
