import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type pg from 'pg';

/** What one run cost PostgreSQL, per request sent; null where it cannot be measured (the report says why). */
export interface PostgresCost {
  /** CPU time of the PostgreSQL server's processes, in milliseconds. */
  readonly postgresCpuMsPerRequest: number | null;
  /** Statements run (pg_stat_statements calls, transaction control included, deferred foreign-key checks left out). */
  readonly statementsPerRequest: number | null;
}

interface Reading {
  readonly cpuTicks?: number;
  readonly calls?: number;
  readonly dealloc?: number;
}

/** The query that reads the counters names itself, so that it is left out where no role separates the targets. */
const MARKER = 'bench: statement meter';

/**
 * A foreign-key check PostgreSQL runs itself: a deferred one runs at commit, outside any statement
 * of the client's, and pg_stat_statements counts it as a statement of its own (pg-boss's job rows).
 */
const FOREIGN_KEY_CHECK = `'SELECT % FROM ONLY % x WHERE % FOR KEY SHARE OF x'`;

/**
 * Meters of the database server around a run: the CPU time of its processes (Linux, from /proc, for
 * the bench's own embedded server) and the statements run (pg_stat_statements, counted for one role:
 * each target connects as a role of its own, so neither the bench's statements nor another target's
 * are counted).
 */
export class PostgresMeters {
  private constructor(
    private readonly client: pg.Client,
    private readonly postmaster: number | undefined,
    private readonly ticksPerSecond: number,
    /** How the CPU time is read, or why it is not. */
    readonly cpu: string,
    /** How statements are counted, or why they are not. */
    readonly statements: string,
  ) {}

  /**
   * `postmasterPidFile`: the embedded server's postmaster.pid (undefined for DATABASE_URL, whose
   * server may not be on this machine). `perRole`: whether the targets connect as roles of their own.
   */
  static async open(client: pg.Client, postmasterPidFile: string | undefined, perRole: boolean): Promise<PostgresMeters> {
    let postmaster: number | undefined;
    let cpu: string;
    if (process.platform !== 'linux') cpu = 'n/a: read from /proc, on Linux only';
    else if (postmasterPidFile === undefined) cpu = "n/a: the database is DATABASE_URL's, not a server of the bench's own";
    else {
      const pid = Number.parseInt(readFileSync(postmasterPidFile, 'utf8').split('\n')[0] ?? '', 10);
      if (existsSync(`/proc/${pid}/stat`)) {
        postmaster = pid;
        cpu = 'user + system time of the postmaster and every process it started (/proc/<pid>/stat), ended ones included';
      } else cpu = `n/a: no process ${pid} in /proc`;
    }
    let statements: string;
    try {
      await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      await client.query('SELECT 1 FROM pg_stat_statements LIMIT 1');
      statements = perRole
        ? "pg_stat_statements calls of the target's own database role, BEGIN and COMMIT included, deferred foreign-key checks left out"
        : 'pg_stat_statements calls of every session but the meter, BEGIN and COMMIT included, deferred foreign-key checks left out (DATABASE_URL: one role for all)';
    } catch (error) {
      statements = `n/a: ${error instanceof Error ? error.message : String(error)}`;
    }
    return new PostgresMeters(client, postmaster, clockTicks(), cpu, statements);
  }

  get countsStatements(): boolean {
    return !this.statements.startsWith('n/a');
  }

  get readsCpu(): boolean {
    return this.postmaster !== undefined;
  }

  /** The meters now; `role`: count that role's statements only. */
  async read(role: string | undefined): Promise<Reading> {
    const reading: { cpuTicks?: number; calls?: number; dealloc?: number } = {};
    if (this.countsStatements) {
      const { rows } = await this.client.query<{ calls: number; dealloc: number }>(
        `SELECT /* ${MARKER} */ coalesce(sum(s.calls), 0)::float8 AS calls, (SELECT dealloc FROM pg_stat_statements_info)::float8 AS dealloc
           FROM pg_stat_statements s
          WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND ($1::text IS NULL OR s.userid = (SELECT oid FROM pg_roles WHERE rolname = $1))
            AND s.query NOT LIKE '%${MARKER}%' AND s.query NOT LIKE ${FOREIGN_KEY_CHECK}`,
        [role ?? null],
      );
      reading.calls = rows[0]!.calls;
      reading.dealloc = rows[0]!.dealloc;
    }
    if (this.postmaster !== undefined) reading.cpuTicks = postgresTicks(this.postmaster);
    return reading;
  }

  /**
   * Waits until the role's sessions are idle (at most five seconds), so that the work of the requests
   * still in flight when a run ended is done, and counted, before the meters are read; without a
   * role of its own, a quarter of a second.
   */
  async waitIdle(role: string | undefined): Promise<void> {
    const until = performance.now() + 5000;
    if (role === undefined) return new Promise((resolve) => setTimeout(resolve, 250));
    while (performance.now() < until) {
      const { rows } = await this.client.query<{ busy: number }>(
        `SELECT count(*)::int AS busy FROM pg_stat_activity WHERE usename = $1 AND state IS DISTINCT FROM 'idle'`,
        [role],
      );
      if (rows[0]!.busy === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** The cost between two readings, per request sent (answered, or cut off at the end of a run but done). */
  perRequest(before: Reading, after: Reading, requests: number): PostgresCost {
    const per = (value: number | undefined, digits: number) =>
      value === undefined || requests === 0 ? null : Math.round((value / requests) * 10 ** digits) / 10 ** digits;
    // Statements evicted from pg_stat_statements in between take their counts with them: no count then.
    const evicted = before.dealloc !== after.dealloc;
    return {
      postgresCpuMsPerRequest: per(
        before.cpuTicks === undefined || after.cpuTicks === undefined
          ? undefined
          : ((after.cpuTicks - before.cpuTicks) * 1000) / this.ticksPerSecond,
        3,
      ),
      statementsPerRequest: per(
        before.calls === undefined || after.calls === undefined || evicted ? undefined : after.calls - before.calls,
        2,
      ),
    };
  }
}

/** Clock ticks per second of /proc's times (USER_HZ). */
function clockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

/**
 * The CPU time, in clock ticks, of the postmaster and its processes: each live child's own time,
 * and the postmaster's own plus that of every child it has reaped (its cutime and cstime), so that a
 * backend that ends during a run still counts.
 */
function postgresTicks(postmaster: number): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    // The fields after the command name in parentheses, from the third on: state, ppid, ... utime is the 14th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const field = (n: number) => Number(fields[n - 3]);
    if (Number(entry) === postmaster) total += field(14) + field(15) + field(16) + field(17);
    else if (field(4) === postmaster) total += field(14) + field(15);
  }
  return total;
}
