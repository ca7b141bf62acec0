import 'reflect-metadata';
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ACCESS_TOKEN_TTL_SECONDS } from '#identity';
import { type AppConfig, type DatabaseRuntime, EmbeddedPostgres, loadConfig, openDatabase } from '#platform';
import { API_ENVIRONMENT, API_NODE_FLAGS } from '../apps/api/src/node-flags.js';
import { SCALE_EMAIL_DOMAIN, SCALE_PASSWORD } from '../seeds/scale/scale-data.js';
import { principalHeader } from './baseline/server.js';
import { loadFixtures, loadSignInUsers, loadSubmitPool, refreshVersions, usersOf } from './fixtures.js';
import { offer, type RunResult, saturate } from './load.js';
import {
  type MeasuredOperation,
  measuredOperations,
  OPERATION_NAMES,
  OPERATION_TARGETS,
  type OperationName,
  type OperationTarget,
  shareSubmits,
} from './operations.js';
import { type PlanRecord, recordPlans } from './plans.js';
import { PostgresMeters } from './postgres-meters.js';
import { markdownReport, mean, type BenchReport, type OperationReport, type OperationRun, type ScenarioReport } from './report.js';
import { type BenchUser, type Credentials, scenarios } from './scenarios.js';
import { type SignInReport, signInAtOnce } from './sign-ins.js';
import { prepareUploads, uploadAll, type UploadReport } from './uploads.js';

const USAGE = `usage: npm run bench [-- options]
  --applications N   applications to generate (default 100000)
  --seconds S        length of each measured run (default 10)
  --warmup S         warm-up of each target before a scenario or an operation (default 3), and of
                     each fixed-rate run of an operation alone, at its rate, before its timed window
  --connections C    connections at saturation (default 32)
  --rate-fraction F  fixed offered rate, as a fraction of the slower target's saturation throughput (default 0.7)
  --rounds R         rounds of each mode per scenario and operation, alternating the targets (default 2)
  --scenarios LIST   comma-separated, e.g. S1,S2 (default all; none: no scenario)
  --operations LIST  operations run alone against jointcall, the same-SQL baseline and the bare one:
                     save (a draft save with If-Match), list (a page of the office's list),
                     submit (a PI's submission); comma-separated (default save,list,submit; none: none)
  --submits N        submissions of each target per submit run (default 400; 4 with --smoke); fewer
                     when there are not enough drafts
  --instances N      api processes on the one database, requests spread over them in turn (default 1)
  --reuse            keep the data already in the database (DATABASE_URL) instead of generating it
  --tcp              every process reaches the bench's embedded PostgreSQL over loopback TCP instead of
                     its Unix-domain socket (the default where the platform allows it)
  --uploads N        research plans uploaded at once during a surge run (default 50; 5 with --smoke)
  --upload-mb M      size of each, in MB (default 10; 1 with --smoke)
  --previous DIR     a checkout of an earlier commit, built there (npm run build:api): its api runs
                     beside this one in each scenario's saturation rounds, on the same data and
                     tokens, and the report gives jointcall / previous throughput
  --logins N         researchers who sign in all at once, each with an account of their own, during a
                     surge run (default 550; 20 with --smoke; 0: none)
  --smoke            a few seconds on a small data set: checks that the bench works, not its speed
  --port P           the api listens on P, the same-SQL baseline on P+1, the bare one on P+2, --previous
                     on P+3, further api instances on P+10 and up (default 3801): two benches on one
                     machine need two
  --out DIR          where results go (default bench/results)`;

const { values: args } = parseArgs({
  options: {
    applications: { type: 'string' },
    seconds: { type: 'string' },
    warmup: { type: 'string' },
    connections: { type: 'string' },
    'rate-fraction': { type: 'string' },
    rounds: { type: 'string' },
    scenarios: { type: 'string' },
    operations: { type: 'string' },
    submits: { type: 'string' },
    instances: { type: 'string' },
    uploads: { type: 'string' },
    'upload-mb': { type: 'string' },
    previous: { type: 'string' },
    logins: { type: 'string' },
    smoke: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    tcp: { type: 'boolean', default: false },
    port: { type: 'string' },
    out: { type: 'string', default: 'bench/results' },
    help: { type: 'boolean', default: false },
  },
});

