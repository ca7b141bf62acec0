import 'reflect-metadata';
import { createRootLogger, loadConfig, onShutdownSignal, openDatabase, redactUrl, runMigrations } from '#platform';
import { schemaDataSourceOptions } from '#schema';
import { createWorker } from './create-worker.js';

/**
 * `npm run start:worker`: the background jobs on their own process (run the api with RUN_JOBS=false
 * then). With DATABASE_URL it joins any PostgreSQL; without, it uses the embedded one of a running
 * `npm start` (or starts it).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createRootLogger(config, 'jointcall-worker');
  const database = await openDatabase(config, (message) => logger.info(message), { attachToRunning: true });
  try {
    // Whichever process starts first migrates (under a lock); the others find the schema current.
    await runMigrations(schemaDataSourceOptions(database.url, 'jointcall-worker-startup', config.databaseConnectTimeoutMs));
    const worker = await createWorker({ config, databaseUrl: database.url, logger });
    onShutdownSignal(logger, async () => {
      await worker.close();
      await database.close();
    });
    logger.info(`jointcall worker ready (database ${redactUrl(database.url)})`);
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
