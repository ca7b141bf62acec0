import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type AccessTokenClaims, AuthService, type Principal, SessionCache, SessionListener } from '#identity';
import { startTestApp, type TestApp } from './support/test-app.js';

const NOW = '2026-12-06T03:00:00Z';
const bearer = { type: 'bearer' } as const;

/** The statement that checks sessions in PostgreSQL (AuthRepository.findPrincipals, a prepared statement: sent as { name, text }). */
const SESSION_LOOKUP = /WHERE s\.id = ANY\(\$1::uuid\[\]\) AND s\.revoked_at IS NULL/;

/** How many session lookups `work` sent to PostgreSQL, from every connection of this process. */
async function sessionLookups(work: () => Promise<unknown>): Promise<number> {
  const spy = vi.spyOn(pg.Client.prototype, 'query');
  try {
    await work();
    const text = (query: unknown) => (typeof query === 'string' ? query : (query as { text?: unknown } | undefined)?.text);
    return spy.mock.calls.filter(([query]) => {
      const sql = text(query);
      return typeof sql === 'string' && SESSION_LOOKUP.test(sql);
    }).length;
  } finally {
    spy.mockRestore();
  }
}

/**
 * The status an instance answers `path` with, asked again until it is `expected` or a second has
 * passed. The application clock stands still meanwhile, so no cached session can expire: a change
 * seen here was pushed to the instance. Delivery is asynchronous (PostgreSQL sends the notice to
 * each listening connection after the commit), so the first answer may, on a loaded machine, still
 * come from before it; the tries are counted.
 */
async function statusSettles(t: TestApp, token: string, expected: number, path = '/me'): Promise<{ status: number; tries: number }> {
  const until = Date.now() + 1000;
  for (let tries = 1; ; tries++) {
    const { status } = await t.http.get(path).auth(token, bearer);
    if (status === expected || Date.now() > until) return { status, tries };
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!condition() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 20));
  return condition();
}

