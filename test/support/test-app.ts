import type { INestApplicationContext, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { tmpdir } from 'node:os';
import supertest from 'supertest';
import { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { type AppConfig, createRootLogger, loadConfig, ManualClock } from '#platform';
import { createApp } from '../../apps/api/src/create-app.js';
import { createWorker } from '../../apps/worker/src/create-worker.js';
import { cloneDatabase } from './databases.js';
import { Given, TEST_PASSWORD } from './given.js';

export interface TestApp {
  readonly app: NestFastifyApplication;
  /** supertest against the real HTTP stack (Fastify, filters, pipes). */
  readonly http: supertest.Agent;
  readonly clock: ManualClock;
  readonly dataSource: DataSource;
  readonly given: Given;
  readonly databaseUrl: string;
  /** Signs in through the API and answers the access token. */
  login(email: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  readonly env?: Readonly<Record<string, string>>;
  readonly modules?: readonly Type[];
  readonly now?: string;
  /**
   * A second api instance on this app's database and clock (as several instances behind a load
   * balancer): its close leaves the database to the first, which must close after it.
   */
  readonly besides?: Pick<TestApp, 'databaseUrl' | 'clock'>;
}

/** The real application on a database of its own, cloned from the migrated template. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.besides
    ? { url: options.besides.databaseUrl, drop: () => Promise.resolve() }
    : await cloneDatabase(inject('databaseServerUrl'), inject('templateDatabase'));
  const config = testConfig(options.env);
  const clock = options.besides?.clock ?? new ManualClock(options.now ?? '2026-04-01T00:00:00Z');
  const logger = createRootLogger({ logLevel: config.logLevel, logPretty: false });
  const app = await createApp({ config, databaseUrl: database.url, logger, clock, extraModules: options.modules ?? [] }).catch(
    async (error: unknown) => {
      await database.drop();
      throw error;
    },
  );
  await app.getHttpAdapter().getInstance().ready();
  const dataSource = app.get(DataSource);
  const http = supertest.agent(app.getHttpServer());
  return {
    app,
    http,
    clock,
    dataSource,
    given: new Given(dataSource),
    databaseUrl: database.url,
    login: async (email, password = TEST_PASSWORD) => {
      const response = await http.post('/auth/login').send({ email, password });
      if (response.status !== 200) throw new Error(`login ${email}: ${response.status} ${response.text}`);
      return (response.body as { accessToken: string }).accessToken;
    },
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** The configuration of test processes; `env` overrides it. */
export function testConfig(env: Readonly<Record<string, string>> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: tmpdir(),
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    DATABASE_POOL_SIZE: '10',
    // Test files run in parallel on small machines: wait longer for a connection than production would.
    DATABASE_CONNECT_TIMEOUT_MS: '20000',
    // Background jobs run only in the tests about them (they turn RUN_JOBS on or start a worker).
    RUN_JOBS: 'false',
    JOB_POLL_INTERVAL_MS: '500',
    JOB_RETRY_DELAY_SECONDS: '1',
    // The manual clock stands still, so every request of a test file falls into one window: the
    // rate limits are tested with their own values (test/limits.api.spec.ts) and out of the way elsewhere.
    RATE_LIMIT_EXPORTS: '1000000',
    RATE_LIMIT_AUTO_ASSIGN: '1000000',
    RATE_LIMIT_PERSON_LOOKUP: '1000000',
    ...env,
  });
}

/** A worker process (its own Nest context and pool) on a test app's database and clock. */
export function startTestWorker(
  t: Pick<TestApp, 'databaseUrl' | 'clock'>,
  env: Readonly<Record<string, string>> = {},
): Promise<INestApplicationContext> {
  const config = testConfig(env);
  return createWorker({
    config,
    databaseUrl: t.databaseUrl,
    logger: createRootLogger({ logLevel: config.logLevel, logPretty: false }),
    clock: t.clock,
  });
}
