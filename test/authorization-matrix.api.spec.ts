import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RouteDeclarations } from '#identity';
import { CALLER_ACCOUNTS, CALLERS, type Caller, type SignedInCaller, type World, buildWorld } from './support/authorization-matrix.js';
import { jointCallBody, org } from './support/call-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The authorization matrix: every route, asked by every kind of caller, with the status the design
 * (DESIGN.md §3) gives. An object the caller may not see answers 404, never 403; a route declared for
 * roles answers 403 to a caller without them; a route that is not public answers 401 to anonymous.
 *
 * Requests that would change what later rows see are sent so that allowed callers pass every access
 * check and are then refused for another reason (wrong state, stale If-Match, a duplicate, bad input
 * found by the service): their 400/409/422 records that they were let in, and nothing drifts.
 */

type Statuses = Readonly<Record<Caller, number>>;

interface Probe {
  readonly path: string;
  readonly body?: object;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sign in afresh for this request (it ends the session it runs in). */
  readonly freshSession?: boolean;
}

interface RouteCase {
  /** What the request is about, when a route is asked about more than one object. */
  readonly about?: string;
  readonly probe: (w: World, caller: Caller) => Probe;
  readonly expect: Statuses;
}

/** Every caller, anonymous included, gets `status`. */
function everyone(status: number): Statuses {
  return Object.fromEntries(CALLERS.map((caller) => [caller, status])) as Record<Caller, number>;
}

/** 401 for anonymous, `status` for every signed-in caller unless listed. */
function signedIn(status: number, listed: Partial<Statuses> = {}): Statuses {
  return { ...everyone(status), anonymous: 401, ...listed };
}

/** A role-declared route: the callers listed hold a role it names; every other signed-in caller gets 403. */
function roles(listed: Partial<Statuses>): Statuses {
  return signedIn(403, listed);
}

/** Those who may read the application under review: its team, its side's office, and the officers of the agency that received it. */
const READERS = { pi: 200, member: 200, officeOfSide: 200, officerOfCall: 200 } as const;
/** The team of the application: its PI and its member with an account. */
const TEAM = { pi: 200, member: 200 } as const;
/** Who reads its latest submission: the team, its side's office, the agency it reached, the accepted and unconflicted reviewer. */
const SUBMISSION_READERS = { ...READERS, reviewerAssigned: 200 } as const;
/** Readers of an application that is no longer a draft: only the PI and co-PIs edit, and only drafts. */
const EDIT_REFUSED = { pi: 422, member: 403, officeOfSide: 403, officerOfCall: 403 } as const;
const REVIEWERS_AND_RESEARCHERS = {
  pi: 204,
  member: 204,
  outsider: 204,
  reviewerAssigned: 204,
  reviewerUnassigned: 204,
  reviewerConflicted: 204,
  officeOfSide: 204,
  officeElsewhere: 204,
} as const;
const STALE = { 'if-match': '"999999"' } as const;

const app = (w: World) => `/applications/${w.applicationId}`;
/** The conflicted reviewer asks about their own assignment; everyone else about the assigned reviewer's. */
const assignment = (w: World, caller: Caller) =>
  `/assignments/${caller === 'reviewerConflicted' ? w.conflictedAssignmentId : w.assignmentId}`;

