import { spawn, spawnSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { createRootLogger, dataSourceOptions, EmbeddedPostgres, loadConfig, runMigrations } from '#platform';
import { entities, migrations } from '#schema';
import { createApp } from '../apps/api/src/create-app.js';

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

function server(dir: string, options: { attachToRunning?: boolean } = {}): EmbeddedPostgres {
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
