import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { type IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaDataSourceOptions } from '#schema';
import { type Cluster, startCluster } from '../apps/cluster/src/cluster.js';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { jointCallBody, org } from './support/call-fixtures.js';
import { Given, TEST_PASSWORD } from './support/given.js';
import { SmtpSink } from './support/smtp-sink.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The client address the tests send from (all of 127.0.0.0/8 is loopback), so the apis' view of it can be checked. */
const CLIENT = '127.0.0.2';
/** The sweep of scheduled notices is sent this many times at once: both workers sweep concurrently. */
const SWEEPS = 6;
const EXPORT_LIMIT = 4;

/** A parsed JSON value, loosely typed as supertest's bodies are. */
type Json = ReturnType<typeof JSON.parse>;

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  readonly body: Json;
}

interface CallOptions {
  readonly body?: unknown;
  readonly token?: string;
  readonly headers?: Record<string, string>;
  /** Local address to send from. */
  readonly from?: string;
}

/** One HTTP request on a connection of its own. */
function call(base: string, method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const url = new URL(path, base);
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        hostname: url.hostname,
        port: url.port,
        method,
        path: `${url.pathname}${url.search}`,
        agent: false,
        ...(options.from ? { localAddress: options.from } : {}),
        headers: {
          ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown;
          try {
            body = text === '' ? undefined : JSON.parse(text);
          } catch {
            body = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** The JSON lines of a process's log. */
async function logLines(file: string): Promise<Record<string, Json>[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, Json>);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Several api processes behind the round-robin balancer and several workers, as separate OS
 * processes from dist/ on one embedded PostgreSQL: nothing that must hold across requests lives
 * in one process. Full suite only (a database server and four Node processes of its own).
 */
describe.runIf(process.env['FULL_SUITE'] === '1')('two apis and two workers on one PostgreSQL', () => {
  let dataDir: string | undefined;
  let cluster: Cluster | undefined;
  let smtp: SmtpSink | undefined;
  let db: DataSource | undefined;
  let given: Given;
  const tokens: Record<string, string> = {};
  let callId: string;
  let trackId: string;
  let mitId: string;
  const started = Date.now();
  const timings: string[] = [];
  const took = (what: string, since: number) => timings.push(`${what}: ${((Date.now() - since) / 1000).toFixed(1)} s`);

  const c = (): Cluster => {
    if (!cluster) throw new Error('the cluster did not start');
    return cluster;
  };
  const as = (who: string): string => tokens[who]!;

  /** Requests whose X-Request-Id starts with `prefix`, per api, from each one's own access log. */
  const servedBy = async (prefix: string, expectedTotal: number): Promise<number[]> => {
    const until = Date.now() + 10_000;
    for (;;) {
      const counts = await Promise.all(
        c().apis.map(
          async (api) =>
            (await logLines(api.logFile)).filter(
              (line) => line['msg'] === 'request completed' && String(line['req']?.id ?? '').startsWith(prefix),
            ).length,
        ),
      );
      if (counts.reduce((a, b) => a + b, 0) >= expectedTotal || Date.now() > until) return counts;
      await sleep(100);
    }
  };

  const draft = async (title: string): Promise<string> => {
    const created = await call(c().url, 'POST', '/applications', {
      token: as('pi.utokyo'),
      body: { callId, trackId, title, abstract: 'Quantum sensing across the Pacific.', fieldCode: 'quantum', durationMonths: 36 },
    });
    expect(created.status, created.text).toBe(201);
    const id = created.body.id as string;
    // Each edit is conditional on the version the previous answer gave, as a client's is.
    const jst = await call(c().url, 'PATCH', `/applications/${id}/sides/${org('JST')}`, {
      token: as('pi.utokyo'),
      headers: { 'if-match': `"${created.body.version as number}"` },
      body: { budgetPerYear: [30_000_000, 30_000_000, 30_000_000], budgetCurrency: 'JPY' },
    });
    expect(jst.status, jst.text).toBe(200);
    const nsf = await call(c().url, 'PATCH', `/applications/${id}/sides/${org('NSF')}`, {
      token: as('pi.utokyo'),
      headers: { 'if-match': `"${jst.body.version as number}"` },
      body: { piUserId: mitId, institutionId: org('MIT'), budgetPerYear: [400_000_00, 400_000_00, 400_000_00], budgetCurrency: 'USD' },
    });
    expect(nsf.status, nsf.text).toBe(200);
    return id;
  };
  const act = async (who: string, path: string, body?: unknown): Promise<void> => {
    const answer = await call(c().url, 'POST', path, { token: as(who), ...(body === undefined ? {} : { body }) });
    expect(answer.status, answer.text).toBe(200);
  };

  beforeAll(async () => {
    let since = Date.now();
    // The processes run the compiled code: compile what changed (incremental).
    await run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
      cwd: ROOT,
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout?: string; message: string }) => {
      throw new Error(`the build failed:\n${error.stdout ?? error.message}`);
    });
    took('build', since);

    since = Date.now();
    smtp = await SmtpSink.start();
    dataDir = await mkdtemp(join(tmpdir(), 'jointcall-cluster-'));
    await chmod(dataDir, 0o755);
    cluster = await startCluster({
      dataDir,
      apis: 2,
      workers: 2,
      port: 0,
      env: {
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        SMTP_URL: smtp.url,
        JOB_POLL_INTERVAL_MS: '500',
        JOB_RETRY_DELAY_SECONDS: '1',
        DATABASE_POOL_SIZE: '5',
        // Small enough to reach in a test: CSV exports per user and minute, counted in PostgreSQL.
        RATE_LIMIT_EXPORTS: String(EXPORT_LIMIT),
      },
      postgresSettings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
    });
    took('cluster start (database, migrations, demo data, 2 apis, 2 workers)', since);

    since = Date.now();
    db = new DataSource(schemaDataSourceOptions(c().databaseUrl, 'jointcall-scale-out-test', 10_000));
    await db.initialize();
    given = new Given(db);
    for (const who of ['officer.jst', 'pi.utokyo', 'ura.utokyo']) {
      const login = await call(c().url, 'POST', '/auth/login', { body: { email: `${who}@example.org`, password: DEMO_PASSWORD } });
      expect(login.status, login.text).toBe(200);
      tokens[who] = login.body.accessToken as string;
    }
    const [program] = await db.query<{ id: string }[]>(`SELECT id FROM programs WHERE code = 'SICORP'`);
    const [mit] = await db.query<{ id: string }[]>(`SELECT id FROM users WHERE email = 'pi.mit@example.org'`);
    mitId = mit!.id;
    // Open now on the real clock (the processes share no manual clock): JST's deadline half an hour
    // ahead, so its reminder (the 2h offset) is due at the next sweep.
    const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
    const created = await call(c().url, 'POST', '/calls', {
      token: as('officer.jst'),
      body: jointCallBody(program!.id, {
        titleEn: `Scale-out joint call ${randomBytes(3).toString('hex')}`,
        agencies: [
          { agencyId: org('JST'), role: 'lead', deadline: at(30), budgetCap: { amount: 500_000_000, currency: 'JPY' } },
          {
            agencyId: org('NSF'),
            role: 'partner',
            deadline: at(45),
            budgetCap: { amount: 1_500_000_00, currency: 'USD' },
            institutionApprovalRequired: false,
          },
        ],
        announcedAt: at(-2 * 1440),
        opensAt: at(-1440),
        reviewStartsAt: at(1440),
        decisionAt: at(2 * 1440),
        projectStartOn: at(7 * 1440).slice(0, 10),
      }),
    });
    expect(created.status, created.text).toBe(201);
    callId = created.body.id as string;
    trackId = created.body.tracks[0].id as string;
    await act('officer.jst', `/calls/${callId}/publish`);
    took('a call open now', since);
  }, 300_000);

  afterAll(async () => {
    await db?.destroy().catch(() => undefined);
    await cluster?.stop();
    await smtp?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    console.log(`scale-out: ${timings.join('; ')}; ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
  }, 120_000);

  it('counts failed sign-ins in PostgreSQL: 100 for one account over both apis, then the 101st is refused with 429 by either', async () => {
    const since = Date.now();
    const user = await given.user({ email: `throttled-${randomBytes(4).toString('hex')}@example.test` });
    const failures: Answer[] = [];
    for (let round = 0; round < 10; round++) {
      failures.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            call(c().url, 'POST', '/auth/login', {
              body: { email: user.email, password: 'not the password' },
              headers: { 'x-request-id': `login-${round * 10 + i}` },
              from: CLIENT,
            }),
          ),
        )),
      );
    }
    expect(failures.map((f) => `${f.status} ${f.body?.code}`)).toEqual(Array.from({ length: 100 }, () => '401 INVALID_CREDENTIALS'));
    // Round robin per request: each api answered half of them (its own access log says so).
    expect(await servedBy('login-', 100)).toEqual([50, 50]);

    // The 101st, even with the right password: through the balancer, and straight to each api.
    for (const base of [c().url, ...c().apis.map((api) => api.url!)]) {
      const refused = await call(base, 'POST', '/auth/login', { body: { email: user.email, password: TEST_PASSWORD }, from: CLIENT });
      expect(refused.status, `${base}: ${refused.text}`).toBe(429);
      expect(refused.body.code).toBe('TOO_MANY_FAILED_LOGINS');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3000);
    }
    // The apis saw the client's own address through the balancer (X-Forwarded-For from a trusted proxy).
    expect(
      await db!.query(`SELECT client_address::text AS address, count(*)::int AS failures FROM login_failures WHERE email = $1 GROUP BY 1`, [
        user.email,
      ]),
    ).toEqual([{ address: CLIENT, failures: 100 }]);
    took('100 failed sign-ins', since);
  });

  it('takes the client address from the balancer, not from what the client claims', async () => {
    const email = `spoofing-${randomBytes(4).toString('hex')}@example.test`;
    const answer = await call(c().url, 'POST', '/auth/login', {
      body: { email, password: 'not the password' },
      headers: { 'x-forwarded-for': '203.0.113.7' },
      from: '127.0.0.3',
    });
    expect(answer.status).toBe(401);
    expect(await db!.query(`SELECT client_address::text AS address FROM login_failures WHERE email = $1`, [email])).toEqual([
      { address: '127.0.0.3' },
    ]);
  });

  it('ends a whole session when a refresh token used on one api is used again on the other', async () => {
    const [first, second] = c().apis;
    const login = await call(first!.url!, 'POST', '/auth/login', { body: { email: 'pi.osaka@example.org', password: DEMO_PASSWORD } });
    expect(login.status, login.text).toBe(200);
    const rotated = await call(first!.url!, 'POST', '/auth/refresh', { body: { refreshToken: login.body.refreshToken } });
    expect(rotated.status, rotated.text).toBe(200);
    // The old token again, on the other instance: refused, and the session it belongs to ends.
    const reused = await call(second!.url!, 'POST', '/auth/refresh', { body: { refreshToken: login.body.refreshToken } });
    expect(`${reused.status} ${reused.body?.code}`).toBe('401 INVALID_REFRESH_TOKEN');
    for (const api of [first!, second!]) {
      const again = await call(api.url!, 'POST', '/auth/refresh', { body: { refreshToken: rotated.body.refreshToken } });
      expect(again.status).toBe(401);
      expect((await call(api.url!, 'GET', '/me', { token: rotated.body.accessToken })).status).toBe(401);
    }
  });

  it('counts the CSV exports of one user against one limit over both apis', async () => {
    const answers: Answer[] = [];
    for (let i = 0; i <= EXPORT_LIMIT; i++) {
      answers.push(
        await call(c().url, 'GET', '/applications/export.csv', { token: as('ura.utokyo'), headers: { 'x-request-id': `export-${i}` } }),
      );
    }
    expect([...(await servedBy('export-', EXPORT_LIMIT + 1))].sort()).toEqual([2, 3]);
    expect(answers.map((a) => a.status)).toEqual([...Array.from({ length: EXPORT_LIMIT }, () => 200), 429]);
    expect(answers.at(-1)!.body.code).toBe('RATE_LIMITED');
    expect(Number(answers.at(-1)!.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('twenty concurrent submits with one Idempotency-Key over both apis give one receipt', async () => {
    const since = Date.now();
    const id = await draft('Submitted twenty times at once');
    const key = `submit-${id}`;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(c().url, 'POST', `/applications/${id}/submit`, {
          token: as('pi.utokyo'),
          headers: { 'idempotency-key': key, 'x-request-id': `submit-${i}` },
        }),
      ),
    );
    expect(await servedBy('submit-', 20)).toEqual([10, 10]);
    const ok = answers.filter((a) => a.status === 200);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const other of answers.filter((a) => a.status !== 200))
      expect(`${other.status} ${other.body?.code}`).toBe('409 IDEMPOTENCY_KEY_IN_FLIGHT');
    expect(new Set(ok.map((a) => JSON.stringify(a.body))).size).toBe(1);
    // One of them ran; every other answer, on either api, was the stored one or 409 while it ran.
    expect(ok.filter((a) => a.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    const nsf = (ok[0]!.body.sides as { agency: { shortName: string }; receiptNumber: string | null }[]).find(
      (s) => s.agency.shortName === 'NSF',
    );
    expect(nsf?.receiptNumber).toMatch(/^JC-\d{4}-\d+$/);

    expect(
      await db!.query(`SELECT receipt_number FROM application_sides WHERE application_id = $1 AND receipt_number IS NOT NULL`, [id]),
    ).toEqual([{ receipt_number: nsf!.receiptNumber }]);
    expect(
      await db!.query(`SELECT agency_id FROM application_events WHERE application_id = $1 AND action = 'application.submit'`, [id]),
    ).toHaveLength(2);
    expect(await db!.query(`SELECT 1 FROM idempotency_keys WHERE key = $1`, [key])).toHaveLength(1);

    // A retry on either api replays the first answer.
    for (const api of c().apis) {
      const retry = await call(api.url!, 'POST', `/applications/${id}/submit`, {
        token: as('pi.utokyo'),
        headers: { 'idempotency-key': key },
      });
      expect(retry.status).toBe(200);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(JSON.stringify(retry.body)).toBe(JSON.stringify(ok[0]!.body));
    }
    took('20 concurrent submits', since);
  });

  it('delivers every notice and reminder exactly once with two workers taking the jobs', async () => {
    const since = Date.now();
    const [approvedA, approvedB, returned, pending, openA, openB] = await Promise.all(
      ['Approved A', 'Approved B', 'Returned', 'Pending approval', 'Open draft A', 'Open draft B'].map((title) => draft(title)),
    );
    for (const id of [approvedA!, approvedB!, returned!, pending!]) await act('pi.utokyo', `/applications/${id}/submit`);
    const checks = { exportControlScreened: true, disclosuresReceived: true };
    await act('ura.utokyo', `/applications/${approvedA}/sides/${org('JST')}/approve`, checks);
    await act('ura.utokyo', `/applications/${approvedB}/sides/${org('JST')}/approve`, checks);
    await act('ura.utokyo', `/applications/${returned}/sides/${org('JST')}/return`, { comment: 'Please attach the data management plan.' });

    // Reminders: the once-a-minute sweep, sent several times at once so that both workers sweep together.
    const boss = new PgBoss({ connectionString: c().databaseUrl, schema: 'pgboss', migrate: false, supervise: false, schedule: false });
    boss.on('error', () => undefined);
    await boss.start();
    await boss.insert(Array.from({ length: SWEEPS }, () => ({ name: 'notifications.sweep', data: {} })));
    await boss.stop({ graceful: false, wait: true });

    // Settled: every sweep done, no e-mail queued, and as many messages received as notices to e-mail.
    type Row = { id: string; kind: string; subject_id: string; email: string };
    const state = async () => {
      const rows = await db!.query<Row[]>(`SELECT id, kind, subject_id, email FROM notifications WHERE email <> 'none'`);
      const [sweeps] = await db!.query<{ pending: number; completed: number }[]>(
        `SELECT count(*) FILTER (WHERE state IN ('created', 'retry', 'active'))::int AS pending,
                count(*) FILTER (WHERE state = 'completed')::int AS completed
           FROM pgboss.job WHERE name = 'notifications.sweep'`,
      );
      return {
        rows,
        sweeps: sweeps!,
        done: sweeps!.pending === 0 && rows.every((r) => r.email === 'sent') && smtp!.received.length >= rows.length,
      };
    };
    const settle = async () => {
      const until = Date.now() + 60_000;
      let now = await state();
      while (!now.done && Date.now() < until) {
        await sleep(250);
        now = await state();
      }
      expect(now.done, JSON.stringify({ sweeps: now.sweeps, notices: now.rows.length, received: smtp!.received.length })).toBe(true);
      return now;
    };
    await settle();
    // Long enough for several polls of both workers: a duplicate would have arrived by then.
    await sleep(2000);
    const settled = await settle();
    expect(settled.sweeps.completed).toBeGreaterThanOrEqual(SWEEPS);
    // The demo data's own reminders may fall due at any minute's tick: compare what was received
    // with the notices of the settled state (none missing) and with those that exist now (none unknown).
    const messageIds = (mails: readonly { messageId: string }[]) =>
      mails.map((m) => /^<([^@>]+)@jointcall>$/.exec(m.messageId)?.[1] ?? m.messageId);
    const received = messageIds(smtp!.received);
    const now = await state();
    const notices = new Set(now.rows.map((r) => r.id));
    expect(received.length - new Set(received).size, 'duplicate e-mails').toBe(0);
    expect(
      settled.rows.filter((r) => !received.includes(r.id)).map((r) => r.kind),
      'notices not e-mailed',
    ).toEqual([]);
    expect(
      received.filter((id) => !notices.has(id)),
      'e-mails of no notice',
    ).toEqual([]);

    const kinds = (id: string) => new Set(now.rows.filter((r) => r.subject_id === id).map((r) => r.kind));
    expect(kinds(approvedA!)).toEqual(new Set(['approval_requested', 'application_submitted', 'application_approved']));
    expect(kinds(approvedB!)).toEqual(new Set(['approval_requested', 'application_submitted', 'application_approved']));
    expect(kinds(returned!)).toEqual(new Set(['approval_requested', 'application_submitted', 'application_returned', 'deadline_reminder']));
    expect(kinds(pending!)).toEqual(new Set(['approval_requested', 'application_submitted', 'approval_reminder']));
    expect(kinds(openA!)).toEqual(new Set(['deadline_reminder']));
    expect(kinds(openB!)).toEqual(new Set(['deadline_reminder']));
    // One reminder per side and offset, however many sweeps ran: the JST and NSF sides of each open draft.
    expect(
      await db!.query(`SELECT key FROM notice_marks WHERE key LIKE $1 OR key LIKE $2 ORDER BY key`, [
        `deadline:${openA}:%`,
        `deadline:${openB}:%`,
      ]),
    ).toHaveLength(4);

    // Which worker sent what, from each one's log: both took e-mails, none was sent by both.
    const sentBy = await Promise.all(
      c().workers.map(async (worker) =>
        (await logLines(worker.logFile)).filter((line) => line['msg'] === 'e-mail sent').map((line) => String(line['notificationId'])),
      ),
    );
    const sent = sentBy.flat();
    expect(sentBy.map((ids) => ids.length > 0)).toEqual([true, true]);
    expect(sent.length - new Set(sent).size, 'e-mails sent twice').toBe(0);
    expect(
      settled.rows.filter((r) => !sent.includes(r.id)).map((r) => r.kind),
      'notices no worker sent',
    ).toEqual([]);
    expect(
      sent.filter((id) => !notices.has(id)),
      'sent notices that do not exist',
    ).toEqual([]);
    took(`${received.length} e-mails (${sentBy.map((ids) => ids.length).join(' + ')} by the two workers)`, since);
  });
});