const MATRIX: Readonly<Record<string, RouteCase | readonly RouteCase[]>> = {
  'GET /applications': { probe: () => ({ path: '/applications' }), expect: signedIn(200) },
  'POST /applications': {
    about: 'a track that is not the call’s',
    probe: (w) => ({ path: '/applications', body: { callId: w.callId, trackId: randomUUID(), title: 'Another proposal' } }),
    expect: roles({ pi: 400, member: 400, outsider: 400, reviewerAssigned: 400, reviewerUnassigned: 400, reviewerConflicted: 400 }),
  },
  'GET /applications/export.csv': {
    probe: () => ({ path: '/applications/export.csv' }),
    expect: roles({ officeOfSide: 200, officeElsewhere: 200 }),
  },
  'GET /applications/:id': [
    { about: 'under review', probe: (w) => ({ path: app(w) }), expect: signedIn(404, READERS) },
    {
      about: 'a draft withdrawn before it reached any agency',
      probe: (w) => ({ path: `/applications/${w.withdrawnDraftId}` }),
      expect: signedIn(404, { pi: 200, member: 200, officeOfSide: 200 }),
    },
  ],
  'PATCH /applications/:id': {
    probe: (w) => ({ path: app(w), body: { title: 'A new title' }, headers: STALE }),
    expect: signedIn(404, EDIT_REFUSED),
  },
  'POST /applications/:id/assignments': {
    about: 'a reviewer already assigned',
    probe: (w) => ({ path: `${app(w)}/assignments`, body: { reviewerId: w.userIds.reviewerAssigned } }),
    expect: roles({ officerOfCall: 409, officerElsewhere: 404 }),
  },
  'POST /applications/:id/conflicts': {
    about: 'the conflicted reviewer declares again; the others send no reason',
    probe: (w, caller) => ({
      path: `${app(w)}/conflicts`,
      body: caller === 'reviewerConflicted' ? { reason: 'A former student of mine is on the team.' } : {},
    }),
    expect: roles({ reviewerAssigned: 400, reviewerUnassigned: 400, reviewerConflicted: 201 }),
  },
  'POST /applications/:id/check': {
    about: 'under review: its editors are told why it cannot be submitted',
    probe: (w) => ({ path: `${app(w)}/check` }),
    expect: signedIn(404, { ...EDIT_REFUSED, pi: 200 }),
  },
  'GET /applications/:id/documents': { probe: (w) => ({ path: `${app(w)}/documents` }), expect: signedIn(404, TEAM) },
  'POST /applications/:id/documents/:requirementId': {
    about: 'under review: refused before the file is read',
    probe: (w) => ({ path: `${app(w)}/documents/${w.requirementId}` }),
    expect: signedIn(404, EDIT_REFUSED),
  },
  'DELETE /applications/:id/documents/:documentId': {
    probe: (w) => ({ path: `${app(w)}/documents/${w.documentId}` }),
    expect: signedIn(404, EDIT_REFUSED),
  },
  'GET /applications/:id/documents/:documentId/versions': {
    probe: (w) => ({ path: `${app(w)}/documents/${w.documentId}/versions` }),
    expect: signedIn(404, TEAM),
  },
  'GET /applications/:id/submissions': { probe: (w) => ({ path: `${app(w)}/submissions` }), expect: signedIn(404, SUBMISSION_READERS) },
  'GET /applications/:id/submissions/compare': {
    probe: (w) => ({ path: `${app(w)}/submissions/compare?from=1&to=1` }),
    expect: signedIn(404, SUBMISSION_READERS),
  },
  'GET /applications/:id/submissions/:number': {
    probe: (w) => ({ path: `${app(w)}/submissions/latest` }),
    expect: signedIn(404, SUBMISSION_READERS),
  },
  'GET /document-versions/:id': {
    probe: (w) => ({ path: `/document-versions/${w.documentVersionId}` }),
    expect: signedIn(404, SUBMISSION_READERS),
  },
  'GET /document-versions/:id/content': {
    probe: (w) => ({ path: `/document-versions/${w.documentVersionId}/content` }),
    expect: signedIn(404, SUBMISSION_READERS),
  },
  'GET /calls/:id/document-requirements': { probe: (w) => ({ path: `/calls/${w.callId}/document-requirements` }), expect: signedIn(200) },
  'PUT /calls/:id/document-requirements': {
    about: 'naming a requirement the call does not have: refused after the access check',
    probe: (w) => ({
      path: `/calls/${w.callId}/document-requirements`,
      body: {
        requirements: [{ id: randomUUID(), kind: 'cv', scope: 'side', labelEn: 'CV', labelJa: '履歴書', maxBytes: 1000, required: false }],
      },
    }),
    expect: roles({ officerOfCall: 400, officerElsewhere: 404 }),
  },
  'GET /applications/:id/answers': { probe: (w) => ({ path: `${app(w)}/answers` }), expect: signedIn(404, TEAM) },
  'PUT /applications/:id/answers': {
    about: 'under review: its editors are told it cannot change',
    probe: (w) => ({ path: `${app(w)}/answers`, body: { answers: {} }, headers: STALE }),
    expect: signedIn(404, EDIT_REFUSED),
  },
  'GET /calls/:id/form': { probe: (w) => ({ path: `/calls/${w.callId}/form` }), expect: signedIn(200) },
  'PUT /calls/:id/form': {
    about: 'a question without a type: refused after the access check',
    probe: (w) => ({ path: `/calls/${w.callId}/form`, body: { questions: [{ key: 'plan' }] } }),
    expect: roles({ officerOfCall: 400, officerElsewhere: 404 }),
  },
  'GET /applications/:id/submitted-answers': {
    probe: (w) => ({ path: `${app(w)}/submitted-answers` }),
    expect: signedIn(404, SUBMISSION_READERS),
  },
  'GET /applications/:id/events': { probe: (w) => ({ path: `${app(w)}/events` }), expect: signedIn(404, READERS) },
  'POST /applications/:id/invitations': {
    probe: (w) => ({
      path: `${app(w)}/invitations`,
      body: { name: 'New Partner', email: 'new.partner@example.test', role: 'co_investigator' },
      headers: { 'if-match': '*' },
    }),
    expect: signedIn(404, EDIT_REFUSED),
  },
  'POST /applications/:id/members': {
    probe: (w) => ({ path: `${app(w)}/members`, body: { name: 'New Member', role: 'co_investigator' }, headers: STALE }),
    expect: signedIn(404, EDIT_REFUSED),
  },
  'DELETE /applications/:id/members/:memberId': {
    probe: (w) => ({ path: `${app(w)}/members/${w.memberId}`, headers: STALE }),
    expect: signedIn(404, EDIT_REFUSED),
  },
  'PATCH /applications/:id/members/:memberId': {
    probe: (w) => ({
      path: `${app(w)}/members/${w.memberId}`,
      body: { name: 'MIT Co-investigator', role: 'co_investigator' },
      headers: STALE,
    }),
    expect: signedIn(404, EDIT_REFUSED),
  },
  'GET /applications/:id/outcome': { probe: (w) => ({ path: `${app(w)}/outcome` }), expect: signedIn(404, READERS) },
  'POST /applications/:id/reopen': { probe: (w) => ({ path: `${app(w)}/reopen` }), expect: signedIn(404, EDIT_REFUSED) },
  'GET /applications/:id/reviews': {
    probe: (w) => ({ path: `${app(w)}/reviews` }),
    expect: roles({ officerOfCall: 200, officerElsewhere: 404, reviewerAssigned: 200, reviewerUnassigned: 404, reviewerConflicted: 404 }),
  },
  'PATCH /applications/:id/sides/:agencyId': {
    probe: (w) => ({ path: `${app(w)}/sides/${org('JST')}`, body: { budgetCurrency: 'JPY' }, headers: STALE }),
    expect: signedIn(404, EDIT_REFUSED),
  },
  'POST /applications/:id/sides/:agencyId/approve': {
    probe: (w) => ({ path: `${app(w)}/sides/${org('JST')}/approve`, body: { exportControlScreened: true, disclosuresReceived: true } }),
    expect: roles({ officeOfSide: 422, officeElsewhere: 404 }),
  },
  'POST /applications/:id/sides/:agencyId/decision': {
    about: 'the decided application, its decision recorded again',
    probe: (w) => ({ path: `/applications/${w.decidedApplicationId}/sides/${org('JST')}/decision`, body: { decision: 'yes' } }),
    expect: roles({ officerOfCall: 200, officerElsewhere: 404 }),
  },
  'POST /applications/:id/sides/:agencyId/eligibility': [
    {
      about: 'under review',
      probe: (w) => ({ path: `${app(w)}/sides/${org('JST')}/eligibility`, body: { eligible: true, reason: 'Meets the rules' } }),
      expect: roles({ officerOfCall: 422, officerElsewhere: 404 }),
    },
    {
      about: 'a draft withdrawn before it reached any agency',
      probe: (w) => ({
        path: `/applications/${w.withdrawnDraftId}/sides/${org('JST')}/eligibility`,
        body: { eligible: true, reason: 'Meets the rules' },
      }),
      expect: roles({ officerOfCall: 404, officerElsewhere: 404 }),
    },
  ],
  'POST /applications/:id/sides/:agencyId/return': {
    probe: (w) => ({ path: `${app(w)}/sides/${org('JST')}/return`, body: { comment: 'Please add the budget justification.' } }),
    expect: roles({ officeOfSide: 422, officeElsewhere: 404 }),
  },
  'POST /applications/:id/submit': { probe: (w) => ({ path: `${app(w)}/submit` }), expect: signedIn(404, EDIT_REFUSED) },
  'POST /applications/:id/withdraw': {
    about: 'the decided application',
    probe: (w) => ({ path: `/applications/${w.decidedApplicationId}/withdraw` }),
    expect: signedIn(404, EDIT_REFUSED),
  },

  'DELETE /assignments/:id': {
    about: 'a submitted review',
    probe: (w) => ({ path: `/assignments/${w.assignmentId}` }),
    expect: roles({ officerOfCall: 422, officerElsewhere: 404 }),
  },
  'POST /assignments/:id/accept': {
    probe: (w, caller) => ({ path: `${assignment(w, caller)}/accept`, body: { noConflict: true } }),
    expect: roles({ reviewerAssigned: 422, reviewerUnassigned: 404, reviewerConflicted: 404 }),
  },
  'GET /assignments/:id/application': {
    probe: (w, caller) => ({ path: `${assignment(w, caller)}/application` }),
    expect: roles({ reviewerAssigned: 200, reviewerUnassigned: 404, reviewerConflicted: 404 }),
  },
  'POST /assignments/:id/decline': {
    probe: (w, caller) => ({ path: `${assignment(w, caller)}/decline`, body: { reason: 'No time.' } }),
    expect: roles({ reviewerAssigned: 422, reviewerUnassigned: 404, reviewerConflicted: 404 }),
  },
  'POST /assignments/:id/remind': {
    about: 'a submitted review',
    probe: (w) => ({ path: `/assignments/${w.assignmentId}/remind` }),
    expect: roles({ officerOfCall: 422, officerElsewhere: 404 }),
  },
  'PUT /assignments/:id/review': {
    probe: (w, caller) => ({ path: `${assignment(w, caller)}/review`, body: { scores: {} }, headers: STALE }),
    expect: roles({ reviewerAssigned: 422, reviewerUnassigned: 404, reviewerConflicted: 404 }),
  },
  'POST /assignments/:id/review/submit': {
    probe: (w, caller) => ({ path: `${assignment(w, caller)}/review/submit` }),
    expect: roles({ reviewerAssigned: 422, reviewerUnassigned: 404, reviewerConflicted: 404 }),
  },

  'POST /auth/browser/login': {
    about: 'from no page of this site (no Origin)',
    probe: () => ({ path: '/auth/browser/login', body: {} }),
    expect: everyone(400),
  },
  'POST /auth/browser/logout': {
    about: 'from no page of this site',
    probe: () => ({ path: '/auth/browser/logout' }),
    expect: everyone(403),
  },
  'POST /auth/browser/refresh': {
    about: 'from no page of this site',
    probe: () => ({ path: '/auth/browser/refresh' }),
    expect: everyone(403),
  },
  'POST /auth/login': { about: 'no credentials', probe: () => ({ path: '/auth/login', body: {} }), expect: everyone(400) },
  'POST /auth/logout': { probe: () => ({ path: '/auth/logout', freshSession: true }), expect: signedIn(204) },
  'POST /auth/refresh': { about: 'no refresh token', probe: () => ({ path: '/auth/refresh', body: {} }), expect: everyone(400) },
  'GET /calendar/:token.ics': [
    { about: 'a feed token', probe: (w) => ({ path: `/calendar/${w.calendarToken}.ics` }), expect: everyone(200) },
    { about: 'an unknown token', probe: () => ({ path: '/calendar/not-a-token-of-anyone.ics' }), expect: everyone(404) },
  ],

  'GET /calls': { probe: () => ({ path: '/calls' }), expect: signedIn(200) },
  'POST /calls': {
    about: 'a university named as a partner agency',
    probe: (w) => ({
      path: '/calls',
      body: jointCallBody(w.programId, {
        agencies: [
          { agencyId: org('JST'), role: 'lead', deadline: '2027-03-31T12:00' },
          { agencyId: org('UTOKYO'), role: 'partner', deadline: '2027-04-15T17:00' },
        ],
      }),
    }),
    expect: roles({ officerOfCall: 400, officerElsewhere: 403 }),
  },
  'GET /calls/:id': { probe: (w) => ({ path: `/calls/${w.callId}` }), expect: signedIn(200) },
  'PATCH /calls/:id': [
    {
      about: 'a shared field, stale If-Match',
      probe: (w) => ({ path: `/calls/${w.callId}`, body: { titleEn: 'Renamed' }, headers: STALE }),
      expect: roles({ officerOfCall: 409, officerElsewhere: 403 }),
    },
    {
      about: 'nothing to change, stale If-Match',
      probe: (w) => ({ path: `/calls/${w.callId}`, body: {}, headers: STALE }),
      expect: roles({ officerOfCall: 409, officerElsewhere: 403 }),
    },
  ],
  'POST /calls/:id/auto-assign': {
    about: 'a track without applications',
    probe: (w) => ({ path: `/calls/${w.callId}/auto-assign`, body: { trackId: randomUUID(), perApplication: 1, loadCap: 1 } }),
    expect: roles({ officerOfCall: 200, officerElsewhere: 404 }),
  },
  'GET /calls/:id/calendar.ics': { probe: (w) => ({ path: `/calls/${w.callId}/calendar.ics` }), expect: signedIn(200) },
  'POST /calls/:id/cancel': {
    about: 'stale If-Match',
    probe: (w) => ({ path: `/calls/${w.callId}/cancel`, body: { reason: 'Budget withdrawn' }, headers: STALE }),
    expect: roles({ officerOfCall: 409, officerElsewhere: 403 }),
  },
  'PUT /calls/:id/institution-deadline': {
    about: 'a deadline after the agencies’',
    probe: (w) => ({ path: `/calls/${w.callId}/institution-deadline`, body: { deadline: '2027-05-01T17:00' } }),
    expect: roles({ officeOfSide: 400, officeElsewhere: 400 }),
  },
  'POST /calls/:id/publish': {
    about: 'already published',
    probe: (w) => ({ path: `/calls/${w.callId}/publish` }),
    expect: roles({ officerOfCall: 409, officerElsewhere: 403 }),
  },
  'POST /calls/:id/release-results': {
    about: 'a call still open',
    probe: (w) => ({ path: `/calls/${w.callId}/release-results` }),
    expect: roles({ officerOfCall: 422, officerElsewhere: 403 }),
  },
  'GET /calls/:id/applications/export.csv': {
    probe: (w) => ({ path: `/calls/${w.callId}/applications/export.csv` }),
    expect: roles({ officerOfCall: 200, officerElsewhere: 404 }),
  },
  'GET /calls/:id/assignments': {
    probe: (w) => ({ path: `/calls/${w.callId}/assignments` }),
    expect: roles({ officerOfCall: 200, officerElsewhere: 404 }),
  },
  'GET /calls/:id/ranking': {
    probe: (w) => ({ path: `/calls/${w.callId}/ranking` }),
    expect: roles({ officerOfCall: 200, officerElsewhere: 404 }),
  },
  'GET /calls/:id/reviewer-candidates': {
    probe: (w) => ({ path: `/calls/${w.callId}/reviewer-candidates?q=kyoto` }),
    expect: roles({ officerOfCall: 200, officerElsewhere: 404 }),
  },
  'GET /calls/:id/reviewers': {
    probe: (w) => ({ path: `/calls/${w.callId}/reviewers` }),
    expect: roles({ officerOfCall: 200, officerElsewhere: 404 }),
  },
  'POST /calls/:id/reviewers': {
    about: 'a reviewer already in the pool',
    probe: (w) => ({ path: `/calls/${w.callId}/reviewers`, body: { reviewerId: w.userIds.reviewerAssigned } }),
    expect: roles({ officerOfCall: 201, officerElsewhere: 404 }),
  },
  'GET /calls/:id/statistics': {
    probe: (w) => ({ path: `/calls/${w.callId}/statistics` }),
    expect: roles({ officerOfCall: 200, officerElsewhere: 404, officeOfSide: 200, officeElsewhere: 200 }),
  },
  'GET /calls/:id/statistics.csv': {
    probe: (w) => ({ path: `/calls/${w.callId}/statistics.csv` }),
    expect: roles({ officerOfCall: 200, officerElsewhere: 404, officeOfSide: 200, officeElsewhere: 200 }),
  },
  'DELETE /calls/:id/watch': { probe: (w) => ({ path: `/calls/${w.callId}/watch` }), expect: roles(REVIEWERS_AND_RESEARCHERS) },
  'PUT /calls/:id/watch': { probe: (w) => ({ path: `/calls/${w.callId}/watch` }), expect: roles(REVIEWERS_AND_RESEARCHERS) },

  'GET /dashboards/agency': { probe: () => ({ path: '/dashboards/agency' }), expect: roles({ officerOfCall: 200, officerElsewhere: 200 }) },
  'GET /dashboards/institution': {
    probe: () => ({ path: '/dashboards/institution' }),
    expect: roles({ officeOfSide: 200, officeElsewhere: 200 }),
  },
  'GET /health/live': { probe: () => ({ path: '/health/live' }), expect: everyone(200) },
  'GET /health/ready': { probe: () => ({ path: '/health/ready' }), expect: everyone(200) },
  'GET /invitations/:token': [
    { about: 'a pending invitation', probe: (w) => ({ path: `/invitations/${w.invitationToken}` }), expect: everyone(200) },
    { about: 'an unknown token', probe: () => ({ path: `/invitations/${'x'.repeat(43)}` }), expect: everyone(404) },
  ],
  'POST /invitations/:token/accept': {
    about: 'no password',
    probe: (w) => ({ path: `/invitations/${w.invitationToken}/accept`, body: {} }),
    expect: everyone(400),
  },
  'POST /jobs/:id/retry': { probe: (w) => ({ path: `/jobs/${w.failedJobId}/retry` }), expect: roles({ admin: 202 }) },
  'GET /jobs/failed': { probe: () => ({ path: '/jobs/failed' }), expect: roles({ admin: 200 }) },

  'GET /me': { probe: () => ({ path: '/me' }), expect: signedIn(200) },
  'PATCH /me': {
    about: 'stale If-Match',
    probe: () => ({ path: '/me', body: { name: 'Renamed' }, headers: STALE }),
    expect: signedIn(409),
  },
  'GET /me/assignments': {
    probe: () => ({ path: '/me/assignments' }),
    expect: roles({ reviewerAssigned: 200, reviewerUnassigned: 200, reviewerConflicted: 200 }),
  },
  'POST /me/calendar-token': { probe: () => ({ path: '/me/calendar-token' }), expect: signedIn(201) },
  'GET /notifications': { probe: () => ({ path: '/notifications' }), expect: signedIn(200) },
  'POST /notifications/:id/read': {
    about: 'a notice of the assigned reviewer’s',
    probe: (w) => ({ path: `/notifications/${w.notificationId}/read` }),
    expect: signedIn(404, { reviewerAssigned: 200 }),
  },
  'GET /notifications/preferences': { probe: () => ({ path: '/notifications/preferences' }), expect: signedIn(200) },
  'PATCH /notifications/preferences': {
    about: 'no change',
    probe: () => ({ path: '/notifications/preferences', body: { email: {} } }),
    expect: signedIn(200),
  },
  'POST /notifications/read-all': { probe: () => ({ path: '/notifications/read-all' }), expect: signedIn(200) },

  'GET /organizations': { probe: () => ({ path: '/organizations' }), expect: signedIn(200) },
  'POST /organizations': { about: 'no fields', probe: () => ({ path: '/organizations', body: {} }), expect: roles({ admin: 400 }) },
  'GET /organizations/:id': { probe: (w) => ({ path: `/organizations/${w.organisationId}` }), expect: signedIn(200) },
  'PATCH /organizations/:id': {
    about: 'stale If-Match',
    probe: (w) => ({ path: `/organizations/${w.organisationId}`, body: { nameEn: 'Renamed' }, headers: STALE }),
    expect: roles({ admin: 409 }),
  },
  'GET /people/lookup': {
    probe: () => ({ path: '/people/lookup?email=pi.mit@example.org' }),
    expect: roles({ pi: 200, member: 200, outsider: 200, reviewerAssigned: 200, reviewerUnassigned: 200, reviewerConflicted: 200 }),
  },
  'GET /programs': { probe: () => ({ path: '/programs' }), expect: signedIn(200) },
  'POST /programs': {
    about: 'JST’s program code taken',
    probe: () => ({ path: '/programs', body: { agencyId: org('JST'), code: 'SICORP', nameJa: '重複', nameEn: 'Duplicate' } }),
    expect: roles({ officerOfCall: 409, officerElsewhere: 403 }),
  },
  'GET /programs/:id': { probe: (w) => ({ path: `/programs/${w.programId}` }), expect: signedIn(200) },
  'PATCH /programs/:id': {
    about: 'stale If-Match',
    probe: (w) => ({ path: `/programs/${w.programId}`, body: { nameEn: 'Renamed' }, headers: STALE }),
    expect: roles({ officerOfCall: 409, officerElsewhere: 403 }),
  },
  'GET /users': { probe: () => ({ path: '/users' }), expect: roles({ admin: 200 }) },
  'POST /users': { about: 'no fields', probe: () => ({ path: '/users', body: {} }), expect: roles({ admin: 400 }) },
  'GET /users/:id': { probe: (w) => ({ path: `/users/${w.userIds.pi}` }), expect: roles({ admin: 200 }) },
  'PATCH /users/:id': {
    about: 'stale If-Match',
    probe: (w) => ({ path: `/users/${w.userIds.pi}`, body: { name: 'Renamed' }, headers: STALE }),
    expect: roles({ admin: 409 }),
  },
};

