import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/**
 * A hot statement, sent as a named prepared statement: PostgreSQL parses it once per connection
 * and, after a few executions, plans it once (plan_cache_mode auto), where an unnamed statement is
 * parsed and planned afresh every time. Its text must be the same on every call (parameters, never
 * spliced values): the driver refuses a name reused with another text, and so does `prepared`.
 */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

const declared = new Map<string, string>();

/** Declares a named statement once, at module load; a name declared twice with different texts is a bug. */
export function prepared(name: string, text: string): PreparedStatement {
  const existing = declared.get(name);
  if (existing !== undefined && existing !== text) throw new Error(`Prepared statement ${name} is declared twice with different texts`);
  declared.set(name, text);
  return { name, text };
}

/**
 * A hot statement whose text is built from a request's filters: named after its text, so that each
 * shape (a bounded set: which filters are present, never their values) is prepared once per
 * connection.
 */
export function preparedShape(prefix: string, text: string): PreparedStatement {
  return prepared(`${prefix}.${createHash('sha1').update(text).digest('base64url').slice(0, 16)}`, text);
}

/** Minimal shape of the node-postgres client a TypeORM query runner holds. */
interface PgClient {
  query(config: { name: string; text: string; values: readonly unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs a named statement on the manager's connection: the transaction's own when the manager is a
 * transaction's, else one taken from the pool for this statement and given back after.
 */
export async function runPrepared<T>(manager: EntityManager, statement: PreparedStatement, values: readonly unknown[]): Promise<T[]> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const client = (await runner.connect()) as PgClient;
    const result = await client.query({ name: statement.name, text: statement.text, values });
    return result.rows as T[];
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}
