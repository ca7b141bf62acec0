import { spawn, spawnSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import supertest from 'supertest';
import { DataSource } from 'typeorm';
import { afterEach, describe, expect, it } from 'vitest';
import { createRootLogger, dataSourceOptions, EmbeddedPostgres, loadConfig, runMigrations } from '#platform';
import { entities, migrations } from '#schema';
import { createApp } from '../apps/api/src/create-app.js';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { runSeeds } from '../seeds/index.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'jointcall-embedded-'));
  await chmod(dir, 0o755);
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

function server(dir: string, options: { attachToRunning?: boolean; unixSocket?: boolean } = {}): EmbeddedPostgres {
  const instance = new EmbeddedPostgres({ dataDir: dir, database: 'jointcall', ...options });
  cleanups.push(() => instance.stop());
  return instance;
}

async function query<R extends pg.QueryResultRow>(url: string, sql: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
}

const deadPid = (): number => spawnSync('true').pid ?? 999_999;

describe('embedded PostgreSQL', () => {
  it('keeps data across restarts and reuses its port', async () => {
    const dir = await dataDir();
    const first = server(dir);
    const url = await first.start();
    await query(url, `CREATE TABLE kept (note text); INSERT INTO kept VALUES ('persisted')`);
    await first.stop();
    const again = await server(dir).start();
    expect(again).toBe(url);
    expect(await query(again, 'SELECT note FROM kept')).toEqual([{ note: 'persisted' }]);
  });

  it('takes over a server left running by a process killed with SIGKILL', async () => {
    const dir = await dataDir();
    const orphan = new EmbeddedPostgres({ dataDir: dir, database: 'jointcall' });
    const url = await orphan.start();
    await query(url, `CREATE TABLE kept (note text); INSERT INTO kept VALUES ('before the kill')`);
    // The owning process died without stopping its server: its pid is gone, postgres still runs.
    await writeFile(join(dir, 'jointcall.pid'), `${deadPid()}\n`);
    const next = server(dir);
    const nextUrl = await next.start();
    expect(await query(nextUrl, 'SELECT note FROM kept')).toEqual([{ note: 'before the kill' }]);
  });

  it('starts after the database server itself was killed, leaving a stale postmaster.pid', async () => {
    const dir = await dataDir();
    const crashed = new EmbeddedPostgres({ dataDir: dir, database: 'jointcall' });
    const url = await crashed.start();
    await query(url, `CREATE TABLE kept (note text); INSERT INTO kept VALUES ('committed')`);
    const postmaster = Number.parseInt((await readFile(join(dir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0] ?? '', 10);
    process.kill(postmaster, 'SIGKILL');
    await expect.poll(() => isAlive(postmaster), { timeout: 10_000 }).toBe(false);
    await writeFile(join(dir, 'jointcall.pid'), `${deadPid()}\n`);
    const next = server(dir);
    expect(await query(await next.start(), 'SELECT note FROM kept')).toEqual([{ note: 'committed' }]);
  });

  it('refuses a data directory owned by another live process, or attaches to its server when asked', async () => {
    const dir = await dataDir();
    const owner = server(dir);
    const url = await owner.start();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    cleanups.push(() => Promise.resolve(other.kill('SIGKILL')));
    await writeFile(join(dir, 'jointcall.pid'), `${other.pid}\n`);
    await expect(server(dir).start()).rejects.toThrow(/in use by another jointcall process/);
    const attached = server(dir, { attachToRunning: true });
    expect(await attached.start()).toBe(url);
    await attached.stop();
    expect(await query(url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
  });

  it('hands out its Unix-domain socket: the api connects over it and works; TCP on 127.0.0.1 stays open for tools', async () => {
    const dir = await dataDir();
    const database = server(dir);
    const url = await database.start();
    expect(new URL(url).searchParams.get('host')).toBe(join(dir, 'socket'));
    await runMigrations(dataSourceOptions({ url, poolSize: 2, connectTimeoutMs: 2000, applicationName: 'test', entities, migrations }));
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, JWT_SECRET: 'x'.repeat(32), LOG_LEVEL: 'silent' });
    const app = await createApp({ config, databaseUrl: url, logger: createRootLogger(config) });
    cleanups.push(() => app.close());
    await app.getHttpAdapter().getInstance().ready();
    const dataSource = app.get(DataSource);
    await runSeeds(dataSource);

    // inet_server_addr() is NULL on a Unix-domain socket connection, the server's address over TCP.
    expect(await dataSource.query(`SELECT inet_server_addr() AS addr`)).toEqual([{ addr: null }]);
    const http = supertest(app.getHttpServer());
    const login = await http.post('/auth/login').send({ email: 'pi.osaka@example.org', password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    const calls = await http.get('/calls').set('authorization', `Bearer ${(login.body as { accessToken: string }).accessToken}`);
    expect(calls.status).toBe(200);
    expect((calls.body as { items: unknown[] }).items.length).toBeGreaterThan(0);
    expect((await http.get('/health/ready')).status).toBe(200);
    // Every session the api opened (its pool, pg-boss's queries through it) came over the socket.
    const sessions = await query<{ socket: number; tcp: number }>(
      url,
      `SELECT count(*) FILTER (WHERE client_addr IS NULL)::int AS socket, count(*) FILTER (WHERE client_addr IS NOT NULL)::int AS tcp
         FROM pg_stat_activity WHERE application_name = 'jointcall-api'`,
    );
    expect(sessions[0]!.socket).toBeGreaterThan(0);
    expect(sessions[0]!.tcp).toBe(0);

    const tcp = new URL(url);
    tcp.search = '';
    expect(await query(tcp.toString(), `SELECT host(inet_server_addr()) AS addr`)).toEqual([{ addr: '127.0.0.1' }]);
  });

  it('listens on loopback TCP alone when asked (unixSocket: false), and a one-off command attaches the way the server listens', async () => {
    const dir = await dataDir();
    const tcpOnly = server(dir, { unixSocket: false });
    const url = await tcpOnly.start();
    expect(new URL(url).search).toBe('');
    expect(await query(url, `SELECT host(inet_server_addr()) AS addr`)).toEqual([{ addr: '127.0.0.1' }]);
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    cleanups.push(() => Promise.resolve(other.kill('SIGKILL')));
    await writeFile(join(dir, 'jointcall.pid'), `${other.pid}\n`);
    expect(await server(dir, { attachToRunning: true }).start()).toBe(url);
    await writeFile(join(dir, 'jointcall.pid'), `${process.pid}\n`);
    await tcpOnly.stop();

    const withSocket = server(dir);
    const socketUrl = await withSocket.start();
    await writeFile(join(dir, 'jointcall.pid'), `${other.pid}\n`);
    const attachedUrl = await server(dir, { attachToRunning: true }).start();
    expect(attachedUrl).toBe(socketUrl);
    expect(await query(attachedUrl, `SELECT inet_server_addr() AS addr`)).toEqual([{ addr: null }]);
  });

  it('a database restart does not crash the api: 503 while it is down, ready again by itself', async () => {
    const dir = await dataDir();
    const database = server(dir);
    const url = await database.start();
    await runMigrations(dataSourceOptions({ url, poolSize: 2, connectTimeoutMs: 2000, applicationName: 'test', entities, migrations }));
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: dir,
      JWT_SECRET: 'x'.repeat(32),
      LOG_LEVEL: 'silent',
      DATABASE_CONNECT_TIMEOUT_MS: '1000',
    });
    const app = await createApp({ config, databaseUrl: url, logger: createRootLogger(config) });
    cleanups.push(() => app.close());
    await app.getHttpAdapter().getInstance().ready();
    const http = supertest(app.getHttpServer());
    expect((await http.get('/health/ready')).status).toBe(200);

    await database.stop();
    // Over the socket: its file is gone (connect ENOENT), which is "database down" like a refused TCP connection.
    expect(new URL(url).searchParams.has('host')).toBe(true);
    const down = await http.get('/health/ready');
    expect(down.status).toBe(503);
    expect(down.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(down.headers['retry-after']).toBeDefined();
    expect((await http.get('/health/live')).status).toBe(200);

    await database.start();
    await expect.poll(async () => (await http.get('/health/ready')).status, { timeout: 5000, interval: 100 }).toBe(200);
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
