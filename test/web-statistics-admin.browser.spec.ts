/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ASPIRE_2023 } from '../seeds/aspire/aspire-2023.js';
import { seedId } from '../seeds/seed-id.js';
import { type BrowserApp, checkPage, describeInBrowser, newContext, signIn, startBrowserApp } from './support/browser.js';

const ASPIRE = seedId('call', 'ASPIRE-2023');
const OFFICER = 'officer.jst@example.org';
const ADMIN = 'admin@example.org';

/** The rows of a table as its row headers with the text of each cell. */
async function tableRows(table: Locator): Promise<Record<string, string[]>> {
  return table.evaluate((element) =>
    Object.fromEntries(
      [...element.querySelectorAll('tbody tr')].map((tr) => [
        tr.querySelector('th')?.textContent?.trim() ?? '',
        [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? ''),
      ]),
    ),
  );
}

/** The category names the chart draws on its axis (its ticks that are not numbers), in order, without the spaces a wrapped label loses. */
async function chartCategories(chart: Locator): Promise<string[]> {
  await chart.locator('.recharts-cartesian-axis-tick-value').first().waitFor();
  const ticks = await chart.evaluate((element) =>
    [...element.querySelectorAll('.recharts-cartesian-axis-tick-value')].map((tick) => (tick.textContent ?? '').replace(/\s+/g, '')),
  );
  return ticks.filter((tick) => !/^[\d,.]+$/.test(tick));
}

/** The headline figure named `name`. */
function figure(page: Page, name: string): Locator {
  return page.locator('.headline > div', { has: page.locator('dt', { hasText: new RegExp(`^${name}$`) }) }).locator('dd');
}

