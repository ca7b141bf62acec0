/// <reference lib="dom" />
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import en from '../apps/web/src/i18n/en.json' with { type: 'json' };
import ja from '../apps/web/src/i18n/ja.json' with { type: 'json' };
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { type BrowserApp, checkPage, describeInBrowser, newContext, signIn, startBrowserApp } from './support/browser.js';

const CALL = 'SICORP Japan-US joint call: AI and semiconductors';
const CALL_JA = 'SICORP 日米共同研究公募 (AI・半導体)';

type Catalogue = { readonly [key: string]: string | Catalogue };

function leaves(catalogue: Catalogue, prefix = ''): [string, string][] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

/**
 * The English of every catalogue entry that Japanese says differently, cut at its placeholders,
 * keeping the pieces long enough to mean something: none may show on a Japanese page.
 */
const ENGLISH_ONLY: readonly string[] = (() => {
  const japanese = new Map(leaves(ja));
  const pieces = leaves(en as Catalogue)
    .filter(([key, text]) => japanese.get(key) !== text)
    .flatMap(([, text]) => text.split(/\{\{[^}]+\}\}/))
    .map((piece) => piece.trim().replace(/^[^A-Za-z]+|[^A-Za-z]+$/g, ''))
    .filter((piece) => (piece.match(/[A-Za-z]/g) ?? []).length >= 4);
  return [...new Set(pieces)];
})();

/** The text a person meets on the page: what is rendered, and the names and hints given to inputs and controls. */
function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attributes = [...document.querySelectorAll('[aria-label], [placeholder], [title], [alt]')].flatMap((element) =>
      ['aria-label', 'placeholder', 'title', 'alt'].map((name) => element.getAttribute(name) ?? ''),
    );
    // Content given only in English is shown as such, marked with its own lang: not a label left untranslated.
    const foreign = [...document.body.querySelectorAll('[lang]')].filter((element) => !element.getAttribute('lang')?.startsWith('ja'));
    const text = foreign.reduce((all, element) => all.replace((element as HTMLElement).innerText, ''), document.body.innerText);
    return [document.title, text, ...attributes].join('\n');
  });
}

