import 'reflect-metadata';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { redactUrl } from '#platform';
import { type Cluster, startCluster } from './cluster.js';

const USAGE = `usage: npm run cluster -- [--apis N] [--workers N] [--replica] [--port P] [--quiet]
  --apis N      api processes behind the balancer (2)
  --workers N   worker processes (2)
  --replica     a streaming replica of the database for the apis' lagging reads
  --port P      the balancer's port (PORT, else 3000); the apis take the next ports
  --quiet       do not echo the processes' logs (they are in DATA_DIR/logs either way)
DATA_DIR (default .data/cluster) holds the database, logs and e-mails; DATABASE_URL uses an
external PostgreSQL instead. Any other variable (SMTP_URL, REMINDER_OFFSETS, LOG_LEVEL, ...) is
passed on to every api and worker.`;

/** Nest's start-up lines (modules loaded, routes mapped): in the log files, not on the console. */
const START_UP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/** `npm run cluster`: several api instances behind a round-robin balancer, and several workers, on one PostgreSQL. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      apis: { type: 'string', default: '2' },
      workers: { type: 'string', default: '2' },
      replica: { type: 'boolean', default: false },
      port: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const count = (name: string, raw: string, min: number): number => {
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > 16)
      throw new Error(`--${name} must be a whole number from ${min} to 16 (got "${raw}")`);
    return value;
  };
  const dataDir = resolve(process.env['DATA_DIR'] ?? '.data/cluster');
  if (dataDir === resolve('.data'))
    throw new Error('DATA_DIR .data belongs to npm start; the cluster keeps its own (.data/cluster by default)');
  const rawPort = values.port ?? process.env['PORT'] ?? '3000';
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port < 1 || port > 65_000) throw new Error(`--port must be a port number (got "${rawPort}")`);
  const databaseUrl = process.env['DATABASE_URL'];
  const say = (message: string) => console.log(`${clock()} cluster   ${message}`);

  const cluster = await startCluster({
    dataDir,
    apis: count('apis', values.apis, 1),
    workers: count('workers', values.workers, 0),
    replica: values.replica,
    port,
    ...(databaseUrl ? { databaseUrl } : {}),
    log: say,
    ...(values.quiet ? {} : { onProcessLine: (name: string, line: string) => echo(name, line) }),
    onProcessExit: (name, code) => say(`${name} exited (code ${String(code)}); see ${relative('.', `${dataDir}/logs/${name}.log`)}`),
  });
  stopOnSignal(cluster, say);
  printLayout(cluster, databaseUrl === undefined);
}

function printLayout(cluster: Cluster, embedded: boolean): void {
  const at = (path: string) => {
    const near = relative('.', path);
    return near.startsWith('..') ? path : near || '.';
  };
  const rows: [string, string][] = [
    ['balancer', `${cluster.url}  (round robin over ${cluster.apis.length} api${cluster.apis.length > 1 ? 's' : ''})`],
    ...cluster.apis.map((api): [string, string] => [api.name, `${api.url}  pid ${api.pid}  log ${at(api.logFile)}`]),
    ...cluster.workers.map((worker): [string, string] => [worker.name, `pid ${worker.pid}  log ${at(worker.logFile)}`]),
    ['database', `${redactUrl(cluster.databaseUrl)}${embedded ? `  (embedded, data in ${at(cluster.dataDir)})` : ''}`],
  ];
  if (cluster.replicaUrl) rows.push(['replica', `${redactUrl(cluster.replicaUrl)}  (READ_DATABASE_URL of the apis)`]);
  rows.push(['e-mail', process.env['SMTP_URL'] ? redactUrl(process.env['SMTP_URL']) : `files in ${at(`${cluster.dataDir}/mail`)}`]);
  rows.push(['API docs', `${cluster.url}/docs`]);
  console.log(
    [
      '',
      `jointcall cluster ready at ${cluster.url}`,
      ...rows.map(([name, value]) => `  ${`${name}:`.padEnd(10)} ${value}`),
      'Demo accounts as in the README (password jointcall-demo). Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
}

/**
 * The first SIGINT or SIGTERM stops everything in order. A repeat within a few seconds is ignored
 * (npm passes Ctrl-C on as well, so it often arrives twice); a later one ends the processes at once.
 */
function stopOnSignal(cluster: Cluster, say: (message: string) => void): void {
  let stoppingSince: number | undefined;
  const handle = (signal: NodeJS.Signals): void => {
    if (stoppingSince !== undefined) {
      if (Date.now() - stoppingSince < 3000) return;
      say(`${signal} again: ending the api and worker processes now`);
      cluster.kill();
      return;
    }
    stoppingSince = Date.now();
    say(`${signal}: stopping the balancer, the apis and workers, then the database`);
    cluster.stop().then(
      () => {
        say('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(error instanceof Error ? (error.stack ?? error.message) : error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
}

/** A JSON log line of an api or worker, short: time, instance, level, message (or the request and its answer). */
function echo(name: string, line: string): void {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    console.log(`${clock()} ${name.padEnd(9)} ${line}`);
    return;
  }
  if (START_UP_CONTEXTS.has(String(entry['context']))) return;
  const level = LEVELS[Number(entry['level'])] ?? 'INFO';
  const time = typeof entry['time'] === 'number' ? clock(new Date(entry['time'])) : clock();
  const req = entry['req'] as { method?: string; url?: string } | undefined;
  const res = entry['res'] as { statusCode?: number } | undefined;
  const err = entry['err'] as { message?: string } | undefined;
  let text = typeof entry['msg'] === 'string' ? entry['msg'] : '';
  if (req?.method && res?.statusCode !== undefined) {
    text = `${req.method} ${req.url ?? ''} ${res.statusCode} ${typeof entry['responseTime'] === 'number' ? entry['responseTime'] : '?'} ms`;
  }
  if (err?.message) text = `${text}: ${err.message}`;
  console.log(`${time} ${name.padEnd(9)} ${level.padEnd(5)} ${text}`);
}

function clock(at = new Date()): string {
  return at.toTimeString().slice(0, 8) + `.${String(at.getMilliseconds()).padStart(3, '0')}`;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
