import { expect } from 'vitest';
import { InvitationsService, type Role } from '#identity';
import { runSeeds } from '../../seeds/index.js';
import { makePdf } from '../../seeds/demo/pdf.js';
import { DEMO_PASSWORD } from '../../seeds/demo/users.js';
import { jointCallBody, org } from './call-fixtures.js';
import { TEST_PASSWORD } from './given.js';
import type { TestApp } from './test-app.js';

/** Every kind of caller the authorization matrix asks about. */
export const CALLERS = [
  'anonymous',
  'admin',
  'officerOfCall',
  'officerElsewhere',
  'officeOfSide',
  'officeElsewhere',
  'pi',
  'member',
  'outsider',
  'reviewerAssigned',
  'reviewerUnassigned',
  'reviewerConflicted',
] as const;
export type Caller = (typeof CALLERS)[number];
export type SignedInCaller = Exclude<Caller, 'anonymous'>;

/**
 * Who each caller is. The call is led by JST with NSF as partner; the application's JST side is at
 * UTokyo, its NSF side at MIT. Nobody in it is at Osaka, Kyoto or Tohoku.
 */
export const CALLER_ACCOUNTS: Record<
  SignedInCaller,
  { readonly email: string; readonly password: string; readonly roles: readonly Role[] }
> = {
  admin: { email: 'admin@example.org', password: DEMO_PASSWORD, roles: ['admin'] },
  officerOfCall: { email: 'officer.jst@example.org', password: DEMO_PASSWORD, roles: ['program_officer'] },
  officerElsewhere: { email: 'officer.dfg@example.test', password: TEST_PASSWORD, roles: ['program_officer'] },
  officeOfSide: { email: 'ura.utokyo@example.org', password: DEMO_PASSWORD, roles: ['institution_admin'] },
  officeElsewhere: { email: 'ura.osaka@example.org', password: DEMO_PASSWORD, roles: ['institution_admin'] },
  pi: { email: 'pi.utokyo@example.org', password: DEMO_PASSWORD, roles: ['researcher'] },
  member: { email: 'co-investigator.mit@example.test', password: TEST_PASSWORD, roles: ['researcher'] },
  outsider: { email: 'pi.osaka@example.org', password: DEMO_PASSWORD, roles: ['researcher'] },
  reviewerAssigned: { email: 'reviewer.kyoto@example.org', password: DEMO_PASSWORD, roles: ['researcher', 'reviewer'] },
  reviewerUnassigned: { email: 'reviewer.osaka@example.org', password: DEMO_PASSWORD, roles: ['researcher', 'reviewer'] },
  reviewerConflicted: { email: 'reviewer.tohoku@example.org', password: DEMO_PASSWORD, roles: ['researcher', 'reviewer'] },
};

/** The objects the routes are asked about, built once through the API. */
export interface World {
  readonly tokens: Readonly<Record<SignedInCaller, string>>;
  readonly userIds: Readonly<Record<SignedInCaller, string>>;
  readonly programId: string;
  readonly callId: string;
  readonly trackId: string;
  /** Under review: JST side assigned to the assigned and the conflicted reviewer, both reviews submitted; NSF side submitted. */
  readonly applicationId: string;
  /** The co-investigator's entry in the application's team. */
  readonly memberId: string;
  /** The JST side decided (funded), the NSF side submitted: nothing may withdraw it any more. */
  readonly decidedApplicationId: string;
  /** A draft its PI withdrew before it reached any agency. */
  readonly withdrawnDraftId: string;
  /** The assigned reviewer's accepted assignment, review submitted. */
  readonly assignmentId: string;
  /** The conflicted reviewer's assignment: accepted and submitted, then a conflict declared. */
  readonly conflictedAssignmentId: string;
  /** A notice of the assigned reviewer's. */
  readonly notificationId: string;
  /** A background job that failed after its retries. */
  readonly failedJobId: string;
  /** The secret calendar-feed token of a user outside the matrix. */
  readonly calendarToken: string;
  /** The token of an invitation into the withdrawn draft, made before its withdrawal, not yet accepted. */
  readonly invitationToken: string;
  readonly organisationId: string;
  /** The call's one (optional) document requirement: a research plan. */
  readonly requirementId: string;
  /** The research plan of the application under review, and the version its submission names. */
  readonly documentId: string;
  readonly documentVersionId: string;
}

const bearer = { type: 'bearer' } as const;

