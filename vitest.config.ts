import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const libs = fileURLToPath(new URL('./libs', import.meta.url));

/**
 * Two projects:
 * - api: unit tests of apps/, libs/ and seeds/, the API tests and the browser tests in test/, on
 *   one PostgreSQL started by the global setup (which also builds the pages for the browser tests).
 *   `#platform`, `#identity`, ... are package.json "imports": the TypeScript sources under the
 *   "source" condition (type-checking), dist/ at run time. Tests always run the sources.
 * - web: the pages' component and logic tests, in jsdom.
 */
export default defineConfig({
  test: {
    teardownTimeout: 60_000,
    projects: [
      {
        resolve: { alias: [{ find: /^#([a-z-]+)$/, replacement: `${libs}/$1/src/index.ts` }] },
        test: {
          name: 'api',
          include: ['apps/**/*.spec.ts', 'libs/**/*.spec.ts', 'seeds/**/*.spec.ts', 'test/**/*.spec.ts'],
          exclude: ['apps/web/**', '**/node_modules/**'],
          globalSetup: ['test/support/global-setup.ts'],
          pool: 'forks',
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'web',
          root: fileURLToPath(new URL('./apps/web', import.meta.url)),
          include: ['src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['src/test-setup.ts'],
        },
      },
    ],
  },
});
