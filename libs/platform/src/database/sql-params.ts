import type { EntityManager } from 'typeorm';
import { returningRows } from './sql.js';

/** Numbered parameters for SQL assembled from optional filters: `where.push(\`kind = ${p.add(kind)}\`)`. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** An ILIKE pattern matching `text` anywhere, with its own % _ and \ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The optimistic-concurrency write: sets the given columns, bumps `version` and `updated_at`, only
 * while the row still has `expectedVersion` (any version when undefined), and answers the RETURNING
 * row, or undefined when the row is missing or was changed meanwhile. Columns are trusted names.
 */
export async function updateIfVersion<T>(
  manager: EntityManager,
  table: string,
  id: string,
  changes: Readonly<Record<string, unknown>>,
  expectedVersion: number | undefined,
  returning = 'id',
): Promise<T | undefined> {
  const sql = new SqlParams();
  const idParam = sql.add(id);
  const sets = Object.entries(changes)
    .filter(([, value]) => value !== undefined)
    .map(([column, value]) => `"${column}" = ${sql.add(value)}`);
  const version = sql.add(expectedVersion ?? null);
  const rows = await returningRows<T>(
    manager,
    `UPDATE "${table}" SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
      WHERE id = ${idParam} AND (${version}::int IS NULL OR version = ${version}) RETURNING ${returning}`,
    sql.values,
  );
  return rows[0];
}