/** Seeds the demo data and builds, through the API, every object the matrix needs. */
export async function buildWorld(t: TestApp): Promise<World> {
  await runSeeds(t.dataSource);
  const dfgOfficer = await t.given.user({
    email: CALLER_ACCOUNTS.officerElsewhere.email,
    roles: ['program_officer'],
    organisationId: org('DFG'),
    name: 'DFG Officer',
  });
  const coInvestigator = await t.given.user({
    email: CALLER_ACCOUNTS.member.email,
    roles: ['researcher'],
    organisationId: org('MIT'),
    name: 'MIT Co-investigator',
  });
  const calendarUser = await t.given.user({ roles: ['researcher'], organisationId: org('TOHOKU') });

  const signedIn = Object.keys(CALLER_ACCOUNTS) as SignedInCaller[];
  const userIds = {} as Record<SignedInCaller, string>;
  for (const caller of signedIn) {
    const [row] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM users WHERE email = $1`, [CALLER_ACCOUNTS[caller].email]);
    userIds[caller] = row!.id;
  }
  expect(userIds.officerElsewhere).toBe(dfgOfficer.id);
  expect(userIds.member).toBe(coInvestigator.id);

  const tokens = {} as Record<SignedInCaller, string>;
  const login = async () => {
    for (const caller of signedIn) tokens[caller] = await t.login(CALLER_ACCOUNTS[caller].email, CALLER_ACCOUNTS[caller].password);
  };
  await login();

  const ok = async (request: Promise<{ status: number; text: string; body: unknown }>, status = 200) => {
    const response = await request;
    expect(response.status, response.text).toBe(status);
    return response.body as Record<string, unknown>;
  };
  /** Updates are conditional on the version read (If-Match), as every versioned update must be. */
  const as = (token: string) => ({
    get: (path: string) => t.http.get(path).auth(token, bearer),
    post: (path: string, body: object = {}, version?: number) => {
      const request = t.http.post(path).auth(token, bearer);
      return (version === undefined ? request : request.set('if-match', `"${version}"`)).send(body);
    },
    patch: (path: string, body: object, version: number) =>
      t.http.patch(path).auth(token, bearer).set('if-match', `"${version}"`).send(body),
    put: (path: string, body: object, version: number) => t.http.put(path).auth(token, bearer).set('if-match', `"${version}"`).send(body),
  });

  const [program] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM programs WHERE code = 'SICORP'`);
  const call = await ok(
    as(tokens.officerOfCall).post(
      '/calls',
      jointCallBody(program!.id, {
        agencies: [
          { agencyId: org('JST'), role: 'lead', deadline: '2027-03-31T12:00' },
          { agencyId: org('NSF'), role: 'partner', deadline: '2027-04-15T17:00', institutionApprovalRequired: false },
        ],
      }),
    ),
    201,
  );
  const callId = call['id'] as string;
  const trackId = (call['tracks'] as { id: string }[])[0]!.id;
  const criteria = (call['criteria'] as { id: string }[]).map((c) => c.id);
  await ok(as(tokens.officerOfCall).post(`/calls/${callId}/publish`));
  const requirements = await t.http
    .put(`/calls/${callId}/document-requirements`)
    .auth(tokens.officerOfCall, bearer)
    .send({
      requirements: [
        { kind: 'research_plan', scope: 'proposal', labelEn: 'Research plan', labelJa: '研究計画書', maxBytes: 1_000_000, required: false },
      ],
    });
  expect(requirements.status, requirements.text).toBe(200);
  const requirementId = (requirements.body as { id: string }[])[0]!.id;
  t.clock.set('2027-02-01T00:00:00Z');
  await login();

  let pi = as(tokens.pi);
  const [mit] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM users WHERE email = 'pi.mit@example.org'`);
  const draft = async (title: string): Promise<string> => {
    const created = await ok(
      pi.post('/applications', { callId, trackId, title, abstract: 'Abstract', fieldCode: 'quantum', durationMonths: 36 }),
      201,
    );
    const id = created['id'] as string;
    const jst = await ok(
      pi.patch(
        `/applications/${id}/sides/${org('JST')}`,
        { budgetPerYear: [10_000_000], budgetCurrency: 'JPY' },
        created['version'] as number,
      ),
    );
    const nsf = await ok(
      pi.patch(
        `/applications/${id}/sides/${org('NSF')}`,
        { piUserId: mit!.id, institutionId: org('MIT'), budgetPerYear: [100_000], budgetCurrency: 'USD' },
        jst['version'] as number,
      ),
    );
    await ok(
      pi.post(
        `/applications/${id}/members`,
        { userId: coInvestigator.id, name: 'MIT Co-investigator', role: 'co_investigator', institutionId: org('MIT'), country: 'US' },
        nsf['version'] as number,
      ),
      201,
    );
    return id;
  };
  const submittedToJst = async (id: string) => {
    await ok(pi.post(`/applications/${id}/submit`));
    await ok(
      as(tokens.officeOfSide).post(`/applications/${id}/sides/${org('JST')}/approve`, {
        exportControlScreened: true,
        disclosuresReceived: true,
      }),
    );
  };
  const eligibleAtJst = (id: string) =>
    ok(as(tokens.officerOfCall).post(`/applications/${id}/sides/${org('JST')}/eligibility`, { eligible: true, reason: 'Meets the rules' }));

  // Submitted while the call is open: the application to be under review and the one to be decided.
  const applicationId = await draft('量子センシングの日米共同研究');
  const team = await ok(pi.get(`/applications/${applicationId}`));
  const memberId = (team['members'] as { id: string; userId: string | null }[]).find((m) => m.userId === coInvestigator.id)!.id;
  const plan = await t.http
    .post(`/applications/${applicationId}/documents/${requirementId}`)
    .auth(tokens.pi, bearer)
    .attach('file', makePdf({ pages: 2, title: 'Research plan' }), { filename: 'plan.pdf', contentType: 'application/pdf' });
  expect(plan.status, plan.text).toBe(201);
  await submittedToJst(applicationId);
  const decidedApplicationId = await draft('日米量子計測の共同研究');
  await submittedToJst(decidedApplicationId);

  for (const reviewer of ['reviewerAssigned', 'reviewerUnassigned', 'reviewerConflicted'] as const) {
    await ok(as(tokens.officerOfCall).post(`/calls/${callId}/reviewers`, { reviewerId: userIds[reviewer] }), 201);
  }

  // JST's deadline has passed, NSF's has not (the call is still open): JST reviews its sides.
  t.clock.set('2027-04-01T00:00:00Z');
  await login();
  pi = as(tokens.pi);

  // The draft withdrawn before it reached any agency.
  const withdrawnDraftId = await draft('取り下げた下書き');
  await ok(
    t.http
      .post(`/applications/${withdrawnDraftId}/invitations`)
      .auth(tokens.pi, bearer)
      .set('if-match', '*')
      .send({ name: 'Invited Partner', email: 'invited.partner@example.test', role: 'co_investigator' }),
    201,
  );
  const [invitation] = await t.dataSource.query<{ id: string }[]>(
    `SELECT id FROM invitations WHERE email = 'invited.partner@example.test'`,
  );
  const letter = await t.app.get(InvitationsService).letter(invitation!.id);
  await ok(pi.post(`/applications/${withdrawnDraftId}/withdraw`));

  await eligibleAtJst(applicationId);
  const assignments: Record<string, string> = {};
  for (const reviewer of ['reviewerAssigned', 'reviewerConflicted'] as const) {
    const made = await ok(
      as(tokens.officerOfCall).post(`/applications/${applicationId}/assignments`, { reviewerId: userIds[reviewer] }),
      201,
    );
    const assignmentId = made['assignmentId'] as string;
    assignments[reviewer] = assignmentId;
    const reviewer$ = as(tokens[reviewer]);
    const accepted = await ok(reviewer$.post(`/assignments/${assignmentId}/accept`, { noConflict: true }));
    await ok(
      reviewer$.put(
        `/assignments/${assignmentId}/review`,
        { scores: Object.fromEntries(criteria.map((c) => [c, 4])), comment: 'Sound.' },
        accepted['version'] as number,
      ),
    );
    await ok(reviewer$.post(`/assignments/${assignmentId}/review/submit`));
  }
  // Only after submitting does the conflicted reviewer learn of the conflict, and declares it.
  await ok(
    as(tokens.reviewerConflicted).post(`/applications/${applicationId}/conflicts`, { reason: 'A former student of mine is on the team.' }),
    201,
  );

  // The decided application: its JST side under review, then funded.
  await eligibleAtJst(decidedApplicationId);
  await ok(
    as(tokens.officerOfCall).post(`/applications/${decidedApplicationId}/assignments`, { reviewerId: userIds.reviewerAssigned }),
    201,
  );
  await ok(as(tokens.officerOfCall).post(`/applications/${decidedApplicationId}/sides/${org('JST')}/decision`, { decision: 'yes' }));

  const [notice] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM notifications WHERE user_id = $1 ORDER BY id LIMIT 1`, [
    userIds.reviewerAssigned,
  ]);
  expect(notice, 'the assigned reviewer was told of the assignment').toBeDefined();
  const failed = await t.dataSource.query<{ id: string }[]>(
    `SELECT id FROM pgboss.job WHERE name = 'notifications.email' ORDER BY created_on, id LIMIT 1`,
  );
  expect(failed, 'an e-mail job to fail').toHaveLength(1);
  await t.dataSource.query(
    `UPDATE pgboss.job SET state = 'failed', completed_on = now(), output = '{"message":"mail refused"}'::jsonb WHERE id = $1`,
    [failed[0]!.id],
  );

  const calendar = await ok(as(await t.login(calendarUser.email, calendarUser.password)).post('/me/calendar-token'), 201);

  return {
    tokens,
    userIds,
    programId: program!.id,
    callId,
    trackId,
    applicationId,
    memberId,
    decidedApplicationId,
    withdrawnDraftId,
    assignmentId: assignments['reviewerAssigned']!,
    conflictedAssignmentId: assignments['reviewerConflicted']!,
    notificationId: notice!.id,
    failedJobId: failed[0]!.id,
    calendarToken: calendar['token'] as string,
    invitationToken: letter!.token,
    organisationId: org('UTOKYO'),
    requirementId,
    documentId: plan.body.version.documentId as string,
    documentVersionId: plan.body.version.id as string,
  };
}
