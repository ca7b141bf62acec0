import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmbeddedPostgres, freePort, isPortFree, loadConfig, redactUrl, runMigrations, withDataSource } from '#platform';
import { createStreamingReplica, type StreamingReplica } from '#tooling';
import { schemaDataSourceOptions } from '#schema';
import { runSeeds } from '../../../seeds/index.js';
import { API_ENVIRONMENT, API_NODE_FLAGS } from '../../api/src/node-flags.js';
import { type Balancer, startBalancer } from './balancer.js';
import { ManagedProcess, ProcessRecordFile, type InstanceKind } from './processes.js';

export interface ClusterOptions {
  /** Holds the embedded PostgreSQL (`postgres/`), the replica, the logs (`logs/`) and e-mails written as files (`mail/`). */
  readonly dataDir: string;
  /** api processes behind the balancer (at least 1). */
  readonly apis?: number;
  /** worker processes (0 or more); the apis run with RUN_JOBS=false, so without a worker no job runs. */
  readonly workers?: number;
  /** A streaming replica of the primary, given to the apis as READ_DATABASE_URL. */
  readonly replica?: boolean;
  /** Port of the balancer; 0 picks a free one. The apis take the next ports (port + 1, ...) unless it is 0. */
  readonly port?: number;
  /**
   * Run the balancer as a process of its own instead of in this one (false by default): for a load
   * generator in this process, which would otherwise share its event loop. `served()` is then empty;
   * the balancer logs its counts when it stops.
   */
  readonly balancerProcess?: boolean;
  /** Ports of the apis, when they should not follow `port`. */
  readonly apiPorts?: readonly number[];
  /** An external PostgreSQL instead of the embedded one (no replica then). */
  readonly databaseUrl?: string;
  /** Migrate (always) and load the demo data once before the processes start; true by default. */
  readonly seed?: boolean;
  /** Environment of every api and worker, over this process's own (`SMTP_URL`, `REMINDER_OFFSETS`, `LOG_LEVEL`, ...). */
  readonly env?: Readonly<Record<string, string>>;
  /** Only for the apis / only for the workers. */
  readonly apiEnv?: Readonly<Record<string, string>>;
  readonly workerEnv?: Readonly<Record<string, string>>;
  /** Pass this process's environment on to the children (true by default). */
  readonly inheritEnv?: boolean;
  /** Extra settings of the embedded server (`fsync: 'off'` for throwaway runs). */
  readonly postgresSettings?: Readonly<Record<string, string>>;
  /** How long each process may take to become ready. */
  readonly startTimeoutMs?: number;
  /** The launcher's own progress messages. */
  readonly log?: (message: string) => void;
  /** An api or worker ended by itself (a crash) while the cluster runs. */
  readonly onProcessExit?: (name: string, code: number | null) => void;
  /** Every output line of every api and worker (JSON log lines), with the instance's name. */
  readonly onProcessLine?: (name: string, line: string) => void;
}

export interface ClusterInstance {
  /** `api-1`, `api-2`, `worker-1`, ... */
  readonly name: string;
  readonly kind: Exclude<InstanceKind, 'balancer'>;
  readonly pid: number;
  /** The api's own URL (bypassing the balancer); undefined for a worker. */
  readonly url: string | undefined;
  /** Its standard output and error: the JSON log lines, access log included. */
  readonly logFile: string;
}

export interface Cluster {
  /** The balancer: where clients go. */
  readonly url: string;
  /** The balancer's process, when `balancerProcess` was asked for. */
  readonly balancer: { readonly pid: number; readonly logFile: string } | undefined;
  readonly apis: readonly ClusterInstance[];
  readonly workers: readonly ClusterInstance[];
  /** The primary, with credentials. */
  readonly databaseUrl: string;
  /** The replica given to the apis for reads that may lag, when `replica` was asked for. */
  readonly replicaUrl: string | undefined;
  /** The access-token signing key shared by the apis (kept in DATA_DIR/secrets.json unless JWT_SECRET is given). */
  readonly jwtSecret: string;
  readonly dataDir: string;
  /** Requests the balancer handed to each api so far, in the order of `apis` (empty when it runs in its own process). */
  served(): readonly number[];
  /** Stops the balancer, then the apis and workers (SIGTERM, SIGKILL after 25 s), then the replica and the database. */
  stop(): Promise<void>;
  /** Ends the apis and workers at once (SIGKILL); `stop()` still has to be awaited for the rest. */
  kill(): void;
}

const DEFAULT_START_TIMEOUT_MS = 120_000;

