import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import pg, { type PoolConfig } from 'pg';
import { SnakeNamingStrategy } from './snake-naming-strategy.js';

export interface DatabaseSettings {
  readonly url: string;
  /** Streaming replicas of `url`; only LaggingReads reads from them (see lagging-reads.ts). */
  readonly readUrls?: readonly string[];
  readonly poolSize: number;
  readonly connectTimeoutMs: number;
  readonly applicationName: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly migrations: MixedList<Function | string>;
  readonly onPoolError?: (error: Error) => void;
}

const DATE_OID = 1082;

/**
 * A calendar day (`date`) stays the text PostgreSQL sends, 'YYYY-MM-DD': node-postgres would make it
 * a Date at local midnight, which turns into the previous day in UTC east of Greenwich.
 */
const keepText = (value: string): string => value;
const typeParser = ((oid: number, format?: 'text' | 'binary'): unknown =>
  oid === DATE_OID ? keepText : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser;

/**
 * TypeORM options for PostgreSQL: migrations only (never synchronize), snake_case names, and a pool
 * that gives up on a connection after connectTimeoutMs instead of queueing forever, with an error
 * handler so an idle client dropped by a database restart cannot crash the process.
 *
 * With read URLs, TypeORM's replication: the primary is the master and each replica a slave, every
 * pool with the same size, timeouts and error handler. The default mode stays the master, so that
 * `query`, `manager.query`, transactions, query builders and pg-boss (driver.master) all use the
 * primary; a replica is used only through an explicit `createQueryRunner('slave')`.
 */
export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  const pool: PoolConfig = {
    connectionTimeoutMillis: settings.connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    application_name: settings.applicationName,
    types: { getTypeParser: typeParser },
  };
  const replicas = settings.readUrls ?? [];
  return {
    type: 'postgres',
    ...(replicas.length > 0
      ? { replication: { master: { url: settings.url }, slaves: replicas.map((url) => ({ url })), defaultMode: 'master' as const } }
      : { url: settings.url }),
    entities: settings.entities,
    migrations: settings.migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    poolSize: settings.poolSize,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install, no superuser needed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    extra: pool,
    ...(settings.onPoolError ? { poolErrorHandler: settings.onPoolError } : {}),
  };
}
