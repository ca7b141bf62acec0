import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { InjectConfig } from '../config/app-config.provider.js';
import { JOB_SCHEMA, poolJobDatabase, transactionJobDatabase } from './job-database.js';

/** Held while a process creates or updates the queues, so that processes starting together take turns. */
const QUEUE_SETUP_LOCK_KEY = 7_148_221_002;

/** pg-boss's own queue for cron ticks, which its start creates in every process that schedules. */
const CRON_QUEUE = '__pgboss__send-it';

export interface QueueDefinition {
  /** Letters, digits, dots, dashes and underscores. */
  readonly name: string;
  /** Seconds a job may run before pg-boss counts it as failed (and retries it). */
  readonly expireInSeconds?: number;
  /** Retries after the first attempt; the configured JOB_RETRY_LIMIT when absent. */
  readonly retryLimit?: number;
  /** Jobs taken at once by one process; they are handled concurrently. */
  readonly batchSize?: number;
  /** A cron line (UTC): pg-boss then sends one job a tick to this queue, once across all processes. */
  readonly cron?: string;
}

export type JobHandler<T> = (data: T, job: { readonly id: string; readonly name: string }) => Promise<void>;

export interface FailedJob {
  readonly id: string;
  readonly queue: string;
  readonly data: unknown;
  readonly error: string | null;
  readonly attempts: number;
  readonly createdAt: Date;
  readonly failedAt: Date;
}

interface Registration {
  readonly definition: QueueDefinition;
  readonly handler: JobHandler<never> | undefined;
}

