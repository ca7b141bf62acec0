import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, createRootLogger, loadConfig, MAX_PAGE_SIZE } from '#platform';
import { createApp } from '../apps/api/src/create-app.js';
import { runSeeds } from '../seeds/index.js';
import { seedId } from '../seeds/seed-id.js';
import { org } from './support/call-fixtures.js';
import type { GivenUser } from './support/given.js';
import { startTestApp, testConfig, type TestApp } from './support/test-app.js';

const PROBLEM_JSON = /^application\/problem\+json/;
const bearer = { type: 'bearer' } as const;

/** The production defaults, stated here so that the tests below run with them whatever the test configuration says. */
const LIMITS = {
  RATE_LIMIT_EXPORTS: '10',
  RATE_LIMIT_EXPORTS_WINDOW_SECONDS: '60',
  RATE_LIMIT_AUTO_ASSIGN: '5',
  RATE_LIMIT_AUTO_ASSIGN_WINDOW_SECONDS: '60',
  RATE_LIMIT_PERSON_LOOKUP: '30',
  RATE_LIMIT_PERSON_LOOKUP_WINDOW_SECONDS: '60',
};
const BODY_LIMIT_BYTES = 8192;

const SICORP_US = seedId('call', 'SICORP-US-CURRENT');
/** The demo call in review: its agencies' deadlines have passed, so they assign reviewers. */
const SICORP_US_IN_REVIEW = seedId('call', 'SICORP-US-REVIEW');

describe('configuration of the limits', () => {
  const base = { NODE_ENV: 'test', DATA_DIR: tmpdir(), JWT_SECRET: 'x'.repeat(40) };

  it('defaults to 10 CSV exports, 5 auto-assign runs and 30 person lookups per user per minute, a 1 MiB body and pages of at most 100', () => {
    const config = loadConfig(base);
    expect(config.rateLimits).toEqual({
      exports: { limit: 10, windowSeconds: 60 },
      autoAssign: { limit: 5, windowSeconds: 60 },
      personLookup: { limit: 30, windowSeconds: 60 },
    });
    expect(config.bodyLimitBytes).toBe(1_048_576);
    expect(MAX_PAGE_SIZE).toBe(100);
  });

  it('takes the limits from the environment and refuses nonsense', () => {
    const config = loadConfig({
      ...base,
      RATE_LIMIT_EXPORTS: '3',
      RATE_LIMIT_AUTO_ASSIGN_WINDOW_SECONDS: '3600',
      RATE_LIMIT_PERSON_LOOKUP: '12',
    });
    expect(config.rateLimits).toEqual({
      exports: { limit: 3, windowSeconds: 60 },
      autoAssign: { limit: 5, windowSeconds: 3600 },
      personLookup: { limit: 12, windowSeconds: 60 },
    });
    expect(() => loadConfig({ ...base, RATE_LIMIT_EXPORTS: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, RATE_LIMIT_AUTO_ASSIGN: 'many' })).toThrow(/RATE_LIMIT_AUTO_ASSIGN must be an integer/);
    expect(() => loadConfig({ ...base, RATE_LIMIT_EXPORTS_WINDOW_SECONDS: '0' })).toThrow(ConfigError);
  });
});

