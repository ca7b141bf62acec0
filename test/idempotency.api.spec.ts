import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdempotencyStore } from '#platform';
import { ProbeModule } from './support/probe.module.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('Idempotency-Key', () => {
  let t: TestApp;
  const executions = async (): Promise<number> =>
    (await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'probe.receipt'`))[0]!.n;

  beforeAll(async () => {
    t = await startTestApp({ modules: [ProbeModule] });
  });
  afterAll(() => t.close());

  it('twenty concurrent requests with one key act once; the others get the first answer or 409 while it runs', async () => {
    const before = await executions();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => t.http.post('/probe/receipts').set('idempotency-key', 'submit-7f3a').send({ amount: 5 })),
    );
    expect(await executions()).toBe(before + 1);
    const succeeded = responses.filter((r) => r.status === 201);
    expect(succeeded.length).toBeGreaterThanOrEqual(1);
    expect(new Set(succeeded.map((r) => r.body.receipt)).size).toBe(1);
    for (const response of responses.filter((r) => r.status !== 201)) {
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('IDEMPOTENCY_KEY_IN_FLIGHT');
    }

    const retry = await t.http.post('/probe/receipts').set('idempotency-key', 'submit-7f3a').send({ amount: 5 });
    expect(retry.status).toBe(201);
    expect(retry.text).toBe(succeeded[0]!.text);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await executions()).toBe(before + 1);
  });

  it('refuses the same key with another body with 422', async () => {
    const first = await t.http.post('/probe/receipts').set('idempotency-key', 'k-order').send({ amount: 1 });
    expect(first.status).toBe(201);
    const other = await t.http.post('/probe/receipts').set('idempotency-key', 'k-order').send({ amount: 2 });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('keeps a refusal: a retry gets the identical problem', async () => {
    const first = await t.http.post('/probe/refusals').set('idempotency-key', 'refused-once').send({ amount: 1 });
    expect(first.status).toBe(422);
    const again = await t.http.post('/probe/refusals').set('idempotency-key', 'refused-once').send({ amount: 1 });
    expect(again.status).toBe(422);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(again.body).toEqual(first.body);
  });

  it('runs every time without a key, and refuses a malformed key', async () => {
    const before = await executions();
    await t.http.post('/probe/receipts').send({ amount: 3 });
    await t.http.post('/probe/receipts').send({ amount: 3 });
    expect(await executions()).toBe(before + 2);
    const bad = await t.http.post('/probe/receipts').set('idempotency-key', 'has space').send({ amount: 3 });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('INVALID_IDEMPOTENCY_KEY');
  });

  it('forgets keys after a day (the hourly clean-up), so a key may then be used afresh', async () => {
    await t.dataSource.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, state, created_at) VALUES ('old', 'k', '\\x00', 'done', $1), ('new', 'k', '\\x00', 'done', $2)`,
      [new Date(t.clock.now().getTime() - 25 * 3600_000), t.clock.now()],
    );
    expect(await t.app.get(IdempotencyStore).forgetBefore(new Date(t.clock.now().getTime() - 24 * 3600_000))).toBe(1);
    expect(await t.dataSource.query(`SELECT scope FROM idempotency_keys WHERE key = 'k'`)).toEqual([{ scope: 'new' }]);
  });
});
