/// <reference lib="dom" />
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type BrowserApp, checkPage, describeInBrowser, newContext, signIn, startBrowserApp } from './support/browser.js';

const TITLE = 'Japan-US joint call on quantum sensing 2027';
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

/** The stored deadlines of a call, as UTC instants, by agency. */
async function storedDeadlines(app: BrowserApp, callId: string): Promise<Record<string, string>> {
  const rows = await app.t.dataSource.query<{ short_name: string; deadline: Date }[]>(
    `SELECT o.short_name, a.deadline FROM call_agencies a JOIN organisations o ON o.id = a.agency_id WHERE a.call_id = $1`,
    [callId],
  );
  return Object.fromEntries(rows.map((row) => [row.short_name, row.deadline.toISOString()]));
}

/** The value of an agency's option in the list of partners to add. */
async function agencyOption(page: Page, shortName: string): Promise<string> {
  const option = page.locator('#call-add-agency option', { hasText: new RegExp(`^${shortName} `) });
  return (await option.getAttribute('value')) ?? '';
}

/** Every form control a person could change, outside the group named `keep` (none when `keep` is undefined). */
function editableOutside(page: Page, keep: string | undefined): Promise<string[]> {
  return page.evaluate((legendStart) => {
    const controls = [
      ...document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('main input, main select, main textarea'),
    ];
    return controls
      .filter((control) => !control.matches(':disabled') && !(control as HTMLInputElement).readOnly)
      .filter((control) => {
        const group = control.closest('fieldset.card');
        return !(legendStart && group?.querySelector('legend')?.textContent?.startsWith(legendStart));
      })
      .map((control) => control.labels?.[0]?.textContent ?? control.id);
  }, keep);
}

