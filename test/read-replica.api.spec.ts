import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import supertest from 'supertest';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRootLogger, EmbeddedPostgres, ManualClock, REPLICA_PAUSE_MS, runMigrations, withDataSource } from '#platform';
import { createStreamingReplica, type StreamingReplica } from '#tooling';
import { schemaDataSourceOptions } from '#schema';
import { createApp } from '../apps/api/src/create-app.js';
import { runSeeds } from '../seeds/index.js';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { JST_LEAD_NSF_PARTNER, publishedCall } from './support/call-fixtures.js';
import { testConfig } from './support/test-app.js';

const bearer = { type: 'bearer' } as const;

interface Summary {
  readonly id: string;
  readonly title: string;
}

/**
 * The api on a PostgreSQL of its own with a streaming replica of it (READ_DATABASE_URL): reads that
 * may lag are served by the replica (its own statistics count them), a writer reads its own writes
 * at once while the replica is held behind, and with the replica stopped the same reads answer from
 * the primary. Slow (two servers of its own): full suite only.
 */
describe.runIf(process.env['FULL_SUITE'] === '1')('read replicas', () => {
  let primaryDir: string;
  let replicaDir: string;
  let primary: EmbeddedPostgres;
  let replica: StreamingReplica;
  let app: NestFastifyApplication;
  let http: supertest.Agent;
  let dataSource: DataSource;
  let callId: string;
  let trackId: string;
  let aspireCallId: string;
  let feedPath: string;
  const tokens: Record<string, string> = {};
  const unexpected: unknown[] = [];
  const record = (error: unknown) => unexpected.push(error);

  /** A statement on the replica, as its superuser, on a connection of its own (the replica is stopped and started again). */
  const onReplica = async <R extends pg.QueryResultRow>(sql: string): Promise<R[]> => {
    const client = new pg.Client({ connectionString: replica.url });
    await client.connect();
    try {
      return (await client.query<R>(sql)).rows;
    } finally {
      await client.end();
    }
  };
  /**
   * Sequential and index scans by table, as the replica itself counts them. A backend reports its
   * counts when it goes idle, but at most once a second: counts of statements that follow closely
   * arrive up to 10 s later (PostgreSQL's idle stats interval).
   */
  const replicaScans = async (): Promise<Map<string, number>> =>
    new Map(
      (
        await onReplica<{ relname: string; n: string }>(
          `SELECT relname, seq_scan + coalesce(idx_scan, 0) AS n FROM pg_stat_user_tables ORDER BY relname`,
        )
      ).map((row) => [row.relname, Number(row.n)]),
    );
  /**
   * Sends a request and answers the statements the api ran on the replica for it, as the replica's
   * activity view shows them at once (the last statement of each of its connections, begun after the
   * request was sent), leaving out the check of the replica's replay position.
   */
  const readOnReplica = async (send: () => supertest.Test): Promise<{ response: supertest.Response; statements: string[] }> => {
    const [{ since }] = (await onReplica<{ since: string }>(`SELECT clock_timestamp()::text AS since`)) as [{ since: string }];
    const response = await send();
    const rows = await onReplica<{ query: string }>(
      `SELECT query FROM pg_stat_activity WHERE application_name = 'jointcall-api' AND query_start >= '${since}'::timestamptz`,
    );
    return { response, statements: rows.map((row) => row.query).filter((query) => !query.includes('pg_last_wal_replay_lsn')) };
  };
  const firstWords = (sql: string) => sql.replace(/\s+/g, ' ').slice(0, 60);
  const get = (path: string, who: string) => http.get(path).auth(tokens[who]!, bearer);
  const titlesOf = (body: { items: Summary[] }) => new Map(body.items.map((item) => [item.id, item.title]));

  /** The reads that may lag, each as the caller who makes it. */
  const laggingReads = (): [string, () => supertest.Test][] => [
    ['researcher list', () => get('/applications', 'pi.utokyo')],
    ['office list', () => get('/applications?view=office', 'ura.utokyo')],
    ['agency list', () => get('/applications?view=agency', 'officer.jst')],
    ['call statistics', () => get(`/calls/${aspireCallId}/statistics`, 'officer.jst')],
    ['institution dashboard', () => get('/dashboards/institution', 'ura.utokyo')],
    ['agency dashboard', () => get('/dashboards/agency', 'officer.jst')],
    ['call list', () => get('/calls', 'pi.osaka')],
    ['call calendar', () => get(`/calls/${callId}/calendar.ics`, 'pi.osaka')],
    ['calendar feed', () => http.get(feedPath)],
  ];

  const createApplication = async (title: string): Promise<string> => {
    const created = await http
      .post('/applications')
      .auth(tokens['pi.utokyo']!, bearer)
      .send({ callId, trackId, title, abstract: 'Quantum sensing across the Pacific.', fieldCode: 'quantum', durationMonths: 36 });
    expect(created.status, created.text).toBe(201);
    return created.body.id as string;
  };

  /** Until the replica has replayed everything the primary has written so far. */
  const replicaCaughtUp = async (): Promise<void> => {
    const [{ lsn }] = (await dataSource.query<{ lsn: string }[]>(`SELECT pg_current_wal_insert_lsn()::text AS lsn`)) as [{ lsn: string }];
    await expect
      .poll(async () => (await onReplica<{ ok: boolean }>(`SELECT pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn AS ok`))[0]!.ok, {
        timeout: 20_000,
      })
      .toBe(true);
  };

  beforeAll(async () => {
    primaryDir = await mkdtemp(join(tmpdir(), 'jointcall-primary-'));
    replicaDir = await mkdtemp(join(tmpdir(), 'jointcall-replica-'));
    await chmod(primaryDir, 0o755);
    await chmod(replicaDir, 0o755);
    primary = new EmbeddedPostgres({ dataDir: primaryDir, database: 'jointcall', settings: { fsync: 'off' } });
    const url = await primary.start();
    const options = schemaDataSourceOptions(url, 'jointcall-replica-setup', 10_000);
    await runMigrations(options);
    const clock = new ManualClock('2026-12-10T00:00:00Z');
    await withDataSource(options, async (db) => {
      await runSeeds(db, clock.now());
      // As after any bulk load: the planner's statistics (replicated with everything else).
      await db.query('VACUUM ANALYZE');
    });

    replica = await createStreamingReplica({ primaryUrl: url, dataDir: replicaDir });
    expect((await onReplica<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby'))[0]!.standby).toBe(true);

    const config = testConfig({ DATABASE_URL: url, READ_DATABASE_URL: replica.url, DATABASE_CONNECT_TIMEOUT_MS: '5000' });
    app = await createApp({ config, databaseUrl: url, logger: createRootLogger({ logLevel: config.logLevel, logPretty: false }), clock });
    await app.getHttpAdapter().getInstance().ready();
    http = supertest.agent(app.getHttpServer());
    dataSource = app.get(DataSource);

    const login = async (who: string) => {
      const response = await http.post('/auth/login').send({ email: `${who}@example.org`, password: DEMO_PASSWORD });
      expect(response.status, response.text).toBe(200);
      tokens[who] = response.body.accessToken as string;
    };
    await login('officer.jst');
    const call = await publishedCall(http, dataSource, tokens['officer.jst']!, { agencies: JST_LEAD_NSF_PARTNER });
    callId = call.callId;
    trackId = call.trackIds['top']!;
    // The call is open from here on; access tokens are signed (and expire) by this clock.
    clock.set('2027-02-01T00:00:00Z');
    for (const who of ['officer.jst', 'pi.utokyo', 'ura.utokyo', 'pi.osaka']) await login(who);
    expect((await http.put(`/calls/${callId}/watch`).auth(tokens['pi.osaka']!, bearer)).status).toBeLessThan(300);
    const feed = await http.post('/me/calendar-token').auth(tokens['pi.osaka']!, bearer);
    expect(feed.status, feed.text).toBe(201);
    feedPath = new URL(feed.body.url as string).pathname;
    const [aspire] = await dataSource.query<{ id: string }[]>(`SELECT id FROM calls WHERE title_en LIKE 'ASPIRE 2023%'`);
    aspireCallId = aspire!.id;
    process.on('uncaughtException', record);
    process.on('unhandledRejection', record);
  }, 180_000);

  afterAll(async () => {
    process.off('uncaughtException', record);
    process.off('unhandledRejection', record);
    await app?.close().catch(() => undefined);
    await replica?.stop().catch(() => undefined);
    await primary?.stop().catch(() => undefined);
    for (const dir of [replicaDir, primaryDir]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('serves lists, dashboards, statistics and calendars from the replica, as its own statistics show', async () => {
    await replicaCaughtUp();
    const scansBefore = await replicaScans();
    const served: string[] = [];
    for (const [name, send] of laggingReads()) {
      const started = Date.now();
      const { response, statements } = await readOnReplica(send);
      const took = Date.now() - started;
      expect(response.status, `${name}: ${response.text}`).toBe(200);
      expect(statements, `${name} read on the replica`).not.toEqual([]);
      served.push(`${name} (${took} ms): ${firstWords(statements[0]!)}`);
    }
    console.info(`read replica: statements the replica ran for each request:\n  ${served.join('\n  ')}`);

    // The replica's own counts of the tables these reads use rise (once its backends have reported them).
    const tables = ['applications', 'application_sides', 'application_institutions', 'side_decisions', 'calls', 'call_agencies'];
    const risen = async () => {
      const now = await replicaScans();
      return tables.filter((table) => (now.get(table) ?? 0) > (scansBefore.get(table) ?? 0));
    };
    await expect.poll(risen, { timeout: 15_000, interval: 500 }).toEqual(tables);
    const after = await replicaScans();
    console.info(
      `read replica: scans counted by the replica over these requests: ${tables
        .map((table) => `${table} +${(after.get(table) ?? 0) - (scansBefore.get(table) ?? 0)}`)
        .join(', ')}`,
    );
    expect(unexpected).toEqual([]);
  }, 90_000);

  it("lets a writer read its own writes at once while the replica is held behind, and others read the replica's older state", async () => {
    const earlier = await createApplication('Replicated before the pause');
    await replicaCaughtUp();
    await onReplica('SELECT pg_wal_replay_pause()');
    await expect
      .poll(async () => (await onReplica<{ state: string }>('SELECT pg_get_wal_replay_pause_state() AS state'))[0]!.state)
      .toBe('paused');
    try {
      // The writer reads its writes at once: the replica ran only the check of its position for these lists.
      const created = await createApplication('Written while the replica is paused');
      const mine = await readOnReplica(() => get('/applications', 'pi.utokyo'));
      expect(mine.response.status).toBe(200);
      expect(titlesOf(mine.response.body).get(created)).toBe('Written while the replica is paused');
      expect(mine.statements).toEqual([]);

      // A new application is at version 1, and nothing has changed it since.
      const edited = await http
        .patch(`/applications/${earlier}`)
        .auth(tokens['pi.utokyo']!, bearer)
        .set('if-match', '"1"')
        .send({ title: 'Edited while paused' });
      expect(edited.status, edited.text).toBe(200);
      const afterEdit = await readOnReplica(() => get('/applications', 'pi.utokyo'));
      expect(titlesOf(afterEdit.response.body).get(earlier)).toBe('Edited while paused');
      expect(afterEdit.statements).toEqual([]);

      // The writer's session carries where the primary stood after the edit; the replica is behind it.
      const [session] = await dataSource.query<{ lsn: string; behind: boolean }[]>(
        `SELECT last_write_lsn AS lsn, last_write_lsn::pg_lsn > $1::pg_lsn AS behind FROM auth_sessions
          WHERE user_id = (SELECT id FROM users WHERE email = 'pi.utokyo@example.org') AND last_write_lsn IS NOT NULL
          ORDER BY last_write_lsn::pg_lsn DESC LIMIT 1`,
        [(await onReplica<{ lsn: string }>('SELECT pg_last_wal_replay_lsn()::text AS lsn'))[0]!.lsn],
      );
      expect(session?.behind).toBe(true);

      // The research office has written nothing: its list comes from the replica, which has neither change yet.
      const office = await readOnReplica(() => get('/applications?view=office', 'ura.utokyo'));
      expect(office.response.status).toBe(200);
      expect(office.statements).not.toEqual([]);
      expect(titlesOf(office.response.body).has(created)).toBe(false);
      expect(titlesOf(office.response.body).get(earlier)).toBe('Replicated before the pause');
      const [stored] = await dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM applications WHERE id = $1`, [created]);
      expect(stored!.n).toBe(1);
    } finally {
      await onReplica('SELECT pg_wal_replay_resume()');
    }
    // Replay resumed: the office sees both changes once the replica has caught up.
    await expect
      .poll(async () => titlesOf((await get('/applications?view=office', 'ura.utokyo')).body).get(earlier), { timeout: 20_000 })
      .toBe('Edited while paused');
    expect(unexpected).toEqual([]);
  }, 90_000);

  it('answers the same reads from the primary while the replica is stopped, and goes back to the replica when it returns', async () => {
    await replicaCaughtUp();
    const answers = new Map<string, string>();
    for (const [name, send] of laggingReads()) answers.set(name, (await send()).text);

    await replica.stop();
    const timings: string[] = [];
    for (const [name, send] of laggingReads()) {
      const started = Date.now();
      const response = await send();
      const took = Date.now() - started;
      timings.push(`${name} ${took} ms`);
      expect(response.status, `${name} with the replica stopped: ${response.text}`).toBe(200);
      expect(response.text, name).toBe(answers.get(name));
      // At once: a refused connection moves the read to the primary, and the next reads do not try the replica for a while.
      expect(took, `${name} answered at once`).toBeLessThan(2500);
    }
    console.info(`read replica: answered by the primary with the replica stopped: ${timings.join(', ')}`);

    await replica.start();
    // After the pause, one read tries the replica again and the reads go back to it.
    const back = Date.now();
    let onReplicaAgain = false;
    while (!onReplicaAgain && Date.now() - back < REPLICA_PAUSE_MS + 15_000) {
      const { response, statements } = await readOnReplica(() => get('/applications', 'pi.osaka'));
      expect(response.status).toBe(200);
      onReplicaAgain = statements.length > 0;
      if (!onReplicaAgain) await sleep(250);
    }
    console.info(`read replica: reads back on the replica ${Date.now() - back} ms after it was started again`);
    expect(onReplicaAgain, 'reads on the replica again once it is back').toBe(true);
    expect(unexpected).toEqual([]);
  }, 90_000);
});