/**
 * Several api processes behind a round-robin balancer and several workers, all separate OS
 * processes from dist/ on one PostgreSQL, on loopback: the primary (embedded under dataDir unless
 * databaseUrl is given) is migrated and seeded once, then every process starts at once and is
 * waited for (apis: GET /health/ready; workers: their ready line). Whatever fails on the way stops
 * what was already started.
 */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const apiCount = options.apis ?? 2;
  const workerCount = options.workers ?? 2;
  if (!Number.isInteger(apiCount) || apiCount < 1) throw new Error('a cluster needs at least one api');
  if (!Number.isInteger(workerCount) || workerCount < 0) throw new Error('the number of workers must be 0 or more');
  if (options.replica && options.databaseUrl !== undefined) throw new Error('a replica is made of the embedded primary only');
  const log = options.log ?? (() => undefined);
  const root = projectRoot();
  const scripts = {
    api: join(root, 'dist/apps/api/src/main.js'),
    worker: join(root, 'dist/apps/worker/src/main.js'),
    balancer: join(root, 'dist/apps/cluster/src/balancer-main.js'),
  };
  for (const script of Object.values(scripts)) {
    if (!existsSync(script)) throw new Error(`${script} is missing: build first (npm run build)`);
  }
  const dataDir = resolve(options.dataDir);
  const logDir = join(dataDir, 'logs');
  await mkdir(logDir, { recursive: true, mode: 0o755 });
  // The embedded server runs as the postgres user when the launcher is root: it must reach its folder.
  await chmod(dataDir, 0o755);

  const record = new ProcessRecordFile(join(dataDir, 'cluster-processes.json'));
  await record.claim(log);

  const started: ManagedProcess[] = [];
  let balancer: Balancer | undefined;
  let balancerChild: ManagedProcess | undefined;
  let replica: StreamingReplica | undefined;
  let primary: EmbeddedPostgres | undefined;
  let stopping: Promise<void> | undefined;
  const stopAll = (): Promise<void> =>
    (stopping ??= (async () => {
      await balancer?.close().catch(() => undefined);
      await balancerChild?.stop();
      await Promise.all(started.map((p) => p.stop()));
      // The replica is made afresh at each start: its slot goes with it, so the primary keeps no WAL for it.
      await replica?.discard().catch((error: unknown) => log(`replica: ${String(error)}`));
      await primary?.stop().catch((error: unknown) => log(`database: ${String(error)}`));
      await record.remove();
    })());

  try {
    let databaseUrl = options.databaseUrl;
    if (databaseUrl === undefined) {
      primary = new EmbeddedPostgres({
        dataDir,
        database: 'jointcall',
        log,
        ...(options.postgresSettings ? { settings: options.postgresSettings } : {}),
      });
      databaseUrl = await primary.start();
    }
    const migrationOptions = schemaDataSourceOptions(databaseUrl, 'jointcall-cluster', 10_000);
    const applied = await runMigrations(migrationOptions);
    log(applied.length > 0 ? `migrations applied: ${applied.length}` : 'schema up to date');
    if (options.seed ?? true) {
      const report = await withDataSource(migrationOptions, (dataSource) => runSeeds(dataSource));
      log(`demo data loaded (${Object.values(report.changed).reduce((a, b) => a + b, 0)} rows changed)`);
    }
    if (options.replica) {
      const replicaDir = join(dataDir, 'replica');
      await stopLeftoverServer(join(replicaDir, 'postgres'), log);
      await rm(replicaDir, { recursive: true, force: true });
      replica = await createStreamingReplica({ primaryUrl: databaseUrl, dataDir: replicaDir, log });
      log(`streaming replica at ${redactUrl(replica.url)}`);
    }

    const host = '127.0.0.1';
    const requestedPort = options.port ?? 3000;
    // A balancer of its own process needs its port before it starts, as do the apis (PUBLIC_URL).
    const balancerPort = requestedPort === 0 && options.balancerProcess ? await freePort() : requestedPort;
    const apiPorts = options.apiPorts ?? (await nextPorts(requestedPort, apiCount, balancerPort));
    if (apiPorts.length !== apiCount) throw new Error(`apiPorts must name ${apiCount} ports`);
    const inherited = options.inheritEnv === false ? {} : process.env;
    const jwtSecret = loadConfig({ DATA_DIR: dataDir, JWT_SECRET: options.env?.['JWT_SECRET'] ?? process.env['JWT_SECRET'] }).secrets
      .jwtSecret;
    const common = {
      ...inherited,
      ...options.env,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      JWT_SECRET: jwtSecret,
      // Migrated and seeded above, once.
      SEED_ON_START: 'false',
      // JSON lines: the launcher files them per process and tests read them.
      LOG_PRETTY: 'false',
    };
    const apiUrls = apiPorts.map((port) => `http://${host}:${port}`);
    const timeout = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
    // The balancer listens first: its URL is the apis' PUBLIC_URL.
    let balancerUrl: string;
    if (options.balancerProcess) {
      const child = new ManagedProcess({
        name: 'balancer',
        kind: 'balancer',
        script: scripts.balancer,
        cwd: root,
        env: { ...process.env, BALANCER_UPSTREAMS: apiUrls.join(','), HOST: host, PORT: String(balancerPort) },
        logFile: join(logDir, 'balancer.log'),
        ...(options.onProcessLine ? { onLine: options.onProcessLine } : {}),
      });
      balancerChild = child;
      await record.write([child]);
      await child.waitForLine((line) => logMessage(line).startsWith('balancer ready'), timeout, 'listening');
      balancerUrl = `http://${host}:${balancerPort}`;
    } else {
      balancer = await startBalancer({ upstreams: apiUrls, host, port: balancerPort });
      balancerUrl = balancer.url;
    }
    const publicUrl = options.env?.['PUBLIC_URL'] ?? balancerUrl;

    const spawnProcess = (kind: Exclude<InstanceKind, 'balancer'>, index: number, env: NodeJS.ProcessEnv): ManagedProcess => {
      const name = `${kind}-${index + 1}`;
      const child = new ManagedProcess({
        name,
        kind,
        script: scripts[kind],
        ...(kind === 'api' ? { nodeFlags: API_NODE_FLAGS } : {}),
        cwd: root,
        env,
        logFile: join(logDir, `${name}.log`),
        ...(options.onProcessLine ? { onLine: options.onProcessLine } : {}),
      });
      started.push(child);
      return child;
    };
    const apis = apiPorts.map((port, i) =>
      spawnProcess('api', i, {
        ...API_ENVIRONMENT,
        ...common,
        PUBLIC_URL: publicUrl,
        HOST: host,
        PORT: String(port),
        RUN_JOBS: 'false',
        // The balancer sets X-Forwarded-For: the login limits per client address see the client.
        TRUST_PROXY: '127.0.0.1',
        ...(replica ? { READ_DATABASE_URL: replica.url } : {}),
        ...options.apiEnv,
      }),
    );
    const workers = Array.from({ length: workerCount }, (_, i) =>
      spawnProcess('worker', i, { ...common, PUBLIC_URL: publicUrl, RUN_JOBS: 'true', ...options.workerEnv }),
    );
    await record.write(balancerChild ? [balancerChild, ...started] : started);
    await Promise.all([
      ...apis.map((api, i) => api.waitUntil(() => isReady(apiUrls[i]!), timeout, 'ready (GET /health/ready)')),
      ...workers.map((worker) => worker.waitForLine((line) => logMessage(line).startsWith('jointcall worker ready'), timeout, 'ready')),
    ]);

    for (const p of balancerChild ? [balancerChild, ...started] : started) {
      void p.whenExited().then((code) => {
        if (stopping === undefined) options.onProcessExit?.(p.name, code);
      });
    }
    const describe = (p: ManagedProcess, url?: string): ClusterInstance => ({
      name: p.name,
      kind: p.kind === 'worker' ? 'worker' : 'api',
      pid: p.pid,
      url,
      logFile: p.logFile,
    });
    const inProcess = balancer;
    return {
      url: balancerUrl,
      balancer: balancerChild ? { pid: balancerChild.pid, logFile: balancerChild.logFile } : undefined,
      apis: apis.map((api, i) => describe(api, apiUrls[i])),
      workers: workers.map((worker) => describe(worker)),
      databaseUrl,
      replicaUrl: replica?.url,
      jwtSecret,
      dataDir,
      served: () => inProcess?.served() ?? [],
      stop: stopAll,
      kill: () => [balancerChild, ...started].forEach((p) => p?.kill()),
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** The folder with package.json: the source tree under tests, the repository (above dist/) at run time. */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the project folder (package.json) above the cluster module');
    dir = parent;
  }
  return dir;
}