const smoke = args.smoke === true;
const settings = {
  applications: Number(args.applications ?? (smoke ? 2000 : 100_000)),
  seconds: Number(args.seconds ?? (smoke ? 1 : 10)),
  warmup: Number(args.warmup ?? (smoke ? 0.5 : 3)),
  connections: Number(args.connections ?? (smoke ? 4 : 32)),
  rateFraction: Number(args['rate-fraction'] ?? 0.7),
  rounds: Number(args.rounds ?? (smoke ? 1 : 2)),
  scenarios: (args.scenarios ?? 'S1,S2,S3,S4').split(',').map((s) => s.trim().toUpperCase()),
  operations: operationsOf(args.operations ?? OPERATION_NAMES.join(',')),
  submits: Number(args.submits ?? (smoke ? 4 : 400)),
  instances: Number(args.instances ?? 1),
  uploads: Number(args.uploads ?? (smoke ? 5 : 50)),
  uploadBytes: Math.round(Number(args['upload-mb'] ?? (smoke ? 1 : 10)) * 1024 * 1024),
  logins: Number(args.logins ?? (smoke ? 20 : 550)),
  port: Number(args.port ?? 3801),
  fixtures: smoke
    ? { researchers: 200, editing: 150, offices: 5, reviewers: 10 }
    : { researchers: 1000, editing: 1000, offices: 50, reviewers: 300 },
};

/** The --operations list: names of OPERATION_NAMES, or none. */
function operationsOf(list: string): OperationName[] {
  const names = list
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '' && name !== 'none');
  const unknown = names.filter((name) => !(OPERATION_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`unknown operations: ${unknown.join(', ')}\n${USAGE}`);
  return names as OperationName[];
}

const log = (message: string) => console.log(`[bench] ${message}`);
const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;

