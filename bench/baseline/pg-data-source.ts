import type { Pool, PoolClient, QueryResult } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * The few members of a TypeORM DataSource that the repositories use (`query`, `manager.query`,
 * `transaction`, a query runner's client for prepared statements, and the pool pg-boss writes
 * through), answered by node-postgres directly, with the same result shapes: rows, or
 * [rows, rowCount] for UPDATE and DELETE.
 */
export function pgDataSource(pool: Pool): DataSource {
  const run = async (client: Pool | PoolClient, sql: string, params?: unknown[]): Promise<unknown> => {
    const result: QueryResult = await client.query(sql, params);
    return result.command === 'UPDATE' || result.command === 'DELETE' ? [result.rows, result.rowCount] : result.rows;
  };
  const query = (sql: string, params?: unknown[]) => run(pool, sql, params);
  const transaction = async (work: (manager: unknown) => Promise<unknown>): Promise<unknown> => {
    const client = await pool.connect();
    try {
      await client.query('START TRANSACTION');
      const manager = {
        query: (sql: string, params?: unknown[]) => run(client, sql, params),
        queryRunner: { isTransactionActive: true, connect: () => Promise.resolve(client) },
      };
      const result = await work(manager);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  };
  // A runner outside a transaction: a client of the pool for one statement (runPrepared).
  const createQueryRunner = () => {
    let client: PoolClient | undefined;
    return {
      connect: async () => (client = await pool.connect()),
      release: () => Promise.resolve(client?.release()),
    };
  };
  const manager = { query, connection: { createQueryRunner } };
  return { query, manager, transaction, driver: { master: pool } } as unknown as DataSource;
}
