import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dedicatedConnectionConfig, PROCESS_NAME, type ProcessName } from '#platform';
import { SessionCache } from './session-cache.js';
import { parseSessionNotice, SESSION_CHANNEL } from './session-notices.js';

/** First wait before listening again after the connection was lost; it doubles up to RECONNECT_MAX_MS. */
export const RECONNECT_FIRST_MS = 250;
export const RECONNECT_MAX_MS = 30_000;

/** The wait before the given reconnection attempt (1, 2, ...): doubling, capped, with up to a fifth of jitter. */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** Math.max(0, Math.min(attempt - 1, 20)));
  return Math.round(base * (1 - 0.2 * random()));
}

/**
 * One connection per api process, outside the pool, that LISTENs on the sessions channel and hands
 * each notice to the SessionCache. The cache answers only while this connection listens: when it
 * is lost (database restart, a terminated backend, a network error) the cache closes at once,
 * every request checks the database, and the listener connects again with a growing pause; once
 * listening again, the cache starts empty. Workers and the cli do not authenticate requests and do
 * not listen, nor does an api whose cache is off (SESSION_CACHE_SECONDS=0).
 */
@Injectable()
export class SessionListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('auth');
  private client: pg.Client | undefined;
  private attempts = 0;
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly cache: SessionCache,
    private readonly dataSource: DataSource,
    @Inject(PROCESS_NAME) private readonly processName: ProcessName,
  ) {}

  /** Whether the connection listens now. */
  get listening(): boolean {
    return this.cache.open;
  }

  /** The server process of the listening connection (pg_stat_activity.pid), when listening. */
  get backendPid(): number | undefined {
    return this.listening ? (this.client as unknown as { processID?: number } | undefined)?.processID : undefined;
  }

  /** Starts listening before the api serves; a failure leaves the cache closed and retries in the background. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.processName !== 'api' || !this.cache.enabled) return;
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    this.cache.closed();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    this.retry = undefined;
    const client = new pg.Client(dedicatedConnectionConfig(this.dataSource, `jointcall-${this.processName}-sessions`));
    this.client = client;
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    client.on('notification', (message) => {
      if (client !== this.client || message.channel !== SESSION_CHANNEL) return;
      const notice = parseSessionNotice(message.payload);
      if (notice === undefined) this.logger.warn({ payload: message.payload }, 'unknown session notice; the session cache starts over');
      this.cache.apply(notice);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${SESSION_CHANNEL}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (client !== this.client || this.stopped) return;
    if (this.attempts > 0) this.logger.log('listening for session changes again; sessions are cached again');
    this.attempts = 0;
    this.cache.opened();
  }

  private lost(client: pg.Client, error?: unknown): void {
    if (client !== this.client) return;
    this.client = undefined;
    this.cache.closed();
    client.end().catch(() => undefined);
    if (this.stopped) return;
    this.attempts++;
    const delay = reconnectDelayMs(this.attempts);
    if (this.attempts === 1 || this.attempts % 10 === 0) {
      this.logger.warn(
        { err: error, attempt: this.attempts },
        `lost the session-change listener; every request checks its session in the database until it listens again (next try in ${delay} ms)`,
      );
    }
    this.retry = setTimeout(() => void this.connect(), delay);
    this.retry.unref();
  }
}
