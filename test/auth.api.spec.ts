import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CONCURRENT_PASSWORD_HASHES, passwordHashingLoad } from '#identity';
import { runSeeds } from '../seeds/index.js';
import { DEMO_PASSWORD, userSeeds } from '../seeds/demo/users.js';
import { organisationSeeds } from '../seeds/demo/organisations.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('sign-in, tokens and sessions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await runSeeds(t.dataSource);
  });
  afterAll(() => t.close());

  it('every demo account signs in, and getMe shows its roles and organisation', async () => {
    for (const seed of userSeeds) {
      const token = await t.login(seed.email, DEMO_PASSWORD);
      const me = await t.http.get('/me').auth(token, { type: 'bearer' });
      expect(me.status, seed.email).toBe(200);
      expect(me.body).toMatchObject({ email: seed.email, roles: seed.roles, language: seed.language });
      const organisation = organisationSeeds.find((o) => o.key === seed.organisation);
      expect(me.body.organisation?.shortName ?? null, seed.email).toBe(organisation?.shortName ?? null);
    }
  });

  it('answers an unknown e-mail and a wrong password alike', async () => {
    const unknown = await t.http.post('/auth/login').send({ email: 'nobody@example.org', password: DEMO_PASSWORD });
    const wrong = await t.http.post('/auth/login').send({ email: 'pi.osaka@example.org', password: 'not-the-password' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    const { requestId: _a, ...unknownBody } = unknown.body;
    const { requestId: _b, ...wrongBody } = wrong.body;
    expect(unknownBody).toEqual(wrongBody);
    expect(unknownBody.code).toBe('INVALID_CREDENTIALS');
  });

  it('treats the e-mail address case-insensitively', async () => {
    expect(await t.login('PI.Osaka@Example.org', DEMO_PASSWORD)).toMatch(/^ey/);
  });

  it('refuses requests without a valid access token with 401 and WWW-Authenticate', async () => {
    for (const authorization of [undefined, 'Bearer not-a-jwt', 'Basic abc']) {
      const request = t.http.get('/me');
      const response = await (authorization ? request.set('authorization', authorization) : request);
      expect(response.status).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer');
      expect(response.body.code).toBe('UNAUTHENTICATED');
    }
  });

  it('rotates refresh tokens; a spent one used again revokes the whole family', async () => {
    const login = await t.http.post('/auth/login').send({ email: 'pi.utokyo@example.org', password: DEMO_PASSWORD });
    const first = login.body.refreshToken as string;
    const second = await t.http.post('/auth/refresh').send({ refreshToken: first });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first);
    expect((await t.http.get('/me').auth(second.body.accessToken, { type: 'bearer' })).status).toBe(200);

    const reused = await t.http.post('/auth/refresh').send({ refreshToken: first });
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe('INVALID_REFRESH_TOKEN');
    // The newer token of the same family, and its access token, stop working too.
    expect((await t.http.post('/auth/refresh').send({ refreshToken: second.body.refreshToken })).status).toBe(401);
    expect((await t.http.get('/me').auth(second.body.accessToken, { type: 'bearer' })).status).toBe(401);
    // Another sign-in of the same user is a different family and unaffected.
    expect((await t.http.get('/me').auth(await t.login('pi.utokyo@example.org', DEMO_PASSWORD), { type: 'bearer' })).status).toBe(200);
  });

  it('logout ends the session: its access and refresh tokens stop working', async () => {
    const login = await t.http.post('/auth/login').send({ email: 'pi.mit@example.org', password: DEMO_PASSWORD });
    const bearer = { type: 'bearer' } as const;
    expect((await t.http.post('/auth/logout').auth(login.body.accessToken, bearer)).status).toBe(204);
    expect((await t.http.get('/me').auth(login.body.accessToken, bearer)).status).toBe(401);
    expect((await t.http.post('/auth/refresh').send({ refreshToken: login.body.refreshToken })).status).toBe(401);
  });

  it('access tokens expire after 15 minutes; refresh tokens after 30 days', async () => {
    t.clock.set('2026-06-01T00:00:00Z');
    const login = await t.http.post('/auth/login').send({ email: 'pi.osaka@example.org', password: DEMO_PASSWORD });
    expect(login.body.expiresIn).toBe(900);
    t.clock.advance(15 * 60 * 1000 - 1000);
    expect((await t.http.get('/me').auth(login.body.accessToken, { type: 'bearer' })).status).toBe(200);
    t.clock.advance(1000);
    expect((await t.http.get('/me').auth(login.body.accessToken, { type: 'bearer' })).status).toBe(401);
    t.clock.advance(30 * 24 * 60 * 60 * 1000);
    expect((await t.http.post('/auth/refresh').send({ refreshToken: login.body.refreshToken })).status).toBe(401);
  });

  it('a disabled user cannot sign in, and their sessions end at once', async () => {
    const user = await t.given.user();
    const token = await t.login(user.email);
    const admin = await t.login('admin@example.org', DEMO_PASSWORD);
    const read = await t.http.get(`/users/${user.id}`).auth(admin, { type: 'bearer' });
    const disabled = await t.http
      .patch(`/users/${user.id}`)
      .auth(admin, { type: 'bearer' })
      .set('if-match', read.headers['etag'] as string)
      .send({ disabled: true });
    expect(disabled.status, disabled.text).toBe(200);
    expect((await t.http.get('/me').auth(token, { type: 'bearer' })).status).toBe(401);
    expect((await t.http.post('/auth/login').send({ email: user.email, password: user.password })).status).toBe(401);
  });

  it('stores passwords as argon2id with m=19456 KiB, t=2, p=1', async () => {
    const rows = await t.dataSource.query<{ password_hash: string }[]>(`SELECT password_hash FROM users`);
    expect(rows.length).toBeGreaterThanOrEqual(userSeeds.length);
    for (const { password_hash } of rows) {
      const [, algorithm, version, params] = password_hash.split('$');
      expect(algorithm).toBe('argon2id');
      expect(version).toBe('v=19');
      expect(Object.fromEntries((params ?? '').split(',').map((p) => p.split('=')))).toEqual({ m: '19456', t: '2', p: '1' });
    }
  });
});

