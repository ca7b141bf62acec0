/// <reference lib="dom" />
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makePdf } from '../seeds/demo/pdf.js';
import { seedId } from '../seeds/seed-id.js';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { completeDraft, JST_LEAD_NSF_PARTNER, NEXT_GENERATION_TRACK, org, publishedCall } from './support/call-fixtures.js';
import { type BrowserApp, checkPage, describeInBrowser, newContext, signIn, startBrowserApp } from './support/browser.js';

const DAY = 86_400_000;
const PLAN_NAME = '研究計画書.pdf';
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * The documents a call asks for, from the officer who sets them to the office that approves the
 * submission and the reviewer who reads it: each sees the frozen files with their SHA-256, and
 * downloads them under the name they were uploaded with.
 */
describeInBrowser('proposal documents in the browser: call editor, office and reviewer', () => {
  let app: BrowserApp;
  const bearer = { type: 'bearer' } as const;
  let callId: string;
  let trackId: string;
  let applicationId: string;
  let assignmentId: string;
  const plan = makePdf({ pages: 3, title: 'Research plan' });

  beforeAll(async () => {
    app = await startBrowserApp();
    // A call open now whose JST deadline is two days ahead: submitted now, reviewed once the clock passes it.
    const now = app.t.clock.now().getTime();
    const at = (days: number) => new Date(now + days * DAY).toISOString();
    const officer = await app.t.login('officer.jst@example.org', DEMO_PASSWORD);
    const call = await publishedCall(app.t.http, app.t.dataSource, officer, {
      titleEn: 'Japan-US joint call with documents',
      titleJa: '書類を求める日米共同公募',
      agencies: JST_LEAD_NSF_PARTNER.map((agency, i) => ({ ...agency, deadline: at(2 + i * 3) })),
      tracks: [NEXT_GENERATION_TRACK],
      announcedAt: null,
      opensAt: at(-1),
      reviewStartsAt: at(10),
      decisionAt: at(60),
      projectStartOn: at(200).slice(0, 10),
    });
    callId = call.callId;
    trackId = call.trackIds['next-generation']!;
  }, 180_000);
  afterAll(async () => {
    await app?.close();
  });

  /** The documents part of the call editor. */
  const documentsOf = (page: Page, name = 'Documents') => page.getByRole('region', { name });

  it('the JST officer asks for a research plan of at most 10 pages and a CV per side; the server’s limit is shown at its field', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    await signIn(page, app.baseUrl, 'officer.jst@example.org');
    await page.goto(`${app.baseUrl}/agency/calls/${callId}`);
    const documents = documentsOf(page);
    await documents.getByText('The call asks for no document yet.').waitFor();

    await documents.getByRole('button', { name: 'Add a document' }).click();
    // The keyboard goes on at the new document's first input.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('call-requirements-0-kind');
    const first = documents.getByRole('group', { name: 'Document 1' });
    expect(await first.getByLabel('Kind').inputValue()).toBe('research_plan');
    expect(await first.getByLabel('Name (Japanese)').inputValue()).toBe('研究計画書');
    expect(await first.getByLabel('Name (English)').inputValue()).toBe('Research plan');
    expect(await first.getByLabel('PDF').isChecked()).toBe(true);
    expect(await first.getByLabel('Maximum size (MB)').inputValue()).toBe('10');
    await first.getByLabel('Maximum pages (optional)').fill('10');
    await first.getByLabel('Guidance for applicants (Japanese, optional)').fill('A4で10ページ以内。');
    await first.getByLabel('Guidance for applicants (English, optional)').fill('At most 10 pages, A4.');

    await documents.getByRole('button', { name: 'Add a document' }).click();
    const second = documents.getByRole('group', { name: 'Document 2' });
    await second.getByLabel('Kind').selectOption({ label: 'CV' });
    expect(await second.getByLabel('Name (English)').inputValue()).toBe('CV');
    expect(await second.getByLabel('Name (Japanese)').inputValue()).toBe('履歴書');
    await second.getByLabel('One document for').selectOption({ label: "each agency's side" });
    await second.getByLabel('Required for submission').uncheck();
    // More than this server takes (50 MB by default): refused by the api, said at the field in megabytes.
    await second.getByLabel('Maximum size (MB)').fill('100');
    await documents.getByRole('button', { name: 'Save the documents' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Some fields need attention.' });
    await summary.getByRole('link', { name: 'Document 2: Maximum size' }).waitFor();
    const size = second.getByLabel('Maximum size (MB)');
    expect(await size.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#call-requirements-1-maxBytes-error').innerText()).toBe('At most 50 MB on this service.');
    await checkPage(page, 'call-documents-problems');
    await summary.getByRole('link', { name: 'Document 2: Maximum size' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('call-requirements-1-maxBytes');
    await size.fill('5');

    // A third document, moved up and removed again: the focus follows the button pressed.
    await documents.getByRole('button', { name: 'Add a document' }).click();
    await documents.getByRole('button', { name: 'Move document 3 up' }).click();
    await expect.poll(() => documents.getByRole('group', { name: 'Document 2' }).getByLabel('Kind').inputValue()).toBe('research_plan');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Move document 2 up');
    await documents.getByRole('button', { name: 'Remove document 2' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('call-add-requirement');

    await documents.getByRole('button', { name: 'Save the documents' }).click();
    await documents
      .getByRole('status')
      .filter({ hasText: /^Saved at/ })
      .waitFor();
    await checkPage(page, 'call-documents');

    await page.reload();
    await documentsOf(page).getByRole('group', { name: 'Document 2' }).waitFor();
    const [one, two] = [
      documentsOf(page).getByRole('group', { name: 'Document 1' }),
      documentsOf(page).getByRole('group', { name: 'Document 2' }),
    ];
    expect(await one.getByLabel('Kind').inputValue()).toBe('research_plan');
    expect(await one.getByLabel('Maximum pages (optional)').inputValue()).toBe('10');
    expect(await one.getByLabel('Guidance for applicants (Japanese, optional)').inputValue()).toBe('A4で10ページ以内。');
    expect(await one.getByLabel('Required for submission').isChecked()).toBe(true);
    expect(await two.getByLabel('Kind').inputValue()).toBe('cv');
    expect(await two.getByLabel('One document for').inputValue()).toBe('side');
    expect(await two.getByLabel('Maximum size (MB)').inputValue()).toBe('5');
    expect(await two.getByLabel('Required for submission').isChecked()).toBe(false);
    expect(await documentsOf(page).getByRole('group', { name: 'Document 3' }).count()).toBe(0);

    const stored = await app.t.http
      .get(`/calls/${callId}/document-requirements`)
      .auth(await app.t.login('officer.jst@example.org', DEMO_PASSWORD), bearer);
    expect(stored.body).toEqual([
      expect.objectContaining({ kind: 'research_plan', scope: 'proposal', maxPages: 10, maxBytes: 10 * 1024 * 1024, required: true }),
      expect.objectContaining({ kind: 'cv', scope: 'side', maxPages: null, maxBytes: 5 * 1024 * 1024, required: false }),
    ]);
    await context.close();

    const ja = await newContext(app.browser, { locale: 'ja-JP' });
    const jaPage = await ja.newPage();
    await signIn(jaPage, app.baseUrl, 'officer.jst@example.org');
    await jaPage.goto(`${app.baseUrl}/agency/calls/${callId}`);
    const jaDocuments = documentsOf(jaPage, '提出書類');
    await jaDocuments.getByRole('group', { name: '書類 2' }).waitFor();
    expect(await jaDocuments.getByRole('group', { name: '書類 1' }).getByLabel('最大ページ数（任意）').inputValue()).toBe('10');
    await checkPage(jaPage, 'call-documents-ja');
    await ja.close();
  });

  it('the PI submits a plan named in Japanese; the Tokyo office sees it with its SHA-256, downloads it under that name, and approves', async () => {
    const pi = await app.t.login('pi.utokyo@example.org', DEMO_PASSWORD);
    const draft = await completeDraft(app.t.http, app.t.dataSource, pi, { callId, trackId, title: '書類つきの量子センシング共同研究' });
    applicationId = draft.id;
    const [requirement] = (await app.t.http.get(`/calls/${callId}/document-requirements`).auth(pi, bearer)).body as { id: string }[];
    const uploaded = await app.t.http
      .post(`/applications/${applicationId}/documents/${requirement!.id}`)
      .auth(pi, bearer)
      .attach('file', plan, { filename: PLAN_NAME, contentType: 'application/pdf' });
    expect(uploaded.status, uploaded.text).toBe(201);
    const submitted = await app.t.http.post(`/applications/${applicationId}/submit`).auth(pi, bearer);
    expect(submitted.status, submitted.text).toBe(200);

    const context = await newContext(app.browser);
    const page = await context.newPage();
    await signIn(page, app.baseUrl, 'ura.utokyo@example.org');
    await page.goto(`${app.baseUrl}/office/proposals/${applicationId}`);
    const latest = page.getByRole('region', { name: 'Latest submission (no. 1)' });
    await latest.getByText('This is what you approve').waitFor();
    const entry = latest.getByRole('listitem', { name: /Research plan/ });
    const text = await entry.innerText();
    expect(text).toContain('Whole proposal');
    expect(text).toContain(PLAN_NAME);
    expect(text).toContain(sha256(plan));
    expect(text).toMatch(new RegExp(`\\d kB \\(${plan.length.toLocaleString('en')} bytes\\)`));
    expect(await entry.locator('code').innerText()).toBe(sha256(plan));

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      entry.getByRole('button', { name: `Download ${PLAN_NAME}` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(PLAN_NAME);
    expect(sha256(await readFile(await download.path()))).toBe(sha256(plan));
    await page.getByRole('heading', { name: 'Approve or return the JST side' }).waitFor();
    await checkPage(page, 'office-submission');

    const ja = await newContext(app.browser, { locale: 'ja-JP' });
    const jaPage = await ja.newPage();
    await signIn(jaPage, app.baseUrl, 'ura.utokyo@example.org');
    await jaPage.goto(`${app.baseUrl}/office/proposals/${applicationId}`);
    const jaLatest = jaPage.getByRole('region', { name: '最新の提出（第1回）' });
    await jaLatest.getByText(sha256(plan)).waitFor();
    expect(await jaLatest.innerText()).toContain('提案全体');
    await checkPage(jaPage, 'office-submission-ja');
    await ja.close();

    await page.getByLabel('Export-control screening of the collaboration is done').check();
    await page.getByLabel('Disclosures of other funding and affiliations are received').check();
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.getByRole('heading', { name: 'Approve or return the JST side' }).waitFor({ state: 'detached' });
    // Approved: the submission stays, without the note about approving it.
    await latest.getByRole('button', { name: `Download ${PLAN_NAME}` }).waitFor();
    expect(await latest.getByText('This is what you approve').count()).toBe(0);
    await context.close();
  });

  it('once JST’s deadline has passed, an accepted reviewer reads the plan of the latest submission', async () => {
    app.t.clock.set(new Date(app.t.clock.now().getTime() + 3 * DAY));
    const officer = await app.t.login('officer.jst@example.org', DEMO_PASSWORD);
    const reviewerId = seedId('user', 'reviewer.kyoto@example.org');
    const eligible = await app.t.http
      .post(`/applications/${applicationId}/sides/${org('JST')}/eligibility`)
      .auth(officer, bearer)
      .send({ eligible: true, reason: 'Complete and within the caps.' });
    expect(eligible.status, eligible.text).toBeLessThan(300);
    const pooled = await app.t.http.post(`/calls/${callId}/reviewers`).auth(officer, bearer).send({ reviewerId });
    expect(pooled.status, pooled.text).toBeLessThan(300);
    const assigned = await app.t.http
      .post(`/applications/${applicationId}/assignments`)
      .auth(officer, bearer)
      .send({ reviewerId, dueAt: new Date(app.t.clock.now().getTime() + 14 * DAY).toISOString() });
    expect(assigned.status, assigned.text).toBe(201);
    assignmentId = assigned.body.assignmentId as string;
    const reviewer = await app.t.login('reviewer.kyoto@example.org', DEMO_PASSWORD);
    const accepted = await app.t.http.post(`/assignments/${assignmentId}/accept`).auth(reviewer, bearer).send({ noConflict: true });
    expect(accepted.status, accepted.text).toBeLessThan(300);

    const context = await newContext(app.browser);
    const page = await context.newPage();
    await signIn(page, app.baseUrl, 'reviewer.kyoto@example.org');
    await page.goto(`${app.baseUrl}/reviewer/assignments/${assignmentId}`);
    const proposal = page.getByRole('region', { name: 'The proposal' });
    await proposal.getByRole('heading', { name: 'Submitted documents' }).waitFor();
    await proposal.getByText('As submitted: submission no. 1, the latest.').waitFor();
    const entry = proposal.getByRole('listitem', { name: /Research plan/ });
    expect(await entry.locator('code').innerText()).toBe(sha256(plan));
    expect(await entry.innerText()).toContain(PLAN_NAME);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      entry.getByRole('button', { name: `Download ${PLAN_NAME}` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(PLAN_NAME);
    await checkPage(page, 'reviewer-documents');
    await context.close();

    const ja = await newContext(app.browser, { locale: 'ja-JP' });
    const jaPage = await ja.newPage();
    await signIn(jaPage, app.baseUrl, 'reviewer.kyoto@example.org');
    await jaPage.goto(`${app.baseUrl}/reviewer/assignments/${assignmentId}`);
    await jaPage.getByRole('heading', { name: '提出書類' }).waitFor();
    await jaPage.getByText(sha256(plan)).waitFor();
    await checkPage(jaPage, 'reviewer-documents-ja');
    await ja.close();
  });
});
