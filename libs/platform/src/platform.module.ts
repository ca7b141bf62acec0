import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import type { EntitySchema, MixedList } from 'typeorm';
import { APP_CONFIG } from './config/app-config.provider.js';
import type { AppConfig } from './config/app-config.js';
import { Clock, SystemClock } from './clock/clock.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { LaggingReads } from './database/lagging-reads.js';
import { ProblemDetailsFilter } from './errors/problem-details.filter.js';
import { createValidationPipe } from './errors/validation.js';
import { AuditLog } from './audit/audit-log.js';
import { IdempotencyInterceptor } from './idempotency/idempotent.js';
import { IdempotencyStore } from './idempotency/idempotency.store.js';
import { HealthController } from './health/health.controller.js';
import { JobQueue } from './jobs/job-queue.js';
import { JobsController } from './jobs/jobs.controller.js';
import { RateLimitStore } from './rate-limit/rate-limit.store.js';
import { rateLimitOptions } from './rate-limit/rate-limited.js';

export type ProcessName = 'api' | 'worker' | 'cli';

/** Injection token of the running process's name (`ProcessName`): what only the api does asks it. */
export const PROCESS_NAME = Symbol('PROCESS_NAME');

/** Injection token of the process's root pino logger, as `PlatformOptions.logger`. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

export interface PlatformOptions {
  readonly config: AppConfig;
  readonly databaseUrl: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: MixedList<Function | string | EntitySchema>;
  readonly logger: Logger;
  readonly clock?: Clock;
  /** Process name in logs and pg_stat_activity. */
  readonly processName: ProcessName;
}

/**
 * What every feature uses: configuration, the clock, the database, logging, error mapping and
 * input validation. Global, so features inject these without importing it.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const { config } = options;
    return {
      module: PlatformModule,
      imports: [
        // Nest's own logger on pino. Its per-request middleware (a child logger and a request context
        // for every request) applies to no route: the access log is written from Fastify's hooks
        // (logging/access-log.ts).
        LoggerModule.forRoot({ forRoutes: [], pinoHttp: { logger: options.logger } }),
        TypeOrmModule.forRoot({
          ...dataSourceOptions({
            url: options.databaseUrl,
            // Only the api serves reads that may lag; the worker and the commands use the primary alone.
            readUrls: options.processName === 'api' ? config.readDatabaseUrls : [],
            poolSize: config.databasePoolSize,
            connectTimeoutMs: config.databaseConnectTimeoutMs,
            applicationName: `jointcall-${options.processName}`,
            entities: options.entities,
            migrations: [],
            onPoolError: (error) => options.logger.warn({ err: error }, 'database connection lost; the pool will reconnect'),
          }),
          retryAttempts: 3,
          retryDelay: 1000,
        }),
        TerminusModule.forRoot({ logger: false }),
        ThrottlerModule.forRootAsync({ inject: [RateLimitStore], useFactory: (store: RateLimitStore) => rateLimitOptions(config, store) }),
      ],
      controllers: options.processName === 'api' ? [HealthController, JobsController] : [],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: PROCESS_NAME, useValue: options.processName },
        { provide: ROOT_LOGGER, useValue: options.logger },
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        AuditLog,
        IdempotencyStore,
        IdempotencyInterceptor,
        JobQueue,
        LaggingReads,
        RateLimitStore,
      ],
      exports: [
        APP_CONFIG,
        PROCESS_NAME,
        ROOT_LOGGER,
        Clock,
        AuditLog,
        IdempotencyStore,
        IdempotencyInterceptor,
        JobQueue,
        LaggingReads,
        RateLimitStore,
      ],
    };
  }
}
