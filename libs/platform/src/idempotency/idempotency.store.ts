import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../clock/clock.js';
import { returningRows } from '../database/sql.js';
import { JobQueue } from '../jobs/job-queue.js';

export type Claim =
  | { readonly kind: 'claimed' }
  | { readonly kind: 'mismatch' }
  | { readonly kind: 'in_flight' }
  | { readonly kind: 'done'; readonly status: number; readonly body: unknown };

/** A request in flight longer than this is taken to be abandoned (its process died); a retry may take it over. */
export const ABANDONED_AFTER_MS = 5 * 60 * 1000;
export const KEPT_FOR_MS = 24 * 60 * 60 * 1000;

@Injectable()
export class IdempotencyStore implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {}

  /** Keys are kept for a day: long enough for any client's retries, short enough to stay small. */
  onModuleInit(): void {
    this.jobs.define({ name: 'platform.idempotency-cleanup', cron: '23 * * * *', retryLimit: 0 }, () =>
      this.forgetBefore(new Date(this.clock.now().getTime() - KEPT_FOR_MS)).then(() => undefined),
    );
  }

  /** Deletes the keys claimed before `instant`; answers how many. */
  async forgetBefore(instant: Date): Promise<number> {
    const [row] = await this.db.query<{ count: number }[]>(
      `WITH gone AS (DELETE FROM idempotency_keys WHERE created_at < $1 RETURNING 1) SELECT count(*)::int AS count FROM gone`,
      [instant],
    );
    return row?.count ?? 0;
  }

  /** Claims the key for this request, or says why not: another request, one still running, or one already answered. */
  async claim(scope: string, key: string, requestHash: Buffer, now: Date): Promise<Claim> {
    const inserted = await this.db.query<unknown[]>(
      `INSERT INTO idempotency_keys (scope, key, request_hash, state, created_at) VALUES ($1, $2, $3, 'in_flight', $4)
       ON CONFLICT (scope, key) DO NOTHING RETURNING 1`,
      [scope, key, requestHash, now],
    );
    if (inserted.length === 1) return { kind: 'claimed' };
    const taken = await returningRows<unknown>(
      this.db.manager,
      `UPDATE idempotency_keys SET created_at = $4 WHERE scope = $1 AND key = $2 AND request_hash = $3 AND state = 'in_flight' AND created_at < $5
       RETURNING 1`,
      [scope, key, requestHash, now, new Date(now.getTime() - ABANDONED_AFTER_MS)],
    );
    if (taken.length === 1) return { kind: 'claimed' };
    const rows = await this.db.query<
      { request_hash: Buffer; state: string; response_status: number | null; response_body: string | null }[]
    >(`SELECT request_hash, state, response_status, response_body FROM idempotency_keys WHERE scope = $1 AND key = $2`, [scope, key]);
    const row = rows[0];
    if (!row) return this.claim(scope, key, requestHash, now);
    if (!row.request_hash.equals(requestHash)) return { kind: 'mismatch' };
    if (row.state === 'in_flight') return { kind: 'in_flight' };
    return {
      kind: 'done',
      status: row.response_status ?? 200,
      body: row.response_body === null ? null : (JSON.parse(row.response_body) as unknown),
    };
  }

  async complete(scope: string, key: string, status: number, body: unknown, now: Date): Promise<void> {
    await this.db.query(
      `UPDATE idempotency_keys SET state = 'done', response_status = $3, response_body = $4, completed_at = $5 WHERE scope = $1 AND key = $2`,
      [scope, key, status, JSON.stringify(body ?? null), now],
    );
  }

  /** Forgets a claim whose request failed unexpectedly, so that a retry runs again. */
  async release(scope: string, key: string): Promise<void> {
    await this.db.query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND state = 'in_flight'`, [scope, key]);
  }
}
