import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const libs = fileURLToPath(new URL('./libs', import.meta.url));

/**
 * `#platform`, `#identity`, ... are package.json "imports": the TypeScript sources under the
 * "source" condition (type-checking), dist/ at run time. Tests, global setup included, always run
 * the sources.
 */
export default defineConfig({
  resolve: { alias: [{ find: /^#([a-z-]+)$/, replacement: `${libs}/$1/src/index.ts` }] },
  test: {
    include: ['apps/**/*.spec.ts', 'libs/**/*.spec.ts', 'seeds/**/*.spec.ts', 'test/**/*.spec.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
  },
});
