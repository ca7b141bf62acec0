import type { EntityManager } from 'typeorm';

export type Row = Readonly<Record<string, string | number | boolean | Date | null>>;

/**
 * Inserts rows, or updates the existing row with the same key only where a value differs, in one
 * statement. Answers how many rows were inserted or changed: running it again with the same rows
 * answers 0 and writes nothing, which is what makes seeds idempotent.
 */
export async function upsertRows(
  manager: EntityManager,
  table: string,
  key: readonly string[],
  rows: readonly Row[],
  /** Columns written on insert only, never updated (a password hash, which differs at every hashing). */
  insertOnly: readonly string[] = [],
): Promise<number> {
  const first = rows[0];
  if (first === undefined) return 0;
  const columns = Object.keys(first);
  const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;
  const params: unknown[] = [];
  const values = rows.map((row) => {
    const placeholders = columns.map((column) => {
      if (!(column in row)) throw new Error(`upsert into ${table}: every row needs column ${column}`);
      params.push(row[column]);
      return `$${params.length}`;
    });
    return `(${placeholders.join(', ')})`;
  });
  const updatable = columns.filter((column) => !key.includes(column) && !insertOnly.includes(column));
  const target = quote(table);
  const onConflict =
    updatable.length === 0
      ? 'DO NOTHING'
      : `DO UPDATE SET ${updatable.map((c) => `${quote(c)} = EXCLUDED.${quote(c)}`).join(', ')}
         WHERE (${updatable.map((c) => `${target}.${quote(c)}`).join(', ')})
           IS DISTINCT FROM (${updatable.map((c) => `EXCLUDED.${quote(c)}`).join(', ')})`;
  const sql = `INSERT INTO ${target} (${columns.map(quote).join(', ')}) VALUES ${values.join(', ')}
    ON CONFLICT (${key.map(quote).join(', ')}) ${onConflict} RETURNING 1`;
  const result: unknown[] = await manager.query(sql, params);
  return result.length;
}
