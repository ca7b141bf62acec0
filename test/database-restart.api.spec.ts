import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import supertest from 'supertest';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRootLogger, EmbeddedPostgres, ManualClock, runMigrations } from '#platform';
import { schemaDataSourceOptions } from '#schema';
import { createApp } from '../apps/api/src/create-app.js';
import { runSeeds } from '../seeds/index.js';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { JST_LEAD_NSF_PARTNER, org, publishedCall } from './support/call-fixtures.js';
import { testConfig } from './support/test-app.js';

const bearer = { type: 'bearer' } as const;
const NOW = '2027-02-01T00:00:00Z';
const DRAFTS = 120;
/** One submit leaves every this many milliseconds, whatever the answers: a steady load, not a closed loop. */
const INTERVAL_MS = 80;
const DOWN_FOR_MS = 3000;
/** No answer, even while the database is gone, may take longer than this. */
const ANSWER_WITHIN_MS = 5000;
const RECOVER_WITHIN_MS = 5000;
const PROBLEM_JSON = /^application\/problem\+json/;

interface Outcome {
  readonly id: string;
  readonly key: string;
  readonly sentAt: number;
  readonly answeredAt: number;
  readonly status: number;
  readonly contentType: string;
  readonly retryAfter: string | undefined;
  readonly code: string | undefined;
  readonly nsfReceipt: string | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The api on a PostgreSQL of its own that is stopped and started again under a steady load of
 * submits. It must answer 503 problem+json while the database is away, stay up, come back by itself,
 * and never have acknowledged a submit that is not stored. Slow (a server of its own): full suite only.
 */
describe.runIf(process.env['FULL_SUITE'] === '1')('database restart under load', () => {
  let dataDir: string;
  let server: EmbeddedPostgres;
  let app: NestFastifyApplication;
  let http: supertest.Agent;
  let dataSource: DataSource;
  let piToken: string;
  let piUserId: string;
  const drafts: string[] = [];
  const unexpected: unknown[] = [];
  const record = (error: unknown) => unexpected.push(error);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'jointcall-restart-'));
    await chmod(dataDir, 0o755);
    server = new EmbeddedPostgres({ dataDir, database: 'jointcall' });
    const url = await server.start();
    await runMigrations(schemaDataSourceOptions(url, 'jointcall-restart-migrate', 10_000));
    const config = testConfig({ DATABASE_CONNECT_TIMEOUT_MS: '2000' });
    const clock = new ManualClock('2026-12-10T00:00:00Z');
    app = await createApp({ config, databaseUrl: url, logger: createRootLogger({ logLevel: config.logLevel, logPretty: false }), clock });
    await app.getHttpAdapter().getInstance().ready();
    http = supertest.agent(app.getHttpServer());
    dataSource = app.get(DataSource);
    await runSeeds(dataSource);

    const login = async (who: string) => {
      const response = await http.post('/auth/login').send({ email: `${who}@example.org`, password: DEMO_PASSWORD });
      expect(response.status, response.text).toBe(200);
      return response.body.accessToken as string;
    };
    const officer = await login('officer.jst');
    const { callId, trackIds } = await publishedCall(http, dataSource, officer, { agencies: JST_LEAD_NSF_PARTNER });
    const trackId = trackIds['top']!;
    clock.set(NOW);
    piToken = await login('pi.utokyo');
    const [pi, mit] = await dataSource.query<{ id: string }[]>(
      `SELECT id FROM users WHERE email IN ('pi.utokyo@example.org', 'pi.mit@example.org') ORDER BY email <> 'pi.utokyo@example.org'`,
    );
    piUserId = pi!.id;