const cases = (key: string): readonly RouteCase[] => {
  const entry = MATRIX[key]!;
  return Array.isArray(entry) ? (entry as readonly RouteCase[]) : [entry as RouteCase];
};
const label = (key: string, c: RouteCase) => (c.about ? `${key} [${c.about}]` : key);
const sorted = (keys: Iterable<string>) => [...new Set(keys)].sort();

describe('authorization matrix', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-12-10T00:00:00Z' });
    w = await buildWorld(t);
  });
  afterAll(() => t?.close());

  async function send(method: string, caller: Caller, probe: Probe): Promise<{ status: number; code?: string }> {
    let token: string | undefined;
    if (caller !== 'anonymous') {
      const account = CALLER_ACCOUNTS[caller];
      token = probe.freshSession ? await t.login(account.email, account.password) : w.tokens[caller];
    }
    const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    let request = t.http[verb](probe.path);
    if (token) request = request.auth(token, { type: 'bearer' });
    for (const [name, value] of Object.entries(probe.headers ?? {})) request = request.set(name, value);
    const response = probe.body === undefined ? await request : await request.send(probe.body);
    const body = response.body as { code?: unknown } | undefined;
    return { status: response.status, ...(typeof body?.code === 'string' ? { code: body.code } : {}) };
  }

  it('answers every route, for every kind of caller, with the status the design gives', async () => {
    const probes = Object.keys(MATRIX).flatMap((key) =>
      cases(key).flatMap((c) => CALLERS.map((caller) => ({ key, method: key.split(' ')[0]!, c, caller }))),
    );
    const actual: Record<string, Record<Caller, number>> = {};
    const expected: Record<string, Statuses> = {};
    const refusals: string[] = [];
    const BATCH = 12;
    for (let i = 0; i < probes.length; i += BATCH) {
      await Promise.all(
        probes.slice(i, i + BATCH).map(async ({ key, method, c, caller }) => {
          const row = label(key, c);
          expected[row] = c.expect;
          const answer = await send(method, caller, c.probe(w, caller));
          (actual[row] ??= {} as Record<Caller, number>)[caller] = answer.status;
          if (answer.status !== c.expect[caller]) {
            refusals.push(`${row} as ${caller}: expected ${c.expect[caller]}, got ${answer.status} ${answer.code ?? ''}`.trim());
          }
        }),
      );
    }
    expect(refusals.sort()).toEqual([]);
    expect(actual).toEqual(expected);
    expect(probes.length).toBeGreaterThanOrEqual(74 * CALLERS.length);
  });

  it('has a row for every route the application declares, and no row for a route it does not have', () => {
    const declared = t.app
      .get(RouteDeclarations)
      .list()
      .map((route) => `${route.method} ${route.path}`);
    expect(sorted(Object.keys(MATRIX))).toEqual(sorted(declared));
  });

  it('has a row for every operation of the OpenAPI document', async () => {
    const document = (await t.http.get('/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map((method) => `${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`),
    );
    expect(operations.length).toBeGreaterThan(0);
    expect(sorted(Object.keys(MATRIX))).toEqual(sorted(operations));
  });

  it('expects what each route’s declaration implies: 401 for anonymous unless public, 403 for a signed-in caller without its roles', () => {
    const declarations = new Map(
      t.app
        .get(RouteDeclarations)
        .list()
        .map((route) => [`${route.method} ${route.path}`, route.access]),
    );
    const contradictions: string[] = [];
    for (const key of Object.keys(MATRIX)) {
      const access = declarations.get(key);
      if (access === undefined) continue;
      const needed = access.startsWith('roles: ') ? access.slice('roles: '.length).split(', ') : [];
      for (const c of cases(key)) {
        const anonymous = c.expect.anonymous;
        if (access === 'public' ? anonymous === 401 : anonymous !== 401) {
          contradictions.push(`${label(key, c)}: anonymous ${anonymous} on a ${access} route`);
        }
        for (const caller of Object.keys(CALLER_ACCOUNTS) as SignedInCaller[]) {
          const status = c.expect[caller];
          const lacksRole = needed.length > 0 && !needed.some((role) => CALLER_ACCOUNTS[caller].roles.includes(role as never));
          if (lacksRole && status !== 403) {
            contradictions.push(`${label(key, c)}: ${caller} expects ${status}, but lacks the role (${access})`);
          }
          if (status === 401) contradictions.push(`${label(key, c)}: ${caller} is signed in but expects 401`);
        }
      }
    }
    expect(contradictions).toEqual([]);
  });
});