async function main(): Promise<void> {
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const started = performance.now();
  const dataDir = resolve(process.env['DATA_DIR'] ?? '.data/bench');
  const external = process.env['DATABASE_URL'] !== undefined;
  if (args.reuse && !external) throw new Error('--reuse needs DATABASE_URL: the embedded database is made afresh for each run');
  if (!external) rmSync(dataDir, { recursive: true, force: true });
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir });
  const database = await openBenchDatabase(config);
  const children: ChildProcess[] = [];
  let db: pg.Client | undefined;
  try {
    log(
      `database: ${database.embedded ? `embedded PostgreSQL under ${dataDir}, over ${overSocket(database.url) ? 'its Unix-domain socket' : 'loopback TCP'}` : 'DATABASE_URL'}`,
    );
    const env = { ...process.env, DATABASE_URL: database.url, DATA_DIR: dataDir };

    let t = performance.now();
    if (!args.reuse) {
      await runToEnd(
        fork('dist/apps/cli/src/main.js', ['seed:scale', '--applications', String(settings.applications), '--replace'], { env }),
      );
    }
    const generation = seconds(t);
    log(args.reuse ? 'the data already in the database is used' : `generated ${settings.applications} applications in ${generation} s`);

    const client = new pg.Client({ connectionString: database.url });
    db = client;
    await client.connect();
    const fixtures = await loadFixtures(client, SCALE_EMAIL_DOMAIN, settings.fixtures);
    const [{ applications }] = (await client.query<{ applications: number }>(`SELECT count(*)::int AS applications FROM applications`))
      .rows as [{ applications: number }];
    log(
      `fixtures: ${fixtures.editing.length} drafts edited, ${fixtures.submitting.length} to submit, ${fixtures.approving.length} sides to approve, ` +
        `${fixtures.offices.length} offices, ${fixtures.assignments.length} open reviews`,
    );
    // Each operation run alone: a warm-up and the rounds of both modes, for each target; submits use drafts up.
    const operationRuns = settings.rounds * 2;
    const submits = shareSubmits(
      settings.operations.includes('submit')
        ? await loadSubmitPool(
            client,
            SCALE_EMAIL_DOMAIN,
            fixtures,
            OPERATION_TARGETS.length * (settings.connections + settings.submits * operationRuns),
          )
        : [],
      { perRun: settings.submits, warmup: settings.connections, runs: operationRuns },
    );
    if (settings.operations.includes('submit')) {
      log(`submit runs: ${submits.perRun} submissions each, after a warm-up of ${submits.warmup}, each target its own drafts`);
      if (submits.perRun === 0) throw new Error('no drafts left to submit for the submit runs');
    }
    const operations = measuredOperations(fixtures, submits).filter((o) => settings.operations.includes(o.name));
    // Each target connects as a database role of its own, so that its statements can be told apart.
    const roles = database.embedded && operations.length > 0 ? await targetRoles(client, database.url) : undefined;
    const meters = operations.length > 0 ? await PostgresMeters.open(client, database.postmasterPidFile, roles !== undefined) : undefined;
    if (meters) log(`PostgreSQL CPU: ${meters.cpu}; statements: ${meters.statements}`);

    t = performance.now();
    const plans = await recordPlans(database.url, fixtures);
    log(`${plans.length} plans of the office's reads and a call's statistics recorded in ${seconds(t)} s`);

    const selected = scenarios(fixtures).filter((s) => settings.scenarios.includes(s.name.split(' ')[0]!));
    const reports: ScenarioReport[] = [];
    let peakMemoryMb = 0;
    let uploads: UploadReport | undefined;
    let signIns: SignInReport | undefined;
    const operationReports: OperationReport[] = [];
    if (selected.length > 0 || operations.length > 0) {
      const logFile = join(dataDir, 'bench-api.log');
      mkdirSync(dataDir, { recursive: true });
      // Every instance signs with the same secret, so a token from one is good on the others.
      const jwtSecret = randomBytes(32).toString('base64url');
      const apiUrls = Array.from({ length: settings.instances }, (_, i) => `http://127.0.0.1:${settings.port + (i === 0 ? 0 : 9 + i)}`);
      const apis: ChildProcess[] = [];
      for (const url of apiUrls) {
        const api = await startProcess(
          'dist/apps/api/src/main.js',
          [],
          { ...API_ENVIRONMENT, ...env, ...(roles ? { DATABASE_URL: roles.jointcall.url } : {}), ...apiEnv(url, jwtSecret) },
          `${url}/health/ready`,
          logFile,
          API_NODE_FLAGS,
        );
        children.push(api);
        apis.push(api);
      }
      const previousUrl = `http://127.0.0.1:${settings.port + 3}`;
      if (args.previous !== undefined) {
        // An earlier build's api, as this one runs (the data's schema may be newer: it only adds).
        const previous = await startProcess(
          resolve(args.previous, 'dist/apps/api/src/main.js'),
          [],
          { ...env, ...apiEnv(previousUrl, jwtSecret) },
          `${previousUrl}/health/ready`,
          logFile,
        );
        children.push(previous);
      }
      const baseline = await startProcess(
        'dist/bench/baseline/server.js',
        [String(settings.port + 1)],
        { ...env, ...(roles ? { DATABASE_URL: roles['same-sql'].url } : {}) },
        undefined,
        logFile,
      );
      children.push(baseline);
      if (operations.length > 0) {
        const bare = await startProcess(
          'dist/bench/bare/server.js',
          [String(settings.port + 2)],
          { ...env, ...(roles ? { DATABASE_URL: roles.bare.url } : {}) },
          undefined,
          logFile,
        );
        children.push(bare);
      }

      t = performance.now();
      // The PIs of jointcall's drafts to submit sign in too; the baselines name the caller in a header.
      const users = [...usersOf(fixtures), ...submits.shares.jointcall.map((d) => d.pi)];
      const tokens = await signIn(apiUrls[0]!, users);
      let signedInAt = performance.now();
      // A whole bench outlasts an access token (ACCESS_TOKEN_TTL_SECONDS): every user signs in
      // again before a scenario or an operation that could otherwise run past its tokens' expiry.
      const signInAgainIfOld = async () => {
        if (performance.now() - signedInAt < (ACCESS_TOKEN_TTL_SECONDS / 2) * 1000) return;
        const started = performance.now();
        for (const [id, token] of await signIn(apiUrls[0]!, users)) tokens.set(id, token);
        signedInAt = performance.now();
        log(`${tokens.size} users signed in again in ${seconds(started)} s`);
      };
      log(`${tokens.size} users signed in in ${seconds(t)} s`);

      const bearer = ((u) => ({ authorization: `Bearer ${tokens.get(u.id)}` })) as Credentials;
      const targets = {
        baseline: {
          urls: [`http://127.0.0.1:${settings.port + 1}`],
          credentials: ((u) => ({ 'x-principal': principalHeader(u) })) as Credentials,
        },
        jointcall: { urls: apiUrls, credentials: bearer },
        previous: { urls: [previousUrl], credentials: bearer },
      };
      const compared =
        args.previous !== undefined ? (['baseline', 'jointcall', 'previous'] as const) : (['baseline', 'jointcall'] as const);
      for (const scenario of selected) {
        await signInAgainIfOld();
        log(`${scenario.name}: ${scenario.description}`);
        /** One run: each starts from the versions in the database, vacuumed, and with nothing in flight. */
        const measure = async (name: keyof typeof targets, run: typeof saturate, load: number, length: number) => {
          await new Promise((r) => setTimeout(r, 250));
          await refreshVersions(client, fixtures);
          // Each run starts from a vacuumed, analysed database: otherwise autovacuum, which wakes once a
          // minute, lands at the same point of every scenario, always on the same target's run.
          await client.query('VACUUM (ANALYZE)');
          return run(targets[name].urls, load, length, scenario.next(targets[name].credentials));
        };
        for (const name of compared) await measure(name, saturate, settings.connections, settings.warmup);
        const memory = scenario.name.startsWith('S1') ? sampleMemory(apis.map((api) => api.pid!)) : undefined;
        const runs: Record<keyof typeof targets, RunResult[]> = { baseline: [], jointcall: [], previous: [] };
        // Saturation, then the fixed rate, each in rounds that alternate the targets, so that the
        // drift of a shared machine falls on all alike. An earlier build runs at saturation only.
        for (let round = 1; round <= settings.rounds; round++) {
          for (const name of compared) {
            runs[name].push(await measure(name, saturate, settings.connections, settings.seconds));
            log(`  ${name} at saturation: ${describe(runs[name].at(-1)!)}`);
          }
        }
        // One rate for both, that both can carry: offered more than it can answer, a target's queue
        // grows for the whole run and its tail measures the overload, not its latency.
        const saturation = Math.min(...(['baseline', 'jointcall'] as const).map((name) => mean(runs[name].map((r) => r.throughput))));
        const rate = Math.max(1, Math.round(saturation * settings.rateFraction));
        for (let round = 1; round <= settings.rounds; round++) {
          for (const name of ['baseline', 'jointcall'] as const) {
            runs[name].push(await measure(name, offer, rate, settings.seconds));
            log(`  ${name} at ${rate}/s: ${describe(runs[name].at(-1)!)}`);
          }
        }
        if (memory) peakMemoryMb = Math.max(peakMemoryMb, memory.stop());
        if (scenario.name.startsWith('S1') && settings.uploads > 0) {
          // Deadline day: researchers upload their plans all at once while the surge goes on.
          const requirements = await prepareUploads(client, fixtures.editing, settings.uploadBytes, dataDir);
          await refreshVersions(client, fixtures);
          const during = sampleMemory(apis.map((api) => api.pid!));
          const [result] = await Promise.all([
            uploadAll(
              apiUrls[0]!,
              fixtures.editing,
              requirements,
              (draft) => tokens.get(draft.pi.id)!,
              join(dataDir, 'plan.pdf'),
              settings.uploads,
            ),
            saturate(apiUrls, settings.connections, settings.seconds, scenario.next(targets.jointcall.credentials)),
          ]);
          uploads = { ...result, uploads: settings.uploads, bytesEach: settings.uploadBytes, apiPeakMemoryMb: during.stop() };
          log(
            `  ${settings.uploads} uploads of ${settings.uploadBytes} bytes during the surge: ${uploads.created} created, ` +
              `${uploads.failed.length} failed, p50 ${uploads.p50Ms} ms, max ${uploads.maxMs} ms; api peak ${uploads.apiPeakMemoryMb} MB`,
          );
        }
        if (scenario.name.startsWith('S1') && settings.logins > 0) {
          // Deadline morning: researchers sign in all at once, each to their own account, while the surge goes on.
          const users = await loadSignInUsers(client, SCALE_EMAIL_DOMAIN, settings.logins);
          await refreshVersions(client, fixtures);
          const apiMemoryBeforeMb = memoryMb(apis.map((api) => api.pid!));
          const during = sampleMemory(apis.map((api) => api.pid!));
          const [result] = await Promise.all([
            signInAtOnce(apiUrls[0]!, users, SCALE_PASSWORD),
            saturate(apiUrls, settings.connections, settings.seconds, scenario.next(targets.jointcall.credentials)),
          ]);
          signIns = { ...result, logins: users.length, apiMemoryBeforeMb, apiPeakMemoryMb: during.stop() };
          log(
            `  ${signIns.logins} sign-ins at once during the surge: ${signIns.signedIn} signed in, ${signIns.failed.length} failed, ` +
              `p50 ${signIns.p50Ms} ms, max ${signIns.maxMs} ms; api ${apiMemoryBeforeMb} MB before, peak ${signIns.apiPeakMemoryMb} MB`,
          );
        }
        reports.push({
          name: scenario.name,
          description: scenario.description,
          baseline: runs.baseline,
          jointcall: runs.jointcall,
          ...(args.previous !== undefined ? { previous: runs.previous } : {}),
        });
      }

      const operationTargets: Record<OperationTarget, { urls: readonly string[]; credentials: Credentials }> = {
        jointcall: targets.jointcall,
        'same-sql': targets.baseline,
        bare: { urls: [`http://127.0.0.1:${settings.port + 2}`], credentials: targets.baseline.credentials },
      };
      for (const operation of operations) {
        await signInAgainIfOld();
        if (!meters) break;
        log(`${operation.name}: ${operation.description}`);
        const settle = async () => {
          await new Promise((r) => setTimeout(r, 250));
          await refreshVersions(client, fixtures);
          await client.query('VACUUM (ANALYZE)');
        };
        operationReports.push(await measureOperation(operation, operationTargets, settle, meters, roles));
      }
    }

    const report: BenchReport = {
      date: new Date().toISOString(),
      machine: machine(),
      database: database.embedded
        ? `embedded PostgreSQL over ${overSocket(database.url) ? 'its Unix-domain socket' : 'loopback TCP'}`
        : 'DATABASE_URL',
      settings: { ...settings, smoke },
      generation: { applications, seconds: args.reuse ? 0 : generation },
      apiPeakMemoryMbDuringS1: peakMemoryMb,
      ...(uploads ? { uploads } : {}),
      ...(signIns ? { signIns } : {}),
      scenarios: reports,
      operations: operationReports,
      meters: meters
        ? { postgresCpu: meters.cpu, statements: meters.statements }
        : { postgresCpu: 'no operation run', statements: 'no operation run' },
      plans,
      totalSeconds: seconds(started),
    };
    const markdown = markdownReport(report);
    const out = resolve(args.out);
    mkdirSync(out, { recursive: true });
    const stamp = report.date.replace(/[:.]/g, '-');
    writeFileSync(join(out, `${stamp}${smoke ? '-smoke' : ''}.json`), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(out, `${stamp}${smoke ? '-smoke' : ''}.md`), markdown);
    console.log(`\n${markdown}`);
    log(`results in ${out}; ${report.totalSeconds} s in all`);
    if (smoke) assertWorked(reports, operationReports, meters, plans, uploads, signIns);
  } finally {
    await db?.end();
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : Promise.resolve())));
    await database.close();
  }
}

