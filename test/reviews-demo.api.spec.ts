import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeeds } from '../seeds/index.js';
import { seedId } from '../seeds/seed-id.js';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const NOW = '2026-11-22T05:00:00Z';

describe('the demo call in review', () => {
  let t: TestApp;
  const bearer = { type: 'bearer' } as const;

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    await runSeeds(t.dataSource, new Date(NOW));
  });
  afterAll(() => t.close());

  it('never lists an assignment its reviewer is conflicted with, shows progress, and takes half points on a 1-5 scale', async () => {
    const osaka = await t.login('reviewer.osaka@example.org', DEMO_PASSWORD);
    const osakaApplication = seedId('application', 'OSAKA-IN-REVIEW');
    // An assignment made before the conflict was known (the API itself refuses to make it).
    const [row] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO review_assignments (application_id, reviewer_id, agency_id, status, assigned_at) VALUES ($1, $2, $3, 'assigned', $4) RETURNING id`,
      [osakaApplication, seedId('user', 'reviewer.osaka@example.org'), seedId('organisation', 'JST'), NOW],
    );
    const listed = (await t.http.get('/me/assignments').auth(osaka, bearer)).body as { applicationId: string }[];
    expect(listed.map((a) => a.applicationId)).not.toContain(osakaApplication);
    expect((await t.http.get(`/assignments/${row!.id}/application`).auth(osaka, bearer)).status).toBe(404);
    expect((await t.http.post(`/assignments/${row!.id}/accept`).auth(osaka, bearer).send({ noConflict: true })).status).toBe(404);

    const tohoku = await t.login('reviewer.tohoku@example.org', DEMO_PASSWORD);
    const [work] = (await t.http.get('/me/assignments').auth(tohoku, bearer)).body as {
      id: string;
      progress: string;
      agencyTimeZone: string;
    }[];
    expect(work).toMatchObject({ progress: 'draft', agencyTimeZone: 'Asia/Tokyo' });
    const read = await t.http.get(`/assignments/${work!.id}/application`).auth(tohoku, bearer);
    const criterion = read.body.criteria[0] as { id: string; step: number; threshold: number | null };
    expect(criterion).toMatchObject({ step: 0.5, threshold: 3 });
    const between = await t.http
      .put(`/assignments/${work!.id}/review`)
      .auth(tohoku, bearer)
      .set('If-Match', `"${read.body.review.version}"`)
      .send({ scores: { ...read.body.review.scores, [criterion.id]: 3.25 } });
    expect(between.status).toBe(400);
    const half = await t.http
      .put(`/assignments/${work!.id}/review`)
      .auth(tohoku, bearer)
      .set('If-Match', `"${read.body.review.version}"`)
      .send({ scores: { ...read.body.review.scores, [criterion.id]: 3.5 } });
    expect(half.status, half.text).toBe(200);
    expect(half.body.review.scores[criterion.id]).toBe(3.5);
  });

  it('has work waiting for the reviewers and the JST officer', async () => {
    const callId = seedId('call', 'SICORP-US-REVIEW');
    const jst = await t.login('officer.jst@example.org', DEMO_PASSWORD);
    expect((await t.http.get(`/calls/${callId}`).auth(jst, bearer)).body.status).toBe('in_review');

    const kyoto = await t.login('reviewer.kyoto@example.org', DEMO_PASSWORD);
    const tohoku = await t.login('reviewer.tohoku@example.org', DEMO_PASSWORD);
    const kyotoWork = (await t.http.get('/me/assignments').auth(kyoto, bearer)).body as { status: string; submittedAt: string | null }[];
    const tohokuWork = (await t.http.get('/me/assignments').auth(tohoku, bearer)).body as { id: string; submittedAt: string | null }[];
    expect(kyotoWork.map((a) => a.submittedAt !== null)).toEqual([true]);
    expect(tohokuWork.map((a) => a.submittedAt)).toEqual([null]);
    const saved = await t.http.get(`/assignments/${tohokuWork[0]!.id}/application`).auth(tohoku, bearer);
    expect(Object.keys(saved.body.review.scores)).toHaveLength(2);

    const osakaApplication = seedId('application', 'OSAKA-IN-REVIEW');
    const refused = await t.http
      .post(`/applications/${osakaApplication}/assignments`)
      .auth(jst, bearer)
      .send({ reviewerId: seedId('user', 'reviewer.osaka@example.org') });
    expect(refused.body.code).toBe('CONFLICT_OF_INTEREST');

    const ranking = await t.http.get(`/calls/${callId}/ranking`).auth(jst, bearer);
    expect(ranking.status).toBe(200);
    expect(ranking.body.items.map((r: { applicationId: string }) => r.applicationId)).toEqual([
      seedId('application', 'UTOKYO-IN-REVIEW'),
      osakaApplication,
    ]);
    const decided = await t.http
      .post(`/applications/${seedId('application', 'UTOKYO-IN-REVIEW')}/sides/${seedId('organisation', 'JST')}/decision`)
      .auth(jst, bearer)
      .send({ decision: 'yes', amount: 45_000_000, currency: 'JPY' });
    expect(decided.status, decided.text).toBe(200);
    expect(decided.body.outcome).toBe('pending');
  });
});
