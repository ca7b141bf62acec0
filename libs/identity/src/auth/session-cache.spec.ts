import { describe, expect, it } from 'vitest';
import type { Principal } from '../access/principal.js';
import { SessionCache } from './session-cache.js';

const U1 = '00000000-0000-4000-8000-000000000001';
const U2 = '00000000-0000-4000-8000-000000000002';
const S = (n: number) => `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function principal(sessionId: string, userId = U1, lastWriteLsn: string | null = null): Principal {
  return { id: userId, email: 'a@example.org', roles: new Set(['researcher']), organisationId: null, sessionId, lastWriteLsn };
}

function setup(options: { ttlMs?: number; maxEntries?: number; random?: () => number } = {}) {
  let now = 1_000_000;
  const cache = new SessionCache({
    ttlMs: options.ttlMs ?? 5000,
    maxEntries: options.maxEntries ?? 100,
    now: () => now,
    random: options.random ?? (() => 0),
  });
  cache.opened();
  let lookups = 0;
  const lookup = (p: Principal | undefined) => () => {
    lookups++;
    return Promise.resolve(p);
  };
  return {
    cache,
    lookup,
    lookups: () => lookups,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** A lookup that answers when told, so notices can arrive while it runs. */
function pending(p: Principal | undefined) {
  let answer!: (value: Principal | undefined) => void;
  const promise = new Promise<Principal | undefined>((resolve) => (answer = resolve));
  return { lookup: () => promise, answer: () => answer(p) };
}

describe('SessionCache', () => {
  it('keeps a checked session for its time on the given clock, for its own user only', async () => {
    const { cache, lookup, advance } = setup();
    await cache.load(S(1), lookup(principal(S(1))));
    expect(cache.get(S(1), U1)?.sessionId).toBe(S(1));
    expect(cache.get(S(1), U2)).toBeUndefined();
    advance(4999);
    expect(cache.get(S(1), U1)).toBeDefined();
    advance(1);
    expect(cache.get(S(1), U1)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("cuts each entry's time by up to half, at random, so sessions checked together are not checked again together", async () => {
    const draws = [0.999, 0.5];
    const { cache, lookup, advance } = setup({ random: () => draws.shift()! });
    await cache.load(S(1), lookup(principal(S(1))));
    await cache.load(S(2), lookup(principal(S(2))));
    advance(2502);
    expect(cache.get(S(1), U1)).toBeDefined();
    advance(1);
    expect(cache.get(S(1), U1)).toBeUndefined();
    advance(1246);
    expect(cache.get(S(2), U1)).toBeDefined();
    advance(1);
    expect(cache.get(S(2), U1)).toBeUndefined();
  });

  it('checks again when the clock moves backwards', async () => {
    const { cache, lookup, advance } = setup();
    await cache.load(S(1), lookup(principal(S(1))));
    advance(-1);
    expect(cache.get(S(1), U1)).toBeUndefined();
  });

  it('does not keep a session the database did not find', async () => {
    const { cache, lookup } = setup();
    expect(await cache.load(S(1), lookup(undefined))).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('forgets the oldest stored session past its size', async () => {
    const { cache, lookup } = setup({ maxEntries: 3 });
    for (const n of [1, 2, 3]) await cache.load(S(n), lookup(principal(S(n))));
    await cache.load(S(1), lookup(principal(S(1))));
    await cache.load(S(4), lookup(principal(S(4))));
    expect(cache.size).toBe(3);
    expect(cache.get(S(2), U1)).toBeUndefined();
    for (const n of [1, 3, 4]) expect(cache.get(S(n), U1), `session ${n}`).toBeDefined();
  });

  it('forgets a session, or every session of a user, when told', async () => {
    const { cache, lookup } = setup();
    await cache.load(S(1), lookup(principal(S(1), U1)));
    await cache.load(S(2), lookup(principal(S(2), U1)));
    await cache.load(S(3), lookup(principal(S(3), U2)));
    cache.apply({ kind: 'session', sessionId: S(1) });
    expect([cache.get(S(1), U1), cache.get(S(2), U1), cache.get(S(3), U2)].map(Boolean)).toEqual([false, true, true]);
    cache.apply({ kind: 'user', userId: U1.toUpperCase() });
    expect([cache.get(S(2), U1), cache.get(S(3), U2)].map(Boolean)).toEqual([false, true]);
    cache.apply(undefined);
    expect(cache.size).toBe(0);
  });

  it('does not store what a lookup found when a session or user notice came while it ran', async () => {
    const { cache } = setup();
    for (const notice of [
      { kind: 'session', sessionId: S(1) },
      { kind: 'user', userId: U1 },
    ] as const) {
      const slow = pending(principal(S(1)));
      const loading = cache.load(S(1), slow.lookup);
      cache.apply(notice);
      slow.answer();
      // This request still gets its answer (it began before the change), but the next one checks again.
      expect(await loading).toBeDefined();
      expect(cache.get(S(1), U1), notice.kind).toBeUndefined();
    }
  });

  it('answers nothing while closed, and starts empty when opened again', async () => {
    const { cache, lookup, lookups } = setup();
    await cache.load(S(1), lookup(principal(S(1))));
    cache.closed();
    expect(cache.get(S(1), U1)).toBeUndefined();
    await cache.load(S(1), lookup(principal(S(1))));
    await cache.load(S(1), lookup(principal(S(1))));
    expect(cache.size).toBe(0);
    expect(lookups()).toBe(3);
    const slow = pending(principal(S(2)));
    cache.opened();
    const loading = cache.load(S(2), slow.lookup);
    cache.closed();
    cache.opened();
    slow.answer();
    await loading;
    expect(cache.get(S(2), U1)).toBeUndefined();
  });

  it('stays off with no time to keep sessions', async () => {
    const { cache, lookup } = setup({ ttlMs: 0 });
    expect(cache.enabled).toBe(false);
    expect(cache.open).toBe(false);
    await cache.load(S(1), lookup(principal(S(1))));
    expect(cache.get(S(1), U1)).toBeUndefined();
  });

  it('takes on later write positions, never earlier ones, also while a lookup runs', async () => {
    const { cache, lookup } = setup();
    await cache.load(S(1), lookup(principal(S(1), U1, '0/100')));
    cache.apply({ kind: 'write', sessionId: S(1), lsn: '0/200' });
    expect(cache.get(S(1), U1)?.lastWriteLsn).toBe('0/200');
    cache.noteWrite(S(1), '0/150');
    expect(cache.get(S(1), U1)?.lastWriteLsn).toBe('0/200');
    cache.apply({ kind: 'write', sessionId: S(2), lsn: '0/300' });
    expect(cache.get(S(2), U1)).toBeUndefined();

    const slow = pending(principal(S(3), U1, '0/100'));
    const loading = cache.load(S(3), slow.lookup);
    cache.apply({ kind: 'write', sessionId: S(3), lsn: '1/0' });
    slow.answer();
    expect((await loading)?.lastWriteLsn).toBe('1/0');
    expect(cache.get(S(3), U1)?.lastWriteLsn).toBe('1/0');
  });
});