/** How the bench runs an api (this build's or an earlier one's) listening on `url`. */
function apiEnv(url: string, jwtSecret: string): NodeJS.ProcessEnv {
  return {
    PORT: new URL(url).port,
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    JWT_SECRET: jwtSecret,
    SEED_ON_START: 'false',
    RUN_JOBS: 'false',
    // The scenarios measure throughput: the per-user export limit would answer them 429.
    RATE_LIMIT_EXPORTS: '1000000',
  };
}

/**
 * The smoke run checks that every scenario ran every operation on both targets, and every operation
 * alone ran on its three, without a failure, and that the meters read; not its speed.
 */
function assertWorked(
  reports: readonly ScenarioReport[],
  operations: readonly OperationReport[],
  meters: PostgresMeters | undefined,
  plans: readonly PlanRecord[],
  uploads: UploadReport | undefined,
  signIns: SignInReport | undefined,
): void {
  const problems: string[] = [];
  if (uploads && uploads.failed.length > 0) problems.push(`uploads failed: ${uploads.failed.join('; ')}`);
  if (signIns && signIns.failed.length > 0) problems.push(`sign-ins failed: ${signIns.failed.join('; ')}`);
  if (plans.length === 0) problems.push('no plan was recorded');
  const check = (what: string, r: RunResult) => {
    if (r.requests === 0 || r.errors > 0 || r.non2xx > 0) {
      problems.push(`${what} ${r.mode}: ${r.requests} requests, ${r.errors} errors, ${JSON.stringify(r.statuses)}`);
    }
  };
  for (const s of reports) {
    for (const r of s.baseline) check(`${s.name} baseline`, r);
    for (const r of s.jointcall) check(`${s.name} jointcall`, r);
  }
  for (const o of operations) {
    for (const target of OPERATION_TARGETS) {
      for (const r of o.runs[target]) {
        check(`${o.name} ${target}`, r);
        if (meters?.countsStatements && r.statementsPerRequest === null) problems.push(`${o.name} ${target} ${r.mode}: no statement count`);
        if (meters?.readsCpu && r.postgresCpuMsPerRequest === null) problems.push(`${o.name} ${target} ${r.mode}: no CPU time`);
      }
    }
  }
  if (problems.length > 0) throw new Error(`the bench did not work:\n${problems.join('\n')}`);
  log('smoke: every scenario ran on both targets, and every operation alone on its three, without an error');
}

