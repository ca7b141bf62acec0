import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

/** The most gzipped JavaScript the first page of a console may load. */
export const FIRST_PAGE_BUDGET_BYTES = 250 * 1024;

type Chunk = {
  readonly type: 'chunk';
  readonly code: string;
  readonly imports: readonly string[];
  readonly isEntry: boolean;
  readonly facadeModuleId: string | null;
};
type Bundle = Record<string, Chunk | { readonly type: 'asset' }>;

/**
 * Prints, for each console (the lazily loaded `features/<console>/<console>-pages` module), the
 * gzipped JavaScript its first page loads: the entry, the console's chunk and everything they
 * import statically. The build fails when one exceeds the budget.
 */
export function weightBudget(budget = FIRST_PAGE_BUDGET_BYTES): Plugin {
  return {
    name: 'jointcall-weight-budget',
    apply: 'build',
    generateBundle(_options, output) {
      const bundle = output as unknown as Bundle;
      const chunks = new Map(Object.entries(bundle).filter((e): e is [string, Chunk] => e[1].type === 'chunk'));
      const gzipped = new Map([...chunks].map(([name, chunk]) => [name, gzipSync(chunk.code).length]));
      const closure = (names: readonly string[], seen = new Set<string>()): Set<string> => {
        for (const name of names) {
          if (seen.has(name)) continue;
          seen.add(name);
          closure(chunks.get(name)?.imports ?? [], seen);
        }
        return seen;
      };
      const entries = [...chunks].filter(([, c]) => c.isEntry).map(([name]) => name);
      const consoles = [...chunks].flatMap(([name, c]) => {
        const match = c.facadeModuleId?.match(/features\/([a-z-]+)\/\1-pages\.tsx$/);
        return match?.[1] ? [{ name: match[1], chunk: name }] : [];
      });
      const rows = consoles.map(({ name, chunk }) => {
        const bytes = [...closure([...entries, chunk])].reduce((sum, n) => sum + (gzipped.get(n) ?? 0), 0);
        return { name, bytes };
      });
      const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
      console.log(`\nfirst page of each console, gzipped JavaScript (budget ${kb(budget)}):`);
      for (const row of rows)
        console.log(`  ${row.name.padEnd(12)} ${kb(row.bytes).padStart(9)}${row.bytes > budget ? '  OVER BUDGET' : ''}`);
      const over = rows.filter((row) => row.bytes > budget);
      if (over.length > 0) this.error(`over the ${kb(budget)} budget: ${over.map((r) => `${r.name} ${kb(r.bytes)}`).join(', ')}`);
      if (rows.length === 0) this.error('no console chunk found (features/<console>/<console>-pages.tsx)');
    },
  };
}

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env['API_URL'] ?? 'http://127.0.0.1:3000';

/**
 * The pages. `npm run build` writes them to dist/web, which the api serves on its own origin;
 * `npm run dev:web` serves them with hot reload and passes every request that is not a page or a
 * module of the pages on to a running api (API_URL, default http://127.0.0.1:3000).
 */
export default defineConfig({
  root,
  plugins: [react(), weightBudget()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // The first-page budget is checked by weightBudget() below; Vite's own per-chunk warning would only repeat it.
    chunkSizeWarningLimit: 1024,
  },
  server: {
    proxy: {
      '^/(?!src/|@vite|@react-refresh|@id/|@fs/|node_modules/).*': {
        target: api,
        changeOrigin: false,
        bypass: (request) => (request.headers.accept?.includes('text/html') ? '/index.html' : undefined),
      },
    },
  },
});
