import type PgBoss from 'pg-boss';
import type { Pool, PoolClient } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

/** pg-boss's schema: its own tables, created and upgraded by pg-boss itself. */
export const JOB_SCHEMA = 'pgboss';

/** pg-boss on the application's own connection pool, so jobs cost no second pool. */
export function poolJobDatabase(dataSource: DataSource): PgBoss.Db {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  return { executeSql: (text, values) => pool.query(text, values) };
}

/**
 * pg-boss on the connection of an open transaction: a job written through it exists exactly when
 * the transaction commits (the transactional outbox).
 */
export async function transactionJobDatabase(manager: EntityManager): Promise<PgBoss.Db> {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('Jobs are written inside the transaction of the change that causes them.');
  const client = (await runner.connect()) as PoolClient;
  return { executeSql: (text, values) => client.query(text, values) };
}
