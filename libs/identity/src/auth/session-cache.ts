import type { Principal } from '../access/principal.js';
import { laterLsn, type SessionNotice } from './session-notices.js';

/** Sessions kept by one api process at most; past it, the oldest stored is forgotten first. */
export const SESSION_CACHE_MAX_ENTRIES = 10_000;

/**
 * The share of the time to live an entry may be cut by, at random: sessions checked together (the
 * first requests after a start, or after a quiet spell) are checked again spread over the later half
 * of it, instead of all at once every few seconds.
 */
const TTL_SPREAD = 0.5;

export interface SessionCacheOptions {
  /** How long a checked session is reused at most (at least half as long); 0 turns the cache off. */
  readonly ttlMs: number;
  readonly maxEntries: number;
  /** The application clock, in milliseconds. */
  readonly now: () => number;
  /** A number in [0, 1) that cuts an entry's time to live (TTL_SPREAD); Math.random unless a test fixes it. */
  readonly random?: () => number;
}

interface Entry {
  readonly principal: Principal;
  readonly storedAt: number;
  readonly expiresAt: number;
}

/** A lookup of a session in the database, under way. */
interface Load {
  readonly generation: number;
  /** The latest write position announced for the session while the lookup ran. */
  lsn: string | null;
}

/**
 * The principals of recently checked sessions, by session id, in one process. It answers only while
 * it is open, that is while the process listens for the notices that end sessions (SessionListener):
 * closed, every request checks the database. Every notice that ends a session or changes a user
 * forgets the entries it names, and also makes any lookup under way at that moment unfit for
 * keeping (its answer may predate the change), so nothing revoked is ever stored after the notice.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private readonly loads = new Map<string, Set<Load>>();
  /** Moves on every change that may make an answer under way stale. */
  private generation = 0;
  private listening = false;

  constructor(private readonly options: SessionCacheOptions) {}

  get enabled(): boolean {
    return this.options.ttlMs > 0;
  }

  /** Whether lookups are answered and stored: the cache is on and its process is listening. */
  get open(): boolean {
    return this.listening;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached principal of the session, if it is fresh and belongs to the user. */
  get(sessionId: string, userId: string): Principal | undefined {
    if (!this.listening) return undefined;
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    const now = this.options.now();
    // A clock moved backwards makes the entry's age unknown: check again.
    if (now < entry.storedAt || now >= entry.expiresAt) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return entry.principal.id === userId ? entry.principal : undefined;
  }

  /**
   * Looks the session up with `lookup` and keeps the answer, unless a notice about sessions arrived
   * (or the listener was lost) while it ran. The answer carries the latest write position known.
   */
  async load(sessionId: string, lookup: () => Promise<Principal | undefined>): Promise<Principal | undefined> {
    if (!this.listening) return lookup();
    const load: Load = { generation: this.generation, lsn: null };
    let loads = this.loads.get(sessionId);
    if (!loads) this.loads.set(sessionId, (loads = new Set()));
    loads.add(load);
    try {
      const found = await lookup();
      if (!found) return undefined;
      const lsn = laterLsn(found.lastWriteLsn, load.lsn);
      const principal = lsn === found.lastWriteLsn ? found : { ...found, lastWriteLsn: lsn };
      if (this.listening && load.generation === this.generation && principal.sessionId === sessionId) this.store(principal);
      return principal;
    } finally {
      loads.delete(load);
      if (loads.size === 0) this.loads.delete(sessionId);
    }
  }

  /** A write position of the session, recorded here or announced by another instance: it never moves back. */
  noteWrite(sessionId: string, lsn: string): void {
    for (const load of this.loads.get(sessionId) ?? []) load.lsn = laterLsn(load.lsn, lsn);
    const entry = this.entries.get(sessionId);
    if (!entry) return;
    const later = laterLsn(entry.principal.lastWriteLsn, lsn);
    if (later !== entry.principal.lastWriteLsn)
      this.entries.set(sessionId, { ...entry, principal: { ...entry.principal, lastWriteLsn: later } });
  }

  /** Applies a notice; one that cannot be read (undefined) forgets everything. */
  apply(notice: SessionNotice | undefined): void {
    if (notice === undefined) {
      this.forgetAll();
      return;
    }
    switch (notice.kind) {
      case 'session':
        this.generation++;
        this.entries.delete(notice.sessionId.toLowerCase());
        return;
      case 'user': {
        this.generation++;
        const userId = notice.userId.toLowerCase();
        for (const [sessionId, entry] of this.entries) if (entry.principal.id === userId) this.entries.delete(sessionId);
        return;
      }
      case 'write':
        this.noteWrite(notice.sessionId, notice.lsn);
        return;
    }
  }

  /** The process listens now: start from nothing (whatever happened before is unknown). */
  opened(): void {
    this.forgetAll();
    this.listening = this.enabled;
  }

  /** The process no longer listens: stop answering until it does again. */
  closed(): void {
    this.listening = false;
    this.forgetAll();
  }

  private forgetAll(): void {
    this.generation++;
    this.entries.clear();
  }

  private store(principal: Principal): void {
    this.entries.delete(principal.sessionId);
    if (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    const storedAt = this.options.now();
    const lifetimeMs = this.options.ttlMs * (1 - TTL_SPREAD * (this.options.random ?? Math.random)());
    this.entries.set(principal.sessionId, { principal, storedAt, expiresAt: storedAt + lifetimeMs });
  }
}
