import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { runMigrations } from '#platform';
import { schemaDataSourceOptions } from '#schema';
import { chromiumMismatch, findChromium, INSTALL_HINT } from './browser.js';
import { adminQuery, databaseUrl } from './databases.js';
import { startTestServer } from './test-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseServerUrl: string;
    templateDatabase: string;
  }
}

/**
 * Once per run: a PostgreSQL server (embedded, or DATABASE_URL's), and a template database with
 * every migration applied. Each API test file clones the template into a database of its own.
 * With Chromium on the machine, the pages are built for the browser tests; without it they are
 * skipped with one line saying so (REQUIRE_BROWSER_TESTS=1 turns that into a failure).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromiumPath = prepareBrowserTests();
  project.provide('chromiumPath', chromiumPath);
  const server = await startTestServer();
  const prefix = `jointcall_test_${Date.now().toString(36)}_${process.pid}`;
  const template = `${prefix}_template`;
  await adminQuery(server.adminUrl, `CREATE DATABASE "${template}"`);
  await runMigrations(schemaDataSourceOptions(databaseUrl(server.adminUrl, template), 'jointcall-test-setup', 10_000));
  project.provide('databaseServerUrl', server.adminUrl);
  project.provide('templateDatabase', template);

  return async () => {
    const leftovers = await adminQuery<{ datname: string }>(server.adminUrl, 'SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `${prefix}%`,
    ]);
    for (const { datname } of leftovers) {
      await adminQuery(server.adminUrl, `DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    await server.stop();
  };
}

function prepareBrowserTests(): string | undefined {
  const chromiumPath = findChromium();
  if (chromiumPath === undefined) {
    if (process.env['REQUIRE_BROWSER_TESTS'] === '1') throw new Error(`browser tests required, but no Chromium: ${INSTALL_HINT}`);
    console.log(`browser tests skipped: no Chromium at /usr/bin/chromium or CHROMIUM_PATH (install it with: ${INSTALL_HINT})`);
    return undefined;
  }
  const mismatch = chromiumMismatch(chromiumPath);
  if (mismatch) throw new Error(mismatch);
  // The screenshots kept (test-results/screenshots, and failures/ for failed tests) are this run's only.
  rmSync('test-results', { recursive: true, force: true });
  // The same production build that `npm start` serves (a child process: the test runner's NODE_ENV is "test").
  execFileSync('npm', ['run', '--silent', 'build:web', '--', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return chromiumPath;
}
