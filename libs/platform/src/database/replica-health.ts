import { isDatabaseUnavailable } from '../errors/problem-details.js';

/**
 * How a read on a replica failed, when the same read can be answered by the primary instead:
 * - `unreachable`: no connection, a dropped one, a server shutting down or starting up (a
 *   connection-class error): the replicas are left alone for a while;
 * - `conflict`: the replica cancelled the query because replaying the primary's WAL needed what it
 *   held (SQLSTATE 40001 or 40P01 on a standby): only this read moves to the primary.
 * Anything else (a mistake in the SQL, say) would fail on the primary too, and is not retried.
 */
export type ReplicaFailure = 'unreachable' | 'conflict';

export function replicaFailure(error: unknown): ReplicaFailure | undefined {
  if (isDatabaseUnavailable(error)) return 'unreachable';
  const code = sqlState(error);
  return code === '40001' || code === '40P01' ? 'conflict' : undefined;
}

function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const driverError = (error as { driverError?: unknown }).driverError ?? error;
  const code = typeof driverError === 'object' && driverError !== null ? (driverError as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/**
 * One attempt on the replicas: `read` while they are taken to be up; `probe` when it is the one
 * read that tries them again after a pause.
 */
export type ReplicaAttempt = 'read' | 'probe';

/**
 * Whether reads may go to the replicas, in this process. After a connection-class failure they are
 * left alone for `pauseMs`; then a single read probes them while the others keep to the primary,
 * and only that probe's outcome brings them back (or pauses them again). A failure or a success of
 * a read that began before the change does not flip the state back, so a flapping replica is
 * reported once per outage, not once per read.
 */
export class ReplicaBackoff {
  private downUntil: number | undefined;
  private probing = false;

  constructor(private readonly pauseMs: number) {}

  /** The attempt this read may make at `now` (a monotonic clock in milliseconds), or undefined: use the primary. */
  attempt(now: number): ReplicaAttempt | undefined {
    if (this.downUntil === undefined) return 'read';
    if (this.probing || now < this.downUntil) return undefined;
    this.probing = true;
    return 'probe';
  }

  /** The replica answered (even with an error of the read's own): true when that ends an outage. */
  answered(attempt: ReplicaAttempt): boolean {
    if (attempt !== 'probe') return false;
    this.downUntil = undefined;
    this.probing = false;
    return true;
  }

  /** The replica could not be reached: true when that begins an outage (the one moment worth a log line). */
  unreachable(attempt: ReplicaAttempt, now: number): boolean {
    if (attempt === 'probe') {
      this.probing = false;
      this.downUntil = now + this.pauseMs;
      return false;
    }
    if (this.downUntil !== undefined) return false;
    this.downUntil = now + this.pauseMs;
    return true;
  }

  /** Whether the replicas are taken to be down at the moment. */
  get down(): boolean {
    return this.downUntil !== undefined;
  }
}