/**
 * Background jobs on pg-boss (PostgreSQL, SKIP LOCKED): features declare their queues and handlers;
 * a job is written in the transaction of the change that causes it; the processes that run jobs
 * (the worker, and the api unless RUN_JOBS=false) take them with retries and exponential backoff.
 * A job still failing after its retries stays in the failed state, listed for admins.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('jobs');
  private readonly registrations = new Map<string, Registration>();
  private readonly boss: PgBoss;
  private started = false;

  constructor(
    private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    this.boss = new PgBoss({
      db: poolJobDatabase(dataSource),
      schema: JOB_SCHEMA,
      migrate: false,
      supervise: config.runJobs,
      schedule: config.runJobs,
      pollingIntervalSeconds: config.jobs.pollIntervalMs / 1000,
      retryLimit: config.jobs.retryLimit,
      retryDelay: config.jobs.retryDelaySeconds,
      retryBackoff: true,
    });
    this.boss.on('error', (error) => this.logger.error({ err: error }, 'job queue error'));
  }

  /** Declares a queue; with a handler, this process takes its jobs when it runs jobs. */
  define<T>(definition: QueueDefinition, handler?: JobHandler<T>): void {
    if (this.started) throw new Error(`Queue ${definition.name} is declared after start-up.`);
    this.registrations.set(definition.name, { definition, handler });
  }

  /** Writes jobs inside the caller's transaction: they exist exactly when the change commits. */
  async send(manager: EntityManager, queue: string, items: readonly object[]): Promise<void> {
    if (items.length === 0) return;
    this.requireQueue(queue);
    await this.boss.insert(
      items.map((data) => ({ name: queue, data })),
      { db: await transactionJobDatabase(manager) },
    );
  }

  /** Processes may take up jobs now: queues are created (idempotently), handlers start polling, crons start. */
  async onApplicationBootstrap(): Promise<void> {
    if (!(await this.boss.isInstalled())) throw new Error('The job queue schema is missing: run the migrations first.');
    await this.setUpQueues();
    this.started = true;
    if (!this.config.runJobs) return;
    await this.boss.start();
    for (const { definition, handler } of this.registrations.values()) {
      if (handler) await this.work(definition, handler);
      if (definition.cron) await this.boss.schedule(definition.name, definition.cron, {}, { tz: 'UTC' });
    }
    this.logger.log(`job processors running: ${[...this.registrations.keys()].join(', ')}`);
  }

  /**
   * Creates the queues (idempotently; pg-boss's cron queue too) and brings their settings up to
   * date. pg-boss creates a queue's table and constraints without a lock of its own, and two
   * processes creating queues at the same moment (several apis and workers starting together on a
   * fresh database) deadlock: so this runs in one transaction, under a transaction-level advisory
   * lock, one process at a time.
   */
  private async setUpQueues(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [QUEUE_SETUP_LOCK_KEY]);
      const boss = new PgBoss({
        db: await transactionJobDatabase(manager),
        schema: JOB_SCHEMA,
        migrate: false,
        supervise: false,
        schedule: false,
      });
      // Created here, in turn, so that pg-boss's start finds it and creates nothing itself.
      await boss.createQueue(CRON_QUEUE);
      for (const { definition } of this.registrations.values()) {
        const options = {
          name: definition.name,
          retryLimit: definition.retryLimit ?? this.config.jobs.retryLimit,
          retryDelay: this.config.jobs.retryDelaySeconds,
          retryBackoff: true,
          expireInSeconds: definition.expireInSeconds ?? 300,
        };
        await boss.createQueue(definition.name, options);
        await boss.updateQueue(definition.name, options);
      }
    });
  }

  async onModuleDestroy(): Promise<void> {
    if (this.config.runJobs && this.started) await this.boss.stop({ graceful: true, wait: true, timeout: 10_000, close: false });
  }

  /** Sends a job now, outside any transaction (a manual trigger). */
  async sendNow(queue: string, data: object = {}): Promise<string | null> {
    this.requireQueue(queue);
    return this.boss.send(queue, data);
  }

  /** Jobs that exhausted their retries, newest first, by keyset on (failedAt, id). */
  async failed(query: { limit: number; queue?: string; after?: { failedAt: string; id: string } }): Promise<FailedJob[]> {
    const rows = await this.sql<FailedJobRow>(
      `SELECT id, name, data, output, retry_count, created_on, completed_on
         FROM ${JOB_SCHEMA}.job
        WHERE state = 'failed' AND ($2::text IS NULL OR name = $2)
          AND ($3::timestamptz IS NULL OR (completed_on, id) < ($3::timestamptz, $4::uuid))
        ORDER BY completed_on DESC, id DESC
        LIMIT $1`,
      [query.limit, query.queue ?? null, query.after?.failedAt ?? null, query.after?.id ?? null],
    );
    return rows.map(toFailedJob);
  }

  /** Puts a failed job back in line; false when there is no failed job with that id. */
  async retry(id: string): Promise<boolean> {
    const rows = await this.sql<{ readonly name: string }>(`SELECT name FROM ${JOB_SCHEMA}.job WHERE id = $1 AND state = 'failed'`, [id]);
    const name = rows[0]?.name;
    if (name === undefined) return false;
    await this.boss.retry(name, id);
    return true;
  }

  /**
   * One poll takes up to batchSize jobs and handles them concurrently; a job whose handler throws
   * is failed on its own (and retried later), the others complete.
   */
  private async work(definition: QueueDefinition, handler: JobHandler<never>): Promise<void> {
    await this.boss.work<never>(definition.name, { batchSize: definition.batchSize ?? 1 }, async (jobs) => {
      await Promise.all(
        jobs.map(async (job) => {
          try {
            await handler(job.data, { id: job.id, name: job.name });
          } catch (error) {
            this.logger.warn({ err: error, queue: job.name, jobId: job.id }, 'job failed; it will be retried while retries remain');
            await this.boss.fail(job.name, job.id, { message: error instanceof Error ? error.message : String(error) });
          }
        }),
      );
    });
  }

  /** A statement on pg-boss's own connection, its rows of the shape the caller declares. */
  private async sql<T>(text: string, values: unknown[]): Promise<T[]> {
    const { rows }: { rows: T[] } = await this.boss.getDb().executeSql(text, values);
    return rows;
  }

  private requireQueue(queue: string): void {
    if (!this.registrations.has(queue)) throw new Error(`Unknown queue ${queue}`);
  }
}

/** Installs or upgrades pg-boss's own schema (under its advisory lock); part of running the migrations. */
export async function installJobSchema(dataSource: DataSource): Promise<void> {
  const boss = new PgBoss({ db: poolJobDatabase(dataSource), schema: JOB_SCHEMA, migrate: true, supervise: false, schedule: false });
  boss.on('error', () => undefined);
  await boss.start();
  await boss.stop({ graceful: false, close: false, wait: true });
}

/** A failed job as its table holds it (output: what the handler failed with, as pg-boss stored it). */
interface FailedJobRow {
  readonly id: string;
  readonly name: string;
  readonly data: unknown;
  readonly output: unknown;
  readonly retry_count: number;
  readonly created_on: Date;
  /** Set whenever the job has failed, which every row read here has. */
  readonly completed_on: Date;
}

function toFailedJob(row: FailedJobRow): FailedJob {
  return {
    id: row.id,
    queue: row.name,
    data: row.data,
    error: errorMessage(row.output),
    attempts: Number(row.retry_count) + 1,
    createdAt: row.created_on,
    failedAt: row.completed_on,
  };
}

function errorMessage(output: unknown): string | null {
  if (output === null || typeof output !== 'object') return null;
  const record = output as { message?: unknown; value?: { message?: unknown } };
  const message = record.message ?? record.value?.message;
  return typeof message === 'string' ? message : JSON.stringify(output);
}
