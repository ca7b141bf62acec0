/// <reference lib="dom" />
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedId } from '../seeds/seed-id.js';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { type BrowserApp, checkPage, describeInBrowser, newContext, signIn, startBrowserApp } from './support/browser.js';

const TOKYO_TITLE = '半導体製造プロセスの異常検知AI';
const TOKYO_ABSTRACT = 'Anomaly detection for semiconductor fabrication';
const OSAKA_TITLE = '次世代パワー半導体の信頼性モデル';
const OSAKA_ABSTRACT = 'Reliability models for next-generation power semiconductors';
/** Who the reviewers are (name and e-mail address): none of it may ever show to another reviewer. */
const IDENTITIES = {
  kyoto: ['Akira Kobayashi', 'reviewer.kyoto'],
  osaka: ['Mei Inoue', 'reviewer.osaka'],
  tohoku: ['Shota Kimura', 'reviewer.tohoku'],
} as const;

/** Presses Tab (or Shift+Tab) until the element has the focus: it is reachable with the keyboard alone. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', limit = 120): Promise<void> {
  await target.waitFor();
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`cannot reach ${target.toString()} with ${key}`);
}

async function bodyText(page: Page): Promise<string> {
  return page.evaluate(() => `${document.title}\n${document.body.innerText}`);
}

describeInBrowser('reviewers in the browser', () => {
  let app: BrowserApp;
  const bearer = { type: 'bearer' } as const;
  /** Assignments made for the tests: Osaka reviewer on the Tokyo proposal, Kyoto and Tohoku on the Osaka one. */
  const made: Record<string, string> = {};
  let conflicted: string;

  beforeAll(async () => {
    app = await startBrowserApp();
    const jst = await app.t.login('officer.jst@example.org', DEMO_PASSWORD);
    const dueAt = new Date(Date.now() + 14 * 86_400_000).toISOString();
    for (const [key, application, reviewer] of [
      ['osaka', 'UTOKYO-IN-REVIEW', 'reviewer.osaka@example.org'],
      ['kyoto', 'OSAKA-IN-REVIEW', 'reviewer.kyoto@example.org'],
      ['tohoku', 'OSAKA-IN-REVIEW', 'reviewer.tohoku@example.org'],
    ] as const) {
      const assigned = await app.t.http
        .post(`/applications/${seedId('application', application)}/assignments`)
        .auth(jst, bearer)
        .send({ reviewerId: seedId('user', reviewer), dueAt });
      expect(assigned.status, assigned.text).toBe(201);
      made[key] = assigned.body.assignmentId as string;
    }
    // An assignment made before the Osaka reviewer's conflict with the Osaka proposal was known (the API refuses to make one now).
    const [row] = await app.t.dataSource.query<{ id: string }[]>(
      `INSERT INTO review_assignments (application_id, reviewer_id, agency_id, status, assigned_at) VALUES ($1, $2, $3, 'assigned', now()) RETURNING id`,
      [seedId('application', 'OSAKA-IN-REVIEW'), seedId('user', 'reviewer.osaka@example.org'), seedId('organisation', 'JST')],
    );
    conflicted = row!.id;
  }, 180_000);
  afterAll(async () => {
    await app?.close();
  });

  it('the Tohoku reviewer finishes the saved draft, keeps the text through a conflict, submits, and only then sees "Reviewer 1"', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    await signIn(page, app.baseUrl, 'reviewer.tohoku@example.org');
    // Also a researcher: the reviewer console is one entry of the header's navigation.
    await page.getByRole('navigation', { name: 'Consoles' }).getByRole('link', { name: 'Reviewer' }).click();
    await page.getByRole('heading', { name: 'My review assignments' }).waitFor();
    const tokyo = page.getByRole('row', { name: new RegExp(TOKYO_TITLE) });
    await expect.poll(() => tokyo.innerText()).toContain('Review draft saved');
    expect(await page.getByRole('row', { name: new RegExp(OSAKA_TITLE) }).innerText()).toContain('Waiting for your answer');
    await tokyo.getByRole('link', { name: TOKYO_TITLE }).click();
    await page.getByRole('heading', { name: 'Your review' }).waitFor();
    const excellence = page.getByLabel('Scientific excellence');
    const synergy = page.getByLabel('Synergy of the international partnership');
    expect(await excellence.inputValue()).toBe('3');
    expect(await synergy.inputValue()).toBe('4');
    expect(await page.getByLabel('Comment to the agency').inputValue()).toBe('Draft: check the budget plan.');
    expect(await page.getByText('Scale 1–5, in steps of 0.5 · weight 40% · threshold 3').count()).toBe(1);
    expect(await bodyText(page)).toContain(TOKYO_ABSTRACT);
    // Before submitting, nothing of the other reviews.
    expect(await bodyText(page)).not.toContain('Reviewer 1');
    expect(await page.getByRole('heading', { name: 'The other reviews of this proposal' }).count()).toBe(0);
    await checkPage(page, 'reviewer-form');

    // The same review saved in a second tab meanwhile: this tab's text is kept and can be saved over it.
    const second = await context.newPage();
    await second.goto(page.url());
    await second.getByLabel('Comment to the agency').fill('Written in the second tab.');
    await second.getByRole('button', { name: 'Save as draft' }).click();
    await second.getByText(/^Draft saved at/).waitFor();
    await second.close();
    await page.getByLabel('Comment to the agency').fill('Convincing plan; the budget for year 2 needs detail.');
    await page.getByLabel('Exchange of young researchers and brain circulation').fill('4.5');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.getByRole('alert').filter({ hasText: 'saved elsewhere in the meantime' }).waitFor();
    expect(await page.getByLabel('Comment to the agency').inputValue()).toBe('Convincing plan; the budget for year 2 needs detail.');
    expect(await page.getByLabel('Exchange of young researchers and brain circulation').inputValue()).toBe('4.5');
    await page.getByRole('button', { name: 'Save mine over it' }).click();
    await page.getByText(/^Draft saved at/).waitFor();

    // A score between steps is refused here, linked to its input.
    await page.getByLabel('Feasibility of the plan and team').fill('3.25');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'not on their scale' })
      .getByRole('link', { name: /Feasibility/ })
      .click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`score-${seedId('criterion', 'SICORP-US-REVIEW/feasibility')}`);
    await page.getByLabel('Feasibility of the plan and team').fill('3');

    await page.getByRole('button', { name: 'Submit the review' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('heading', { name: 'Your review, submitted' }).waitFor();
    const others = page.getByRole('region', { name: 'The other reviews of this proposal' });
    await others.getByRole('heading', { name: 'Reviewer 1' }).waitFor();
    expect(await others.getByRole('article').count()).toBe(1);
    expect(await others.innerText()).toContain('A strong, well-matched team.');
    const text = await bodyText(page);
    for (const identity of [...IDENTITIES.kyoto, ...IDENTITIES.osaka]) expect(text).not.toContain(identity);
    // Read-only now.
    expect(await page.getByRole('spinbutton').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Save as draft' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Your review, submitted' }).innerText()).toContain('Convincing plan');
    await checkPage(page, 'reviewer-submitted');

    // The Osaka proposal: a conflict declared with its reason takes it off the list, and its address finds nothing.
    await page.getByRole('link', { name: 'All my assignments' }).click();
    await page.getByRole('link', { name: OSAKA_TITLE }).click();
    await page.getByRole('heading', { name: 'Conflict of interest declaration' }).waitFor();
    expect(await bodyText(page)).not.toContain(OSAKA_ABSTRACT);
    await page.getByRole('button', { name: 'Declare the conflict' }).click();
    await page.getByRole('alert').filter({ hasText: 'Give a reason.' }).waitFor();
    await page.getByLabel('What is the conflict?').fill('I co-authored two papers with the PI last year.');
    await page.getByRole('button', { name: 'Declare the conflict' }).click();
    await page.getByRole('status').filter({ hasText: 'Your conflict of interest is recorded' }).waitFor();
    await page.getByRole('link', { name: TOKYO_TITLE }).waitFor();
    expect(await bodyText(page)).not.toContain(OSAKA_TITLE);
    await page.goto(`${app.baseUrl}/reviewer/assignments/${made['tohoku']}`);
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
    expect(await bodyText(page)).not.toContain(OSAKA_TITLE);
    await context.close();
  });

  it('the Osaka reviewer, conflicted with the Osaka proposal, never sees it, and reviews the Tokyo one with the keyboard alone', async () => {
    const context: BrowserContext = await newContext(app.browser);
    const page = await context.newPage();
    await signIn(page, app.baseUrl, 'reviewer.osaka@example.org');
    await tabTo(page, page.getByRole('navigation', { name: 'Consoles' }).getByRole('link', { name: 'Reviewer' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'My review assignments' }).waitFor();
    const tokyo = page.getByRole('link', { name: TOKYO_TITLE });
    await tokyo.waitFor();
    expect(await bodyText(page)).not.toContain(OSAKA_TITLE);
    expect(await page.getByRole('row').count()).toBe(2);
    await checkPage(page, 'reviewer-assignments');

    // By address: the conflicted assignment, and the application's own id, are not found, and say nothing of it.
    for (const id of [conflicted, seedId('application', 'OSAKA-IN-REVIEW')]) {
      await page.goto(`${app.baseUrl}/reviewer/assignments/${id}`);
      await page.getByRole('heading', { name: 'Not found' }).waitFor();
      const text = await bodyText(page);
      expect(text).not.toContain(OSAKA_TITLE);
      expect(text).not.toContain(OSAKA_ABSTRACT);
    }
    await page.goto(`${app.baseUrl}/reviewer`);

    await tabTo(page, tokyo);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Conflict of interest declaration' }).waitFor();
    expect(await bodyText(page)).not.toContain(TOKYO_ABSTRACT);
    await checkPage(page, 'reviewer-declaration');

    // Accepting without the declaration is refused and announced; then tick it with Space.
    const accept = page.getByRole('button', { name: 'Accept and open the proposal' });
    await tabTo(page, accept);
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Tick the declaration to accept' }).waitFor();
    const declaration = page.getByLabel(/I declare that I have no conflict of interest/);
    await tabTo(page, declaration, 'Shift+Tab');
    await page.keyboard.press('Space');
    expect(await declaration.isChecked()).toBe(true);
    await tabTo(page, accept);
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Your review' }).waitFor();
    expect(await bodyText(page)).toContain(TOKYO_ABSTRACT);
    const scores: [string, string][] = [
      ['Scientific excellence', '4.5'],
      ['Synergy of the international partnership', '4'],
      ['Exchange of young researchers and brain circulation', '3.5'],
    ];
    for (const [label, score] of scores) {
      await tabTo(page, page.getByLabel(label, { exact: true }));
      await page.keyboard.type(score);
    }
    await tabTo(page, page.getByLabel('Comment to the agency'));
    await page.keyboard.type('Sound anomaly models; the MIT side should share the fab data plan.');
    await tabTo(page, page.getByRole('button', { name: 'Save as draft' }));
    await page.keyboard.press('Enter');
    await page.getByText(/^Draft saved at/).waitFor();

    // Submitting with a criterion unscored names it, linked to its input.
    await tabTo(page, page.getByRole('button', { name: 'Submit the review' }));
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).waitFor();
    await page.keyboard.press('Enter');
    const missing = page.getByRole('alert').filter({ hasText: 'Score every criterion before submitting' });
    await missing.waitFor();
    expect(await missing.getByRole('link').allInnerTexts()).toEqual(['Feasibility of the plan and team']);
    await tabTo(page, missing.getByRole('link'), 'Shift+Tab');
    await page.keyboard.press('Enter');
    const feasibility = page.getByLabel('Feasibility of the plan and team');
    await expect.poll(() => feasibility.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type('3');
    await tabTo(page, page.getByRole('button', { name: 'Submit the review' }));
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).waitFor();
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Your review, submitted' }).waitFor();
    const others = page.getByRole('region', { name: 'The other reviews of this proposal' });
    await others.getByRole('heading', { name: 'Reviewer 2' }).waitFor();
    expect(await others.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual(['Reviewer 1', 'Reviewer 2']);
    const text = await bodyText(page);
    for (const identity of [...IDENTITIES.kyoto, ...IDENTITIES.tohoku]) expect(text).not.toContain(identity);
    const [stored] = await app.t.dataSource.query<{ scores: Record<string, number>; submitted_at: Date | null }[]>(
      `SELECT scores, submitted_at FROM review_assignments WHERE id = $1`,
      [made['osaka']],
    );
    expect(stored!.submitted_at).not.toBeNull();
    expect(stored!.scores[seedId('criterion', 'SICORP-US-REVIEW/excellence')]).toBe(4.5);
    await context.close();
  });

  it('in Japanese: the Kyoto reviewer accepts and finds the form in Japanese', async () => {
    const context = await newContext(app.browser, { locale: 'ja-JP' });
    const page = await context.newPage();
    await signIn(page, app.baseUrl, 'reviewer.kyoto@example.org');
    await page.goto(`${app.baseUrl}/reviewer`);
    await page.getByRole('heading', { name: '担当する査読' }).waitFor();
    await page.getByRole('link', { name: OSAKA_TITLE }).click();
    await page.getByRole('heading', { name: '利益相反の申告' }).waitFor();
    await page.getByLabel(/利益相反がないことを申告します/).check();
    await page.getByRole('button', { name: '受諾して提案を表示する' }).click();
    await page.getByRole('heading', { name: 'あなたの査読' }).waitFor();
    await page.getByLabel('研究の卓越性').fill('4');
    await page.getByLabel('機関へのコメント').fill('信頼性モデルの検証計画が明確です。');
    await page.getByRole('button', { name: '下書き保存' }).click();
    await page.getByText(/に下書きを保存しました$/).waitFor();
    expect(await page.getByText('1〜5点、0.5点刻み · 重み 40% · 基準点 3').count()).toBe(1);
    await checkPage(page, 'reviewer-form-ja');
    await context.close();
  });
});