/**
 * One operation alone against each target in turn: a warm-up each, then rounds at saturation and
 * rounds at one fixed rate for all three (the slowest one's saturation throughput times the rate
 * fraction), alternating the targets, each run metered. Each fixed-rate run is timed after a
 * warm-up at its rate (unless the operation uses its fixtures up): between its rounds a target
 * sits idle while the others run, and every round would otherwise time its restart (the pool's
 * connections closed when idle, the sessions' cache expired, new client connections) along with
 * the steady state the rate is meant to show; the restart is measured where it belongs, in the
 * scenarios' surge runs.
 */
async function measureOperation(
  operation: MeasuredOperation,
  targets: Readonly<Record<OperationTarget, { urls: readonly string[]; credentials: Credentials }>>,
  settle: () => Promise<void>,
  meters: PostgresMeters,
  roles: Readonly<Record<OperationTarget, { role: string }>> | undefined,
): Promise<OperationReport> {
  const run = async (target: OperationTarget, mode: RunResult['mode'], load: number, length: number, amount?: number) => {
    await settle();
    const { urls, credentials } = targets[target];
    const next = operation.next(target, credentials);
    const before = await meters.read(roles?.[target].role);
    const result =
      mode === 'saturation'
        ? await saturate(urls, load, length, next, amount)
        : await offer(urls, load, length, next, operation.perRun === undefined ? settings.warmup : 0);
    // What the server still had in hand when autocannon stopped is finished, and counted, before the meters are read.
    await meters.waitIdle(roles?.[target].role);
    const after = await meters.read(roles?.[target].role);
    return { ...result, ...meters.perRequest(before, after, result.sent) } satisfies OperationRun;
  };
  for (const target of OPERATION_TARGETS) await run(target, 'saturation', settings.connections, settings.warmup, operation.warmup);
  const runs: Record<OperationTarget, OperationRun[]> = { jointcall: [], 'same-sql': [], bare: [] };
  for (let round = 1; round <= settings.rounds; round++) {
    for (const target of OPERATION_TARGETS) {
      runs[target].push(await run(target, 'saturation', settings.connections, settings.seconds, operation.perRun));
      log(`  ${target} at saturation: ${describeCost(runs[target].at(-1)!)}`);
    }
  }
  const saturation = Math.min(...OPERATION_TARGETS.map((target) => mean(runs[target].map((r) => r.throughput))));
  const rate = Math.max(1, Math.round(saturation * settings.rateFraction));
  // An operation that uses its fixtures up offers no more than a run's share: at this rate, its run may end sooner.
  const length =
    operation.perRun === undefined ? settings.seconds : Math.min(settings.seconds, Math.floor((operation.perRun / rate) * 1000) / 1000);
  for (let round = 1; round <= settings.rounds; round++) {
    for (const target of OPERATION_TARGETS) {
      runs[target].push(await run(target, 'fixed-rate', rate, length));
      log(`  ${target} at ${rate}/s: ${describeCost(runs[target].at(-1)!)}`);
    }
  }
  return { name: operation.name, description: operation.description, runs };
}

