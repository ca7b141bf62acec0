import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * How a column travels, as COPY text:
 * - `time`: whole seconds since the epoch, written as a timestamptz;
 * - `date`, `bigint[]`, `text[]`, `timestamptz[]`, `jsonb`: a literal of that type as a string.
 */
export type ColumnType =
  'uuid' | 'text' | 'int' | 'bigint' | 'bool' | 'numeric' | 'time' | 'date' | 'bigint[]' | 'text[]' | 'timestamptz[]' | 'jsonb';

/** Types whose values may hold characters that COPY's text format escapes. */
const ESCAPED: ReadonlySet<ColumnType> = new Set(['text', 'date', 'bigint[]', 'text[]', 'timestamptz[]', 'jsonb']);

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

  /** The COPY of the rows held, which it hands over, and their text. */
  take(): { sql: string; data: string } {
    const sql = `COPY ${this.name} (${this.columns.map(([column]) => column).join(', ')}) FROM STDIN`;
    const rows = this.pending;
    const types = this.columns.map(([, type]) => type);
    const lines: string[] = new Array<string>(rows);
    const fields: string[] = new Array<string>(types.length);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < types.length; c++) fields[c] = copyText(this.values[c]![r], types[c]!);
      lines[r] = fields.join('\t');
    }
    this.inserted += rows;
    this.values = this.columns.map(() => []);
    return { sql, data: rows === 0 ? '' : `${lines.join('\n')}\n` };
  }
}

const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A value in COPY's text format: \N for null, backslash escapes for the rest. */
function copyText(value: Value | undefined, type: ColumnType): string {
  if (value === null || value === undefined) return '\\N';
  if (type === 'bool') return value ? 't' : 'f';
  if (type === 'time') return new Date(Number(value) * 1000).toISOString();
  const text = String(value);
  return ESCAPED.has(type) && SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ESCAPES[c]!) : text;
}

/**
 * Sends the rows held by several tables, one COPY each in the order given (parents before their
 * children, for foreign keys that are checked as rows arrive), without waiting for them: while
 * PostgreSQL loads one batch, the next one is being generated. One batch at a time on the
 * connection; a failure is kept and thrown by the next call.
 */
export class BulkLoader {
  private sending: Promise<void> = Promise.resolve();
  private failure: Error | undefined;
  /** Time spent waiting for the batch before, in ms: what the database adds to generating the rows. */
  waitedMs = 0;

  constructor(private readonly client: PoolClient) {}

  async send(tables: readonly BulkTable[]): Promise<void> {
    const copies = tables.filter((t) => t.pending > 0).map((t) => t.take());
    await this.drain();
    if (copies.length === 0) return;
    this.sending = (async () => {
      for (const copy of copies) await pipeline(Readable.from([Buffer.from(copy.data)]), this.client.query(copyFrom(copy.sql)));
    })().catch((error: unknown) => {
      this.failure ??= error instanceof Error ? error : new Error(String(error));
    });
  }

  /** Waits for the batch being sent; throws the first failure. */
  async drain(): Promise<void> {
    const started = performance.now();
    await this.sending;
    this.waitedMs += performance.now() - started;
    if (this.failure !== undefined) throw this.failure;
  }
}
