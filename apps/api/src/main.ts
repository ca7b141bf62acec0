import 'reflect-metadata';
import { redactUrl, runMigrations, runService, withDataSource } from '#platform';
import { schemaDataSourceOptions } from '#schema';
import { createDocumentStorage } from '#documents';
import { runDemoSeeds } from '../../../seeds/index.js';
import { createApp } from './create-app.js';

/**
 * `npm start`: the database (embedded under DATA_DIR unless DATABASE_URL is set) starts first, is
 * migrated and, outside production, seeded with demo data; then the api listens.
 */
runService({}, async ({ config, logger, database }) => {
  const options = schemaDataSourceOptions(database.url, 'jointcall-startup', config.databaseConnectTimeoutMs);
  const applied = await runMigrations(options);
  logger.info(applied.length > 0 ? `migrations applied: ${applied.join(', ')}` : 'schema up to date');
  if (config.seedOnStart) {
    const storage = createDocumentStorage(config.documents.storage);
    await storage.ready();
    const report = await withDataSource(options, (dataSource) => runDemoSeeds(dataSource, storage));
    logger.info({ changed: report.changed }, 'demo data loaded');
  }
  const app = await createApp({ config, databaseUrl: database.url, logger });
  return {
    close: () => app.close(),
    ready: async () => {
      await app.listen({ port: config.port, host: config.host });
      const base = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
      logger.info(
        [
          `jointcall api ready at ${base}`,
          `  API docs:  ${base}/docs`,
          `  health:    ${base}/health/ready`,
          `  database:  ${database.embedded ? `embedded, ${redactUrl(database.url)} (data in ${config.dataDir})` : redactUrl(database.url)}`,
        ].join('\n'),
      );
    },
  };
});
