import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runSeeds } from '../seeds/index.js';
import { seedId } from '../seeds/seed-id.js';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { jointCallBody } from './support/call-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const NOW = '2026-11-22T05:00:00Z';

/**
 * SQL that reads what an application or a review says (its text, scores, decisions), rather than
 * who may touch it: none may run for a request the access module refuses.
 */
const CONTENT = /\babstract\b|\bscores\b|\bcomment\b|side_decisions|budget_per_year|\btitle(_en|_ja)?\b/;

describe('object access is decided before any content is read', () => {
  let t: TestApp;
  const bearer = { type: 'bearer' } as const;
  const tokyo = seedId('application', 'UTOKYO-IN-REVIEW');
  const jst = seedId('organisation', 'JST');
  const nsf = seedId('organisation', 'NSF');

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    await runSeeds(t.dataSource, new Date(NOW));
  });
  afterAll(() => t.close());

  /** The request's status and the SQL statements it ran. */
  async function traced(send: () => PromiseLike<{ status: number }>): Promise<{ status: number; statements: string[] }> {
    const spy = vi.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      const { status } = await send();
      return { status, statements: spy.mock.calls.map((call) => String(call[0])) };
    } finally {
      spy.mockRestore();
    }
  }

  async function refusedBeforeContent(token: string, method: 'get' | 'post', path: string, body?: object): Promise<void> {
    const { status, statements } = await traced(() => {
      const request = method === 'get' ? t.http.get(path) : t.http.post(path).send(body ?? {});
      return request.auth(token, bearer);
    });
    expect(status, `${method.toUpperCase()} ${path}`).toBe(404);
    expect(
      statements.filter((sql) => CONTENT.test(sql)),
      `${method.toUpperCase()} ${path} read content`,
    ).toEqual([]);
    // The check itself ran: the refusal came from the access module, not from a missing route.
    expect(statements.length).toBeGreaterThan(0);
  }

  it('a reviewer not assigned, one who declined and one conflicted: 404 on the application, its reviews and its decisions', async () => {
    const osaka = await t.login('reviewer.osaka@example.org', DEMO_PASSWORD);
    // Not assigned to the Tokyo proposal at all.
    await refusedBeforeContent(osaka, 'get', `/applications/${tokyo}/reviews`);
    await refusedBeforeContent(osaka, 'get', `/applications/${tokyo}/outcome`);

    // Declined: the assignment stays the reviewer's own, but the application is no longer theirs to read.
    const officer = await t.login('officer.jst@example.org', DEMO_PASSWORD);
    const assigned = await t.http
      .post(`/applications/${tokyo}/assignments`)
      .auth(officer, bearer)
      .send({ reviewerId: seedId('user', 'reviewer.osaka@example.org') });
    expect(assigned.status, assigned.text).toBe(201);
    const assignmentId = assigned.body.assignmentId as string;
    const declined = await t.http.post(`/assignments/${assignmentId}/decline`).auth(osaka, bearer).send({ reason: 'Travelling' });
    expect(declined.status, declined.text).toBe(200);
    await refusedBeforeContent(osaka, 'get', `/assignments/${assignmentId}/application`);
    await refusedBeforeContent(osaka, 'get', `/applications/${tokyo}/reviews`);

    // Conflicted: an assignment made before the conflict was known (the API refuses to make it).
    const osakaApplication = seedId('application', 'OSAKA-IN-REVIEW');
    const [row] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO review_assignments (application_id, reviewer_id, agency_id, status, assigned_at) VALUES ($1, $2, $3, 'accepted', $4) RETURNING id`,
      [osakaApplication, seedId('user', 'reviewer.osaka@example.org'), jst, NOW],
    );
    await refusedBeforeContent(osaka, 'get', `/assignments/${row!.id}/application`);
    await refusedBeforeContent(osaka, 'get', `/applications/${osakaApplication}/reviews`);
    await refusedBeforeContent(osaka, 'get', `/applications/${osakaApplication}/outcome`);
  });

  it("an officer of another agency: 404 on a side's decision and eligibility routes and on the assignments of the agency", async () => {
    const nsfOfficer = await t.login('officer.nsf@example.org', DEMO_PASSWORD);
    // The NSF officer on an application whose JST side reached JST and that has no NSF side.
    const [other] = await t.dataSource.query<{ application_id: string }[]>(
      `SELECT a.id AS application_id FROM applications a
        WHERE NOT EXISTS (SELECT 1 FROM application_sides s WHERE s.application_id = a.id AND s.agency_id = $1)
          AND EXISTS (SELECT 1 FROM application_sides s WHERE s.application_id = a.id AND s.agency_id = $2
                        AND s.status IN ('submitted', 'eligible', 'under_review', 'decided'))
        ORDER BY a.id LIMIT 1`,
      [nsf, jst],
    );
    expect(other, 'a JST application without an NSF side in the demo').toBeDefined();
    await refusedBeforeContent(nsfOfficer, 'post', `/applications/${other!.application_id}/sides/${jst}/decision`, { decision: 'yes' });
    await refusedBeforeContent(nsfOfficer, 'post', `/applications/${other!.application_id}/sides/${jst}/eligibility`, {
      eligible: true,
      reason: 'fine',
    });
    const [assignment] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM review_assignments WHERE agency_id = $1 LIMIT 1`, [
      jst,
    ]);
    await refusedBeforeContent(nsfOfficer, 'post', `/assignments/${assignment!.id}/remind`);
  });

  it("an office: no other institution's dashboard to ask for, and 404 on a call it may not read", async () => {
    const osakaOffice = await t.login('ura.osaka@example.org', DEMO_PASSWORD);
    // The dashboard route takes no institution: its scope is the office's own, from the token.
    const dashboard = await t.http.get('/dashboards/institution').auth(osakaOffice, bearer);
    expect(dashboard.status, dashboard.text).toBe(200);
    expect(dashboard.body.institutionId).toBe(seedId('organisation', 'OSAKA'));
    const [own] = await t.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM application_institutions WHERE institution_id = $1`,
      [seedId('organisation', 'OSAKA')],
    );
    const counted = Object.values(dashboard.body.byStatus as Record<string, number>).reduce((sum, n) => sum + n, 0);
    expect(counted).toBe(own!.count);
    // Naming another institution is not a way in: the route has no such parameter, and the answer stays Osaka's.
    const named = await t.http.get(`/dashboards/institution?institutionId=${seedId('organisation', 'UTOKYO')}`).auth(osakaOffice, bearer);
    expect(named.body.institutionId).toBe(seedId('organisation', 'OSAKA'));

    // A call JST is still drafting: its statistics are refused before anything of the call is read.
    const officer = await t.login('officer.jst@example.org', DEMO_PASSWORD);
    const [program] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM programs WHERE code = 'SICORP'`);
    const draft = await t.http.post('/calls').auth(officer, bearer).send(jointCallBody(program!.id));
    expect(draft.status, draft.text).toBe(201);
    await refusedBeforeContent(osakaOffice, 'get', `/calls/${draft.body.id as string}/statistics`);
    await refusedBeforeContent(osakaOffice, 'get', `/calls/${draft.body.id as string}/statistics.csv`);
  });
});
