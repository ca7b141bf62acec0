import { tmpdir } from 'node:os';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Clock, createRootLogger, loadConfig } from '#platform';
import { createWorker } from '../apps/worker/src/create-worker.js';
import { cloneDatabase } from './support/databases.js';

describe('worker process', () => {
  let database: Awaited<ReturnType<typeof cloneDatabase>>;

  beforeAll(async () => {
    database = await cloneDatabase(inject('databaseServerUrl'), inject('templateDatabase'));
  });
  afterAll(() => database.drop());

  it('boots on the shared database, runs the jobs even when RUN_JOBS is false for the api, and stops cleanly', async () => {
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: tmpdir(), JWT_SECRET: 'x'.repeat(32), LOG_LEVEL: 'silent', RUN_JOBS: 'false' });
    const worker = await createWorker({ config, databaseUrl: database.url, logger: createRootLogger(config) });
    const dataSource = worker.get(DataSource);
    expect(dataSource.isInitialized).toBe(true);
    expect(await dataSource.query('SELECT current_database() AS name')).toEqual([{ name: database.name }]);
    expect(worker.get(Clock).now()).toBeInstanceOf(Date);
    // The time-driven jobs are scheduled once, on the database, for whichever process takes them.
    expect(await dataSource.query(`SELECT name, cron FROM pgboss.schedule ORDER BY name`)).toEqual([
      { name: 'documents.clean-up', cron: '53 * * * *' },
      { name: 'identity.login-failures-cleanup', cron: '41 * * * *' },
      { name: 'notifications.sweep', cron: '* * * * *' },
      { name: 'platform.idempotency-cleanup', cron: '23 * * * *' },
    ]);
    await worker.close();
    expect(dataSource.isInitialized).toBe(false);
  });

  it('starts several at once on a database whose queues do not exist yet, without a deadlock', async () => {
    const fresh = await cloneDatabase(inject('databaseServerUrl'), inject('templateDatabase'));
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: tmpdir(), JWT_SECRET: 'x'.repeat(32), LOG_LEVEL: 'silent' });
    const started = await Promise.allSettled(
      Array.from({ length: 4 }, () => createWorker({ config, databaseUrl: fresh.url, logger: createRootLogger(config) })),
    );
    await Promise.all(started.map((s) => (s.status === 'fulfilled' ? s.value.close() : Promise.resolve())));
    await fresh.drop();
    expect(started.map((s) => (s.status === 'fulfilled' ? 'started' : String(s.reason)))).toEqual(Array(4).fill('started'));
  });
});