    const makeDraft = async (n: number): Promise<string> => {
      const created = await http
        .post('/applications')
        .auth(piToken, bearer)
        .send({
          callId,
          trackId,
          title: `Restart draft ${n}`,
          abstract: 'Quantum sensing across the Pacific.',
          fieldCode: 'quantum',
          durationMonths: 36,
        });
      expect(created.status, created.text).toBe(201);
      const id = created.body.id as string;
      let etag = created.headers['etag'] as string;
      for (const step of [
        () =>
          http
            .patch(`/applications/${id}/sides/${org('JST')}`)
            .send({ budgetPerYear: [30_000_000, 30_000_000, 30_000_000], budgetCurrency: 'JPY' }),
        () =>
          http.patch(`/applications/${id}/sides/${org('NSF')}`).send({
            piUserId: mit!.id,
            institutionId: org('MIT'),
            budgetPerYear: [400_000_00, 400_000_00, 400_000_00],
            budgetCurrency: 'USD',
          }),
      ]) {
        const response = await step().auth(piToken, bearer).set('if-match', etag);
        expect(response.status, response.text).toBe(200);
        etag = response.headers['etag'] as string;
      }
      return id;
    };
    for (let n = 0; n < DRAFTS; n += 4) {
      drafts.push(...(await Promise.all([0, 1, 2, 3].map((i) => makeDraft(n + i)))));
    }
    process.on('uncaughtException', record);
    process.on('unhandledRejection', record);
  }, 300_000);

  afterAll(async () => {
    process.off('uncaughtException', record);
    process.off('unhandledRejection', record);
    await app?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('answers 503 while PostgreSQL is down, recovers by itself within 5 s, and every acknowledged submit is stored', async () => {
    const outcomes: Outcome[] = [];
    const health: { at: number; path: string; status: number; contentType: string; code: string | undefined }[] = [];
    const inFlight = new Set<Promise<void>>();
    let next = 0;

    const fire = (): void => {
      const id = drafts[next++];
      if (id === undefined) return;
      const key = `restart-${id}`;
      const sentAt = Date.now();
      const request = http
        .post(`/applications/${id}/submit`)
        .auth(piToken, bearer)
        .set('idempotency-key', key)
        .timeout({ deadline: ANSWER_WITHIN_MS })
        .then(
          (r) => ({
            status: r.status,
            contentType: String(r.headers['content-type'] ?? ''),
            retryAfter: r.headers['retry-after'],
            code: r.body?.code as string | undefined,
            nsfReceipt:
              r.status === 200
                ? ((r.body.sides as { agency: { shortName: string }; receiptNumber: string | null }[]).find(
                    (s) => s.agency.shortName === 'NSF',
                  )?.receiptNumber ?? null)
                : null,
          }),
          // A timeout or a dropped connection: no answer at all.
          () => ({ status: 0, contentType: '', retryAfter: undefined, code: undefined, nsfReceipt: null }),
        )
        .then((answer) => {
          outcomes.push({ id, key, sentAt, answeredAt: Date.now(), ...answer });
        });
      inFlight.add(request);
      void request.finally(() => inFlight.delete(request));
    };
    const probe = async (path: string): Promise<void> => {
      const r = await http
        .get(path)
        .timeout({ deadline: ANSWER_WITHIN_MS })
        .catch(() => undefined);
      health.push({
        at: Date.now(),
        path,
        status: r?.status ?? 0,
        contentType: String(r?.headers['content-type'] ?? ''),
        code: r?.body?.code as string | undefined,
      });
    };

    let loadRunning = true;
    const load = (async () => {
      while (loadRunning && next < drafts.length) {
        fire();
        await sleep(INTERVAL_MS);
      }
    })();

    await sleep(1500);
    const stopBegan = Date.now();
    await server.stop();
    const stopped = Date.now();
    // Down: submits keep coming; the process must stay live and report itself not ready.
    while (Date.now() - stopped < DOWN_FOR_MS) {
      await Promise.all([probe('/health/live'), probe('/health/ready')]);
      await sleep(300);
    }
    const startBegan = Date.now();
    await server.start();
    const started = Date.now();

    // Back: the first acknowledged submit and the first ready answer after the restart, without any help.
    let firstAcknowledged: number | undefined;
    let firstReady: number | undefined;
    while (Date.now() - started < RECOVER_WITHIN_MS + 2000 && (firstAcknowledged === undefined || firstReady === undefined)) {
      await probe('/health/ready');
      firstReady ??= health.find((h) => h.path === '/health/ready' && h.at >= started && h.status === 200)?.at;
      firstAcknowledged ??= outcomes
        .filter((o) => o.sentAt >= started && o.status === 200)
        .map((o) => o.answeredAt)
        .sort((a, b) => a - b)[0];
      await sleep(100);
    }
    await sleep(1000);
    loadRunning = false;
    await load;
    await Promise.all([...inFlight]);

    const acknowledged = outcomes.filter((o) => o.status === 200);
    const during = outcomes.filter((o) => o.sentAt >= stopped && o.answeredAt <= startBegan);
    const unavailable = outcomes.filter((o) => o.status === 503).length;
    console.info(
      `database restart: ${outcomes.length} submits sent, ${acknowledged.length} acknowledged, ` +
        `${unavailable} answered 503 (${during.length} entirely while down); stop took ${stopped - stopBegan} ms, ` +
        `start ${started - startBegan} ms; first 2xx ${firstAcknowledged === undefined ? 'never' : `${firstAcknowledged - started} ms`} ` +
        `and ready ${firstReady === undefined ? 'never' : `${firstReady - started} ms`} after PostgreSQL was back`,
    );

    // Nothing crashed and nothing hung: every submit was answered, with 200 or 503, in time.
    expect(unexpected).toEqual([]);
    expect(outcomes).toHaveLength(next);
    expect(outcomes.filter((o) => o.status !== 200 && o.status !== 503).map((o) => `${o.status} ${o.code}`)).toEqual([]);
    for (const o of outcomes) expect(o.answeredAt - o.sentAt).toBeLessThan(ANSWER_WITHIN_MS);

    // While the database was down: 503 problem+json, a stable code and Retry-After; liveness still 200, readiness 503.
    expect(during.length).toBeGreaterThanOrEqual(10);
    for (const o of during) {
      expect(o).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
      expect(o.contentType).toMatch(PROBLEM_JSON);
      expect(Number(o.retryAfter)).toBeGreaterThan(0);
    }
    const downProbes = health.filter((h) => h.at > stopped && h.at < startBegan);
    expect(downProbes.filter((h) => h.path === '/health/live').every((h) => h.status === 200)).toBe(true);
    const readyDown = downProbes.filter((h) => h.path === '/health/ready');
    expect(readyDown.length).toBeGreaterThan(0);
    for (const h of readyDown) {
      expect(h.status).toBe(503);
      expect(h.contentType).toMatch(PROBLEM_JSON);
    }

    // Back by itself within 5 s of PostgreSQL answering again.
    expect(firstAcknowledged, 'a submit acknowledged after the restart').toBeDefined();
    expect(firstAcknowledged! - started).toBeLessThanOrEqual(RECOVER_WITHIN_MS);
    expect(firstReady, 'ready after the restart').toBeDefined();
    expect(firstReady! - started).toBeLessThanOrEqual(RECOVER_WITHIN_MS);
    expect(acknowledged.filter((o) => o.sentAt < stopBegan).length).toBeGreaterThan(0);

    // Every acknowledged submit is stored: both sides moved, its receipt kept, its events and its idempotency record written.
    const ids = acknowledged.map((o) => o.id);
    const rows = await dataSource.query<
      { id: string; jst: string; nsf: string; receipt: string | null; submits: number; key_state: string | null }[]
    >(
      `SELECT a.id,
              (SELECT status FROM application_sides WHERE application_id = a.id AND agency_id = $2) AS jst,
              (SELECT status FROM application_sides WHERE application_id = a.id AND agency_id = $3) AS nsf,
              (SELECT receipt_number FROM application_sides WHERE application_id = a.id AND agency_id = $3) AS receipt,
              (SELECT count(*)::int FROM application_events WHERE application_id = a.id AND action = 'application.submit') AS submits,
              (SELECT state FROM idempotency_keys WHERE scope = $4 AND key = 'restart-' || a.id) AS key_state
         FROM applications a WHERE a.id = ANY($1::uuid[])`,
      [ids, org('JST'), org('NSF'), piUserId],
    );
    const stored = new Map(rows.map((r) => [r.id, r]));
    const missing = acknowledged.filter((o) => {
      const row = stored.get(o.id);
      return !(
        row &&
        row.jst === 'pending_institution' &&
        row.nsf === 'submitted' &&
        row.receipt !== null &&
        row.receipt === o.nsfReceipt &&
        row.submits === 2 &&
        row.key_state === 'done'
      );
    });
    console.info(`database restart: ${acknowledged.length - missing.length} of ${acknowledged.length} acknowledged submits found stored`);
    expect(missing.map((o) => ({ id: o.id, stored: stored.get(o.id) ?? null }))).toEqual([]);
  }, 120_000);
});
