import { Controller, Get, InternalServerErrorException, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac, createSign, generateKeyPairSync, randomBytes } from 'node:crypto';
import supertest from 'supertest';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { APP_CONFIG, type AppConfig, createRootLogger, ManualClock, Public } from '#platform';
import { createApp } from '../apps/api/src/create-app.js';
import { cloneDatabase } from './support/databases.js';
import { Given, type GivenUser } from './support/given.js';
import { startTestApp, testConfig, type TestApp } from './support/test-app.js';

const PROBLEM_JSON = /^application\/problem\+json/;
const ISSUER = 'jointcall';
const AUDIENCE = 'jointcall-api';

type Claims = Record<string, unknown>;

const base64url = (value: object | string): string =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A JWT made by hand, so that every part of it can be wrong on purpose. */
function jwt(header: Claims, claims: Claims, sign: (input: string) => Buffer | string): string {
  const input = `${base64url(header)}.${base64url(claims)}`;
  const signature = sign(input);
  return `${input}.${typeof signature === 'string' ? signature : signature.toString('base64url')}`;
}

const hmac =
  (bits: 256 | 384 | 512, secret: string) =>
  (input: string): Buffer =>
    createHmac(`sha${bits}`, secret).update(input).digest();

function decodeClaims(token: string): Claims {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Claims;
}

/** Routes that fail the way real code fails, with internals in their errors. */
@Public()
@Controller('leak')
class LeakController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get('sql')
  async sql(): Promise<unknown> {
    return this.db.query(`SELECT secret_column FROM no_such_table_for_leaks WHERE password = 'hunter2'`);
  }

  @Get('error')
  error(): never {
    throw new Error('ENOENT: no such file /srv/jointcall/libs/platform/src/secrets.json (password=hunter2)');
  }

  @Get('http-500')
  http500(): never {
    throw new InternalServerErrorException('connection to postgres://jointcall:hunter2@db.internal:5432/jointcall failed');
  }

  @Get('string')
  thrownString(): never {
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    throw 'raw string with hunter2 in it';
  }

  @Get('object')
  thrownObject(): never {
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    throw { statusCode: 500, message: 'internal detail hunter2', stack: 'at Object.<anonymous> (/srv/jointcall/dist/main.js:1:1)' };
  }
}

@Module({ controllers: [LeakController] })
class LeakModule {}

interface LoggedApp {
  readonly app: NestFastifyApplication;
  readonly http: supertest.Agent;
  readonly given: Given;
  /** Every line the api logged so far. */
  readonly lines: string[];
  close(): Promise<void>;
}

/**
 * The real application, logging everything (level trace) into `lines` instead of standard output.
 * nestjs-pino keeps one HTTP logger per process, made by the first application: start this one first.
 */
