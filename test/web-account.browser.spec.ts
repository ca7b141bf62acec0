/// <reference lib="dom" />
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Notice, Notifier } from '#notifications';
import { type BrowserApp, checkPage, describeInBrowser, newContext, signIn, startBrowserApp } from './support/browser.js';

const REVIEWER = 'reviewer.osaka@example.org';
/** Each flow signs in and runs axe several times: on a busy machine that takes longer than the default. */
const FLOW_TIMEOUT = 90_000;

/** Presses Tab until the element has the focus: it is reachable with the keyboard alone. */
async function tabTo(page: Page, target: Locator, limit = 100): Promise<void> {
  await target.waitFor();
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`cannot reach ${target.toString()} with Tab`);
}

/** The names of the console links in the header, in order. */
function consoles(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'Consoles' }).getByRole('link').allInnerTexts();
}

describeInBrowser('notices, settings and the header of every signed-in user', () => {
  let app: BrowserApp;
  let context: BrowserContext;
  let page: Page;
  let userId: string;
  let applicationId: string;
  let assignmentId: string;

  /** The user's notices not read yet, as the database has them. */
  const unreadInDatabase = async (): Promise<number> => {
    const [row] = await app.t.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return row?.count ?? -1;
  };

  beforeAll(async () => {
    app = await startBrowserApp();
    const db = app.t.dataSource;
    const one = async (sql: string, params: unknown[] = []): Promise<string> => {
      const [row] = await db.query<{ id: string }[]>(sql, params);
      if (!row) throw new Error(`nothing for ${sql}`);
      return row.id;
    };
    userId = await one(`SELECT id FROM users WHERE email = $1`, [REVIEWER]);
    applicationId = await one(`SELECT id FROM applications ORDER BY created_at, id LIMIT 1`);
    assignmentId = await one(`SELECT id FROM review_assignments ORDER BY id LIMIT 1`);
    // The seeds tell nobody anything: three notices through the notifier features use, a second apart.
    const notices: Notice[] = [
      {
        kind: 'application_returned',
        recipients: { users: [userId] },
        subject: { type: 'application', id: applicationId },
        params: { applicationTitle: 'Quantum sensing', agency: 'JST', comment: 'Please add the budget.' },
        dedupeKey: 'test:returned',
      },
      {
        kind: 'decision_published',
        recipients: { users: [userId] },
        subject: { type: 'application', id: applicationId },
        params: { applicationTitle: 'Quantum sensing', agency: 'NSF', decision: 'yes' },
        dedupeKey: 'test:decision',
      },
      {
        kind: 'review_assigned',
        recipients: { users: [userId] },
        subject: { type: 'assignment', id: assignmentId },
        params: { applicationTitle: 'Power semiconductors', agency: 'JST', dueAt: new Date(Date.now() + 14 * 86_400_000).toISOString() },
        dedupeKey: 'test:assigned',
      },
    ];
    const notifier = app.t.app.get(Notifier);
    for (const notice of notices) {
      app.t.clock.advance(1000);
      await db.transaction((manager) => notifier.notify(manager, [notice]));
    }
    context = await newContext(app.browser);
    page = await context.newPage();
  }, 180_000);
  afterAll(async () => {
    await app?.close();
  });

  it(
    'shows each user only the consoles of their roles, and switches between them without a new sign-in',
    async () => {
      const visited: string[] = [];
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) visited.push(new URL(frame.url()).pathname);
      });
      await signIn(page, app.baseUrl, REVIEWER);
      await page.waitForURL(/\/researcher$/);
      await expect.poll(() => consoles(page)).toEqual(['Researcher', 'Reviewer']);
      const nav = page.getByRole('navigation', { name: 'Consoles' });
      expect(await nav.getByRole('link', { name: 'Researcher' }).getAttribute('aria-current')).toBe('page');
      expect(await nav.getByRole('link', { name: 'Reviewer' }).getAttribute('aria-current')).toBeNull();

      visited.length = 0;
      // With the keyboard alone.
      await tabTo(page, nav.getByRole('link', { name: 'Reviewer' }));
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/reviewer$/);
      await expect.poll(() => nav.getByRole('link', { name: 'Reviewer' }).getAttribute('aria-current')).toBe('page');
      expect(await nav.getByRole('link', { name: 'Researcher' }).getAttribute('aria-current')).toBeNull();

      await nav.getByRole('link', { name: 'Researcher' }).click();
      await page.waitForURL(/\/researcher$/);
      await expect.poll(() => nav.getByRole('link', { name: 'Researcher' }).getAttribute('aria-current')).toBe('page');
      expect(visited.filter((path) => path.startsWith('/sign-in'))).toEqual([]);
      expect(visited).toContain('/reviewer');

      for (const [email, expected] of [
        ['admin@example.org', ['Administration']],
        ['officer.jst@example.org', ['Agency']],
      ] as const) {
        const other = await newContext(app.browser);
        const otherPage = await other.newPage();
        await signIn(otherPage, app.baseUrl, email);
        await expect.poll(() => consoles(otherPage), { message: email }).toEqual(expected);
        await other.close();
      }
    },
    FLOW_TIMEOUT,
  );

  it(
    'counts the unread notices in the header, and marking them read lowers the count',
    async () => {
      const notices = page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: /^Notices/ });
      expect(await unreadInDatabase()).toBe(3);
      await expect.poll(() => notices.getAttribute('aria-label')).toBe('Notices, 3 unread');
      expect(await notices.innerText()).toBe('Notices (3)');

      await notices.click();
      await page.getByRole('heading', { level: 1, name: 'Notices' }).waitFor();
      const list = page.getByRole('list', { name: 'Your notices, newest first' });
      const items = list.getByRole('listitem');
      await expect.poll(() => items.count()).toBe(3);
      // Newest first, in the reader's language, each marked unread in words.
      expect(await items.getByRole('heading').allInnerTexts()).toEqual([
        'Review assigned: "Power semiconductors"',
        'Decision: "Quantum sensing" (NSF)',
        'Returned: "Quantum sensing" (JST)',
      ]);
      expect(await list.getByText('Unread', { exact: true }).count()).toBe(3);
      expect(await items.nth(0).getByRole('link').getAttribute('href')).toBe(`/reviewer/assignments/${assignmentId}`);
      expect(await items.nth(1).getByRole('link').getAttribute('href')).toBe(`/researcher/proposals/${applicationId}`);
      expect(await items.nth(2).innerText()).toContain('Comment: Please add the budget.');
      expect(await items.nth(0).locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
      await checkPage(page, 'notices');

      await items.nth(1).getByRole('button', { name: 'Mark as read' }).click();
      await expect.poll(() => notices.getAttribute('aria-label')).toBe('Notices, 2 unread');
      expect(await unreadInDatabase()).toBe(2);
      await expect.poll(() => list.getByText('Unread', { exact: true }).count()).toBe(2);
      expect(await items.nth(1).getByRole('button', { name: 'Mark as read' }).count()).toBe(0);
      await page.getByRole('status').filter({ hasText: '2 unread' }).waitFor();
      await page.getByLabel('Show unread notices only').check();
      await expect
        .poll(() => items.getByRole('heading').allInnerTexts())
        .toEqual(['Review assigned: "Power semiconductors"', 'Returned: "Quantum sensing" (JST)']);
      await page.getByLabel('Show unread notices only').uncheck();
      await expect.poll(() => items.count()).toBe(3);

      await page.getByRole('button', { name: 'Mark all as read' }).click();
      await expect.poll(() => notices.innerText()).toBe('Notices');
      expect(await notices.getAttribute('aria-label')).toBeNull();
      expect(await unreadInDatabase()).toBe(0);
      await expect.poll(() => list.getByText('Unread', { exact: true }).count()).toBe(0);
      await page.getByRole('status').filter({ hasText: 'No unread notices.' }).waitFor();
      expect(await page.getByRole('button', { name: 'Mark all as read' }).isDisabled()).toBe(true);
      await checkPage(page, 'notices-read');
    },
    FLOW_TIMEOUT,
  );

  it(
    'keeps e-mail choices across a reload, and gives a private calendar-feed address',
    async () => {
      await page.getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      expect(await page.getByRole('link', { name: 'Settings' }).getAttribute('aria-current')).toBe('page');
      // A researcher and reviewer chooses among the notices of those roles, not an office's.
      // (once the choices have loaded)
      await expect.poll(() => page.locator('legend').allInnerTexts()).toEqual(['As a researcher', 'As a reviewer']);
      const assigned = page.getByLabel('A review was assigned to me');
      const decisions = page.getByLabel('An agency published its decision on my proposal');
      expect(await assigned.isChecked()).toBe(true);
      await checkPage(page, 'settings');

      await assigned.uncheck();
      await page.getByRole('button', { name: 'Save e-mail choices' }).click();
      await page.getByRole('status').filter({ hasText: 'E-mail choices saved.' }).waitFor();
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      await expect.poll(() => assigned.isChecked()).toBe(false);
      expect(await decisions.isChecked()).toBe(true);
      const saved = await app.t.dataSource.query<{ kind: string; email: boolean }[]>(
        `SELECT kind, email FROM notification_preferences WHERE user_id = $1`,
        [userId],
      );
      expect(saved).toEqual([{ kind: 'review_assigned', email: false }]);

      await page.getByRole('button', { name: 'Create a new feed address' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
      const address = page.getByLabel('Your calendar feed address');
      await expect.poll(() => address.inputValue()).toMatch(/^https?:\/\/.+\/calendar\/[^/]+\.ics$/);
      await page.getByRole('alert').filter({ hasText: 'Keep this address private' }).waitFor();
      const feed = await fetch(new URL(new URL(await address.inputValue()).pathname, app.baseUrl));
      expect(feed.status).toBe(200);
      expect(await feed.text()).toContain('BEGIN:VCALENDAR');
      await checkPage(page, 'settings-calendar');
    },
    FLOW_TIMEOUT,
  );

  it(
    'keeps the header usable on a narrow screen',
    async () => {
      const narrow = await newContext(app.browser);
      const small = await narrow.newPage();
      await small.setViewportSize({ width: 390, height: 844 });
      await signIn(small, app.baseUrl, REVIEWER);
      await small.getByRole('navigation', { name: 'Consoles' }).getByRole('link', { name: 'Reviewer' }).waitFor();
      const overflow = await small.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBe(0);
      for (const link of await small.locator('header a, header button, header select').all()) {
        const box = await link.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= 390, await link.innerText()).toBe(true);
      }
      await checkPage(small, 'header-narrow');
      await narrow.close();
    },
    FLOW_TIMEOUT,
  );

  it(
    'follows the account language in Japanese: the header and the settings are translated',
    async () => {
      await page.goto(`${app.baseUrl}/settings`);
      await page.getByLabel('Language of e-mails and notices').selectOption('ja');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe('ja');
      await page.getByRole('heading', { level: 1, name: '設定' }).waitFor();
      const [row] = await app.t.dataSource.query<{ language: string }[]>(`SELECT language FROM users WHERE id = $1`, [userId]);
      expect(row?.language).toBe('ja');
      // The page's own language selector follows the account.
      expect(await page.getByRole('combobox', { name: '言語', exact: true }).inputValue()).toBe('ja');

      const account = page.getByRole('navigation', { name: 'アカウント' });
      expect(await account.getByRole('link').allInnerTexts()).toEqual(['お知らせ', '設定']);
      expect(await consoles(page)).toEqual([]);
      expect(await page.getByRole('navigation', { name: '画面の切り替え' }).getByRole('link').allInnerTexts()).toEqual([
        '研究者',
        '査読者',
      ]);
      await page.getByLabel('メールとお知らせの言語').waitFor();
      await page.getByLabel('査読が割り当てられたとき').waitFor();
      expect(await page.locator('legend').allInnerTexts()).toEqual(['研究者として', '査読者として']);
      await page.getByRole('button', { name: 'メール通知の設定を保存' }).waitFor();
      await checkPage(page, 'ja-settings');

      // Notices are written in the account's language.
      await account.getByRole('link', { name: 'お知らせ' }).click();
      await page.getByRole('heading', { level: 1, name: 'お知らせ' }).waitFor();
      await expect.poll(() => page.getByRole('list').getByRole('heading').first().innerText()).toBe('査読の依頼: 「Power semiconductors」');
      await checkPage(page, 'ja-notices');
    },
    FLOW_TIMEOUT,
  );
});
