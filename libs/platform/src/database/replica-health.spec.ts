import { QueryFailedError } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { ReplicaBackoff, replicaFailure } from './replica-health.js';

const pgError = (code: string, message = 'failed') => Object.assign(new Error(message), { code, severity: 'ERROR' });

describe('replicaFailure', () => {
  it('counts lost and refused connections and servers that cannot serve as unreachable', () => {
    expect(replicaFailure(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), { code: 'ECONNREFUSED' }))).toBe('unreachable');
    expect(replicaFailure(new Error('Connection terminated unexpectedly'))).toBe('unreachable');
    expect(replicaFailure(new Error('timeout exceeded when trying to connect'))).toBe('unreachable');
    expect(replicaFailure(pgError('57P01', 'terminating connection due to administrator command'))).toBe('unreachable');
    expect(replicaFailure(pgError('57P03', 'the database system is starting up'))).toBe('unreachable');
    expect(replicaFailure(pgError('08006'))).toBe('unreachable');
    expect(replicaFailure(new QueryFailedError('SELECT 1', [], pgError('53300', 'too many clients')))).toBe('unreachable');
  });

  it('counts a query cancelled by the replay of the WAL as a conflict of that read alone', () => {
    expect(
      replicaFailure(new QueryFailedError('SELECT 1', [], pgError('40001', 'canceling statement due to conflict with recovery'))),
    ).toBe('conflict');
    expect(replicaFailure(pgError('40P01'))).toBe('conflict');
  });

  it('leaves the errors the primary would raise too to the caller', () => {
    expect(replicaFailure(pgError('42P01', 'relation "nope" does not exist'))).toBeUndefined();
    expect(replicaFailure(pgError('25006', 'cannot execute UPDATE in a read-only transaction'))).toBeUndefined();
    expect(replicaFailure(new TypeError('x is undefined'))).toBeUndefined();
    expect(replicaFailure(undefined)).toBeUndefined();
  });
});

describe('ReplicaBackoff', () => {
  it('reads from the replicas until one fails, then leaves them alone for the pause', () => {
    const backoff = new ReplicaBackoff(5000);
    expect(backoff.attempt(0)).toBe('read');
    expect(backoff.unreachable('read', 100)).toBe(true);
    expect(backoff.down).toBe(true);
    expect(backoff.attempt(200)).toBeUndefined();
    expect(backoff.attempt(5099)).toBeUndefined();
  });

  it('reports an outage once, however many reads in flight fail or succeed afterwards', () => {
    const backoff = new ReplicaBackoff(5000);
    expect(backoff.unreachable('read', 100)).toBe(true);
    expect(backoff.unreachable('read', 150)).toBe(false);
    // A read that began before the outage and answered late does not end it.
    expect(backoff.answered('read')).toBe(false);
    expect(backoff.down).toBe(true);
    expect(backoff.attempt(1000)).toBeUndefined();
  });

  it('lets a single read probe after the pause; its outcome ends the outage or starts another pause', () => {
    const backoff = new ReplicaBackoff(5000);
    backoff.unreachable('read', 0);
    expect(backoff.attempt(5000)).toBe('probe');
    expect(backoff.attempt(5001)).toBeUndefined();
    expect(backoff.unreachable('probe', 5100)).toBe(false);
    expect(backoff.attempt(10_000)).toBeUndefined();
    expect(backoff.attempt(10_100)).toBe('probe');
    expect(backoff.answered('probe')).toBe(true);
    expect(backoff.down).toBe(false);
    expect(backoff.attempt(10_101)).toBe('read');
    expect(backoff.unreachable('read', 10_200)).toBe(true);
  });
});
