import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { EmbeddedPostgres } from '#platform';

const USAGE = `usage: npm run build:api && node dist/bench/round-trips.js [options]
The round trip of one statement to the embedded PostgreSQL over loopback TCP and over its Unix-domain
socket, with node-postgres alone (no api): rounds alternate the two, and each round runs
  sequential   N statements (SELECT 1) one after another on one connection
  parallel     N statements over C connections at once, each sending its share one after another
  connect      M connections opened (password authentication, scram-sha-256) and closed, one after another
Each gives the wall-clock time per statement (or connection); sequential and parallel also the CPU
time per statement of this process and of the server's backends (Linux: /proc/<pid>/schedstat),
which the machine's other work disturbs less than the wall clock.
  --statements N   statements per run (default 20000)
  --clients C      connections of the parallel run (default 10)
  --connects M     connections of the connect run (default 200)
  --rounds R       rounds (default 5)
DATA_DIR (default .data/round-trips) holds the server, made afresh.`;

const { values: args } = parseArgs({
  options: {
    statements: { type: 'string' },
    clients: { type: 'string' },
    connects: { type: 'string' },
    rounds: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

const settings = {
  statements: Number(args.statements ?? 20_000),
  clients: Number(args.clients ?? 10),
  connects: Number(args.connects ?? 200),
  rounds: Number(args.rounds ?? 5),
};

type Transport = 'tcp' | 'socket';
type Measure = 'sequential' | 'parallel' | 'connect';
type Figure = 'wall' | 'clientCpu' | 'serverCpu';
type Sample = Partial<Record<Figure, number>>;

async function connected(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** Nanoseconds a process has run on a CPU so far (the first field of /proc/<pid>/schedstat); NaN elsewhere. */
function runNanoseconds(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
  } catch {
    return Number.NaN;
  }
}

/** C connections each sending N / C statements one after another, all at once: µs per statement. */
async function statements(url: string, connections: number): Promise<Sample> {
  const clients = await Promise.all(Array.from({ length: connections }, () => connected(url)));
  try {
    const backends = await Promise.all(
      clients.map(async (client) => (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid),
    );
    const share = Math.ceil(settings.statements / connections);
    const total = share * connections;
    const serverBefore = backends.reduce((sum, pid) => sum + runNanoseconds(pid), 0);
    const clientBefore = process.cpuUsage();
    const started = performance.now();
    await Promise.all(
      clients.map(async (client) => {
        for (let i = 0; i < share; i++) await client.query('SELECT 1');
      }),
    );
    const wall = ((performance.now() - started) * 1000) / total;
    const client = process.cpuUsage(clientBefore);
    const server = backends.reduce((sum, pid) => sum + runNanoseconds(pid), 0) - serverBefore;
    return { wall, clientCpu: (client.user + client.system) / total, serverCpu: server / 1000 / total };
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
}

/** µs per connection opened, authenticated, asked one statement and closed. */
async function connect(url: string): Promise<Sample> {
  const started = performance.now();
  for (let i = 0; i < settings.connects; i++) {
    const client = await connected(url);
    await client.query('SELECT 1');
    await client.end();
  }
  return { wall: ((performance.now() - started) * 1000) / settings.connects };
}

const MEASURES: Record<Measure, (url: string) => Promise<Sample>> = {
  sequential: (url) => statements(url, 1),
  parallel: (url) => statements(url, settings.clients),
  connect,
};

const FIGURES: Record<Figure, string> = { wall: 'wall', clientCpu: 'node CPU', serverCpu: 'backend CPU' };

function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median =
    sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  return `min ${sorted[0]!.toFixed(1)} µs, median ${median.toFixed(1)} µs (${sorted.map((v) => v.toFixed(1)).join(', ')})`;
}

async function main(): Promise<void> {
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const dataDir = resolve(process.env['DATA_DIR'] ?? '.data/round-trips');
  rmSync(dataDir, { recursive: true, force: true });
  const server = new EmbeddedPostgres({ dataDir, database: 'jointcall', log: (message) => console.log(`[round-trips] ${message}`) });
  const socketUrl = await server.start();
  try {
    if (!new URL(socketUrl).searchParams.has('host')) throw new Error('the embedded server has no Unix-domain socket on this machine');
    const tcp = new URL(socketUrl);
    tcp.search = '';
    const urls: Record<Transport, string> = { tcp: tcp.toString(), socket: socketUrl };
    const results: Record<Measure, Record<Transport, Sample[]>> = {
      sequential: { tcp: [], socket: [] },
      parallel: { tcp: [], socket: [] },
      connect: { tcp: [], socket: [] },
    };
    // A warm-up of each, then rounds that alternate which transport goes first.
    for (const transport of ['tcp', 'socket'] as const) await MEASURES.sequential(urls[transport]);
    for (let round = 0; round < settings.rounds; round++) {
      const order: Transport[] = round % 2 === 0 ? ['tcp', 'socket'] : ['socket', 'tcp'];
      for (const measure of Object.keys(MEASURES) as Measure[]) {
        for (const transport of order) results[measure][transport].push(await MEASURES[measure](urls[transport]));
      }
    }
    console.log(
      `${settings.rounds} rounds; sequential and parallel: ${settings.statements} statements (parallel over ${settings.clients} connections); connect: ${settings.connects} connections`,
    );
    for (const measure of Object.keys(MEASURES) as Measure[]) {
      for (const figure of Object.keys(FIGURES) as Figure[]) {
        for (const transport of ['tcp', 'socket'] as const) {
          const values = results[measure][transport]
            .map((sample) => sample[figure])
            .filter((v): v is number => v !== undefined && !Number.isNaN(v));
          if (values.length > 0)
            console.log(`${measure.padEnd(10)} ${FIGURES[figure].padEnd(11)} ${transport.padEnd(6)} ${summary(values)}`);
        }
      }
    }
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