/** A server still running in a cluster folder (its launcher was killed hard): fast shutdown (SIGINT), then wait for it to go. */
async function stopLeftoverServer(clusterDir: string, log: (message: string) => void): Promise<void> {
  const pid = Number.parseInt((await readFile(join(clusterDir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !signal(pid, 0)) return;
  log(`stopping the PostgreSQL server left running in ${clusterDir}`);
  signal(pid, 'SIGINT');
  const until = Date.now() + 30_000;
  while (signal(pid, 0) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
}

function signal(pid: number, which: NodeJS.Signals | 0): boolean {
  try {
    process.kill(pid, which);
    return true;
  } catch {
    return false;
  }
}

async function isReady(base: string): Promise<boolean> {
  const response = await fetch(`${base}/health/ready`, { signal: AbortSignal.timeout(3000) });
  await response.body?.cancel();
  return response.ok;
}

/** The `msg` of a JSON log line, or the line itself. */
export function logMessage(line: string): string {
  try {
    const parsed = JSON.parse(line) as { msg?: unknown };
    return typeof parsed.msg === 'string' ? parsed.msg : line;
  } catch {
    return line;
  }
}

/** Ports for the apis: the ones after the balancer's when it has a fixed port (checked free), free ones otherwise. */
async function nextPorts(balancerPort: number, count: number, taken: number): Promise<number[]> {
  if (balancerPort === 0) {
    const ports = new Set<number>();
    while (ports.size < count) {
      const port = await freePort();
      if (port !== taken) ports.add(port);
    }
    return [...ports];
  }
  const ports = Array.from({ length: count }, (_, i) => balancerPort + 1 + i);
  for (const port of ports) {
    if (!(await isPortFree(port))) throw new Error(`port ${port} (for an api) is in use; choose another PORT`);
  }
  return ports;
}
