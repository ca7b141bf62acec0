import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { DataSource } from 'typeorm';
import { Clock } from '../clock/clock.js';

/** What @nestjs/throttler expects back from a storage: times in whole seconds. */
export interface RateLimitRecord {
  readonly totalHits: number;
  readonly timeToExpire: number;
  readonly isBlocked: boolean;
  readonly timeToBlockExpire: number;
}

/**
 * The throttler's storage in PostgreSQL: one atomic upsert per request, so that concurrent
 * requests on several api instances count against one limit. Time comes from the application
 * clock. Fixed windows: the first request opens a window of `ttl`; the request that exceeds `limit`
 * blocks the caller for `blockDuration`; the first request after a window or a block ends opens a
 * new window.
 */
@Injectable()
export class RateLimitStore implements ThrottlerStorage {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Counts one request under `key`; `ttl` and `blockDuration` are in milliseconds. */
  async increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<RateLimitRecord> {
    const now = this.clock.now();
    const rows = await this.db.query<{ hits: number; window_ends_at: Date; blocked_until: Date | null }[]>(
      `INSERT INTO rate_limits AS r (key, hits, window_ends_at, blocked_until)
       VALUES ($1, 1, $2::timestamptz + $3::double precision * interval '1 millisecond',
               CASE WHEN 1 > $4::int THEN $2::timestamptz + $5::double precision * interval '1 millisecond' END)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN r.blocked_until > $2 THEN r.hits
                     WHEN r.window_ends_at <= $2 OR r.blocked_until IS NOT NULL THEN 1
                     ELSE r.hits + 1 END,
         window_ends_at = CASE WHEN r.blocked_until > $2 THEN r.window_ends_at
                               WHEN r.window_ends_at <= $2 OR r.blocked_until IS NOT NULL THEN excluded.window_ends_at
                               ELSE r.window_ends_at END,
         blocked_until = CASE WHEN r.blocked_until > $2 THEN r.blocked_until
                              WHEN r.window_ends_at <= $2 OR r.blocked_until IS NOT NULL THEN excluded.blocked_until
                              WHEN r.hits + 1 > $4 THEN $2::timestamptz + $5::double precision * interval '1 millisecond'
                              ELSE NULL END
       RETURNING hits, window_ends_at, blocked_until`,
      [key, now, ttl, limit, blockDuration],
    );
    const row = rows[0]!;
    const secondsUntil = (instant: Date): number => Math.max(0, Math.ceil((instant.getTime() - now.getTime()) / 1000));
    const isBlocked = row.blocked_until !== null && row.blocked_until.getTime() > now.getTime();
    return {
      totalHits: row.hits,
      timeToExpire: secondsUntil(row.window_ends_at),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.max(1, secondsUntil(row.blocked_until!)) : 0,
    };
  }
}
