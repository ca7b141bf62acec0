import 'reflect-metadata';
import { generateMigration, loadConfig, openDatabase, revertLastMigration, runMigrations, withDataSource } from '#platform';
import { schemaDataSourceOptions } from '#schema';
import { runSeeds } from '../../../seeds/index.js';

const USAGE = `usage: node dist/apps/cli/src/main.js <command>
  migrate              apply pending migrations
  migrate:revert       revert the last applied migration
  migrate:generate N   write a migration named N from the entity changes
  seed                 load the demo data (idempotent)`;

/** One-off commands on the configured database (embedded under DATA_DIR unless DATABASE_URL is set). */
async function main(argv: readonly string[]): Promise<void> {
  const [command, argument] = argv;
  if (command === undefined || !['migrate', 'migrate:revert', 'migrate:generate', 'seed'].includes(command)) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
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
        const report = await withDataSource(options, runSeeds);
        console.log(`seeded: ${JSON.stringify(report.changed)}`);
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
