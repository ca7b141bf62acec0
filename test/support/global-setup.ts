import type { TestProject } from 'vitest/node';
import { runMigrations } from '#platform';
import { schemaDataSourceOptions } from '#schema';
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
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
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