describe('sessions cached for a few seconds, revoked on every instance at once', () => {
  let a: TestApp;
  let b: TestApp;
  let admin: string;
  const tries: string[] = [];

  beforeAll(async () => {
    a = await startTestApp({ now: NOW });
    b = await startTestApp({ besides: a });
    const user = await a.given.user({ roles: ['admin'] });
    admin = await a.login(user.email);
  });
  afterEach(() => {
    expect(b.app.get(SessionListener).listening).toBe(true);
  });
  afterAll(async () => {
    console.info(`requests on B until the change showed: ${tries.join(', ')}`);
    await b?.close();
    await a?.close();
  });

  /** Changes a user through the admin route on A. */
  async function updateUser(id: string, body: object) {
    const read = await a.http.get(`/users/${id}`).auth(admin, bearer);
    const updated = await a.http
      .patch(`/users/${id}`)
      .auth(admin, bearer)
      .set('if-match', read.headers['etag'] as string)
      .send(body);
    expect(updated.status, updated.text).toBe(200);
  }

  it('B checks a session once, then answers from its cache', async () => {
    const user = await a.given.user();
    const token = await a.login(user.email);
    expect(await sessionLookups(async () => expect((await b.http.get('/me').auth(token, bearer)).status).toBe(200))).toBe(1);
    expect(await sessionLookups(async () => expect((await b.http.get('/me').auth(token, bearer)).status).toBe(200))).toBe(0);
    expect(b.app.get(SessionCache).size).toBeGreaterThan(0);
  });

  it('B checks the sessions of requests that come together in one statement, each with its own answer', async () => {
    const users = await Promise.all([a.given.user(), a.given.user(), a.given.user()]);
    const tokens = await Promise.all(users.map((user) => a.login(user.email)));
    const claims = tokens.map((token) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as AccessTokenClaims);
    // The second user's session under the first user's id: not theirs, so no one.
    const mismatched = { ...claims[0]!, sid: claims[1]!.sid };
    const auth = b.app.get(AuthService);
    let principals: (Principal | undefined)[] = [];
    const lookups = await sessionLookups(async () => {
      principals = await Promise.all([...claims, mismatched].map((c) => auth.principalFor(c)));
    });
    expect(lookups).toBe(1);
    expect(principals.map((p) => p?.id)).toEqual([...users.map((user) => user.id), undefined]);
  });

  it('a logout on A ends the session on B at once, without waiting for the cache', async () => {
    const user = await a.given.user();
    const login = await a.http.post('/auth/login').send({ email: user.email, password: user.password });
    const token = login.body.accessToken as string;
    await b.http.get('/me').auth(token, bearer);
    expect(await sessionLookups(async () => expect((await b.http.get('/me').auth(token, bearer)).status).toBe(200))).toBe(0);

    expect((await a.http.post('/auth/logout').auth(token, bearer)).status).toBe(204);
    const settled = await statusSettles(b, token, 401);
    tries.push(`logout ${settled.tries}`);
    expect(settled.status).toBe(401);
    // And on A, which ended it, the very next request.
    expect((await a.http.get('/me').auth(token, bearer)).status).toBe(401);
    expect((await b.http.post('/auth/refresh').send({ refreshToken: login.body.refreshToken })).status).toBe(401);
  });

  it('disabling a user on A ends their sessions on B at once', async () => {
    const user = await a.given.user();
    const token = await a.login(user.email);
    expect((await b.http.get('/me').auth(token, bearer)).status).toBe(200);
    await updateUser(user.id, { disabled: true });
    const settled = await statusSettles(b, token, 401);
    tries.push(`disable ${settled.tries}`);
    expect(settled.status).toBe(401);
    expect((await a.http.get('/me').auth(token, bearer)).status).toBe(401);
  });

  it('a role taken away on A stops opening its routes on B at once', async () => {
    const user = await a.given.user({ roles: ['admin', 'researcher'] });
    const token = await a.login(user.email);
    expect((await b.http.get('/users').auth(token, bearer)).status).toBe(200);
    expect(await sessionLookups(async () => expect((await b.http.get('/users').auth(token, bearer)).status).toBe(200))).toBe(0);
    await updateUser(user.id, { roles: ['researcher'] });
    const settled = await statusSettles(b, token, 403, '/users');
    tries.push(`role ${settled.tries}`);
    expect(settled.status).toBe(403);
    // The session itself goes on, with the roles it has now.
    expect((await b.http.get('/me').auth(token, bearer)).body.roles).toEqual(['researcher']);
    expect((await a.http.get('/users').auth(token, bearer)).status).toBe(403);
  });

  it('a refresh token used twice on A revokes its family, and B refuses the family’s access token at once', async () => {
    const user = await a.given.user();
    const login = await a.http.post('/auth/login').send({ email: user.email, password: user.password });
    const rotated = await a.http.post('/auth/refresh').send({ refreshToken: login.body.refreshToken });
    expect(rotated.status).toBe(200);
    const token = rotated.body.accessToken as string;
    expect((await b.http.get('/me').auth(token, bearer)).status).toBe(200);
    expect(await sessionLookups(async () => expect((await b.http.get('/me').auth(token, bearer)).status).toBe(200))).toBe(0);

    expect((await a.http.post('/auth/refresh').send({ refreshToken: login.body.refreshToken })).status).toBe(401);
    const settled = await statusSettles(b, token, 401);
    tries.push(`refresh reuse ${settled.tries}`);
    expect(settled.status).toBe(401);
  });

  it('a change that does not notify (SQL by hand) shows once the cached session expires on the application clock', async () => {
    const user = await a.given.user();
    const token = await a.login(user.email);
    expect((await b.http.get('/me').auth(token, bearer)).status).toBe(200);
    await a.dataSource.query(`UPDATE auth_sessions SET revoked_at = now() WHERE user_id = $1`, [user.id]);
    // Cached on B, which was not told: still accepted for at least half the few seconds (an
    // entry's time is cut by up to half, at random)...
    expect((await b.http.get('/me').auth(token, bearer)).status).toBe(200);
    a.clock.advance(2499);
    expect((await b.http.get('/me').auth(token, bearer)).status).toBe(200);
    // ... and checked again once all of them have passed on the application clock.
    a.clock.advance(2501);
    expect((await b.http.get('/me').auth(token, bearer)).status).toBe(401);
  });

  it('takes on a write position another instance announces', async () => {
    const user = await a.given.user();
    const token = await a.login(user.email);
    expect((await b.http.get('/me').auth(token, bearer)).status).toBe(200);
    const [session] = await a.dataSource.query<{ id: string }[]>(`SELECT id FROM auth_sessions WHERE user_id = $1`, [user.id]);
    const sessionId = session!.id;
    const cache = b.app.get(SessionCache);
    expect(cache.get(sessionId, user.id)?.lastWriteLsn).toBeNull();
    await a.dataSource.query(`SELECT pg_notify('jointcall_sessions', $1)`, [`write:${sessionId}:1F/A0`]);
    expect(await until(() => cache.get(sessionId, user.id)?.lastWriteLsn === '1F/A0', 1000)).toBe(true);
    // Still cached: a write position does not evict.
    expect(await sessionLookups(async () => expect((await b.http.get('/me').auth(token, bearer)).status).toBe(200))).toBe(0);
  });

  it('while its listener is lost, B checks every request in the database; it listens again and caches again', async () => {
    const [first, second] = [await a.given.user(), await a.given.user()];
    const [revoked, token] = [await a.login(first.email), await a.login(second.email)];
    expect((await b.http.get('/me').auth(revoked, bearer)).status).toBe(200);
    // Ended by hand, without a notice: B keeps accepting its cached copy...
    await a.dataSource.query(`UPDATE auth_sessions SET revoked_at = now() WHERE user_id = $1`, [first.id]);
    expect((await b.http.get('/me').auth(revoked, bearer)).status).toBe(200);

    const listener = b.app.get(SessionListener);
    const pid = listener.backendPid;
    expect(pid).toBeDefined();
    const [termination] = await a.dataSource.query<{ terminated: boolean }[]>(`SELECT pg_terminate_backend($1) AS terminated`, [pid]);
    expect(termination?.terminated).toBe(true);
    expect(await until(() => !listener.listening, 5000)).toBe(true);
    // ... until it loses its listener: from then on, it forgets what it had and answers nothing from memory.
    expect((await b.http.get('/me').auth(revoked, bearer)).status).toBe(401);
    let unheard = 0;
    while (!listener.listening && unheard < 3) {
      expect(await sessionLookups(async () => expect((await b.http.get('/me').auth(token, bearer)).status).toBe(200))).toBe(1);
      unheard++;
    }
    expect(unheard).toBeGreaterThan(0);

    expect(await until(() => listener.listening, 10_000)).toBe(true);
    expect(listener.backendPid).not.toBe(pid);
    expect(await sessionLookups(async () => expect((await b.http.get('/me').auth(token, bearer)).status).toBe(200))).toBe(1);
    expect(await sessionLookups(async () => expect((await b.http.get('/me').auth(token, bearer)).status).toBe(200))).toBe(0);
    // Listening again, a logout on A reaches B as before.
    expect((await a.http.post('/auth/logout').auth(token, bearer)).status).toBe(204);
    expect((await statusSettles(b, token, 401)).status).toBe(401);
  });
});

describe('SESSION_CACHE_SECONDS=0', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ now: NOW, env: { SESSION_CACHE_SECONDS: '0' } });
  });
  afterAll(() => t?.close());

  it('checks the session in the database on every request, and holds no listening connection', async () => {
    const user = await t.given.user();
    const token = await t.login(user.email);
    expect(
      await sessionLookups(async () => {
        for (let i = 0; i < 3; i++) expect((await t.http.get('/me').auth(token, bearer)).status).toBe(200);
      }),
    ).toBe(3);
    expect(t.app.get(SessionListener).listening).toBe(false);
    const [activity] = await t.dataSource.query<{ listeners: number }[]>(
      `SELECT count(*)::int AS listeners FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE '%-sessions'`,
    );
    expect(activity?.listeners).toBe(0);
    await t.dataSource.query(`UPDATE auth_sessions SET revoked_at = now() WHERE user_id = $1`, [user.id]);
    expect((await t.http.get('/me').auth(token, bearer)).status).toBe(401);
  });
});
