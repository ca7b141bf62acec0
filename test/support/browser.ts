import { AxeBuilder } from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, inject } from 'vitest';
import { runSeeds } from '../../seeds/index.js';
import { DEMO_PASSWORD } from '../../seeds/demo/users.js';
import { startTestApp, type TestApp } from './test-app.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Debian's Chromium, when the browser tests run; undefined skips them. */
    chromiumPath: string | undefined;
  }
}

export const INSTALL_HINT = 'apt-get install chromium fonts-noto-cjk';

/** Where Chromium is: CHROMIUM_PATH, else Debian's /usr/bin/chromium; undefined when neither exists. */
export function findChromium(): string | undefined {
  const path = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  return existsSync(path) ? path : undefined;
}

/**
 * Playwright drives the Chromium it was released with; Debian's must have the same major version.
 * Answers a message naming both when they differ.
 */
export function chromiumMismatch(executable: string): string | undefined {
  const require = createRequire(import.meta.url);
  const packageDir = dirname(require.resolve('playwright-core/package.json'));
  const manifest = JSON.parse(readFileSync(join(packageDir, 'browsers.json'), 'utf8')) as {
    browsers: { name: string; browserVersion: string }[];
  };
  const bundled = manifest.browsers.find((b) => b.name === 'chromium')?.browserVersion ?? '?';
  const installed =
    execFileSync(executable, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).match(/(\d+)\.\d+\.\d+\.\d+/)?.[0] ??
    '?';
  if (bundled.split('.')[0] === installed.split('.')[0]) return undefined;
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  return (
    `playwright-core ${version} drives Chromium ${bundled.split('.')[0]}, but ${executable} is Chromium ${installed}: ` +
    'pin playwright-core to the release that bundles the same major version.'
  );
}

/** The browsers of the running tests, whose open pages are kept as screenshots when a test fails. */
const liveBrowsers = new Set<Browser>();

/**
 * `describe` for browser tests: skipped (the global setup said why, once) when there is no Chromium.
 * When a test fails, every open page is kept under test-results/failures/.
 */
export function describeInBrowser(name: string, body: () => void): void {
  // A flow through several pages takes seconds on a busy machine: the default 30 s of an API test is
  // too short for it, while each step still fails after the context's 10 s naming what never came.
  (inject('chromiumPath') === undefined ? describe.skip : describe)(name, { timeout: 120_000 }, () => {
    afterEach(async ({ task }) => {
      if (task.result?.state !== 'fail') return;
      const dir = join(process.cwd(), 'test-results', 'failures');
      mkdirSync(dir, { recursive: true });
      const pages = [...liveBrowsers].flatMap((b) => b.contexts().flatMap((c) => c.pages()));
      const slug = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
      await Promise.all(
        pages.map((page, i) => page.screenshot({ path: join(dir, `${slug}-${i}.png`), fullPage: true }).catch(() => undefined)),
      );
    });
    body();
  });
}

/** Headless Chromium as this machine allows it: no sandbox as root, and no background connections. */
export function launchChromium(): Promise<Browser> {
  const executablePath = inject('chromiumPath');
  if (executablePath === undefined) throw new Error(`no Chromium (${INSTALL_HINT})`);
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface BrowserOptions {
  readonly locale?: string;
  readonly timezoneId?: string;
}

export async function newContext(browser: Browser, options: BrowserOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    locale: options.locale ?? 'en-US',
    timezoneId: options.timezoneId ?? 'Asia/Tokyo',
    viewport: { width: 1280, height: 900 },
  });
  // Shorter than the test's own timeout, so that a failure names the element that never came.
  context.setDefaultTimeout(10_000);
  return context;
}

const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');

/** A full-page screenshot kept under test-results/screenshots/, and axe's serious and critical findings, which must be none. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${name}`).toEqual([]);
}

export interface BrowserApp {
  readonly t: TestApp;
  readonly baseUrl: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

/**
 * The real application, with the demo data placed around the present (the pages read the
 * browser's clock), listening on a free loopback port and serving the built pages, and a Chromium.
 */
export async function startBrowserApp(): Promise<BrowserApp> {
  const now = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
  const t = await startTestApp({ now });
  await runSeeds(t.dataSource, new Date(now));
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.getHttpServer().address() as AddressInfo;
  const browser = await launchChromium();
  liveBrowsers.add(browser);
  return {
    t,
    baseUrl: `http://127.0.0.1:${address.port}`,
    browser,
    close: async () => {
      liveBrowsers.delete(browser);
      await browser.close();
      await t.close();
    },
  };
}

/** Signs in through the sign-in page, as a person would. */
export async function signIn(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}