function describeCost(r: OperationRun): string {
  const cpu = r.postgresCpuMsPerRequest === null ? '' : `, PostgreSQL CPU ${r.postgresCpuMsPerRequest} ms/req`;
  const statements = r.statementsPerRequest === null ? '' : `, ${r.statementsPerRequest} statements/req`;
  return `${describe(r)}${cpu}${statements}`;
}

/**
 * The bench's database: DATABASE_URL when given; otherwise an embedded PostgreSQL of its own, with
 * pg_stat_statements loaded (it ships with the embedded binaries) so that statements can be counted.
 */
async function openBenchDatabase(config: AppConfig): Promise<DatabaseRuntime & { postmasterPidFile?: string }> {
  if (config.databaseUrl !== undefined) return openDatabase(config, log);
  const server = new EmbeddedPostgres({
    dataDir: config.dataDir,
    database: 'jointcall',
    log,
    unixSocket: args.tcp !== true,
    settings: { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.max': '10000' },
  });
  try {
    const url = await server.start();
    return { url, embedded: true, close: () => server.stop(), postmasterPidFile: join(server.clusterDir, 'postmaster.pid') };
  } catch (error) {
    await server.stop().catch(() => undefined);
    throw error;
  }
}

/** Whether a connection URL names a Unix-domain socket's directory (`host=` in its query string). */
function overSocket(url: string): boolean {
  return new URL(url).searchParams.get('host')?.startsWith('/') === true;
}

/**
 * A login role for each target of the operation runs, a superuser like the bench's own, so that
 * pg_stat_statements, which counts per role, tells each target's statements from the others' and
 * the bench's. Only on the bench's own embedded server, made afresh for each run.
 */
async function targetRoles(client: pg.Client, databaseUrl: string): Promise<Record<OperationTarget, { role: string; url: string }>> {
  const roles = {} as Record<OperationTarget, { role: string; url: string }>;
  for (const target of OPERATION_TARGETS) {
    const role = `bench_${target.replace('-', '_')}`;
    const password = randomBytes(18).toString('base64url');
    await client.query(`CREATE ROLE ${role} LOGIN SUPERUSER PASSWORD '${password}'`);
    const url = new URL(databaseUrl);
    url.username = role;
    url.password = password;
    roles[target] = { role, url: url.toString() };
  }
  return roles;
}

function describe(r: RunResult): string {
  return `${r.throughput} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}, non-2xx ${r.non2xx}`;
}

function runToEnd(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${child.spawnargs.join(' ')} exited with ${code}`)))),
  );
}

/** Starts a server process, its output to the log file, and waits until it answers. */
async function startProcess(
  script: string,
  argv: string[],
  env: NodeJS.ProcessEnv,
  readyUrl: string | undefined,
  logFile: string,
  nodeFlags: readonly string[] = [],
): Promise<ChildProcess> {
  // The child writes its log to the file itself: piped through this process, the api's access log
  // would take CPU from the load generator.
  const out = openSync(logFile, 'a');
  const child = fork(script, argv, { env, execArgv: [...process.execArgv, ...nodeFlags], stdio: ['ignore', out, out, 'ipc'] });
  closeSync(out);
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}; see ${logFile}`))),
  );
  const ready = readyUrl
    ? (async () => {
        for (;;) {
          try {
            if ((await fetch(readyUrl)).ok) return;
          } catch {
            // not listening yet
          }
          await new Promise((r) => setTimeout(r, 200));
        }
      })()
    : new Promise<void>((resolve) => child.once('message', () => resolve()));
  await Promise.race([ready, exited]);
  return child;
}

