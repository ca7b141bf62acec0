import { DataSource, type DataSourceOptions } from 'typeorm';
import { installJobSchema } from '../jobs/job-queue.js';

/** Any number of processes may start at once; one migrates while the others wait. */
const MIGRATION_LOCK_KEY = 7_148_221_001;

/**
 * Runs pending migrations, each in its own transaction, under a cluster-wide advisory lock; then
 * installs or upgrades the job queue's schema, which pg-boss owns and versions itself.
 */
export async function runMigrations(options: DataSourceOptions): Promise<string[]> {
  return withDataSource(options, async (dataSource) =>
    withMigrationLock(dataSource, async () => {
      const applied = (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
      await installJobSchema(dataSource);
      return applied;
    }),
  );
}

/** Reverts the last applied migration; answers its name, or undefined when none was applied. */
export async function revertLastMigration(options: DataSourceOptions): Promise<string | undefined> {
  return withDataSource(options, async (dataSource) =>
    withMigrationLock(dataSource, async () => {
      const applied = await dataSource
        .query<{ name: string }[]>(`SELECT name FROM ${dataSource.options.migrationsTableName ?? 'migrations'} ORDER BY id DESC LIMIT 1`)
        .catch(() => []);
      if (applied.length === 0) return undefined;
      await dataSource.undoLastMigration({ transaction: 'each' });
      return applied[0]?.name;
    }),
  );
}

export async function withDataSource<T>(options: DataSourceOptions, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = new DataSource({ ...options, poolSize: Math.max(2, options.poolSize ?? 2) } as DataSourceOptions);
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

async function withMigrationLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await work();
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lock.release();
  }
}
