import { performance } from 'node:perf_hooks';
import type { QueryRunner } from 'typeorm';

/**
 * How a column travels: as a PostgreSQL array literal in one parameter per column, unnested into
 * rows by one INSERT ... SELECT FROM unnest(...) per chunk.
 * - `time`: whole seconds since the epoch, written as timestamptz;
 * - `date`, `bigint[]`, `text[]`, `timestamptz[]`, `jsonb`: a literal of that type as a string.
 */
export type ColumnType =
  'uuid' | 'text' | 'int' | 'bigint' | 'bool' | 'numeric' | 'time' | 'date' | 'bigint[]' | 'text[]' | 'timestamptz[]' | 'jsonb';

const PARAMETER: Record<ColumnType, string> = {
  uuid: 'uuid[]',
  text: 'text[]',
  int: 'int[]',
  bigint: 'int8[]',
  bool: 'bool[]',
  numeric: 'numeric[]',
  time: 'int8[]',
  date: 'text[]',
  'bigint[]': 'text[]',
  'text[]': 'text[]',
  'timestamptz[]': 'text[]',
  jsonb: 'text[]',
};

const QUOTED: ReadonlySet<ColumnType> = new Set(['text', 'date', 'bigint[]', 'text[]', 'timestamptz[]', 'jsonb']);

export type Value = string | number | boolean | null;

/** Rows of one table, column by column, until they are sent. */
export class BulkTable {
  readonly columns: readonly (readonly [string, ColumnType])[];
  private values: Value[][];
  /** Rows sent so far. */
  inserted = 0;

  constructor(
    readonly name: string,
    columns: Readonly<Record<string, ColumnType>>,
  ) {
    this.columns = Object.entries(columns);
    this.values = this.columns.map(() => []);
  }

  get pending(): number {
    return this.values[0]!.length;
  }

  /** One row, its values in the order of the columns. */
  add(...row: Value[]): void {
    if (row.length !== this.columns.length) throw new Error(`${this.name}: ${row.length} values for ${this.columns.length} columns`);
    for (let i = 0; i < row.length; i++) this.values[i]!.push(row[i]!);
  }

  /** The INSERT of the rows held, which it hands over, its parameters numbered after `offset`. */
  take(offset = 0): { sql: string; parameters: string[] } {
    const select = this.columns.map(([, type], i) => {
      const value = `u.c${i}`;
      if (type === 'time') return `to_timestamp(${value})`;
      return PARAMETER[type] === 'text[]' && type !== 'text' ? `${value}::${type}` : value;
    });
    const sql =
      `INSERT INTO ${this.name} (${this.columns.map(([column]) => column).join(', ')}) ` +
      `SELECT ${select.join(', ')} FROM unnest(${this.columns.map(([, type], i) => `$${offset + i + 1}::${PARAMETER[type]}`).join(', ')}) ` +
      `AS u(${this.columns.map((_, i) => `c${i}`).join(', ')})`;
    const parameters = this.columns.map(([, type], i) => arrayLiteral(this.values[i]!, QUOTED.has(type)));
    this.inserted += this.pending;
    this.values = this.columns.map(() => []);
    return { sql, parameters };
  }
}

const SPECIAL = /["\\]/;
const SPECIALS = /["\\]/g;

function arrayLiteral(values: readonly Value[], quoted: boolean): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) out += ',';
    if (value === null || value === undefined) out += 'NULL';
    else if (!quoted) out += value;
    else {
      const text = String(value);
      out += SPECIAL.test(text) ? `"${text.replace(SPECIALS, '\\$&')}"` : `"${text}"`;
    }
  }
  return `${out}}`;
}

/**
 * Sends the rows held by several tables as one statement (one data-modifying WITH query; foreign
 * keys are checked at its end, so parents and children may come together), without waiting for
 * it: while PostgreSQL inserts one batch, the next one is being generated. One statement at a
 * time on the connection; a failure is kept and thrown by the next call.
 */
export class BulkLoader {
  private sending: Promise<void> = Promise.resolve();
  private failure: Error | undefined;
  /** Time spent waiting for the statement before, in ms: what the database adds to generating the rows. */
  waitedMs = 0;

  constructor(private readonly runner: QueryRunner) {}

  async send(tables: readonly BulkTable[]): Promise<void> {
    const parts: string[] = [];
    const parameters: string[] = [];
    for (const table of tables.filter((t) => t.pending > 0)) {
      const insert = table.take(parameters.length);
      parts.push(insert.sql);
      parameters.push(...insert.parameters);
    }
    await this.drain();
    if (parts.length === 0) return;
    const sql = parts.length === 1 ? parts[0]! : `WITH ${parts.map((part, i) => `i${i} AS (${part})`).join(', ')} SELECT 1`;
    this.sending = this.runner.query(sql, parameters).then(
      () => undefined,
      (error: unknown) => {
        this.failure ??= error instanceof Error ? error : new Error(String(error));
      },
    );
  }

  /** Waits for the statement being sent; throws the first failure. */
  async drain(): Promise<void> {
    const started = performance.now();
    await this.sending;
    this.waitedMs += performance.now() - started;
    if (this.failure !== undefined) throw this.failure;
  }
}
