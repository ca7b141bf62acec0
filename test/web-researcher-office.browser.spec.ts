/// <reference lib="dom" />
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type BrowserApp, checkPage, describeInBrowser, newContext, signIn, startBrowserApp } from './support/browser.js';

const TITLE = 'Neuromorphic semiconductor devices for edge AI';
const CALL = 'SICORP Japan-US joint call: AI and semiconductors';

/** Waits until the editor says the draft is saved. */
async function saved(page: Page): Promise<void> {
  await page.locator('.saved-at', { hasText: 'Saved at' }).waitFor();
}

describeInBrowser('researchers and research offices in the browser', () => {
  let app: BrowserApp;
  let pi: BrowserContext;
  let piPage: Page;
  let proposalUrl: string;

  beforeAll(async () => {
    app = await startBrowserApp();
    pi = await newContext(app.browser);
    piPage = await pi.newPage();
  }, 180_000);
  afterAll(async () => {
    await app?.close();
  });

  it('drafts a JST-NSF proposal with the MIT partner: autosave shows its time, a reload keeps it, a second tab conflicts without loss', async () => {
    const page = piPage;
    await signIn(page, app.baseUrl, 'pi.utokyo@example.org');
    await page.getByRole('heading', { name: 'My proposals' }).waitFor();
    await checkPage(page, 'researcher-home');

    await page.getByRole('link', { name: 'Find calls' }).click();
    await page.getByRole('link', { name: CALL }).waitFor();
    await checkPage(page, 'calls');
    await page.getByRole('link', { name: CALL }).click();
    await page.getByRole('heading', { name: CALL }).waitFor();
    await checkPage(page, 'call');

    await page.getByLabel('Title').fill(TITLE);
    await page.getByLabel('Track').selectOption({ label: 'Early-career team' });
    await page.getByRole('button', { name: 'Start a proposal' }).click();
    await page.waitForURL(/\/researcher\/proposals\/[0-9a-f-]{36}$/);
    proposalUrl = page.url();

    await page.getByLabel('Abstract').fill('Spiking devices on 28 nm, co-designed with partners at MIT.');
    await saved(page);
    await page.getByLabel("Partner PI's e-mail address").fill('pi.mit@example.org');
    await page.getByRole('button', { name: 'Name as partner PI' }).click();
    await page.getByText('is now the PI of this side').waitFor();
    await checkPage(page, 'proposal-editor');

    await page.reload();
    await page.getByLabel('Abstract').waitFor();
    expect(await page.getByLabel('Abstract').inputValue()).toBe('Spiking devices on 28 nm, co-designed with partners at MIT.');
    expect(await page.getByLabel('Title').inputValue()).toBe(TITLE);

    // A second tab of the same browser: both have the same version; the second save must not overwrite the first.
    const second = await pi.newPage();
    await second.goto(proposalUrl);
    await second.getByLabel('Abstract').waitFor();
    await page.getByLabel('Keywords').fill('neuromorphic, edge AI');
    await saved(page);
    await second.getByLabel('Abstract').fill('Text typed in the second tab.');
    await second.getByRole('alert').filter({ hasText: 'This draft was changed elsewhere' }).waitFor();
    await second.getByRole('button', { name: 'Load the newer version' }).click();
    expect(await second.getByLabel('Your text').inputValue()).toContain('Text typed in the second tab.');
    await expect.poll(() => second.getByLabel('Keywords').inputValue()).toBe('neuromorphic, edge AI');
    await checkPage(second, 'proposal-conflict');
    await second.close();
  });

  it('lists every problem at once, then submits once however often the button is pressed', async () => {
    const page = piPage;
    await page.goto(proposalUrl);
    await page.getByLabel('Abstract').waitFor();
    await page.getByLabel('Research field').selectOption({ label: 'Semiconductors' });
    await page.getByLabel('Duration (months)').fill('36');
    const nsf = page.getByRole('group', { name: /^NSF/ });
    await nsf.getByLabel('Currency').selectOption('USD');
    await nsf.getByRole('button', { name: 'Add a year' }).click();
    await nsf.getByLabel('Year 1').fill('300000');
    const jst = page.getByRole('group', { name: /^JST/ });
    await jst.getByLabel('Currency').selectOption('JPY');
    await jst.getByRole('button', { name: 'Add a year' }).click();
    await jst.getByLabel('Year 1').fill('40000000');
    await saved(page);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const problems = page.getByRole('region', { name: /problems to fix/ });
    await problems.waitFor();
    const items = await problems.getByRole('listitem').allInnerTexts();
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/^JST side: The total budget is over the track cap of ¥30,000,000/);
    expect(items[1]).toMatch(/early-career researcher/);
    await checkPage(page, 'proposal-problems');
    // Each problem links to its field.
    await problems.getByRole('link', { name: /total budget/ }).click();
    expect(await page.evaluate(() => document.activeElement?.closest('fieldset')?.querySelector('legend')?.textContent)).toBe(
      'Budget per project year',
    );

    await jst.getByLabel('Year 1').fill('20000000');
    await page.getByLabel('Name', { exact: true }).fill('Aiko Tanaka');
    await page.getByLabel('Early-career researcher', { exact: true }).check();
    await page.getByRole('button', { name: 'Add a member' }).click();
    await page.getByRole('row', { name: /Aiko Tanaka/ }).waitFor();
    await saved(page);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByText('Nothing stops the submission.').waitFor();

    const submit = page.getByRole('button', { name: 'Submit', exact: true });
    await submit.dblclick();
    await page.waitForURL(/\/receipt$/);
    await page.getByRole('table', { name: 'Receipts' }).waitFor();
    await checkPage(page, 'receipt');
    const id = proposalUrl.split('/').pop()!;
    // One submission: each side submitted once, and one receipt per side and step.
    const submits = await app.t.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM application_events WHERE application_id = $1 AND action = 'application.submit' GROUP BY agency_id`,
      [id],
    );
    expect(submits.map((row) => Number(row.n))).toEqual([1, 1]);
    const receipts = await app.t.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM application_receipts WHERE application_id = $1 GROUP BY agency_id, kind`,
      [id],
    );
    expect(receipts.length).toBeGreaterThan(0);
    expect(receipts.every((row) => Number(row.n) === 1)).toBe(true);
  });

  it('the Tokyo office returns it with a comment; the PI fixes and resubmits; the office approves; Osaka never sees it', async () => {
    const office = await newContext(app.browser);
    const page = await office.newPage();
    await signIn(page, app.baseUrl, 'ura.utokyo@example.org');
    await page.getByRole('heading', { name: 'Applications of my institution' }).waitFor();
    await page.getByRole('link', { name: TITLE }).waitFor();
    await checkPage(page, 'office-queue');
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await checkPage(page, 'office-proposal');
    await page.getByLabel('What must the applicants change?').fill('Please attach the export-control self-check to the team plan.');
    await page.getByRole('button', { name: 'Return to the applicants' }).click();
    await page.getByText('Returned', { exact: true }).first().waitFor();

    await piPage.goto(proposalUrl);
    await piPage.getByRole('note').getByText('Please attach the export-control self-check').waitFor();
    await piPage.getByLabel('Abstract').fill('Spiking devices on 28 nm, co-designed with MIT; export-control self-check in the team plan.');
    await saved(piPage);
    await piPage.getByRole('button', { name: 'Submit', exact: true }).click();
    await piPage.waitForURL(/\/receipt$/);

    await page.reload();
    await page.getByRole('heading', { name: 'Approve or return the JST side' }).waitFor();
    await page.getByLabel('Export-control screening of the collaboration is done').check();
    await page.getByLabel('Disclosures of other funding and affiliations are received').check();
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.getByRole('heading', { name: 'Approve or return the JST side' }).waitFor({ state: 'detached' });
    await office.close();

    const osaka = await newContext(app.browser);
    const osakaPage = await osaka.newPage();
    await signIn(osakaPage, app.baseUrl, 'ura.osaka@example.org');
    await osakaPage.getByRole('heading', { name: 'Applications of my institution' }).waitFor();
    await osakaPage.getByLabel('Status').selectOption('');
    await osakaPage.getByRole('button', { name: 'Filter' }).click();
    await osakaPage.waitForLoadState('networkidle');
    expect(await osakaPage.getByText(TITLE).count()).toBe(0);
    await osakaPage.goto(proposalUrl.replace('/researcher/proposals/', '/office/proposals/'));
    await osakaPage.getByRole('heading', { name: 'Not found' }).waitFor();
    await checkPage(osakaPage, 'office-not-found');
    await osaka.close();
  });

  it('signs out: the back button shows no data, and no token is readable by page script or kept in storage', async () => {
    const page = piPage;
    await page.goto(proposalUrl);
    await page.getByRole('heading', { name: TITLE }).waitFor();
    const storage = await page.evaluate(() => ({
      cookie: document.cookie,
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
    }));
    expect(storage.cookie).not.toContain('jointcall_refresh');
    expect(storage.local + storage.session).not.toMatch(/eyJ|token|refresh/i);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in$/);
    await page.goBack();
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.getByText(TITLE).count()).toBe(0);
    await checkPage(page, 'sign-in');
  });
});