describeInBrowser('agency statistics and administration in the browser', () => {
  let app: BrowserApp;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    app = await startBrowserApp();
    context = await newContext(app.browser);
    page = await context.newPage();
  }, 180_000);
  afterAll(async () => {
    await app?.close();
  });

  it('shows the ASPIRE 2023 round as published: 469 applications, 106 funded, and the funded projects per field, each chart with its table', async () => {
    await signIn(page, app.baseUrl, OFFICER);
    await page.goto(`${app.baseUrl}/agency/calls/${ASPIRE}/statistics`);
    await page.getByRole('heading', { level: 1, name: 'Statistics: ASPIRE 2023 round (JST and AMED)' }).waitFor();
    expect(await figure(page, 'Applications').textContent()).toBe(String(ASPIRE_2023.applications));
    expect(await figure(page, 'Funded').textContent()).toBe(String(ASPIRE_2023.funded));
    expect(
      await page.getByRole('navigation', { name: 'This call' }).getByRole('link', { name: 'Statistics' }).getAttribute('aria-current'),
    ).toBe('page');

    // The published table, by field: the field's English name (from the database) and its funded count.
    const names = new Map(
      (await app.t.dataSource.query<{ code: string; name_en: string }[]>(`SELECT code, name_en FROM research_fields`)).map((r) => [
        r.code,
        r.name_en,
      ]),
    );
    const byField = page.getByRole('table', { name: 'By research field' });
    const fieldRows = await tableRows(byField);
    const fundedByField = Object.fromEntries(Object.entries(fieldRows).map(([name, cells]) => [name, Number(cells[1])]));
    expect(fundedByField).toEqual(Object.fromEntries(Object.entries(ASPIRE_2023.fundedByField).map(([code, n]) => [names.get(code), n])));
    const applicationsByField = Object.values(fieldRows).reduce((sum, cells) => sum + Number(cells[0]), 0);
    expect(applicationsByField).toBe(ASPIRE_2023.applications);

    // Partner institutions of funded projects by country, as published.
    const byCountry = await tableRows(page.getByRole('table', { name: 'Partner institutions by country' }));
    const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });
    expect(Object.fromEntries(Object.entries(byCountry).map(([name, cells]) => [name, Number(cells[1])]))).toEqual(
      Object.fromEntries(Object.entries(ASPIRE_2023.fundedPartnerInstitutionsByCountry).map(([code, n]) => [countryNames.of(code), n])),
    );

    // Each chart: an image with a text alternative, beside a captioned table with the same rows in the same order.
    for (const heading of ['By research field', 'By lead institution', 'Partner institutions by country']) {
      const section = page.getByRole('region', { name: heading });
      const chart = section.locator('.chart[role="img"]');
      expect(await chart.getAttribute('aria-label')).toContain(`Bar chart (${heading})`);
      const table = section.getByRole('table', { name: heading });
      expect(await table.locator('caption').textContent()).toBe(heading);
      const rows = Object.keys(await tableRows(table));
      expect(rows.length).toBeGreaterThan(1);
      expect(await chartCategories(chart)).toEqual(rows.map((r) => r.replace(/\s+/g, '')));
    }
    await checkPage(page, 'statistics');

    // The same figures as CSV, downloaded with the session.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('call-statistics.csv');
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.split(/\r?\n/).find((line) => line.startsWith('total,'))).toMatch(
      new RegExp(`^total,,,,${ASPIRE_2023.applications},\\d+,${ASPIRE_2023.funded},`),
    );
  });

  it('creates an organisation: a ROR ID with wrong check digits is refused on its field, a time zone the api refuses too, then it is listed', async () => {
    const admin = await (await newContext(app.browser)).newPage();
    await signIn(admin, app.baseUrl, ADMIN);
    await admin.goto(`${app.baseUrl}/admin`);
    await admin.getByRole('heading', { level: 1, name: 'Organisations' }).waitFor();
    await admin.getByRole('table', { name: 'Organisations' }).getByRole('rowheader', { name: 'UTokyo' }).waitFor();
    await checkPage(admin, 'admin-organisations');

    await admin.getByRole('button', { name: 'New organisation' }).click();
    const form = admin.getByRole('form', { name: 'New organisation' });
    await form.getByLabel('Type').selectOption({ label: 'Institution' });
    await form.getByLabel('Short name').fill('Helsinki U');
    await form.getByLabel('Name in English').fill('University of Helsinki');
    await form.getByLabel('Name in Japanese').fill('ヘルシンキ大学');
    await form.getByLabel('Country').fill('fi');
    await form.getByLabel('Time zone').fill('Europe/Helsinki');
    await form.getByLabel('ROR ID').fill('https://ror.org/040af2s03');
    await form.getByRole('button', { name: 'Create the organisation' }).click();

    const ror = form.getByLabel('ROR ID');
    await form.getByRole('alert').filter({ hasText: 'Some fields need attention' }).waitFor();
    expect(await ror.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => ror.evaluate((input) => input === document.activeElement)).toBe(true);
    const rorError = form.locator(`#${await ror.getAttribute('id')}-error`);
    expect(await rorError.textContent()).toContain('check digits do not match');
    expect((await ror.getAttribute('aria-describedby'))?.split(' ')).toContain(await rorError.getAttribute('id'));
    await checkPage(admin, 'admin-organisation-invalid');

    // The form cannot know every zone the api knows: the api's 400 lands on the field.
    await ror.fill('https://ror.org/040af2s02');
    await form.getByLabel('Time zone').fill('Europe/Atlantis');
    await form.getByRole('button', { name: 'Create the organisation' }).click();
    const zone = form.getByLabel('Time zone');
    await expect.poll(() => zone.getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator(`#${await zone.getAttribute('id')}-error`).textContent()).toContain('does not know this time zone');
    expect(await ror.getAttribute('aria-invalid')).toBe('false');
    const none = await app.t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM organisations WHERE short_name = 'Helsinki U'`,
    );
    expect(none[0]!.n).toBe(0);

    await zone.fill('Europe/Helsinki');
    await form.getByRole('button', { name: 'Create the organisation' }).click();
    await admin.getByRole('status').filter({ hasText: 'Helsinki U is saved.' }).waitFor();
    const row = admin.getByRole('row', { name: /Helsinki U/ });
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      'University of Helsinki',
      'Institution',
      'Finland (FI)',
      '040af2s02',
      '—',
      'Edit Helsinki U',
    ]);
    const stored = await app.t.dataSource.query<{ ror_id: string; country: string }[]>(
      `SELECT ror_id, country FROM organisations WHERE short_name = 'Helsinki U'`,
    );
    expect(stored).toEqual([{ ror_id: '040af2s02', country: 'FI' }]);

    // Editing: the Funder ID is checked the same way, then saved.
    await row.getByRole('button', { name: 'Edit Helsinki U' }).click();
    const edit = admin.getByRole('form', { name: 'Edit Helsinki U' });
    await edit.getByLabel('Funder ID').fill('10.1000/501100002241');
    await edit.getByRole('button', { name: 'Save' }).click();
    expect(await edit.getByLabel('Funder ID').getAttribute('aria-invalid')).toBe('true');
    await edit.getByLabel('Funder ID').fill('https://doi.org/10.13039/501100005553');
    await edit.getByRole('button', { name: 'Save' }).click();
    await admin
      .getByRole('row', { name: /Helsinki U/ })
      .getByRole('cell', { name: '10.13039/501100005553' })
      .waitFor();
    await admin.context().close();
  });

  it("creates a user and edits a user's roles, but not the administrator's own admin role", async () => {
    const admin = await (await newContext(app.browser)).newPage();
    await signIn(admin, app.baseUrl, ADMIN);
    await admin.goto(`${app.baseUrl}/admin`);
    await admin.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Users' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    const row = admin.getByRole('row', { name: /Mei Inoue/ });
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('Researcher, Reviewer');
    await checkPage(admin, 'admin-users');

    // A new account, with its organisation and roles.
    await admin.getByRole('button', { name: 'New user' }).click();
    const create = admin.getByRole('form', { name: 'New user' });
    await create.getByLabel('Name').fill('Aoi Fujita');
    await create.getByLabel('E-mail').fill('aoi.fujita@kyoto.example');
    await create.getByLabel('Initial password').fill('a long enough password');
    await create.getByLabel('Organisation').selectOption({ label: 'Kyoto U — Kyoto University' });
    await create.getByRole('checkbox', { name: 'Reviewer', exact: true }).check();
    await create.getByRole('button', { name: 'Create the account' }).click();
    await admin.getByRole('status').filter({ hasText: 'Aoi Fujita is saved.' }).waitFor();
    expect(
      await admin
        .getByRole('row', { name: /Aoi Fujita/ })
        .getByRole('cell')
        .allTextContents(),
    ).toEqual(['aoi.fujita@kyoto.example', 'Kyoto U', 'Researcher, Reviewer', 'Active', 'Edit Aoi Fujita']);

    await row.getByRole('button', { name: 'Edit Mei Inoue' }).click();
    const form = admin.getByRole('form', { name: 'Edit Mei Inoue' });
    await form.getByRole('checkbox', { name: 'Research office' }).check();
    await form.getByRole('checkbox', { name: 'Reviewer' }).uncheck();
    await checkPage(admin, 'admin-user-edit');
    await form.getByRole('button', { name: 'Save' }).click();
    await admin.getByRole('status').filter({ hasText: 'Mei Inoue is saved.' }).waitFor();
    await expect.poll(() => row.getByRole('cell').nth(2).textContent()).toBe('Researcher, Research office');
    const stored = await app.t.dataSource.query<{ roles: string[] }[]>(
      `SELECT roles FROM users WHERE email = 'reviewer.osaka@example.org'`,
    );
    expect(stored[0]!.roles).toEqual(['researcher', 'institution_admin']);

    // Their own admin role: the api refuses, and the page says why, on the roles.
    await admin
      .getByRole('row', { name: /Demo Administrator/ })
      .getByRole('button', { name: 'Edit Demo Administrator' })
      .click();
    const own = admin.getByRole('form', { name: 'Edit Demo Administrator' });
    await own.getByText('This is your own account.').waitFor();
    await own.getByRole('checkbox', { name: 'Administrator', exact: true }).uncheck();
    await own.getByRole('checkbox', { name: 'Reviewer', exact: true }).check();
    await own.getByRole('button', { name: 'Save' }).click();
    await own.getByRole('alert').filter({ hasText: 'You cannot remove your own administrator role.' }).waitFor();
    const roles = own.getByRole('group', { name: 'Roles' });
    const rolesError = own.locator(`#${(await roles.getAttribute('aria-describedby')) ?? 'none'}`);
    expect(await rolesError.textContent()).toBe('Keep the administrator role on your own account.');
    await checkPage(admin, 'admin-user-own-role');
    const mine = await app.t.dataSource.query<{ roles: string[] }[]>(`SELECT roles FROM users WHERE email = 'admin@example.org'`);
    expect(mine[0]!.roles).toEqual(['admin']);
    await admin.context().close();
  });

  it('speaks Japanese on the statistics page: labels, field names and country names', async () => {
    const context = await newContext(app.browser, { locale: 'ja-JP' });
    const ja = await context.newPage();
    await signIn(ja, app.baseUrl, OFFICER);
    await ja.goto(`${app.baseUrl}/agency/calls/${ASPIRE}/statistics`);
    await ja.getByRole('heading', { level: 1, name: '統計: 先端国際共同研究推進事業/プログラム (ASPIRE) 2023年度公募' }).waitFor();
    expect(await figure(ja, '応募件数').textContent()).toBe('469');
    expect(await figure(ja, '採択件数').textContent()).toBe('106');
    const names = new Map(
      (await app.t.dataSource.query<{ code: string; name_ja: string }[]>(`SELECT code, name_ja FROM research_fields`)).map((r) => [
        r.code,
        r.name_ja,
      ]),
    );
    const byField = await tableRows(ja.getByRole('table', { name: '研究分野別' }));
    expect(Object.fromEntries(Object.entries(byField).map(([name, cells]) => [name, Number(cells[1])]))).toEqual(
      Object.fromEntries(Object.entries(ASPIRE_2023.fundedByField).map(([code, n]) => [names.get(code), n])),
    );
    expect(Object.keys(await tableRows(ja.getByRole('table', { name: '相手国・地域別の相手側機関数' })))).toContain('アメリカ合衆国');
    await ja
      .getByRole('region', { name: '研究分野別' })
      .getByRole('img', { name: /^棒グラフ \(研究分野別\)/ })
      .waitFor();
    await checkPage(ja, 'statistics-ja');
    await context.close();
  });

  it('speaks Japanese on both administration pages', async () => {
    const adminContext = await newContext(app.browser, { locale: 'ja-JP' });
    const admin = await adminContext.newPage();
    await signIn(admin, app.baseUrl, ADMIN);
    await admin.goto(`${app.baseUrl}/admin`);
    await admin.getByRole('heading', { level: 1, name: '機関' }).waitFor();
    const table = admin.getByRole('table', { name: '機関' });
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['略称', '名称', '種別', '国', 'ROR ID', 'Funder ID', '操作']);
    await table.getByRole('cell', { name: '科学技術振興機構' }).waitFor();
    await admin.getByRole('button', { name: '機関を追加' }).click();
    await admin.getByRole('form', { name: '機関を追加' }).getByLabel('日本語名称').waitFor();
    await checkPage(admin, 'admin-organisations-ja');
    await admin.getByRole('navigation', { name: '管理' }).getByRole('link', { name: 'ユーザー' }).click();
    await admin.getByRole('heading', { level: 1, name: 'ユーザー' }).waitFor();
    expect(
      await admin
        .getByRole('row', { name: /Kenji Morita/ })
        .getByRole('cell')
        .nth(2)
        .textContent(),
    ).toBe('プログラムオフィサー');
    await checkPage(admin, 'admin-users-ja');
    await adminContext.close();
  });
});