describe('failed-login limit', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-07-01T09:00:00Z' });
  });
  afterAll(() => t.close());

  it('refuses the 101st failed login within an hour with 429, even with the right password; other accounts are unaffected', async () => {
    const target = await t.given.user();
    const bystander = await t.given.user();
    for (let attempt = 1; attempt <= 100; attempt++) {
      const response = await t.http.post('/auth/login').send({ email: target.email, password: `guess-${attempt}` });
      expect(response.status, `attempt ${attempt}`).toBe(401);
      t.clock.advance(1000);
    }
    const refused = await t.http.post('/auth/login').send({ email: target.email, password: target.password });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('TOO_MANY_FAILED_LOGINS');
    // The oldest failure leaves the hour 3600 s after it happened; 100 s have passed since.
    expect(Number(refused.headers['retry-after'])).toBe(3600 - 100);
    expect(await t.login(bystander.email, bystander.password)).toMatch(/^ey/);

    t.clock.advance(3600 * 1000);
    expect(await t.login(target.email, target.password)).toMatch(/^ey/);
  });
});

describe('a crowd signing in at once', () => {
  let t: TestApp;

  beforeAll(async () => {
    // Fewer connections than people signing in: those waiting for a hashing turn must not hold one.
    t = await startTestApp({ env: { DATABASE_POOL_SIZE: '2' } });
  });
  afterAll(() => t.close());

  it(`hashes at most ${MAX_CONCURRENT_PASSWORD_HASHES} passwords at once; the others wait their turn and all get their answer`, async () => {
    const people = await Promise.all(Array.from({ length: 12 }, () => t.given.user()));
    const reader = await t.login(people[0]!.email, people[0]!.password);
    const attempts = [
      ...people.map((p) => ({ email: p.email, password: p.password, status: 200 })),
      ...people.slice(0, 3).map((p) => ({ email: p.email, password: 'not-the-password', status: 401 })),
      ...['nobody-1@example.test', 'nobody-2@example.test'].map((email) => ({ email, password: 'not-the-password', status: 401 })),
    ];
    let mostRunning = 0;
    let mostWaiting = 0;
    const sampler = setInterval(() => {
      const { running, waiting } = passwordHashingLoad();
      mostRunning = Math.max(mostRunning, running);
      mostWaiting = Math.max(mostWaiting, waiting);
    }, 1);
    try {
      const [answers, me] = await Promise.all([
        Promise.all(attempts.map(({ email, password }) => t.http.post('/auth/login').send({ email, password }))),
        // Someone already signed in is answered meanwhile: the crowd does not take every connection.
        t.http.get('/me').auth(reader, { type: 'bearer' }),
      ]);
      expect(answers.map((a) => a.status)).toEqual(attempts.map((a) => a.status));
      expect(answers.filter((a) => a.status === 200).every((a) => typeof a.body.accessToken === 'string')).toBe(true);
      expect(me.status).toBe(200);
    } finally {
      clearInterval(sampler);
    }
    expect(mostRunning).toBe(MAX_CONCURRENT_PASSWORD_HASHES);
    expect(mostWaiting).toBeGreaterThan(0);
    expect(passwordHashingLoad()).toEqual({ running: 0, waiting: 0 });
  });
});
