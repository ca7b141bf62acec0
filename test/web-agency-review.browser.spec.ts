/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import en from '../apps/web/src/i18n/en.json' with { type: 'json' };
import ja from '../apps/web/src/i18n/ja.json' with { type: 'json' };
import reviewEn from '../apps/web/src/features/agency-review/messages.en.json' with { type: 'json' };
import reviewJa from '../apps/web/src/features/agency-review/messages.ja.json' with { type: 'json' };
import { seedId } from '../seeds/seed-id.js';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { type BrowserApp, checkPage, describeInBrowser, newContext, signIn, startBrowserApp } from './support/browser.js';
import { Given } from './support/given.js';

const CALL = seedId('call', 'SICORP-US-REVIEW');
const TOKYO = seedId('application', 'UTOKYO-IN-REVIEW');
const OSAKA = seedId('application', 'OSAKA-IN-REVIEW');
const TOKYO_TITLE = '半導体製造プロセスの異常検知AI';
const OSAKA_TITLE = '次世代パワー半導体の信頼性モデル';
const bearer = { type: 'bearer' } as const;
const criterion = (key: string) => seedId('criterion', `SICORP-US-REVIEW/${key}`);
const page = (path: string, id = '') => `/agency/calls/${CALL}/${path}${id ? `/${id}` : ''}`;

type Catalogue = { readonly [key: string]: string | Catalogue };

function leaves(catalogue: Catalogue, prefix = ''): [string, string][] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

/** The English pieces (cut at placeholders) of every entry the Japanese catalogues word differently. */
const ENGLISH_ONLY: readonly string[] = (() => {
  const japanese = new Map([...leaves(ja), ...leaves(reviewJa)]);
  const pieces = [...leaves(en as Catalogue), ...leaves(reviewEn)]
    .filter(([key, text]) => japanese.get(key) !== text)
    .flatMap(([, text]) => text.split(/\{\{[^}]+\}\}/))
    .map((piece) => piece.trim().replace(/^[^A-Za-z]+|[^A-Za-z]+$/g, ''))
    .filter((piece) => (piece.match(/[A-Za-z]/g) ?? []).length >= 4);
  return [...new Set(pieces)];
})();

/** What a person meets on the page: rendered text, the document title, and names given to controls. */
function visibleText(target: Page): Promise<string> {
  return target.evaluate(() => {
    const attributes = [...document.querySelectorAll('[aria-label], [placeholder], [title], [alt]')].flatMap((element) =>
      ['aria-label', 'placeholder', 'title', 'alt'].map((name) => element.getAttribute(name) ?? ''),
    );
    const foreign = [...document.body.querySelectorAll('[lang]')].filter((element) => !element.getAttribute('lang')?.startsWith('ja'));
    const text = foreign.reduce((all, element) => all.replace((element as HTMLElement).innerText, ''), document.body.innerText);
    return [document.title, text, ...attributes].join('\n');
  });
}

/** RFC 4180 records of a CSV text (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  return records;
}

/** The text of every cell of the table's body rows. */
function bodyRows(target: Page, table = 'table.ranking'): Promise<string[][]> {
  return target
    .locator(`${table} tbody tr`)
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell as HTMLElement).innerText.trim())));
}

