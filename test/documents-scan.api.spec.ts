import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentsService } from '#documents';
import { runSeeds } from '../seeds/index.js';
import { makePdf } from '../seeds/demo/pdf.js';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { completeDraft, JST_LEAD_NSF_PARTNER, NEXT_GENERATION_TRACK, publishedCall } from './support/call-fixtures.js';
import { CLAMD_BINARY, clamdInstalled, startClamd, TEST_VIRUS_MARKER } from './support/clamd.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const bearer = { type: 'bearer' } as const;

describe.skipIf(!clamdInstalled())(`uploads scanned by clamd (skipped: ${CLAMD_BINARY} is not installed)`, () => {
  let t: TestApp;
  let clamd: Awaited<ReturnType<typeof startClamd>>;
  let callId: string;
  let trackId: string;
  let planId: string;
  let pi: string;

  beforeAll(async () => {
    clamd = await startClamd();
    t = await startTestApp({ now: '2026-12-10T00:00:00Z', env: { CLAMD: clamd.socket } });
    await runSeeds(t.dataSource);
    const officer = await t.login('officer.jst@example.org', DEMO_PASSWORD);
    const call = await publishedCall(t.http, t.dataSource, officer, { agencies: JST_LEAD_NSF_PARTNER, tracks: [NEXT_GENERATION_TRACK] });
    callId = call.callId;
    trackId = call.trackIds['next-generation']!;
    const put = await t.http
      .put(`/calls/${callId}/document-requirements`)
      .auth(officer, bearer)
      .send({
        requirements: [
          { kind: 'research_plan', scope: 'proposal', labelEn: 'Research plan', labelJa: '研究計画書', maxBytes: 100_000, required: true },
        ],
      });
    planId = (put.body as { id: string }[])[0]!.id;
    t.clock.set('2027-02-01T00:00:00Z');
    pi = await t.login('pi.utokyo@example.org', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
    await clamd?.close();
  });

  const upload = (id: string, pdf: Buffer) =>
    t.http
      .post(`/applications/${id}/documents/${planId}`)
      .auth(pi, bearer)
      .attach('file', pdf, { filename: 'plan.pdf', contentType: 'application/pdf' });

  it('marks a clean file clean; an infected one can be neither submitted nor downloaded', async () => {
    const { id } = await completeDraft(t.http, t.dataSource, pi, { callId, trackId });
    const clean = await upload(id, makePdf({ pages: 2 }));
    expect(clean.status, clean.text).toBe(201);
    expect(clean.body.version.scanStatus).toBe('clean');

    const infected = await upload(id, makePdf({ pages: 2, lines: [TEST_VIRUS_MARKER] }));
    expect(infected.status, infected.text).toBe(201);
    expect(infected.body.version.scanStatus).toBe('infected');
    expect(infected.body.warnings).toEqual([expect.objectContaining({ code: 'INFECTED' })]);
    const download = await t.http.get(`/document-versions/${infected.body.version.id as string}/content`).auth(pi, bearer);
    expect([download.status, download.body.code]).toEqual([422, 'DOCUMENT_INFECTED']);
    const submitted = await t.http.post(`/applications/${id}/submit`).auth(pi, bearer);
    expect(submitted.status).toBe(422);
    expect(submitted.body.errors).toContainEqual(expect.objectContaining({ code: 'DOCUMENT_INFECTED', field: `documents.${planId}` }));
  });

  it('scans again, at the next clean-up, a file uploaded while the scanner could not be reached', async () => {
    const { id } = await completeDraft(t.http, t.dataSource, pi, { callId, trackId });
    const uploaded = await upload(id, makePdf({ pages: 1, lines: [TEST_VIRUS_MARKER] }));
    // As if clamd had been down at the upload.
    await t.dataSource.query(`UPDATE document_versions SET scan_status = 'pending', scan_signature = NULL WHERE id = $1`, [
      uploaded.body.version.id,
    ]);
    await t.app.get(DocumentsService).cleanUp();
    const version = await t.http.get(`/document-versions/${uploaded.body.version.id as string}`).auth(pi, bearer);
    expect(version.body.scanStatus).toBe('infected');
  });
});
