/// <reference lib="dom" />
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makePdf } from '../seeds/demo/pdf.js';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { seedId } from '../seeds/seed-id.js';
import { type BrowserApp, checkPage, describeInBrowser, newContext, signIn, startBrowserApp } from './support/browser.js';

const bearer = { type: 'bearer' } as const;
const CALL_ID = seedId('call', 'SICORP-US-CURRENT');
const TRACK_ID = seedId('track', 'SICORP-US-CURRENT/standard');
const TITLE = 'Chiplet interconnects for low-power edge AI';
const REVISED_TITLE = 'Chiplet interconnects for low-power edge AI accelerators';
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Waits until the editor says the draft is saved (in either language). */
async function saved(page: Page): Promise<void> {
  await page.locator('.saved-at', { hasText: /Saved at|保存しました/ }).waitFor();
}

describeInBrowser('a researcher’s proposal documents in the browser', () => {
  let app: BrowserApp;
  let applicationId: string;
  let planId: string;
  let dir: string;
  const files = {
    plan: { name: 'research-plan.pdf', bytes: makePdf({ pages: 3, title: 'Research plan' }) },
    long: { name: 'research-plan-long.pdf', bytes: makePdf({ pages: 12, title: 'Research plan, too long' }) },
    short: { name: 'research-plan-v2.pdf', bytes: makePdf({ pages: 3, title: 'Research plan, shortened' }) },
    revised: { name: 'research-plan-v3.pdf', bytes: makePdf({ pages: 4, title: 'Research plan, revised after the office' }) },
  };
  const path = (file: keyof typeof files) => join(dir, files[file].name);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jointcall-documents-'));
    for (const file of Object.values(files)) writeFileSync(join(dir, file.name), file.bytes);
    app = await startBrowserApp();
    const { http } = app.t;

    // The lead agency's officer asks for a research plan of at most 10 pages.
    const officer = await app.t.login('officer.jst@example.org', DEMO_PASSWORD);
    const put = await http
      .put(`/calls/${CALL_ID}/document-requirements`)
      .auth(officer, bearer)
      .send({
        requirements: [
          {
            kind: 'research_plan',
            scope: 'proposal',
            labelEn: 'Research plan',
            labelJa: '研究計画書',
            helpEn: 'The plan of the joint research, written by both teams.',
            helpJa: '両チームで作成した共同研究の計画。',
            acceptedTypes: ['application/pdf'],
            maxBytes: 10 * 1024 * 1024,
            maxPages: 10,
            required: true,
          },
        ],
      });
    expect(put.status, put.text).toBe(200);
    planId = (put.body as { id: string }[])[0]!.id;

    // A draft complete but for its research plan.
    const pi = await app.t.login('pi.utokyo@example.org', DEMO_PASSWORD);
    const created = await http
      .post('/applications')
      .auth(pi, bearer)
      .send({
        callId: CALL_ID,
        trackId: TRACK_ID,
        title: TITLE,
        abstract: 'Chiplet links designed with the MIT team for accelerators at the edge.',
        fieldCode: 'semiconductors',
        keywords: ['chiplets', 'edge AI'],
        durationMonths: 36,
      });
    expect(created.status, created.text).toBe(201);
    applicationId = created.body.id as string;
    let version = created.body.version as number;
    const [mit] = await app.t.dataSource.query<{ id: string }[]>(`SELECT id FROM users WHERE email = 'pi.mit@example.org'`);
    for (const [agency, body] of [
      ['JST', { budgetPerYear: [15_000_000, 15_000_000, 10_000_000], budgetCurrency: 'JPY' }],
      ['NSF', { piUserId: mit!.id, institutionId: seedId('organisation', 'MIT'), budgetPerYear: [30_000_000], budgetCurrency: 'USD' }],
    ] as const) {
      const patched = await http
        .patch(`/applications/${applicationId}/sides/${seedId('organisation', agency)}`)
        .auth(pi, bearer)
        .set('if-match', `"${version}"`)
        .send(body);
      expect(patched.status, patched.text).toBe(200);
      version = patched.body.version as number;
    }
    const check = await http.post(`/applications/${applicationId}/check`).auth(pi, bearer);
    expect(check.body.problems.map((p: { code: string }) => p.code)).toEqual(['DOCUMENT_MISSING']);
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('uploads a research plan with the file input, warns of a 12-page one, replaces it and submits: the receipt proves the file by its SHA-256', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    await signIn(page, app.baseUrl, 'pi.utokyo@example.org');
    await page.goto(`${app.baseUrl}/researcher/proposals/${applicationId}`);
    const slot = page.getByRole('region', { name: /^Research plan/ });
    await slot.getByText('Accepts PDF, up to 10 MB, at most 10 pages').waitFor();
    await slot.getByText('Required', { exact: true }).waitFor();
    await slot.getByText('No file uploaded yet.').waitFor();

    // The check names the missing plan and links to its slot.
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const problems = page.getByRole('region', { name: /problem/ });
    await problems.getByRole('link', { name: 'Research plan is required: upload it.' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`field-documents-${planId}`);

    // A slow network: the upload is held for a moment, so the progress bar is there to see.
    await page.route('**/applications/*/documents/*', async (route) => {
      if (route.request().method() === 'POST') await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await slot.getByLabel('Choose a file for Research plan').setInputFiles(path('plan'));
    const progress = slot.getByRole('progressbar', { name: 'Uploading research-plan.pdf' });
    await progress.waitFor();
    await slot.getByRole('status').filter({ hasText: 'research-plan.pdf is uploaded. It has 3 pages.' }).waitFor();
    await progress.waitFor({ state: 'detached' });
    await page.unrouteAll();
    expect(await fact(slot, 'File')).toBe('research-plan.pdf');
    expect(await fact(slot, 'Pages')).toBe('3');
    expect(await fact(slot, 'Version')).toBe('1');
    // The hash is shortened, and the full value is one disclosure away.
    await slot.getByText(`${sha256(files.plan.bytes).slice(0, 12)}…`).click();
    await slot.getByText(sha256(files.plan.bytes), { exact: true }).waitFor();

    // Twelve pages on a ten-page call: kept, with the warning in plain sight.
    await slot.getByLabel('Choose a file to replace Research plan').setInputFiles(path('long'));
    const warning = 'This file has 12 pages; the call allows at most 10.';
    await slot.getByText(warning).first().waitFor();
    expect(await fact(slot, 'Pages')).toBe('12');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await problems.getByRole('link', { name: /Research plan has more pages than the call allows/ }).waitFor();
    await checkPage(page, 'documents-editor-warning');

    await slot.getByLabel('Choose a file to replace Research plan').setInputFiles(path('short'));
    await slot.getByRole('status').filter({ hasText: 'research-plan-v2.pdf is uploaded. It has 3 pages.' }).waitFor();
    await expect.poll(() => slot.getByText(warning).count()).toBe(0);
    expect(await fact(slot, 'Version')).toBe('3');
    await slot.getByText('Version history (3 versions)').click();
    await expect.poll(() => slot.getByRole('table').getByRole('row').count()).toBe(4);
    await checkPage(page, 'documents-editor');

    // Removed, after asking; the keyboard goes on from the file input, and the versions stay.
    await slot.getByRole('button', { name: 'Remove: Research plan' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await slot.getByText('No file uploaded yet.').waitFor();
    await slot.getByRole('status').filter({ hasText: 'research-plan-v2.pdf is removed from the proposal.' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`field-documents-${planId}`);
    await slot.getByLabel('Choose a file for Research plan').setInputFiles(path('short'));
    await slot.getByRole('status').filter({ hasText: 'research-plan-v2.pdf is uploaded.' }).waitFor();
    expect(await fact(slot, 'Version')).toBe('4');

    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByText('Nothing stops the submission.').waitFor();
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.waitForURL(/\/receipt$/);
    const submitted = page.getByRole('table', { name: 'Documents of submission 1' });
    const row = submitted.getByRole('row', { name: /Research plan/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('research-plan-v2.pdf');
    expect(await row.locator('code').innerText()).toBe(sha256(files.short.bytes));
    await checkPage(page, 'documents-receipt');
    await context.close();
  });

  it('in Japanese: reopens, drops a revised plan, changes the title and resubmits; the comparison names both', async () => {
    const context = await newContext(app.browser, { locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    const page = await context.newPage();
    await signIn(page, app.baseUrl, 'pi.utokyo@example.org');
    await page.goto(`${app.baseUrl}/researcher/proposals/${applicationId}`);
    // Submitted: the documents are read only, and the first submission is listed.
    const slot = page.getByRole('region', { name: /^研究計画書/ });
    expect(await fact(slot, 'ファイル')).toBe('research-plan-v2.pdf');
    expect(await slot.getByLabel(/研究計画書の差し替えファイルを選択/).count()).toBe(0);
    await page.getByRole('button', { name: '第 1 回提出を表示' }).click();
    await page.getByRole('table', { name: '第 1 回提出の書類' }).getByText(sha256(files.short.bytes)).waitFor();

    await page.getByRole('button', { name: '提出を取り消して編集' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '確定' }).click();
    const title = page.getByLabel('課題名', { exact: true });
    await title.waitFor();
    await title.fill(REVISED_TITLE);
    await saved(page);

    // Dropped onto the slot instead of chosen.
    const dataTransfer = await page.evaluateHandle(
      ({ bytes, name }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(bytes)], name, { type: 'application/pdf' }));
        return transfer;
      },
      { bytes: [...files.revised.bytes], name: files.revised.name },
    );
    await slot.dispatchEvent('dragenter', { dataTransfer });
    await slot.dispatchEvent('dragover', { dataTransfer });
    await slot.dispatchEvent('drop', { dataTransfer });
    await slot.getByRole('status').filter({ hasText: 'research-plan-v3.pdf をアップロードしました。' }).waitFor();
    expect(await fact(slot, 'ページ数')).toBe('4');
    await checkPage(page, 'ja-documents-editor');

    await page.getByRole('button', { name: '提出', exact: true }).click();
    await page.waitForURL(/\/receipt$/);
    const second = page.getByRole('table', { name: '第 2 回提出の書類' });
    expect(
      await second
        .getByRole('row', { name: /研究計画書/ })
        .locator('code')
        .innerText(),
    ).toBe(sha256(files.revised.bytes));
    await page.getByRole('table', { name: '第 1 回提出の書類' }).waitFor();
    await checkPage(page, 'ja-documents-receipt');

    await page.goto(`${app.baseUrl}/researcher/proposals/${applicationId}`);
    const fields = page.getByRole('table', { name: '第 1 回から第 2 回で変わった項目' });
    const titleRow = fields.getByRole('row', { name: /課題名/ });
    await titleRow.waitFor();
    expect(await titleRow.innerText()).toContain(TITLE);
    expect(await titleRow.innerText()).toContain(REVISED_TITLE);
    const documents = page.getByRole('table', { name: '第 1 回から第 2 回で変わった書類' });
    const planRow = documents.getByRole('row', { name: /研究計画書/ });
    expect(await planRow.innerText()).toContain('差し替え');
    expect(await planRow.innerText()).toContain('research-plan-v2.pdf');
    expect(await planRow.innerText()).toContain('research-plan-v3.pdf');
    expect(await planRow.innerText()).toContain(`${sha256(files.revised.bytes).slice(0, 12)}…`);
    await checkPage(page, 'ja-documents-submissions');
    await context.close();
  });

  it('in English: the submissions, their comparison and the receipt of both', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    await signIn(page, app.baseUrl, 'pi.utokyo@example.org');
    await page.goto(`${app.baseUrl}/researcher/proposals/${applicationId}`);
    const fields = page.getByRole('table', { name: 'Fields changed from submission 1 to submission 2' });
    await fields.getByRole('row', { name: /^Title/ }).waitFor();
    const documents = page.getByRole('table', { name: 'Documents changed from submission 1 to submission 2' });
    expect(await documents.getByRole('row', { name: /Research plan/ }).innerText()).toContain('Replaced');
    await page.getByRole('button', { name: 'View submission 2' }).click();
    await page.getByRole('table', { name: 'Documents of submission 2' }).getByText(sha256(files.revised.bytes)).waitFor();
    await checkPage(page, 'documents-submissions');

    // The download is exactly the submitted file.
    const download = page.waitForEvent('download');
    await page
      .getByRole('table', { name: 'Documents of submission 2' })
      .getByRole('button', { name: /Download/ })
      .click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('research-plan-v3.pdf');
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(sha256(Buffer.concat(chunks))).toBe(sha256(files.revised.bytes));
    await context.close();
  });
});

/** The value a definition list of a slot gives for a term. */
async function fact(slot: ReturnType<Page['getByRole']>, term: string): Promise<string> {
  const value = slot.locator('dl.facts > dt', { hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');
  return (await value.innerText()).trim();
}