describeInBrowser("an agency officer's review of a call in the browser", () => {
  let app: BrowserApp;
  let jst: BrowserContext;
  let jstPage: Page;
  let nsf: BrowserContext;
  let nsfPage: Page;
  const api = async (email: string, password = DEMO_PASSWORD) => {
    const token = await app.t.login(email, password);
    return {
      get: (path: string) => app.t.http.get(path).auth(token, bearer),
      post: (path: string, body: object = {}) => app.t.http.post(path).auth(token, bearer).send(body),
      put: (path: string, body: object, version: number) =>
        app.t.http.put(path).auth(token, bearer).set('If-Match', `"${version}"`).send(body),
    };
  };

  beforeAll(async () => {
    app = await startBrowserApp();
    // A reviewer outside every team's organisations, for NSF's pool.
    await new Given(app.t.dataSource).user({
      roles: ['reviewer'],
      organisationId: seedId('organisation', 'SORBONNE'),
      name: 'Claire Martin',
      email: 'claire.martin@example.org',
    });
    jst = await newContext(app.browser);
    jstPage = await jst.newPage();
    await signIn(jstPage, app.baseUrl, 'officer.jst@example.org');
    nsf = await newContext(app.browser);
    nsfPage = await nsf.newPage();
    await signIn(nsfPage, app.baseUrl, 'officer.nsf@example.org');
  }, 180_000);
  afterAll(async () => {
    await app?.close();
  });

  it('assigns by hand (a conflict refused with its problem) and automatically within a load cap, with the report', async () => {
    const p = jstPage;
    await p.goto(`${app.baseUrl}${page('reviewers')}`);
    await p.getByRole('heading', { name: 'Reviewers', level: 1 }).waitFor();
    await p.getByRole('navigation', { name: /call/i }).getByRole('link', { name: 'Reviewers' }).waitFor();
    const pool = p.getByRole('table', { name: /reviewer pool/ });
    await expect
      .poll(() => bodyRows(p, 'table:has(caption:text("reviewer pool"))'))
      .toEqual([
        ['Akira Kobayashi', 'Kyoto U', 'reviewer.kyoto@example.org', '1'],
        ['Mei Inoue', 'Osaka U', 'reviewer.osaka@example.org', '0'],
        ['Shota Kimura', 'Tohoku U', 'reviewer.tohoku@example.org', '1'],
      ]);
    await pool.waitFor();

    // Mei Inoue is at Osaka, the Osaka proposal's institution.
    await p.getByLabel('Proposal', { exact: true }).selectOption({ label: OSAKA_TITLE });
    await p.getByLabel('Reviewer', { exact: true }).selectOption({ label: 'Mei Inoue' });
    await p.getByRole('button', { name: 'Assign', exact: true }).click();
    await p.getByRole('alert').filter({ hasText: 'conflict of interest' }).waitFor();

    await p.getByLabel('Reviewer', { exact: true }).selectOption({ label: 'Akira Kobayashi' });
    await p.getByRole('button', { name: 'Assign', exact: true }).click();
    await p
      .getByRole('status')
      .filter({ hasText: `Akira Kobayashi is assigned to “${OSAKA_TITLE}”.` })
      .waitFor();

    // Shota Kimura's review of the Osaka proposal was due two days ago (the browser's zone is Tokyo).
    const past = new Date(app.t.clock.now().getTime() - 2 * 86_400_000)
      .toLocaleString('sv-SE', { timeZone: 'Asia/Tokyo' })
      .replace(' ', 'T')
      .slice(0, 16);
    await p.getByLabel('Proposal', { exact: true }).selectOption({ label: OSAKA_TITLE });
    await p.getByLabel('Reviewer', { exact: true }).selectOption({ label: 'Shota Kimura' });
    await p.locator('#assign-due').fill(past);
    await p.getByRole('button', { name: 'Assign', exact: true }).click();
    await p
      .getByRole('status')
      .filter({ hasText: `Shota Kimura is assigned to “${OSAKA_TITLE}”.` })
      .waitFor();

    await p.getByLabel('Reviewers per proposal').fill('3');
    await p.getByLabel('Load cap per reviewer').fill('2');
    await p.getByRole('button', { name: 'Assign automatically' }).click();
    const report = p.locator('.auto-report');
    await report.getByText('New assignments: 1').waitFor();
    await report.getByText('Pairs left out for a conflict of interest: 1').waitFor();
    await report.getByText(`${OSAKA_TITLE}: 2 reviewer(s)`).waitFor();
    expect(await bodyRows(p, '.auto-report table')).toEqual([
      ['Akira Kobayashi', '2'],
      ['Mei Inoue', '1'],
      ['Shota Kimura', '2'],
    ]);
    await checkPage(p, 'agency-reviewers');
  });

  it('ranks by the weighted mean with the tie rule, sorts by another column and back, and downloads the table as it is', async () => {
    // Akira Kobayashi's review of the Osaka proposal: the same weighted mean as his Tokyo review (4.2), a higher first criterion.
    const kyoto = await api('reviewer.kyoto@example.org');
    const mine = (await kyoto.get('/me/assignments')).body as { id: string; applicationId: string }[];
    const assignment = mine.find((a) => a.applicationId === OSAKA)!;
    expect((await kyoto.post(`/assignments/${assignment.id}/accept`, { noConflict: true })).status).toBe(200);
    const opened = await kyoto.get(`/assignments/${assignment.id}/application`);
    const scores = {
      [criterion('excellence')]: 5,
      [criterion('synergy')]: 3,
      [criterion('circulation')]: 5,
      [criterion('feasibility')]: 3,
    };
    const saved = await kyoto.put(`/assignments/${assignment.id}/review`, { scores, comment: 'Sound.' }, opened.body.review.version);
    expect(saved.status, saved.text).toBe(200);
    expect((await kyoto.post(`/assignments/${assignment.id}/review/submit`)).status).toBe(200);

    const p = jstPage;
    await p.goto(`${app.baseUrl}${page('ranking')}`);
    await p.getByRole('heading', { name: 'Ranking', level: 1 }).waitFor();
    await p.getByText("Equal weighted means are ordered by the first criterion's mean").waitFor();
    const table = p.getByRole('table', { name: /Ranking of the proposals/ });
    await table.waitFor();
    // Equal weighted means: the Osaka proposal leads on scientific excellence (5 against 4).
    await expect
      .poll(() => bodyRows(p))
      .toEqual([
        ['1', OSAKA_TITLE, '4.20', '–', '1', '1', '–', 'Yes'],
        ['2', TOKYO_TITLE, '4.20', '–', '1', '2', '–', 'Yes'],
      ]);
    const header = (name: string) => table.getByRole('columnheader', { name });
    expect(await header('Rank').getAttribute('aria-sort')).toBe('ascending');
    expect(await header('Proposal').getAttribute('aria-sort')).toBe('none');

    await table.getByRole('button', { name: 'Proposal' }).click();
    await expect.poll(() => header('Proposal').getAttribute('aria-sort')).toBe('ascending');
    expect(await header('Rank').getAttribute('aria-sort')).toBe('none');
    const byTitle = [TOKYO_TITLE, OSAKA_TITLE].sort(new Intl.Collator('en').compare);
    expect((await bodyRows(p)).map((row) => row[1])).toEqual(byTitle);
    await table.getByRole('button', { name: 'Proposal' }).click();
    await expect.poll(() => header('Proposal').getAttribute('aria-sort')).toBe('descending');
    expect((await bodyRows(p)).map((row) => row[1])).toEqual([...byTitle].reverse());
    await table.getByRole('button', { name: 'Rank' }).click();
    await expect.poll(() => header('Rank').getAttribute('aria-sort')).toBe('ascending');
    expect((await bodyRows(p)).map((row) => row[1])).toEqual([OSAKA_TITLE, TOKYO_TITLE]);

    // The CSV has the rows of the table, in its order, after a sort too.
    await table.getByRole('button', { name: 'Proposal' }).click();
    await expect.poll(() => header('Proposal').getAttribute('aria-sort')).toBe('ascending');
    const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Download CSV' }).click()]);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [head, ...records] = parseCsv(text.slice(1));
    expect(head).toEqual(['Rank', 'Proposal', 'Weighted mean', 'Spread', 'Reviews', 'Missing reviews', 'Below threshold', 'Fundable']);
    expect(records).toEqual(await bodyRows(p));
    await table.getByRole('button', { name: 'Rank' }).click();
    await expect.poll(() => header('Rank').getAttribute('aria-sort')).toBe('ascending');
    await checkPage(p, 'agency-ranking');
  });

  it("shows an overdue assignment in words and colour, and a reminder from its button reaches the reviewer's notices", async () => {
    const p = jstPage;
    await p.goto(`${app.baseUrl}${page('progress')}`);
    await p.getByRole('heading', { name: 'Review progress', level: 1 }).waitFor();
    const row = (reviewer: string, title: string) => p.getByRole('row').filter({ hasText: reviewer }).filter({ hasText: title });
    const overdue = row('Shota Kimura', OSAKA_TITLE);
    await overdue.getByText('Overdue', { exact: true }).waitFor();
    expect(await overdue.getAttribute('class')).toContain('row-overdue');
    expect(await row('Shota Kimura', TOKYO_TITLE).getByText('Overdue', { exact: true }).count()).toBe(0);
    expect(await row('Akira Kobayashi', OSAKA_TITLE).getByRole('button').count()).toBe(0);
    await expect
      .poll(async () => (await bodyRows(p, 'table:has(caption:text("Reviews per proposal"))')).sort())
      .toEqual(
        [
          [OSAKA_TITLE, '1 of 2', '1'],
          [TOKYO_TITLE, '1 of 3', '0'],
        ].sort(),
      );
    await checkPage(p, 'agency-progress');

    await overdue.getByRole('button', { name: `Send reminder to Shota Kimura for “${OSAKA_TITLE}”` }).click();
    await p
      .getByRole('status')
      .filter({ hasText: `Reminder sent to Shota Kimura for “${OSAKA_TITLE}”.` })
      .waitFor();
    await expect.poll(async () => (await overdue.locator('td').nth(4).innerText()).trim()).not.toBe('–');

    const tohoku = await api('reviewer.tohoku@example.org');
    const assignment = ((await tohoku.get('/me/assignments')).body as { id: string; applicationId: string }[]).find(
      (a) => a.applicationId === OSAKA,
    )!;
    await expect
      .poll(async () =>
        ((await tohoku.get('/notifications?limit=100')).body as { items: { kind: string; subject: { id: string } }[] }).items
          .filter((n) => n.kind === 'review_reminder')
          .map((n) => n.subject.id),
      )
      .toEqual([assignment.id]);

    // A second reminder within the hour is refused, with the reason.
    await overdue.getByRole('button', { name: /Send reminder/ }).click();
    await p.getByRole('alert').filter({ hasText: 'less than an hour ago' }).waitFor();
  });

  it('lets each agency decide its own side: JST funds, NSF does not, the outcome is not funded; the PI sees it after the decision date', async () => {
    // NSF: the Tokyo proposal's NSF side is eligible, a reviewer of NSF's own is on it.
    const n = nsfPage;
    await n.goto(`${app.baseUrl}${page('applications')}`);
    await n.getByRole('heading', { name: 'Applications', level: 1 }).waitFor();
    await n.getByText(`Record eligibility of “${TOKYO_TITLE}”`).click();
    const form = n.getByRole('form', { name: `Record eligibility of “${TOKYO_TITLE}”` });
    await form.getByLabel('Eligible', { exact: true }).check();
    await form.getByLabel('Reason (shown in the history)').fill('Within NSF scope and budget.');
    await form.getByRole('button', { name: 'Save eligibility' }).click();
    await form.getByRole('status').filter({ hasText: 'Eligibility recorded.' }).waitFor();
    const tokyoRow = n.getByRole('row').filter({ hasText: TOKYO_TITLE });
    await tokyoRow.getByRole('cell').nth(0).getByText('Eligible').waitFor();
    await checkPage(n, 'agency-applications');

    await n.getByRole('navigation', { name: /call/i }).getByRole('link', { name: 'Reviewers' }).click();
    await n.getByRole('heading', { name: 'Reviewers', level: 1 }).waitFor();
    await n.getByText('No reviewer is in your agency').waitFor();
    await n.getByLabel('Name or e-mail').fill('Claire');
    await n.getByRole('button', { name: 'Search' }).click();
    await n.getByRole('button', { name: 'Add Claire Martin' }).click();
    await n
      .getByRole('table', { name: /reviewer pool/ })
      .getByText('Claire Martin')
      .waitFor();
    await n.getByLabel('Proposal', { exact: true }).selectOption({ label: TOKYO_TITLE });
    await n.getByRole('button', { name: 'Assign', exact: true }).click();
    await n
      .getByRole('status')
      .filter({ hasText: `Claire Martin is assigned to “${TOKYO_TITLE}”.` })
      .waitFor();

    // JST funds its side.
    const j = jstPage;
    await j.goto(`${app.baseUrl}${page('applications', TOKYO)}`);
    await j.getByRole('heading', { name: TOKYO_TITLE, level: 1 }).waitFor();
    const jstDecision = j.getByRole('region', { name: "JST's decision" });
    await jstDecision.getByLabel('Fund', { exact: true }).check();
    await jstDecision.getByLabel(/Funded amount/).fill('45000000');
    await jstDecision.getByRole('button', { name: 'Record the decision' }).click();
    await jstDecision.getByRole('status').filter({ hasText: 'The decision is recorded.' }).waitFor();
    const jstOutcome = j.getByRole('region', { name: 'Decisions and outcome' });
    await expect.poll(() => jstOutcome.locator('.outcome').innerText()).toBe('Pending');
    // JST's officer sees the reviews for JST only, and decides no other side.
    await j.getByRole('region', { name: 'Reviews for your agency' }).getByText('A strong, well-matched team.').waitFor();
    expect(await j.getByRole('region', { name: "NSF's decision" }).count()).toBe(0);
    await checkPage(j, 'agency-application');

    // NSF does not fund its side: in a joint call the proposal is then not funded.
    await n.goto(`${app.baseUrl}${page('applications', TOKYO)}`);
    const nsfDecision = n.getByRole('region', { name: "NSF's decision" });
    await nsfDecision.getByLabel('Do not fund').check();
    await nsfDecision.getByRole('button', { name: 'Record the decision' }).click();
    await nsfDecision.getByRole('status').filter({ hasText: 'The decision is recorded.' }).waitFor();
    const nsfOutcome = n.getByRole('region', { name: 'Decisions and outcome' });
    await expect.poll(() => nsfOutcome.locator('.outcome').innerText()).toBe('Not funded');
    expect(await nsfOutcome.getByRole('listitem').allInnerTexts()).toEqual(['JST: funded (¥45,000,000)', 'NSF: not funded']);
    expect(await n.getByRole('region', { name: "JST's decision" }).count()).toBe(0);

    // The applicant: nothing before the call's decision date.
    const pi = await newContext(app.browser);
    const piPage = await pi.newPage();
    await signIn(piPage, app.baseUrl, 'pi.utokyo@example.org');
    await piPage.goto(`${app.baseUrl}/researcher/proposals/${TOKYO}`);
    await piPage.getByRole('heading', { name: TOKYO_TITLE, level: 1 }).waitFor();
    await piPage.getByRole('heading', { name: 'History' }).waitFor();
    await piPage.waitForLoadState('networkidle');
    expect(await piPage.getByRole('region', { name: 'Decisions' }).count()).toBe(0);
    expect(await piPage.getByText('Not funded').count()).toBe(0);
    await pi.close();

    // After the decision date (60 days after the first of the month the demo was seeded in).
    const seeded = app.t.clock.now();
    app.t.clock.set(new Date(Date.UTC(seeded.getUTCFullYear(), seeded.getUTCMonth(), 1) + 61 * 86_400_000));
    const later = await newContext(app.browser);
    const laterPage = await later.newPage();
    await signIn(laterPage, app.baseUrl, 'pi.utokyo@example.org');
    await laterPage.goto(`${app.baseUrl}/researcher/proposals/${TOKYO}`);
    const decisions = laterPage.getByRole('region', { name: 'Decisions' });
    await expect.poll(() => decisions.locator('.outcome').innerText()).toBe('Not funded');
    expect(await decisions.getByRole('listitem').allInnerTexts()).toEqual(['JST: funded (¥45,000,000)', 'NSF: not funded']);
    await checkPage(laterPage, 'researcher-proposal-decisions');
    await later.close();
  });

  it('is all Japanese for a Japanese officer', async () => {
    const context = await newContext(app.browser, { locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    const p = await context.newPage();
    await signIn(p, app.baseUrl, 'officer.jst@example.org');
    for (const [path, name] of [
      [page('applications'), 'applications'],
      [page('applications', OSAKA), 'application'],
      [page('reviewers'), 'reviewers'],
      [page('progress'), 'progress'],
      [page('ranking'), 'ranking'],
    ] as const) {
      await p.goto(`${app.baseUrl}${path}`);
      await p.locator('main h1').first().waitFor();
      await p.locator('main table').first().waitFor();
      await checkPage(p, `ja-agency-${name}`);
      expect(await p.getAttribute('html', 'lang'), name).toBe('ja');
      const text = await visibleText(p);
      const left = ENGLISH_ONLY.filter((piece) => new RegExp(`\\b${piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(text));
      expect(left, `English left on the Japanese ${name} page`).toEqual([]);
    }
    await context.close();
  });
});