async function startLoggedApp(): Promise<LoggedApp> {
  const database = await cloneDatabase(inject('databaseServerUrl'), inject('templateDatabase'));
  const config = testConfig({ LOG_LEVEL: 'trace' });
  const lines: string[] = [];
  const logger = createRootLogger(config, 'jointcall', { write: (line: string) => void lines.push(line) });
  const app = await createApp({
    config,
    databaseUrl: database.url,
    logger,
    clock: new ManualClock('2026-04-01T00:00:00Z'),
    extraModules: [LeakModule],
  }).catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    http: supertest.agent(app.getHttpServer()),
    given: new Given(app.get(DataSource)),
    lines,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** Waits until `count` lines match: the access log is written when the response has been sent. */
async function waitForLines(lines: readonly string[], match: (line: string) => boolean, count = 1): Promise<string[]> {
  const until = Date.now() + 5000;
  for (;;) {
    const found = lines.filter(match);
    if (found.length >= count || Date.now() > until) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('errors and logs keep internals and secrets to themselves', () => {
  let t: LoggedApp;

  beforeAll(async () => {
    t = await startLoggedApp();
  });
  afterAll(() => t.close());

  it('answers unexpected failures with 500 problem+json: a request id, and no stack, SQL, file path or message', async () => {
    for (const route of ['sql', 'error', 'http-500', 'string', 'object']) {
      const requestId = `leak-${route}-${randomBytes(4).toString('hex')}`;
      const response = await t.http.get(`/leak/${route}`).set('x-request-id', requestId);
      expect(response.status, route).toBe(500);
      expect(response.headers['content-type'], route).toMatch(PROBLEM_JSON);
      expect(response.headers['x-request-id'], route).toBe(requestId);
      expect(response.body, route).toEqual({
        type: 'urn:jointcall:problem:internal-error',
        title: 'Internal Server Error',
        status: 500,
        detail: 'An unexpected error occurred. Quote the request id when you report it.',
        code: 'INTERNAL_ERROR',
        instance: `/leak/${route}`,
        requestId,
      });
      expect(response.text, route).not.toMatch(
        /hunter2|secret_column|no_such_table|SELECT|postgres:\/\/|\/srv\/|node_modules|\.ts\b|\.js\b|\bat \w|stack|QueryFailedError|TypeError|ENOENT/,
      );
      // The operator still gets the whole story, under the same request id.
      const logged = await waitForLines(t.lines, (line) => line.includes(requestId) && line.includes('"unexpected error"'));
      expect(logged, route).toHaveLength(1);
      expect(JSON.parse(logged[0]!)).toMatchObject({ level: 50, requestId });
    }
    const [sqlLine] = t.lines.filter((line) => line.includes('"unexpected error"') && line.includes('no_such_table_for_leaks'));
    expect(JSON.parse(sqlLine!).err.stack).toMatch(/QueryFailedError/);
  });

  it('logs every request but the health probes, which load balancers send every few seconds', async () => {
    const requestId = `probe-${randomBytes(4).toString('hex')}`;
    for (const path of ['/health/live', '/health/ready']) expect((await t.http.get(path).set('x-request-id', requestId)).status).toBe(200);
    const control = `control-${randomBytes(4).toString('hex')}`;
    expect((await t.http.get('/me').set('x-request-id', control)).status).toBe(401);
    expect(await waitForLines(t.lines, (line) => line.includes(control) && line.includes('"request completed"'))).toHaveLength(1);
    expect(t.lines.filter((line) => line.includes(requestId))).toEqual([]);
  });

  it('never writes a password, an access or refresh token or a calendar token to the log', async () => {
    const password = `Pw-${randomBytes(12).toString('hex')}`;
    const wrongPassword = `Wrong-${randomBytes(12).toString('hex')}`;
    const user = await t.given.user({ password });
    const start = t.lines.length;
    const completedBefore = t.lines.filter((line) => line.includes('"request completed"')).length;

    const login = await t.http.post('/auth/login').send({ email: user.email, password });
    expect(login.status).toBe(200);
    expect((await t.http.post('/auth/login').send({ email: user.email, password: wrongPassword })).status).toBe(401);
    const malformed = await t.http.post('/auth/login').send({ email: user.email, password: wrongPassword, remember: true });
    expect(malformed.status).toBe(400);

    const me = await t.http.get('/me').auth(login.body.accessToken, { type: 'bearer' });
    expect(me.status).toBe(200);
    const inQuery = await t.http
      .get('/me')
      .query({ access_token: login.body.accessToken, refresh_token: login.body.refreshToken })
      .auth(login.body.accessToken, { type: 'bearer' });
    expect(inQuery.status).toBe(200);

    const refreshed = await t.http.post('/auth/refresh').send({ refreshToken: login.body.refreshToken });
    expect(refreshed.status).toBe(200);
    const bogusRefresh = `bogus-${randomBytes(16).toString('hex')}`;
    expect((await t.http.post('/auth/refresh').send({ refreshToken: bogusRefresh })).status).toBe(401);

    const rotated = await t.http.post('/me/calendar-token').auth(refreshed.body.accessToken, { type: 'bearer' });
    expect(rotated.status).toBe(201);
    const calendarToken = rotated.body.token as string;
    const feed = await t.http.get(`/calendar/${calendarToken}.ics`);
    expect(feed.status).toBe(200);
    expect(feed.text).toContain('BEGIN:VCALENDAR');
    const unknownCalendarToken = randomBytes(24).toString('base64url');
    expect((await t.http.get(`/calendar/${unknownCalendarToken}.ics`)).status).toBe(404);
    expect((await t.http.get(`/calendar/${calendarToken}.ics`).query({ token: calendarToken })).status).toBe(200);

    // Every request above has its access-log line, with the calendar URLs masked.
    const completed = (await waitForLines(t.lines, (line) => line.includes('"request completed"'), 11 + completedBefore)).slice(
      completedBefore,
    );
    expect(completed).toHaveLength(11);
    const urls = completed.map((line) => (JSON.parse(line) as { req: { url: string } }).req.url);
    expect(urls.filter((url) => url.startsWith('/calendar/'))).toEqual([
      '/calendar/[redacted].ics',
      '/calendar/[redacted].ics',
      '/calendar/[redacted].ics?token=[redacted]',
    ]);
    // No header is logged at all, so no credential can be: the lines name the request, not its headers.
    for (const line of completed) {
      const { req, res } = JSON.parse(line) as { req: Record<string, unknown>; res: Record<string, unknown> };
      expect(Object.keys(req).sort()).toEqual(['id', 'method', 'remoteAddress', 'url']);
      expect(Object.keys(res)).toEqual(['statusCode']);
    }

    const log = t.lines.slice(start).join('');
    const secrets: Record<string, string> = {
      password,
      wrongPassword,
      accessToken: login.body.accessToken,
      accessTokenSignature: (login.body.accessToken as string).split('.')[2]!,
      refreshToken: login.body.refreshToken,
      newAccessToken: refreshed.body.accessToken,
      newRefreshToken: refreshed.body.refreshToken,
      bogusRefresh,
      calendarToken,
      unknownCalendarToken,
    };
    for (const [name, value] of Object.entries(secrets)) {
      expect(log.includes(value), `${name} appears in the log`).toBe(false);
    }
  });
});

describe('access tokens: only HS256 tokens this API signed, valid now, for a live session, are accepted', () => {
  let t: TestApp;
  let secret: string;
  let user: GivenUser;
  let other: GivenUser;
  /** sub and sid of a live session of `user`. */
  let session: { sub: string; sid: string };
  let issued: { accessToken: string; refreshToken: string };

  const nowSeconds = (): number => Math.floor(t.clock.now().getTime() / 1000);
  const claims = (overrides: Claims = {}): Claims => ({
    ...session,
    iat: nowSeconds(),
    exp: nowSeconds() + 900,
    iss: ISSUER,
    aud: AUDIENCE,
    ...overrides,
  });
  const hs256 = (body: Claims, key = secret): string => jwt({ alg: 'HS256', typ: 'JWT' }, body, hmac(256, key));

  async function expectRefused(authorization: string, why: string): Promise<void> {
    const response = await t.http.get('/me').set('authorization', authorization);
    expect(response.status, why).toBe(401);
    expect(response.headers['content-type'], why).toMatch(PROBLEM_JSON);
    expect(response.headers['www-authenticate'], why).toBe('Bearer');
    expect(response.body, why).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', requestId: response.headers['x-request-id'] });
    expect(response.body.email, why).toBeUndefined();
  }

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-04-01T09:00:00Z' });
    secret = t.app.get<AppConfig>(APP_CONFIG).secrets.jwtSecret;
    user = await t.given.user();
    other = await t.given.user();
    const login = await t.http.post('/auth/login').send({ email: user.email, password: user.password });
    expect(login.status).toBe(200);
    issued = login.body as { accessToken: string; refreshToken: string };
    const decoded = decodeClaims(issued.accessToken);
    session = { sub: decoded['sub'] as string, sid: decoded['sid'] as string };
  });
  afterAll(() => t.close());

  it('accepts the token the API issued and a well-formed token signed the same way (the control for every refusal below)', async () => {
    expect(decodeClaims(issued.accessToken)).toMatchObject({ iss: ISSUER, aud: AUDIENCE, sub: user.id });
    for (const token of [issued.accessToken, hs256(claims())]) {
      const response = await t.http.get('/me').auth(token, { type: 'bearer' });
      expect(response.status).toBe(200);
      expect(response.body.email).toBe(user.email);
    }
  });

  it('refuses alg "none", in any spelling, with or without a signature', async () => {
    for (const alg of ['none', 'None', 'NONE', 'nOnE']) {
      await expectRefused(`Bearer ${jwt({ alg, typ: 'JWT' }, claims(), () => '')}`, `alg ${alg}, no signature`);
      await expectRefused(`Bearer ${jwt({ alg, typ: 'JWT' }, claims(), hmac(256, secret))}`, `alg ${alg}, HS256 signature`);
    }
    await expectRefused(`Bearer ${jwt({ typ: 'JWT' }, claims(), hmac(256, secret))}`, 'no alg at all');
  });

  it('refuses other algorithms, even with the right key: HS384, HS512, RS256 and an RS256 header over an HMAC', async () => {
    await expectRefused(`Bearer ${jwt({ alg: 'HS384', typ: 'JWT' }, claims(), hmac(384, secret))}`, 'HS384');
    await expectRefused(`Bearer ${jwt({ alg: 'HS512', typ: 'JWT' }, claims(), hmac(512, secret))}`, 'HS512');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const rs256 = jwt({ alg: 'RS256', typ: 'JWT' }, claims(), (input) => createSign('RSA-SHA256').update(input).sign(privateKey));
    await expectRefused(`Bearer ${rs256}`, 'RS256 with a key of the caller');
    // Algorithm confusion: the shared secret used as if it were an RSA public key.
    await expectRefused(`Bearer ${jwt({ alg: 'RS256', typ: 'JWT' }, claims(), hmac(256, secret))}`, 'RS256 header, HMAC signature');
    await expectRefused(`Bearer ${jwt({ alg: 'ES256', typ: 'JWT' }, claims(), hmac(256, secret))}`, 'ES256 header');
  });

  it('refuses expired tokens and tokens without an expiry, by the application clock', async () => {
    await expectRefused(`Bearer ${hs256(claims({ iat: nowSeconds() - 901, exp: nowSeconds() - 1 }))}`, 'expired a second ago');
    await expectRefused(`Bearer ${hs256(claims({ exp: nowSeconds() }))}`, 'expires this very second');
    const { exp: _exp, ...withoutExpiry } = claims();
    await expectRefused(`Bearer ${hs256(withoutExpiry)}`, 'no exp');
    await expectRefused(`Bearer ${hs256(claims({ exp: String(nowSeconds() + 900) }))}`, 'exp as a string');
  });

  it('refuses a token that is not valid yet (nbf in the future of the application clock)', async () => {
    // The application clock is months behind the real one here: the library alone, which compares nbf with the real clock, would accept it.
    await expectRefused(`Bearer ${hs256(claims({ nbf: nowSeconds() + 600 }))}`, 'nbf in ten minutes');
    await expectRefused(`Bearer ${hs256(claims({ nbf: 'later' }))}`, 'nbf not a number');
    const valid = await t.http.get('/me').auth(hs256(claims({ nbf: nowSeconds() - 1 })), { type: 'bearer' });
    expect(valid.status).toBe(200);
  });

  it('refuses a token signed with another secret', async () => {
    await expectRefused(`Bearer ${hs256(claims(), randomBytes(48).toString('base64url'))}`, 'random secret');
    await expectRefused(`Bearer ${hs256(claims(), `${secret}x`)}`, 'secret with a character more');
    await expectRefused(`Bearer ${hs256(claims(), '')}`, 'empty secret');
  });

  it('refuses a token whose payload or header was changed after signing', async () => {
    const [header, , signature] = issued.accessToken.split('.');
    const original = decodeClaims(issued.accessToken);
    const tampered = (changes: Claims): string => `${header}.${base64url({ ...original, ...changes })}.${signature}`;
    await expectRefused(`Bearer ${tampered({ sub: other.id })}`, 'sub of another user');
    await expectRefused(`Bearer ${tampered({ exp: (original['exp'] as number) + 86_400 })}`, 'longer expiry');
    await expectRefused(`Bearer ${tampered({ roles: ['admin'] })}`, 'an added claim');
    const [, payload] = issued.accessToken.split('.');
    await expectRefused(`Bearer ${base64url({ alg: 'HS256', typ: 'JWT', kid: 'x' })}.${payload}.${signature}`, 'header changed');
    await expectRefused(`Bearer ${header}.${payload}.${signature!.slice(0, -2)}`, 'signature cut short');
    await expectRefused(`Bearer ${header}.${payload}`, 'no signature part');
  });

  it('refuses a wrong or missing issuer or audience', async () => {
    await expectRefused(`Bearer ${hs256(claims({ iss: 'someone-else' }))}`, 'wrong issuer');
    await expectRefused(`Bearer ${hs256(claims({ aud: 'another-api' }))}`, 'wrong audience');
    const { iss: _iss, ...noIssuer } = claims();
    const { aud: _aud, ...noAudience } = claims();
    await expectRefused(`Bearer ${hs256(noIssuer)}`, 'no issuer');
    await expectRefused(`Bearer ${hs256(noAudience)}`, 'no audience');
  });

  it('refuses a validly signed token whose claims name no live session of their user, or have the wrong shape', async () => {
    await expectRefused(`Bearer ${hs256(claims({ sub: other.id }))}`, 'session of another user');
    await expectRefused(`Bearer ${hs256(claims({ sid: '00000000-0000-4000-8000-000000000000' }))}`, 'unknown session');
    await expectRefused(`Bearer ${hs256(claims({ sub: "' OR '1'='1" }))}`, 'sub not a uuid');
    await expectRefused(`Bearer ${hs256(claims({ sub: 42 }))}`, 'sub a number');
    const { sid: _sid, ...noSession } = claims();
    await expectRefused(`Bearer ${hs256(noSession)}`, 'no sid');
  });

  it('refuses a refresh token used as an access token, and leaves the refresh token usable', async () => {
    await expectRefused(`Bearer ${issued.refreshToken}`, 'refresh token as bearer');
    const refreshed = await t.http.post('/auth/refresh').send({ refreshToken: issued.refreshToken });
    expect(refreshed.status).toBe(200);
    await expectRefused(`Bearer ${refreshed.body.refreshToken as string}`, 'the rotated refresh token as bearer');
  });

  it('takes the token only from the Authorization header, as a Bearer', async () => {
    const inQuery = await t.http.get('/me').query({ access_token: issued.accessToken });
    expect(inQuery.status).toBe(401);
    expect(inQuery.headers['content-type']).toMatch(PROBLEM_JSON);
    await expectRefused(`Basic ${Buffer.from(`${user.email}:${user.password}`).toString('base64')}`, 'Basic credentials');
    await expectRefused(`Token ${issued.accessToken}`, 'another scheme');
    await expectRefused(`Bearer ${'a'.repeat(8000)}`, 'a very long garbage token');
    await expectRefused(`Bearer ${base64url('{')}.${base64url('{')}.x`, 'segments that are not JSON');
  });
});