/** Signs each user in once, a few at a time (each sign-in verifies an argon2id hash). */
async function signIn(url: string, users: readonly BenchUser[]): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  const queue = [...users];
  const worker = async () => {
    for (let u = queue.shift(); u; u = queue.shift()) {
      const response = await fetch(`${url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: u.email, password: SCALE_PASSWORD }),
      });
      if (!response.ok) throw new Error(`sign-in of ${u.email} failed: ${response.status} ${await response.text()}`);
      tokens.set(u.id, ((await response.json()) as { accessToken: string }).accessToken);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return tokens;
}

/** The resident memory of the largest of the api processes now, in MB. */
function memoryMb(pids: readonly number[]): number {
  let largest = 0;
  for (const pid of pids) {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (match) largest = Math.max(largest, Number(match[1]) / 1024);
  }
  return Math.round(largest);
}

/** The api processes' resident memory, sampled while a scenario runs; answers the peak of any one in MB. */
function sampleMemory(pids: readonly number[]): { stop(): number } {
  let peak = 0;
  const read = () => {
    peak = Math.max(peak, memoryMb(pids));
  };
  const timer = setInterval(read, 100);
  return {
    stop() {
      clearInterval(timer);
      read();
      return Math.round(peak);
    },
  };
}

function machine(): string {
  const cpus = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/gm) ?? [];
  return `${cpus.length} × ${cpus[0]?.split(':')[1]?.trim() ?? 'cpu'}, Node ${process.version}`;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
