/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FIXED_EXPORT_HEADERS } from '#applications';
import { seedId } from '../seeds/seed-id.js';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { type BrowserApp, checkPage, describeInBrowser, newContext, signIn, startBrowserApp } from './support/browser.js';

const CALL = seedId('call', 'SICORP-US-REVIEW');
const TOKYO = seedId('application', 'UTOKYO-IN-REVIEW');
const bearer = { type: 'bearer' } as const;

/** The header row of the CSV a click downloads, and the name the browser saves it under. */
async function downloadedCsv(page: Page, button: string): Promise<{ name: string; header: string[]; rows: string[][] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const records: string[][] = parse(await readFile(await download.path(), 'utf8'), { bom: true });
  const [header, ...rows] = records;
  return { name: download.suggestedFilename(), header: header!, rows };
}

describeInBrowser('CSV exports in the page’s language', () => {
  let app: BrowserApp;
  let context: BrowserContext;

  beforeAll(async () => {
    app = await startBrowserApp();
    // The call asks two questions of its own (a new version made on purpose: the call has opened).
    const officer = await app.t.login('officer.jst@example.org', DEMO_PASSWORD);
    const form = await app.t.http
      .put(`/calls/${CALL}/form?newVersion=true`)
      .auth(officer, bearer)
      .send({
        questions: [
          {
            key: 'data_plan',
            type: 'yes_no',
            label: { en: 'Data management plan ready', ja: 'データマネジメントプラン作成済み' },
            help: null,
            required: false,
            scope: 'proposal',
            visibility: 'reviewers',
          },
          {
            key: 'side_role',
            type: 'short_text',
            label: { en: 'Role of this side', ja: 'この側の役割' },
            help: null,
            required: false,
            scope: 'side',
            visibility: 'office_agency',
          },
        ],
      });
    expect(form.status, form.text).toBe(200);
  }, 180_000);
  afterAll(async () => {
    await context?.close();
    await app?.close();
  });

  it('downloads an agency’s applications of the call with the headers in the page’s language', async () => {
    context = await newContext(app.browser);
    const page = await context.newPage();
    // officer.jst reads jointcall in Japanese; the English page asks for English.
    await signIn(page, app.baseUrl, 'officer.jst@example.org');
    await page.goto(`${app.baseUrl}/agency/calls/${CALL}/applications`);
    await page.getByRole('heading', { name: 'Applications', level: 1 }).waitFor();
    await page.getByRole('table').waitFor();
    await checkPage(page, 'agency-applications-csv-en');
    const english = await downloadedCsv(page, 'Download CSV');
    expect(english.name).toBe('call-applications.csv');
    expect(english.header).toEqual([...FIXED_EXPORT_HEADERS.en, 'Data management plan ready [data_plan]', 'Role of this side [side_role]']);
    expect(english.rows.map((row) => row[0])).toContain(TOKYO);

    await page.getByLabel('Language').selectOption('ja');
    await page.getByRole('heading', { name: '応募一覧', level: 1 }).waitFor();
    await checkPage(page, 'agency-applications-csv-ja');
    const japanese = await downloadedCsv(page, 'CSVをダウンロード');
    expect(japanese.header).toEqual([
      ...FIXED_EXPORT_HEADERS.ja,
      'データマネジメントプラン作成済み [data_plan]',
      'この側の役割 [side_role]',
    ]);
    expect(japanese.rows).toEqual(english.rows);
    await context.close();
  });

  it('downloads the office’s applications of a call with the headers in the page’s language', async () => {
    context = await newContext(app.browser);
    const page = await context.newPage();
    // ura.utokyo reads jointcall in Japanese; the English page asks for English.
    await signIn(page, app.baseUrl, 'ura.utokyo@example.org');
    await page.goto(`${app.baseUrl}/office/deadlines`);
    await page.locator('#export-call').selectOption(CALL);
    await checkPage(page, 'office-csv-en');
    const english = await downloadedCsv(page, 'Download CSV');
    expect(english.header).toEqual([...FIXED_EXPORT_HEADERS.en, 'Data management plan ready [data_plan]', 'Role of this side [side_role]']);
    expect(english.rows.map((row) => row[0])).toContain(TOKYO);

    await page.getByLabel('Language').selectOption('ja');
    await page.locator('#export-call').selectOption(CALL);
    await checkPage(page, 'office-csv-ja');
    const japanese = await downloadedCsv(page, 'CSVをダウンロード');
    expect(japanese.header).toEqual([
      ...FIXED_EXPORT_HEADERS.ja,
      'データマネジメントプラン作成済み [data_plan]',
      'この側の役割 [side_role]',
    ]);
  });
});