async function expectAllJapanese(page: Page, name: string): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await checkPage(page, `ja-${name}`);
  expect(await page.getAttribute('html', 'lang'), name).toBe('ja');
  const text = await visibleText(page);
  const left = ENGLISH_ONLY.filter((piece) => new RegExp(`\\b${piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(text));
  expect(left, `English left on the Japanese ${name} page`).toEqual([]);
}

/** Presses Tab until the element has the focus: it is reachable with the keyboard alone. */
async function tabTo(page: Page, target: Locator, limit = 300): Promise<void> {
  await target.waitFor();
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`cannot reach ${target.toString()} with Tab`);
}

/** Chooses an option of a focused select with the arrow keys, as a keyboard user does. */
async function chooseWithKeys(page: Page, select: Locator, label: string): Promise<void> {
  await tabTo(page, select);
  const labels = await select.locator('option').allInnerTexts();
  const target = labels.indexOf(label);
  if (target < 0) throw new Error(`no option ${label} in ${labels.join(', ')}`);
  await page.keyboard.press('Home');
  for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
  expect(await select.evaluate((element: HTMLSelectElement) => element.selectedOptions[0]?.textContent)).toBe(label);
}

describeInBrowser('the pages in Japanese and in English, and with the keyboard alone', () => {
  let app: BrowserApp;
  const ids = { call: '', draft: '', submitted: '', pending: '' };

  beforeAll(async () => {
    app = await startBrowserApp();
    const [call] = await app.t.dataSource.query<{ id: string }[]>(`SELECT id FROM calls WHERE title_en = $1`, [CALL]);
    ids.call = call!.id;
    const byTitle = async (title: string) =>
      (await app.t.dataSource.query<{ id: string }[]>(`SELECT id FROM applications WHERE title = $1`, [title]))[0]!.id;
    ids.draft = await byTitle('半導体材料のAI設計に関する日米共同研究');
    ids.submitted = await byTitle('エッジAI向け省電力半導体アーキテクチャ');
    ids.pending = await byTitle('量子センシングによる次世代半導体検査');
  }, 180_000);
  afterAll(async () => {
    await app?.close();
  });

  it('in Japanese, the researcher’s and the office’s pages leave no English label, and show times in Asia/Tokyo', async () => {
    const context = await newContext(app.browser, { locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/sign-in`);
    await expectAllJapanese(page, 'sign-in');

    await signIn(page, app.baseUrl, 'pi.utokyo@example.org');
    await expectAllJapanese(page, 'researcher-home');
    await page.goto(`${app.baseUrl}/researcher/calls`);
    await page.getByRole('link', { name: CALL_JA }).waitFor();
    await expectAllJapanese(page, 'calls');

    await page.goto(`${app.baseUrl}/researcher/calls/${ids.call}`);
    await page.getByRole('heading', { name: CALL_JA }).waitFor();
    await expectAllJapanese(page, 'call');
    // The JST deadline in Tokyo time; NSF's in Tokyo time with New York's beside it.
    const jst = await page.getByRole('row', { name: /^JST/ }).innerText();
    expect(jst).toMatch(/\d{4}年\d{1,2}月\d{1,2}日.*\d{1,2}:\d{2}.*JST/);
    const nsf = await page.getByRole('row', { name: /^NSF/ }).innerText();
    expect(nsf).toMatch(/JST[\s\S]*America\/New_York/);

    await page.goto(`${app.baseUrl}/researcher/proposals/${ids.draft}`);
    await page.getByRole('button', { name: '確認', exact: true }).click();
    await page.getByRole('region', { name: /件|提出を妨げる点はありません/ }).waitFor();
    await expectAllJapanese(page, 'proposal-problems');

    await page.goto(`${app.baseUrl}/researcher/proposals/${ids.submitted}`);
    await page.getByRole('heading', { name: '履歴' }).waitFor();
    await expectAllJapanese(page, 'proposal-submitted');
    await page.goto(`${app.baseUrl}/researcher/proposals/${ids.submitted}/receipt`);
    await page.getByRole('table').waitFor();
    await expectAllJapanese(page, 'receipt');
    await page.goto(`${app.baseUrl}/researcher/no-such-page`);
    await expectAllJapanese(page, 'not-found');
    await context.close();

    const officeContext = await newContext(app.browser, { locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    const office = await officeContext.newPage();
    await signIn(office, app.baseUrl, 'ura.utokyo@example.org');
    await office.getByRole('table').waitFor();
    await expectAllJapanese(office, 'office-queue');
    await office.goto(`${app.baseUrl}/office/proposals/${ids.pending}`);
    await office.getByRole('heading', { name: '履歴' }).waitFor();
    await expectAllJapanese(office, 'office-proposal');
    await office.goto(`${app.baseUrl}/office/deadlines`);
    await expectAllJapanese(office, 'office-deadlines');
    await officeContext.close();
  });

  it('in English in New York, a deadline shows New York time with the agency’s own time beside it', async () => {
    const context = await newContext(app.browser, { locale: 'en-US', timezoneId: 'America/New_York' });
    const page = await context.newPage();
    await signIn(page, app.baseUrl, 'pi.utokyo@example.org');
    await page.getByRole('heading', { name: 'My proposals' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.goto(`${app.baseUrl}/researcher/calls/${ids.call}`);
    await page.getByRole('heading', { name: CALL }).waitFor();
    await checkPage(page, 'en-new-york-call');
    const jst = await page.getByRole('row', { name: /^JST/ }).innerText();
    expect(jst).toMatch(/E[SD]T[\s\S]*GMT\+9[\s\S]*Asia\/Tokyo/);
    // NSF's own zone is the viewer's: one time, no second zone.
    const nsf = await page.getByRole('row', { name: /^NSF/ }).innerText();
    expect(nsf).toMatch(/E[SD]T/);
    expect(nsf).not.toContain('America/New_York');

    // The language switch is remembered.
    await page.getByLabel('Language').selectOption('ja');
    await page.getByRole('heading', { name: CALL_JA }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: CALL_JA }).waitFor();
    await context.close();
  });

  it('a researcher drafts, checks and submits a proposal with the keyboard alone', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/sign-in`);
    await tabTo(page, page.getByLabel('E-mail', { exact: true }));
    await page.keyboard.type('pi.utokyo@example.org');
    await tabTo(page, page.getByLabel('Password'));
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'My proposals' }).waitFor();

    await tabTo(page, page.getByRole('link', { name: 'Find calls' }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('link', { name: CALL }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: CALL }).waitFor();
    await tabTo(page, page.getByLabel('Title'));
    await page.keyboard.type('Keyboard-only proposal on chiplet testing');
    await tabTo(page, page.getByRole('button', { name: 'Start a proposal' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/researcher\/proposals\/[0-9a-f-]{36}$/);

    await tabTo(page, page.getByLabel('Abstract'));
    await page.keyboard.type('Chiplet test structures, designed with partners at MIT.');
    await chooseWithKeys(page, page.getByLabel('Research field'), 'Semiconductors');
    await tabTo(page, page.getByLabel('Duration (months)'));
    await page.keyboard.type('24');

    const jst = page.getByRole('group', { name: /^JST/ });
    await chooseWithKeys(page, jst.getByLabel('Currency'), 'JPY');
    await tabTo(page, jst.getByRole('button', { name: 'Add a year' }));
    await page.keyboard.press('Enter');
    await tabTo(page, jst.getByLabel('Year 1'));
    await page.keyboard.type('15000000');

    const nsf = page.getByRole('group', { name: /^NSF/ });
    await tabTo(page, nsf.getByLabel("Partner PI's e-mail address"));
    await page.keyboard.type('pi.mit@example.org');
    await tabTo(page, nsf.getByRole('button', { name: 'Name as partner PI' }));
    await page.keyboard.press('Enter');
    await page.getByText('is now the PI of this side').waitFor();
    await chooseWithKeys(page, nsf.getByLabel('Currency'), 'USD');
    await tabTo(page, nsf.getByRole('button', { name: 'Add a year' }));
    await page.keyboard.press('Enter');
    await tabTo(page, nsf.getByLabel('Year 1'));
    await page.keyboard.type('250000');

    await tabTo(page, page.getByRole('button', { name: 'Check', exact: true }));
    await page.keyboard.press('Enter');
    await page.getByText('Nothing stops the submission.').waitFor();
    await tabTo(page, page.getByRole('button', { name: 'Submit', exact: true }));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/receipt$/);
    await page.getByRole('table', { name: 'Receipts' }).waitFor();
    expect(await page.getByRole('row').count()).toBe(3);
    await context.close();
  });
});