describeInBrowser('the agency officer’s call editor in the browser', () => {
  let app: BrowserApp;
  let jst: BrowserContext;
  let jstPage: Page;
  let callUrl: string;
  let callId: string;

  beforeAll(async () => {
    app = await startBrowserApp();
    jst = await newContext(app.browser);
    jstPage = await jst.newPage();
  }, 180_000);
  afterAll(async () => {
    await app?.close();
  });

  it('JST creates a joint call with NSF, each deadline typed in its own zone; problems point at their fields; it is pre-announced', async () => {
    const page = jstPage;
    await signIn(page, app.baseUrl, 'officer.jst@example.org');
    await page.goto(`${app.baseUrl}/agency`);
    await page.getByRole('heading', { name: 'Calls of JST' }).waitFor();
    await page.getByRole('table', { name: 'Calls your agency leads or joins' }).waitFor();
    await checkPage(page, 'agency-home');

    await page.getByRole('link', { name: 'New call' }).click();
    await page.getByRole('heading', { name: 'New call' }).waitFor();
    await page.getByLabel('Program').selectOption({ label: 'SICORP · Strategic International Collaborative Research Program' });
    await page.getByLabel('Title (Japanese)').fill('日米量子センシング共同公募 2027');
    await page.getByLabel('Title (English)').fill(TITLE);
    await page.getByLabel('Summary (English)').fill('Joint research on quantum sensing, each side funded by its own agency.');
    await page.getByLabel('Partner agency to add').selectOption(await agencyOption(page, 'NSF'));
    await page.getByRole('button', { name: 'Add partner agency' }).click();
    // The keyboard goes on where the new entry starts.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('call-agencies-1-deadline');
    const jstEntry = page.getByRole('group', { name: /^JST/ });
    const nsfEntry = page.getByRole('group', { name: /^NSF/ });
    await jstEntry.getByLabel('Deadline').fill('2027-03-31T12:00');
    // Before the opening on purpose: the api refuses it under the NSF deadline.
    await nsfEntry.getByLabel('Deadline').fill('2027-01-10T17:00');
    await nsfEntry.getByLabel('Budget cap per project').fill('300,000');
    await nsfEntry.getByLabel('Currency').selectOption('USD');
    const track = page.getByRole('group', { name: 'Track 1' });
    await track.getByLabel('Code').fill('standard');
    await track.getByLabel('Name (Japanese)').fill('一般');
    await track.getByLabel('Name (English)').fill('Standard');
    await track.getByLabel('Maximum budget per side').fill('50000000');
    await track.getByLabel('Currency of the maximum').selectOption('JPY');
    await track.getByLabel('Maximum duration (months)').fill('36');
    const criterion = page.getByRole('group', { name: 'Criterion 1' });
    await criterion.getByLabel('Name (Japanese)').fill('独創性');
    await criterion.getByLabel('Name (English)').fill('Originality');
    await page.getByLabel('Research fields').fill('quantum, ai_information');
    await page.getByLabel('Eligible partner countries').fill('US');
    await page.getByLabel('Opens').fill('2027-01-15T10:00');
    await page.getByLabel('Decision').fill('2027-07-30T12:00');
    // The zone and the UTC instant are shown as the deadline is typed.
    await nsfEntry.getByText('Local time in America/New_York = 2027-01-10 22:00 UTC').waitFor();
    await checkPage(page, 'agency-call-new');

    await page.getByRole('button', { name: 'Save as draft' }).click();
    const problems = page.getByRole('alert').filter({ hasText: 'Some fields need attention.' });
    await problems.waitFor();
    expect(await problems.getByRole('listitem').allInnerTexts()).toEqual(['NSF: Deadline: must be after the call opens']);
    await problems.getByRole('link', { name: 'NSF: Deadline' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('call-agencies-1-deadline');
    expect(await nsfEntry.getByLabel('Deadline').getAttribute('aria-invalid')).toBe('true');
    await nsfEntry.getByText('must be after the call opens').waitFor();
    expect(await page.getByLabel('Title (English)').inputValue()).toBe(TITLE);

    // April in New York is daylight time (UTC-4); Tokyo has none (UTC+9).
    await nsfEntry.getByLabel('Deadline').fill('2027-04-15T17:00');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.waitForURL(/\/agency\/calls\/[0-9a-f-]{36}$/);
    callUrl = page.url();
    callId = callUrl.split('/').pop() ?? '';
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await page.getByRole('navigation', { name: 'This call' }).waitFor();

    await page.reload();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await expect.poll(() => jstEntry.getByLabel('Deadline').inputValue()).toBe('2027-03-31T12:00');
    expect(await nsfEntry.getByLabel('Deadline').inputValue()).toBe('2027-04-15T17:00');
    await nsfEntry.getByText('Local time in America/New_York = 2027-04-15 21:00 UTC').waitFor();
    await jstEntry.getByText('Local time in Asia/Tokyo = 2027-03-31 03:00 UTC').waitFor();
    expect(await nsfEntry.getByLabel('Budget cap per project').inputValue()).toBe('300000');
    expect(await storedDeadlines(app, callId)).toEqual({ JST: '2027-03-31T03:00:00.000Z', NSF: '2027-04-15T21:00:00.000Z' });
    await checkPage(page, 'agency-call-editor');

    await page.getByRole('button', { name: 'Pre-announce the call' }).click();
    const dialog = page.getByRole('dialog', { name: 'Pre-announce the call' });
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('Announced', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Pre-announce the call' }).count()).toBe(0);
    const [row] = await app.t.dataSource.query<{ published: boolean }[]>(
      `SELECT published_at IS NOT NULL AS published FROM calls WHERE id = $1`,
      [callId],
    );
    expect(row?.published).toBe(true);

    await page.goto(`${app.baseUrl}/agency`);
    const listed = page.getByRole('row', { name: new RegExp(TITLE) });
    await listed.getByText('Announced').waitFor();
    expect(await listed.innerText()).toMatch(/Joint call[\s\S]*JST[\s\S]*NSF/);
  }, 120_000);

  it('the NSF officer changes only NSF’s entry; everything else is read-only; JST’s stale save conflicts without losing its text', async () => {
    const nsf = await newContext(app.browser, { timezoneId: 'America/New_York' });
    const page = await nsf.newPage();
    await signIn(page, app.baseUrl, 'officer.nsf@example.org');
    await page.goto(`${app.baseUrl}/agency`);
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await page.getByRole('note').getByText('You can change only the entry of NSF').waitFor();
    const nsfEntry = page.getByRole('group', { name: /^NSF/ });
    const jstEntry = page.getByRole('group', { name: /^JST/ });
    await expect.poll(() => nsfEntry.getByLabel('Deadline').inputValue()).toBe('2027-04-15T17:00');

    expect(await nsfEntry.getByLabel('Deadline').isEditable()).toBe(true);
    expect(await jstEntry.getByLabel('Deadline').isEditable()).toBe(false);
    expect(await page.getByLabel('Title (English)').isEditable()).toBe(false);
    expect(await page.getByRole('group', { name: 'Track 1' }).getByLabel('Code').isEditable()).toBe(false);
    expect(await page.getByRole('button', { name: 'Add a track' }).isEnabled()).toBe(false);
    expect(await page.getByRole('button', { name: /Pre-announce|Publish|Cancel the call/ }).count()).toBe(0);
    // Nothing outside NSF's own entry can be changed (the language choice in the header is not in main).
    expect(await editableOutside(page, 'NSF')).toEqual([]);
    expect((await editableOutside(page, undefined)).length).toBeGreaterThan(0);
    await checkPage(page, 'agency-call-partner');

    // March 5 is still standard time in New York (UTC-5).
    await nsfEntry.getByLabel('Deadline').fill('2027-03-05T17:00');
    await nsfEntry.getByText('Local time in America/New_York = 2027-03-05 22:00 UTC').waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved at' }).waitFor();
    await expect.poll(() => storedDeadlines(app, callId)).toEqual({ JST: '2027-03-31T03:00:00.000Z', NSF: '2027-03-05T22:00:00.000Z' });
    await page.reload();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await expect.poll(() => nsfEntry.getByLabel('Deadline').inputValue()).toBe('2027-03-05T17:00');

    // JST's tab still holds the version before NSF's change.
    await jstPage.goto(callUrl);
    await jstPage.getByRole('heading', { name: TITLE }).waitFor();
    await nsf.close();
    const other = await jst.newPage();
    await other.goto(callUrl);
    await other.getByRole('heading', { name: TITLE }).waitFor();
    await other.getByLabel('Title (Japanese)').fill('日米量子センシング共同公募（改）');
    await other.getByRole('button', { name: 'Save', exact: true }).click();
    await other.getByRole('status').filter({ hasText: 'Saved at' }).waitFor();
    await other.close();

    await jstPage.getByLabel('Summary (English)').fill('Typed in a tab that read an older version.');
    await jstPage.getByRole('button', { name: 'Save', exact: true }).click();
    const conflict = jstPage.getByRole('alert').filter({ hasText: 'This call was changed elsewhere' });
    await conflict.waitFor();
    expect(await jstPage.getByLabel('Summary (English)').inputValue()).toBe('Typed in a tab that read an older version.');
    await conflict.getByRole('button', { name: 'Load the newer version and keep my changes' }).click();
    await expect.poll(() => jstPage.getByLabel('Title (Japanese)').inputValue()).toBe('日米量子センシング共同公募（改）');
    expect(await jstPage.getByLabel('Summary (English)').inputValue()).toBe('Typed in a tab that read an older version.');
    expect(await jstPage.getByRole('group', { name: /^NSF/ }).getByLabel('Deadline').inputValue()).toBe('2027-03-05T17:00');
    await jstPage.getByRole('button', { name: 'Save', exact: true }).click();
    await jstPage.getByRole('status').filter({ hasText: 'Saved at' }).waitFor();
    const [saved] = await app.t.dataSource.query<{ summary_en: string; title_ja: string }[]>(
      `SELECT summary_en, title_ja FROM calls WHERE id = $1`,
      [callId],
    );
    expect(saved).toEqual({ summary_en: 'Typed in a tab that read an older version.', title_ja: '日米量子センシング共同公募（改）' });
  }, 120_000);

  it('in Japanese, no label of the editor is left in English', async () => {
    const context = await newContext(app.browser, { locale: 'ja-JP' });
    const page = await context.newPage();
    await signIn(page, app.baseUrl, 'officer.jst@example.org');
    await page.goto(`${app.baseUrl}/agency`);
    await page.getByRole('heading', { name: 'JST の公募' }).waitFor();
    await page.getByRole('link', { name: '新しい公募' }).click();
    await page.getByRole('heading', { name: '新しい公募' }).waitFor();
    await page.getByLabel('追加する相手機関').selectOption(await agencyOption(page, 'NSF'));
    await page.getByRole('button', { name: '相手機関を追加' }).click();
    await page.getByRole('group', { name: /^NSF/ }).waitFor();
    const labels = async () => page.locator('main label').allInnerTexts();
    expect((await labels()).length).toBeGreaterThan(20);
    expect((await labels()).filter((text) => !JAPANESE.test(text))).toEqual([]);
    await checkPage(page, 'agency-call-new-ja');

    await page.goto(callUrl);
    await page.getByRole('heading', { name: '日米量子センシング共同公募（改）' }).waitFor();
    await page.getByRole('group', { name: /^NSF/ }).waitFor();
    expect((await labels()).filter((text) => !JAPANESE.test(text))).toEqual([]);
    expect(await page.locator('legend').allInnerTexts()).toContain('枠 1');
    await checkPage(page, 'agency-call-editor-ja');
    await context.close();
  }, 120_000);
});
