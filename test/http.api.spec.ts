import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#identity';
import { ProbeModule } from './support/probe.module.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PROBLEM_JSON = /^application\/problem\+json/;

describe('HTTP behaviour of every route', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ modules: [ProbeModule], env: { BODY_LIMIT_BYTES: '4096', CORS_ORIGINS: 'https://portal.example.ac.jp' } });
  });
  afterAll(() => t.close());

  it('answers malformed JSON with 400 problem+json', async () => {
    const response = await t.http.post('/probe/echo').set('content-type', 'application/json').send('{"title": "x",');
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body).toMatchObject({ status: 400, code: 'MALFORMED_REQUEST', title: 'Bad Request' });
    expect(response.body.requestId).toBe(response.headers['x-request-id']);
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const response = await t.http.get('/no/such/route');
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body).toMatchObject({ status: 404, code: 'NOT_FOUND', instance: '/no/such/route' });
  });

  it('answers an oversize body with 413 problem+json', async () => {
    const response = await t.http.post('/probe/echo').send({ title: 'x'.repeat(10_000), months: 3 });
    expect(response.status).toBe(413);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers an unexpected error with 500, the request id and no internals', async () => {
    const response = await t.http.get('/probe/boom').set('x-request-id', 'support-ticket-4711');
    expect(response.status).toBe(500);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.headers['x-request-id']).toBe('support-ticket-4711');
    expect(response.body).toEqual({
      type: 'urn:jointcall:problem:internal-error',
      title: 'Internal Server Error',
      status: 500,
      detail: 'An unexpected error occurred. Quote the request id when you report it.',
      code: 'INTERNAL_ERROR',
      instance: '/probe/boom',
      requestId: 'support-ticket-4711',
    });
    expect(response.text).not.toMatch(/secretToken|TypeError|\.ts:|at /);
  });

  it('keeps a plain X-Request-Id and replaces a hostile one', async () => {
    expect((await t.http.get('/health/live').set('x-request-id', 'abc-123')).headers['x-request-id']).toBe('abc-123');
    const replaced = await t.http.get('/health/live').set('x-request-id', '<script>alert(1)</script>');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const generated = await t.http.get('/health/live');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses unknown fields and wrong types with 400 and an error per field', async () => {
    const response = await t.http
      .post('/probe/echo')
      .send({ title: 42, months: 99, budget: { amount: -1, currency: 'JPY' }, role: 'admin' });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    const fields = [...new Set((response.body.errors as { field: string }[]).map((e) => e.field))].sort();
    expect(fields).toEqual(['budget.amount', 'months', 'role', 'title']);
  });

  it('converts and returns valid input unchanged', async () => {
    const body = { title: '日本とフランスの量子 AI 共同研究 🧪', months: 36, budget: { amount: 500_000_000, currency: 'JPY' } };
    const response = await t.http.post('/probe/echo').send(body);
    expect(response.status).toBe(201);
    expect(response.body).toEqual(body);
  });

  it('maps a unique violation to 409 and a malformed id to 400', async () => {
    expect((await t.http.post('/probe/organisations').send({ rorId: '057zh3y96' })).status).toBe(201);
    const duplicate = await t.http.post('/probe/organisations').send({ rorId: '057zh3y96' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ code: 'UNIQUE_VIOLATION' });
    expect(duplicate.text).not.toContain('057zh3y96');
    const malformed = await t.http.get('/probe/organisations/not-a-uuid');
    expect(malformed.status).toBe(400);
    expect(malformed.headers['content-type']).toMatch(PROBLEM_JSON);
  });

  it('takes "now" from the injectable clock', async () => {
    t.clock.set('2026-05-31T14:59:59Z');
    expect((await t.http.get('/probe/now')).body).toEqual({ now: '2026-05-31T14:59:59.000Z' });
    t.clock.advance(2000);
    expect((await t.http.get('/probe/now')).body).toEqual({ now: '2026-05-31T15:00:01.000Z' });
  });

  it('sends security headers', async () => {
    const response = await t.http.get('/health/live');
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
    });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('requires If-Match on every update guarded by a version: declared once in OpenAPI, 428 without it', async () => {
    type Parameter = { name: string; in: string; required?: boolean };
    const document = (await t.http.get('/docs-json')).body as {
      paths: Record<string, Record<string, { operationId: string; parameters?: Parameter[] }>>;
    };
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ method, path, ...operation })),
    );
    const ifMatch = (parameters: Parameter[] = []) => parameters.filter((p) => p.in === 'header' && p.name.toLowerCase() === 'if-match');
    for (const operation of operations) {
      expect(
        ifMatch(operation.parameters).map((p) => p.name),
        operation.operationId,
      ).toEqual(ifMatch(operation.parameters).length > 0 ? ['If-Match'] : []);
    }
    const id = '00000000-0000-4000-8000-000000000001';
    const as = async (...roles: Role[]) => {
      const user = await t.given.user({ roles });
      return t.login(user.email, user.password);
    };
    const [researcher, officer, admin, reviewer] = [
      await as('researcher'),
      await as('program_officer'),
      await as('admin'),
      await as('reviewer'),
    ];
    const versioned: Record<string, { token: string; body?: object }> = {
      updateApplication: { token: researcher, body: { title: 'A title' } },
      updateApplicationSide: { token: researcher, body: { budgetCurrency: 'JPY' } },
      addApplicationMember: { token: researcher, body: { name: 'A Member', role: 'co_investigator' } },
      updateApplicationMember: { token: researcher, body: { name: 'A Member', role: 'co_investigator' } },
      removeApplicationMember: { token: researcher },
      putApplicationAnswers: { token: researcher, body: { answers: {} } },
      updateCall: { token: officer, body: { titleEn: 'A title' } },
      updateProgram: { token: officer, body: { nameEn: 'A name' } },
      updateOrganization: { token: admin, body: { nameEn: 'A name' } },
      updateUser: { token: admin, body: { name: 'A name' } },
      updateMe: { token: researcher, body: { name: 'A name' } },
      saveReview: { token: reviewer, body: { scores: {} } },
    };
    for (const [operationId, { token, body }] of Object.entries(versioned)) {
      const operation = operations.find((o) => o.operationId === operationId);
      expect(operation, operationId).toBeDefined();
      expect(ifMatch(operation!.parameters), operationId).toMatchObject([{ name: 'If-Match', required: true }]);
      const path = operation!.path.replace(/\{[^}]+\}/g, id);
      const request = t.http[operation!.method as 'patch' | 'post' | 'put' | 'delete'](path).auth(token, { type: 'bearer' });
      const response = body === undefined ? await request : await request.send(body);
      expect(`${operationId} ${response.status} ${response.body.code}`).toBe(`${operationId} 428 PRECONDITION_REQUIRED`);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.body).toMatchObject({ title: 'Precondition Required', errors: [{ field: 'If-Match' }] });
      expect(response.body.detail).toContain('If-Match');
    }
  });

  it('allows CORS only from the configured origins', async () => {
    const allowed = await t.http
      .options('/health/live')
      .set('origin', 'https://portal.example.ac.jp')
      .set('access-control-request-method', 'GET');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://portal.example.ac.jp');
    const other = await t.http.options('/health/live').set('origin', 'https://evil.example').set('access-control-request-method', 'GET');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
