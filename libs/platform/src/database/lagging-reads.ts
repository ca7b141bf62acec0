import { performance } from 'node:perf_hooks';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ReplicaBackoff, type ReplicaAttempt, replicaFailure } from './replica-health.js';

/** How long the replicas are left alone after a connection-class failure before one read tries them again. */
export const REPLICA_PAUSE_MS = 5_000;

/**
 * The caller of a read that may lag, as read-your-writes sees them: where the primary's WAL stood
 * after their last write (a pg_lsn as text), or null when they have written nothing since replicas
 * were configured. The signed-in Principal is one; a caller without a sign-in passes null.
 */
export interface Reader {
  readonly lastWriteLsn: string | null;
}

type Outcome<T> = { readonly served: true; readonly value: T } | { readonly served: false };

/**
 * Reads that may lag a little behind the last writes (lists, dashboards, statistics, calendar
 * feeds), run by repositories on a streaming replica when READ_DATABASE_URL names any. The read runs
 * on the primary instead when:
 * - no replica is configured (then nothing changes: the pool's own connections, as everywhere);
 * - the replica cannot be reached or drops the connection: at once, and the replicas are left alone
 *   for REPLICA_PAUSE_MS before one read tries again (logged once per outage);
 * - the replica cancelled the read to replay the WAL (a recovery conflict): that read alone;
 * - the caller wrote something the replica has not replayed yet: `pg_last_wal_replay_lsn()` on the
 *   very connection the read would use is behind the caller's last write position (recorded after
 *   each of their writes, see the identity feature), so a writer always reads their own writes.
 *
 * `work` gets the manager of one connection and may run several statements on it; it must only
 * read, and never be the read that follows a write in the same request, an access check that
 * guards a write, or anything inside a transaction: those stay on the repository's own manager.
 */
@Injectable()
export class LaggingReads {
  private readonly logger = new Logger('database');
  private readonly backoff = new ReplicaBackoff(REPLICA_PAUSE_MS);

  constructor(private readonly db: DataSource) {}

  /** Whether the data source has replicas (TypeORM replication); only then are write positions worth recording. */
  get replicated(): boolean {
    return (this.db.driver as { isReplicated?: boolean }).isReplicated === true;
  }

  async run<T>(reader: Reader | null, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const attempt = this.replicated ? this.backoff.attempt(performance.now()) : undefined;
    if (attempt !== undefined) {
      const outcome = await this.onReplica(attempt, reader, work);
      if (outcome.served) return outcome.value;
    }
    return work(this.db.manager);
  }

  /** The read on a replica connection, released before anything runs on the primary. */
  private async onReplica<T>(
    attempt: ReplicaAttempt,
    reader: Reader | null,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<Outcome<T>> {
    const runner = this.db.createQueryRunner('slave');
    try {
      if (reader?.lastWriteLsn) {
        const [row] = await runner.manager.query<{ caught_up: boolean | null }[]>(
          `SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS caught_up`,
          [reader.lastWriteLsn],
        );
        // NULL on a server that is not replaying (a replica promoted, or a primary named by mistake): not known to be caught up.
        if (row?.caught_up !== true) {
          this.answered(attempt);
          return { served: false };
        }
      }
      const value = await work(runner.manager);
      this.answered(attempt);
      return { served: true, value };
    } catch (error) {
      const failure = replicaFailure(error);
      if (failure === 'unreachable') {
        if (this.backoff.unreachable(attempt, performance.now())) {
          this.logger.warn(
            { err: error },
            `read replica unreachable; reads that may lag go to the primary, and the replica is tried again every ${REPLICA_PAUSE_MS / 1000} s`,
          );
        }
        return { served: false };
      }
      this.answered(attempt);
      if (failure === 'conflict') return { served: false };
      throw error;
    } finally {
      await runner.release();
    }
  }

  private answered(attempt: ReplicaAttempt): void {
    if (this.backoff.answered(attempt)) this.logger.log('read replica answers again; reads that may lag go back to it');
  }
}

/**
 * Several reads on a manager: at once when it draws from the pool, one after the other when it is
 * one connection (a replica's in LaggingReads.run, or a transaction's), which runs one query at a time.
 */
export async function readAll<T extends readonly unknown[]>(
  manager: EntityManager,
  reads: { readonly [K in keyof T]: () => Promise<T[K]> },
): Promise<T> {
  const list = reads as readonly (() => Promise<unknown>)[];
  if (manager.queryRunner === undefined) return (await Promise.all(list.map((read) => read()))) as unknown as T;
  const results: unknown[] = [];
  for (const read of list) results.push(await read());
  return results as unknown as T;
}
