import { createDocumentStorage } from '#documents';
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { loadConfig, openDatabase, revertLastMigration, runMigrations, withDataSource } from '#platform';
import { generateMigration } from '#tooling';
import { schemaDataSourceOptions } from '#schema';
import { runDemoSeeds, runSeeds } from '../../../seeds/index.js';
import { currentHour, loadScaleData, parseScaleArguments } from '../../../seeds/scale/scale-data.js';
import { API_TYPES_FILE, generateApiTypes } from './api-types.js';

const USAGE = `usage: node dist/apps/cli/src/main.js <command>
  migrate              apply pending migrations
  migrate:revert       revert the last applied migration
  migrate:generate N   write a migration named N from the entity changes
  seed                 load the demo data (idempotent)
  seed:scale [options] load the demo data, then a synthetic data set for benchmarks:
                       --applications N (100000), --seed N (1), --now ISO-8601 (this hour),
                       --institutions N (800), --agencies N (50), --researchers N (20000),
                       --reviewers N (7000), --calls N (120); --replace deletes an earlier set first
  api:types            write the pages' API types (${API_TYPES_FILE}) from the OpenAPI document`;

/** One-off commands on the configured database (embedded under DATA_DIR unless DATABASE_URL is set). */
async function main(argv: readonly string[]): Promise<void> {
  const [command, argument] = argv;
  if (command === 'api:types') {
    await writeFile(API_TYPES_FILE, await generateApiTypes());
    console.log(`wrote ${API_TYPES_FILE}`);
    return;
  }
  if (command === undefined || !['migrate', 'migrate:revert', 'migrate:generate', 'seed', 'seed:scale'].includes(command)) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const scale = command === 'seed:scale' ? parseScaleArguments(argv.slice(1)) : {};
  const config = loadConfig();
  const database = await openDatabase(config, (message) => console.log(message), { attachToRunning: true });
  try {
    const options = schemaDataSourceOptions(database.url, 'jointcall-cli', config.databaseConnectTimeoutMs);
    switch (command) {
      case 'migrate': {
        const applied = await runMigrations(options);
        console.log(applied.length > 0 ? `applied: ${applied.join(', ')}` : 'schema up to date');
        break;
      }
      case 'migrate:revert': {
        const reverted = await revertLastMigration(options);
        console.log(reverted ? `reverted: ${reverted}` : 'no migration to revert');
        break;
      }
      case 'migrate:generate': {
        if (argument === undefined) throw new Error('name the migration: npm run migration:generate -- AddSomething');
        const generated = await generateMigration({ ...options, url: database.url }, argument, 'libs/schema/src/migrations', new Date());
        console.log(
          generated
            ? `wrote ${generated.file} (${generated.upQueries} statements); review it, then npm run migration:run`
            : 'no schema changes',
        );
        break;
      }
      case 'seed': {
        await runMigrations(options);
        const storage = createDocumentStorage(config.documents.storage);
        await storage.ready();
        const report = await withDataSource(options, (dataSource) => runDemoSeeds(dataSource, storage));
        console.log(`seeded: ${JSON.stringify(report.changed)}`);
        break;
      }
      case 'seed:scale': {
        const started = performance.now();
        const now = scale.now ?? currentHour();
        await runMigrations(options);
        const report = await withDataSource(options, async (dataSource) => {
          await runSeeds(dataSource, now);
          return loadScaleData(dataSource, { ...scale, now, log: (message) => console.log(message) });
        });
        const width = Math.max(...Object.keys(report.rows).map((table) => table.length));
        for (const [table, rows] of Object.entries(report.rows)) console.log(`  ${table.padEnd(width)} ${String(rows).padStart(10)}`);
        console.log(
          `scale data (seed ${report.seed}, now ${report.now.toISOString()}): loaded in ${(report.elapsedMs / 1000).toFixed(1)} s, ` +
            `${((performance.now() - started) / 1000).toFixed(1)} s with migrations and demo data`,
        );
        break;
      }
    }
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
