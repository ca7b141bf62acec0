import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOCUMENT_STORAGE_TOKEN, DocumentsService, type DocumentStorage } from '#documents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeeds } from '../seeds/index.js';
import { makePdf, padPdf } from '../seeds/demo/pdf.js';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { completeDraft, JST_LEAD_NSF_PARTNER, NEXT_GENERATION_TRACK, org, publishedCall } from './support/call-fixtures.js';
import { corruptPdf, encryptedPdf, pngBytes, truncatedPdf } from './support/pdf-fixtures.js';
import { startS3Server } from './support/s3-server.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const bearer = { type: 'bearer' } as const;
const NOW = '2027-02-01T00:00:00Z';
const PLAN_MAX_BYTES = 200_000;
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** The same behaviour whichever storage keeps the bytes: the filesystem by default, S3 for several instances. */
describe.each(['filesystem', 's3'] as const)('proposal documents, stored on %s', (driver) => {
  let t: TestApp;
  let s3: Awaited<ReturnType<typeof startS3Server>> | undefined;
  let callId: string;
  let trackId: string;
  let planId: string;
  const tokens: Record<string, string> = {};
  const as = (who: string) => tokens[who]!;

  beforeAll(async () => {
    s3 = driver === 's3' ? await startS3Server() : undefined;
    t = await startTestApp({ now: '2026-12-10T00:00:00Z', env: s3?.env ?? {} });
    await runSeeds(t.dataSource);
    const login = async () => {
      for (const who of ['pi.utokyo', 'ura.utokyo', 'ura.osaka', 'officer.jst', 'reviewer.kyoto', 'reviewer.tohoku', 'reviewer.osaka'])
        tokens[who] = await t.login(`${who}@example.org`, DEMO_PASSWORD);
    };
    await login();
    const call = await publishedCall(t.http, t.dataSource, as('officer.jst'), {
      agencies: JST_LEAD_NSF_PARTNER,
      tracks: [NEXT_GENERATION_TRACK],
    });
    callId = call.callId;
    trackId = call.trackIds['next-generation']!;
    const put = await t.http
      .put(`/calls/${callId}/document-requirements`)
      .auth(as('officer.jst'), bearer)
      .send({
        requirements: [
          {
            kind: 'research_plan',
            scope: 'proposal',
            labelEn: 'Research plan',
            labelJa: '研究計画書',
            maxBytes: PLAN_MAX_BYTES,
            maxPages: 10,
            required: true,
          },
          { kind: 'cv', scope: 'side', labelEn: "PI's CV", labelJa: '研究代表者の履歴書', maxBytes: PLAN_MAX_BYTES, required: false },
        ],
      });
    expect(put.status, put.text).toBe(200);
    planId = (put.body as { id: string; kind: string }[]).find((r) => r.kind === 'research_plan')!.id;
    t.clock.set(NOW);
    await login();
  });
  afterAll(async () => {
    await t.close();
    await s3?.close();
  });

  const upload = (applicationId: string, bytes: Buffer, filename: string, requirement = planId) =>
    t.http
      .post(`/applications/${applicationId}/documents/${requirement}`)
      .auth(as('pi.utokyo'), bearer)
      .attach('file', bytes, { filename, contentType: 'application/pdf' });
  const versionCount = async () => (await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM document_versions`))[0]!.n;

  it('keeps a 3-page PDF with its hash and page count, and refuses a PNG, an encrypted, a corrupt, a truncated and a too-large file', async () => {
    const { id } = await completeDraft(t.http, t.dataSource, as('pi.utokyo'), { callId, trackId });
    const plan = makePdf({ pages: 3, title: 'Research plan' });
    const uploaded = await upload(id, plan, 'plan.pdf');
    expect(uploaded.status, uploaded.text).toBe(201);
    expect(uploaded.body.version).toMatchObject({ number: 1, fileName: 'plan.pdf', size: plan.length, pages: 3, sha256: sha256(plan) });
    expect(uploaded.body.warnings).toEqual([]);
    const download = await t.http
      .get(`/document-versions/${uploaded.body.version.id as string}/content`)
      .auth(as('pi.utokyo'), bearer)
      .buffer(true);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(sha256(download.body as Buffer)).toBe(sha256(plan));

    const before = await versionCount();
    const png = await upload(id, pngBytes(), 'plan.pdf');
    expect(png.status, png.text).toBe(415);
    expect(png.body.code).toBe('FILE_TYPE_NOT_ACCEPTED');
    const encrypted = await upload(id, encryptedPdf(), 'locked.pdf');
    expect([encrypted.status, encrypted.body.code]).toEqual([422, 'PDF_ENCRYPTED']);
    const corrupt = await upload(id, corruptPdf(), 'broken.pdf');
    expect([corrupt.status, corrupt.body.code]).toEqual([422, 'PDF_CORRUPT']);
    const truncated = await upload(id, truncatedPdf(), 'cut.pdf');
    expect([truncated.status, truncated.body.code]).toEqual([422, 'PDF_TRUNCATED']);
    const over = await upload(id, padPdf(makePdf({ pages: 1 }), PLAN_MAX_BYTES + 1), 'big.pdf');
    expect([over.status, over.body.code]).toEqual([413, 'FILE_TOO_LARGE']);
    const exact = await upload(id, padPdf(makePdf({ pages: 1 }), PLAN_MAX_BYTES), 'exact.pdf');
    expect(exact.status, exact.text).toBe(201);
    // Nothing of the refused files was kept: only the file at the limit added a version.
    expect(await versionCount()).toBe(before + 1);
    const list = await t.http.get(`/applications/${id}/documents`).auth(as('pi.utokyo'), bearer);
    const planSlot = (list.body.slots as { requirement: { id: string }; current: { number: number; fileName: string } }[]).find(
      (s) => s.requirement.id === planId,
    );
    expect(planSlot?.current).toMatchObject({ number: 2, fileName: 'exact.pdf' });
  });

  it('warns of a 12-page plan on a 10-page call, and refuses to submit it, naming the document', async () => {
    const { id } = await completeDraft(t.http, t.dataSource, as('pi.utokyo'), { callId, trackId });
    const uploaded = await upload(id, makePdf({ pages: 12 }), 'long.pdf');
    expect(uploaded.status, uploaded.text).toBe(201);
    expect(uploaded.body.warnings).toEqual([expect.objectContaining({ code: 'PAGES_OVER_LIMIT' })]);
    const submitted = await t.http.post(`/applications/${id}/submit`).auth(as('pi.utokyo'), bearer);
    expect(submitted.status).toBe(422);
    expect(submitted.body.errors).toContainEqual(
      expect.objectContaining({
        code: 'DOCUMENT_OVER_PAGES',
        field: `documents.${planId}`,
        message: expect.stringContaining('Research plan'),
      }),
    );
    // Removed, the plan is missing; a document that is not the application's is not found.
    const documentId = uploaded.body.version.documentId as string;
    expect((await t.http.delete(`/applications/${id}/documents/${documentId}`).auth(as('pi.utokyo'), bearer)).status).toBe(204);
    expect((await t.http.delete(`/applications/${id}/documents/${planId}`).auth(as('pi.utokyo'), bearer)).status).toBe(404);
    const missing = await t.http.post(`/applications/${id}/check`).auth(as('pi.utokyo'), bearer);
    expect(missing.body.problems).toContainEqual(expect.objectContaining({ code: 'DOCUMENT_MISSING', field: `documents.${planId}` }));
  });

  it('freezes each submission: after a reopen and a new plan, office and reviewer read the second, the team still reads the first', async () => {
    const { id } = await completeDraft(t.http, t.dataSource, as('pi.utokyo'), { callId, trackId });
    // A team member from Osaka: the Osaka reviewer is conflicted with this proposal.
    const member = await t.http.get(`/applications/${id}`).auth(as('pi.utokyo'), bearer);
    const added = await t.http
      .post(`/applications/${id}/members`)
      .auth(as('pi.utokyo'), bearer)
      .set('if-match', member.headers['etag'] as string)
      .send({ name: 'Aoi Mori', role: 'co_investigator', earlyCareer: true, institutionId: org('OSAKA'), country: 'JP' });
    expect(added.status, added.text).toBe(201);
    const first = makePdf({ pages: 3, title: 'Plan one' });
    const one = await upload(id, first, 'plan-1.pdf');
    expect(one.status, one.text).toBe(201);
    const submitted = await t.http.post(`/applications/${id}/submit`).auth(as('pi.utokyo'), bearer);
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.body.receipts.every((r: { submissionNumber: number }) => r.submissionNumber === 1)).toBe(true);

    const reopened = await t.http.post(`/applications/${id}/reopen`).auth(as('pi.utokyo'), bearer);
    expect(reopened.status, reopened.text).toBe(200);
    const renamed = await t.http
      .patch(`/applications/${id}`)
      .auth(as('pi.utokyo'), bearer)
      .set('if-match', reopened.headers['etag'] as string)
      .send({ title: 'Quantum sensing, revised' });
    expect(renamed.status, renamed.text).toBe(200);
    const second = makePdf({ pages: 4, title: 'Plan two' });
    const two = await upload(id, second, 'plan-2.pdf');
    expect(two.status, two.text).toBe(201);
    const resubmitted = await t.http.post(`/applications/${id}/submit`).auth(as('pi.utokyo'), bearer);
    expect(resubmitted.status, resubmitted.text).toBe(200);

    // The team: both, the first unchanged.
    const mine = await t.http.get(`/applications/${id}/submissions`).auth(as('pi.utokyo'), bearer);
    expect(mine.body.map((s: { number: number }) => s.number)).toEqual([1, 2]);
    const firstSubmission = await t.http.get(`/applications/${id}/submissions/1`).auth(as('pi.utokyo'), bearer);
    expect(firstSubmission.body.proposal.title).toBe('量子センシングの日米共同研究');
    expect(firstSubmission.body.documents).toEqual([
      expect.objectContaining({ fileName: 'plan-1.pdf', size: first.length, sha256: sha256(first), versionId: one.body.version.id }),
    ]);
    const firstBytes = await t.http
      .get(`/document-versions/${one.body.version.id as string}/content`)
      .auth(as('pi.utokyo'), bearer)
      .buffer(true);
    expect(sha256(firstBytes.body as Buffer)).toBe(sha256(first));
    // The database refuses to change a submission at all.
    await expect(t.dataSource.query(`UPDATE application_submissions SET proposal = '{}' WHERE application_id = $1`, [id])).rejects.toThrow(
      /frozen/,
    );

    const diff = await t.http.get(`/applications/${id}/submissions/compare?from=1&to=2`).auth(as('pi.utokyo'), bearer);
    expect(diff.status, diff.text).toBe(200);
    expect(diff.body.fields).toEqual([{ path: 'title', before: '量子センシングの日米共同研究', after: 'Quantum sensing, revised' }]);
    expect(diff.body.documents).toEqual([
      expect.objectContaining({
        change: 'replaced',
        requirementId: planId,
        before: expect.objectContaining({ sha256: sha256(first) }),
        after: expect.objectContaining({ sha256: sha256(second) }),
      }),
    ]);

    // The office: the latest only.
    const office = await t.http.get(`/applications/${id}/submissions`).auth(as('ura.utokyo'), bearer);
    expect(office.body.map((s: { number: number }) => s.number)).toEqual([2]);
    const officeLatest = await t.http.get(`/applications/${id}/submissions/latest`).auth(as('ura.utokyo'), bearer);
    expect(officeLatest.body).toMatchObject({ number: 2, proposal: { title: 'Quantum sensing, revised' } });
    expect((await t.http.get(`/applications/${id}/submissions/1`).auth(as('ura.utokyo'), bearer)).status).toBe(404);
    expect((await t.http.get(`/document-versions/${two.body.version.id as string}/content`).auth(as('ura.utokyo'), bearer)).status).toBe(
      200,
    );
    expect((await t.http.get(`/document-versions/${one.body.version.id as string}`).auth(as('ura.utokyo'), bearer)).status).toBe(404);

    // A reviewer who accepted and has no conflict: the second submission, and its plan.
    const assignment = async (reviewer: string): Promise<string> => {
      const [row] = await t.dataSource.query<{ id: string }[]>(
        `INSERT INTO review_assignments (application_id, reviewer_id, agency_id, status, assigned_at)
         VALUES ($1, (SELECT id FROM users WHERE email = $2), $3, 'accepted', $4) RETURNING id`,
        [id, `${reviewer}@example.org`, org('NSF'), NOW],
      );
      return row!.id;
    };
    const kyoto = await assignment('reviewer.kyoto');
    const read = await t.http.get(`/assignments/${kyoto}/application`).auth(as('reviewer.kyoto'), bearer);
    expect(read.status, read.text).toBe(200);
    expect(read.body.title).toBe('Quantum sensing, revised');
    expect(read.body.documents).toEqual([expect.objectContaining({ versionId: two.body.version.id, sha256: sha256(second) })]);
    const reviewerFile = await t.http
      .get(`/document-versions/${two.body.version.id as string}/content`)
      .auth(as('reviewer.kyoto'), bearer)
      .buffer(true);
    expect(sha256(reviewerFile.body as Buffer)).toBe(sha256(second));

    // Everyone else: 404 on the document and its download.
    const osakaAssignment = await assignment('reviewer.osaka');
    expect((await t.http.get(`/assignments/${osakaAssignment}/application`).auth(as('reviewer.osaka'), bearer)).status).toBe(404);
    for (const who of ['ura.osaka', 'reviewer.tohoku', 'reviewer.osaka']) {
      for (const path of [
        `/document-versions/${two.body.version.id as string}`,
        `/document-versions/${two.body.version.id as string}/content`,
      ]) {
        expect((await t.http.get(path).auth(as(who), bearer)).status, `${who} ${path}`).toBe(404);
      }
      expect((await t.http.get(`/applications/${id}/submissions/latest`).auth(as(who), bearer)).status, who).toBe(404);
    }
  });

  it('gives a document back under its Japanese name', async () => {
    const { id } = await completeDraft(t.http, t.dataSource, as('pi.utokyo'), { callId, trackId });
    const uploaded = await upload(id, makePdf({ pages: 2 }), '研究計画書.pdf');
    expect(uploaded.status, uploaded.text).toBe(201);
    expect(uploaded.body.version.fileName).toBe('研究計画書.pdf');
    const download = await t.http.get(`/document-versions/${uploaded.body.version.id as string}/content`).auth(as('pi.utokyo'), bearer);
    const disposition = download.headers['content-disposition'] as string;
    expect(disposition).toMatch(/^attachment;/);
    const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
    expect(decodeURIComponent(encoded ?? '')).toBe('研究計画書.pdf');
  });

  it('removes, a day on, an upload whose process stopped before attaching it, bytes and all', async () => {
    const { id } = await completeDraft(t.http, t.dataSource, as('pi.utokyo'), { callId, trackId });
    const uploaded = await upload(id, makePdf({ pages: 1 }), 'kept.pdf');
    expect(uploaded.status, uploaded.text).toBe(201);
    // As a process that died between storing and attaching leaves it: a row not attached, its bytes stored.
    const [orphan] = await t.dataSource.query<{ id: string; storage_key: string }[]>(
      `INSERT INTO document_versions (document_id, number, storage_key, file_name, media_type, size, sha256, pages, scan_status, uploaded_by, uploaded_at)
       SELECT document_id, 99, 'documents/2027/01/orphan-' || substr(md5(random()::text), 1, 8), 'lost.pdf', media_type, size, sha256, pages,
              scan_status, uploaded_by, uploaded_at FROM document_versions WHERE id = $1
       RETURNING id, storage_key`,
      [uploaded.body.version.id],
    );
    const storage = t.app.get<DocumentStorage>(DOCUMENT_STORAGE_TOKEN);
    const file = join(await mkdtemp(join(tmpdir(), 'jointcall-orphan-')), 'lost.pdf');
    await writeFile(file, makePdf({ pages: 1 }));
    await storage.put(orphan!.storage_key, file, { size: 1, mediaType: 'application/pdf', sha256: 'x'.repeat(64) });
    const documents = t.app.get(DocumentsService);
    expect(await documents.cleanUp()).toBe(0);
    t.clock.set(new Date(Date.parse(NOW) + 25 * 3600 * 1000).toISOString());
    expect(await documents.cleanUp()).toBe(1);
    t.clock.set(NOW);
    expect(await t.dataSource.query(`SELECT id FROM document_versions WHERE id = $1`, [orphan!.id])).toEqual([]);
    await expect(storage.open(orphan!.storage_key)).rejects.toThrow();
    // What was attached stays.
    const kept = await t.http.get(`/document-versions/${uploaded.body.version.id as string}/content`).auth(as('pi.utokyo'), bearer);
    expect(kept.status).toBe(200);
  });
});