describe('resource limits', () => {
  let t: TestApp;
  let admin: string;

  const token = async (user: GivenUser): Promise<string> => t.login(user.email, user.password);
  const officeUser = () => t.given.user({ roles: ['institution_admin'], organisationId: org('UTOKYO') });
  const officerUser = () => t.given.user({ roles: ['program_officer'], organisationId: org('JST') });

  function expectProblem(response: supertest.Response, status: number, code: string): void {
    expect(response.status, response.text).toBe(status);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body).toMatchObject({ status, code, requestId: response.headers['x-request-id'] });
  }

  function expectRateLimited(response: supertest.Response, retryAfter: number): void {
    expectProblem(response, 429, 'RATE_LIMITED');
    expect(response.body).toMatchObject({ title: 'Too Many Requests', type: 'urn:jointcall:problem:rate-limited' });
    expect(response.headers['retry-after']).toBe(String(retryAfter));
  }

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-12-15T00:00:00Z', env: { ...LIMITS, BODY_LIMIT_BYTES: String(BODY_LIMIT_BYTES) } });
    await runSeeds(t.dataSource, new Date('2026-12-15T00:00:00Z'));
    admin = await token(await t.given.user({ roles: ['admin'] }));
  });
  afterAll(() => t.close());

  describe('page sizes', () => {
    const lists = ['/applications', '/calls', '/programs', '/organizations', '/users', '/notifications', '/jobs/failed'];

    it(`refuses a limit above ${MAX_PAGE_SIZE} (or below 1, or not a whole number) on every list with 400 problem+json naming the field`, async () => {
      for (const path of lists) {
        for (const limit of ['101', '1000000', '0', '-1', '2.5', 'abc', '1e3']) {
          const response = await t.http.get(path).query({ limit }).auth(admin, bearer);
          expect(response.status, `${path}?limit=${limit}`).toBe(400);
          expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
          expect(response.body.code).toBe('VALIDATION_FAILED');
          expect((response.body.errors as { field: string }[]).map((e) => e.field)).toContain('limit');
        }
        expect((await t.http.get(`${path}?limit=100&limit=101`).auth(admin, bearer)).status, `${path} with two limits`).toBe(400);
        const atCap = await t.http.get(path).query({ limit: MAX_PAGE_SIZE }).auth(admin, bearer);
        expect(atCap.status, `${path}?limit=${MAX_PAGE_SIZE}`).toBe(200);
      }
    });

    it('answers at most the requested page, 20 by default, and a cursor for the rest', async () => {
      await Promise.all(Array.from({ length: 110 }, () => t.given.organisation()));
      const full = await t.http.get('/organizations').query({ limit: MAX_PAGE_SIZE }).auth(admin, bearer);
      expect(full.status).toBe(200);
      expect(full.body.items).toHaveLength(MAX_PAGE_SIZE);
      expect(full.body.nextCursor).toEqual(expect.any(String));
      const byDefault = await t.http.get('/organizations').auth(admin, bearer);
      expect(byDefault.body.items).toHaveLength(20);
    });
  });

  describe('request bodies', () => {
    it(`answers a body over BODY_LIMIT_BYTES (${BODY_LIMIT_BYTES}) with 413 problem+json, on public and signed-in routes`, async () => {
      const login = await t.http.post('/auth/login').send({ email: 'someone@example.org', password: 'x'.repeat(BODY_LIMIT_BYTES) });
      expectProblem(login, 413, 'PAYLOAD_TOO_LARGE');
      expect(login.body.title).toBe('Content Too Large');
      const officer = await token(await officerUser());
      const call = await t.http
        .post('/calls')
        .auth(officer, bearer)
        .send({ titleEn: 'x', summaryEn: 'y'.repeat(BODY_LIMIT_BYTES * 4) });
      expectProblem(call, 413, 'PAYLOAD_TOO_LARGE');
      // Just under the limit, the body is read and judged on its merits.
      const under = await t.http.post('/auth/login').send({ email: 'someone@example.org', password: 'x'.repeat(BODY_LIMIT_BYTES - 100) });
      expect(under.status).not.toBe(413);
      expect(under.headers['content-type']).toMatch(PROBLEM_JSON);
    });

    it('answers 413 as well when the body comes in chunks without a Content-Length', async () => {
      const server = t.app.getHttpServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = server.address() as AddressInfo;
        const answer = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
          const request = httpRequest(
            { host: '127.0.0.1', port, path: '/auth/login', method: 'POST', headers: { 'content-type': 'application/json' } },
            (response) => {
              let body = '';
              response.setEncoding('utf8');
              response.on('data', (chunk: string) => (body += chunk));
              response.on('end', () => resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), body }));
            },
          );
          request.on('error', reject);
          request.write('{"email":"someone@example.org","password":"');
          for (let i = 0; i < 8; i++) request.write('x'.repeat(2048));
          request.end('"}');
        });
        expect(answer.status).toBe(413);
        expect(answer.type).toMatch(PROBLEM_JSON);
        expect(JSON.parse(answer.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
      } finally {
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    });
  });

  describe('rate limits of the expensive routes', () => {
    it('allows 10 CSV exports per user per minute, then answers 429 RATE_LIMITED with Retry-After until the minute is over', async () => {
      const office = await token(await officeUser());
      for (let i = 1; i <= 10; i++) {
        const response = await t.http.get('/applications/export.csv').auth(office, bearer);
        expect(response.status, `export ${i}`).toBe(200);
        expect(response.headers['content-type']).toMatch(/^text\/csv/);
      }
      expectRateLimited(await t.http.get('/applications/export.csv').auth(office, bearer), 60);
      // Both CSV exports draw on the same allowance.
      expectRateLimited(await t.http.get(`/calls/${SICORP_US}/statistics.csv`).auth(office, bearer), 60);
      // Only the expensive routes are limited.
      expect((await t.http.get('/applications').query({ view: 'office' }).auth(office, bearer)).status).toBe(200);
      expect((await t.http.get(`/calls/${SICORP_US}/statistics`).auth(office, bearer)).status).not.toBe(429);

      t.clock.advance(45_000);
      expectRateLimited(await t.http.get('/applications/export.csv').auth(office, bearer), 15);
      t.clock.advance(15_000);
      expect((await t.http.get('/applications/export.csv').auth(office, bearer)).status).toBe(200);
    });

    it('counts per user: another user of the same office and role is not affected', async () => {
      const first = await token(await officeUser());
      const second = await token(await officeUser());
      for (let i = 0; i < 10; i++) expect((await t.http.get('/applications/export.csv').auth(first, bearer)).status).toBe(200);
      expectRateLimited(await t.http.get('/applications/export.csv').auth(first, bearer), 60);
      expect((await t.http.get('/applications/export.csv').auth(second, bearer)).status).toBe(200);
    });

    it('limits the call statistics CSV of an officer the same way', async () => {
      const officer = await token(await officerUser());
      for (let i = 1; i <= 10; i++) {
        const response = await t.http.get(`/calls/${SICORP_US}/statistics.csv`).auth(officer, bearer);
        expect(response.status, `statistics ${i}: ${response.text}`).toBe(200);
      }
      expectRateLimited(await t.http.get(`/calls/${SICORP_US}/statistics.csv`).auth(officer, bearer), 60);
    });

    it('allows 5 auto-assign runs per officer per minute', async () => {
      const officer = await token(await officerUser());
      const run = () =>
        t.http.post(`/calls/${SICORP_US_IN_REVIEW}/auto-assign`).auth(officer, bearer).send({ perApplication: 2, loadCap: 10 });
      for (let i = 1; i <= 5; i++) {
        const response = await run();
        expect(response.status, `run ${i}: ${response.text}`).toBe(200);
      }
      expectRateLimited(await run(), 60);
      // Another officer's runs are theirs to spend; the export allowance is separate.
      const colleague = await token(await officerUser());
      expect(
        (await t.http.post(`/calls/${SICORP_US_IN_REVIEW}/auto-assign`).auth(colleague, bearer).send({ perApplication: 2, loadCap: 10 }))
          .status,
      ).toBe(200);
      expect((await t.http.get(`/calls/${SICORP_US}/statistics.csv`).auth(officer, bearer)).status).toBe(200);
    });

    it('does not count requests without a valid token: they get 401 first', async () => {
      const before = await t.dataSource.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM rate_limits`);
      for (let i = 0; i < 12; i++) {
        const response = await t.http.get('/applications/export.csv');
        expectProblem(response, 401, 'UNAUTHENTICATED');
      }
      const after = await t.dataSource.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM rate_limits`);
      expect(after[0]!.count).toBe(before[0]!.count);
    });

    it('holds exactly under concurrent requests', async () => {
      const office = await token(await officeUser());
      const responses = await Promise.all(Array.from({ length: 16 }, () => t.http.get('/applications/export.csv').auth(office, bearer)));
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 200)).toHaveLength(10);
      expect(statuses.filter((s) => s === 429)).toHaveLength(6);
    });

    it('keeps one row per user and kind, reused window after window', async () => {
      const user = await officeUser();
      const office = await token(user);
      for (let window = 0; window < 3; window++) {
        expect((await t.http.get('/applications/export.csv').auth(office, bearer)).status).toBe(200);
        t.clock.advance(61_000);
      }
      const rows = await t.dataSource.query<{ hits: number }[]>(`SELECT hits FROM rate_limits WHERE key = $1`, [`exports:user:${user.id}`]);
      expect(rows).toEqual([{ hits: 1 }]);
    });

    // Passport keeps one strategy per name in the process, the last application's: this test closes
    // its second instance, so it comes last among those that sign in.
    it('holds across api instances: the count lives in PostgreSQL', async () => {
      const user = await officeUser();
      const office = await token(user);
      let second: NestFastifyApplication | undefined;
      try {
        second = await createApp({
          config: testConfig({ ...LIMITS, BODY_LIMIT_BYTES: String(BODY_LIMIT_BYTES) }),
          databaseUrl: t.databaseUrl,
          logger: createRootLogger({ logLevel: 'silent', logPretty: false }),
          clock: t.clock,
        });
        await second.getHttpAdapter().getInstance().ready();
        const instances = [t.http, supertest.agent(second.getHttpServer())];
        for (let i = 0; i < 10; i++) {
          expect((await instances[i % 2]!.get('/applications/export.csv').auth(office, bearer)).status, `export ${i + 1}`).toBe(200);
        }
        expectRateLimited(await instances[0]!.get('/applications/export.csv').auth(office, bearer), 60);
        expectRateLimited(await instances[1]!.get('/applications/export.csv').auth(office, bearer), 60);
        const rows = await t.dataSource.query<{ key: string; hits: number }[]>(`SELECT key, hits FROM rate_limits WHERE key LIKE $1`, [
          `%${user.id}`,
        ]);
        expect(rows).toEqual([{ key: `exports:user:${user.id}`, hits: 11 }]);
      } finally {
        await second?.close();
      }
    });
  });

  it('documents RATE_LIMITED on exactly the limited operations', async () => {
    const document = (await t.http.get('/docs-json')).body as {
      paths: Record<string, Record<string, { operationId: string; responses: Record<string, { description?: string }> }>>;
    };
    const limited = Object.values(document.paths)
      .flatMap((operations) => Object.values(operations))
      .filter((operation) => operation.responses['429']?.description?.startsWith('RATE_LIMITED'))
      .map((operation) => operation.operationId)
      .sort();
    expect(limited).toEqual([
      'autoAssignReviewers',
      'exportApplicationsCsv',
      'exportCallApplicationsCsv',
      'exportCallStatisticsCsv',
      'findPerson',
      'inviteApplicationMember',
    ]);
  });
});
