import 'reflect-metadata';
import { redactUrl, runMigrations, runService } from '#platform';
import { schemaDataSourceOptions } from '#schema';
import { createWorker } from './create-worker.js';

/**
 * `npm run start:worker`: the background jobs on their own process (run the api with RUN_JOBS=false
 * then). With DATABASE_URL it joins any PostgreSQL; without, it uses the embedded one of a running
 * `npm start` (or starts it).
 */
runService({ loggerName: 'jointcall-worker', attachToRunning: true }, async ({ config, logger, database }) => {
  // Whichever process starts first migrates (under a lock); the others find the schema current.
  await runMigrations(schemaDataSourceOptions(database.url, 'jointcall-worker-startup', config.databaseConnectTimeoutMs));
  const worker = await createWorker({ config, databaseUrl: database.url, logger });
  return {
    close: () => worker.close(),
    ready: () => Promise.resolve(logger.info(`jointcall worker ready (database ${redactUrl(database.url)})`)),
  };
});
