import http from 'node:http';
import autocannon from 'autocannon';

/** One request of a scenario, and what to do with its answer (keep a version, a cursor, ...). */
export interface Operation {
  readonly kind: string;
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
  /** What to do with its answer; at a fixed rate, status 0 when none came (a timeout, a closed connection). */
  done?(status: number, body: string): void;
}

/**
 * Where a scenario's requests go: the next one, given the target's way of naming the caller. A
 * promise when the request must wait for its user (a draft whose save is still in flight): only
 * the fixed-rate runs take one, and count its latency from when it was due.
 */
export type NextOperation = () => Operation | Promise<Operation>;

export interface KindResult {
  readonly count: number;
  readonly non2xx: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
}

export interface RunResult {
  readonly mode: 'saturation' | 'fixed-rate';
  readonly seconds: number;
  /** Connections (saturation) or the offered rate in requests per second (fixed rate). */
  readonly load: number;
  /** Requests answered. */
  readonly requests: number;
  /** Requests sent: those answered, and those in flight when a saturation run ended (their server still does their work). */
  readonly sent: number;
  readonly throughput: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly errors: number;
  readonly non2xx: number;
  readonly byKind: Record<string, KindResult>;
  readonly statuses: Record<string, number>;
}

/** Latencies in milliseconds, kept whole: runs are short enough to sort them at the end. */
class Samples {
  private readonly all: number[] = [];
  private readonly kinds = new Map<string, { latencies: number[]; non2xx: number }>();
  readonly statuses: Record<string, number> = {};
  errors = 0;
  sent = 0;
  /** When the last answer came (performance.now()). */
  lastAnswerAt: number | undefined;

  record(kind: string, status: number, latencyMs: number): void {
    this.lastAnswerAt = performance.now();
    this.all.push(latencyMs);
    const entry = this.kinds.get(kind) ?? { latencies: [], non2xx: 0 };
    entry.latencies.push(latencyMs);
    if (status < 200 || status > 299) entry.non2xx += 1;
    this.kinds.set(kind, entry);
    this.statuses[`${kind} ${status}`] = (this.statuses[`${kind} ${status}`] ?? 0) + 1;
  }

  result(mode: RunResult['mode'], seconds: number, load: number): RunResult {
    const byKind: Record<string, KindResult> = {};
    let non2xx = 0;
    for (const [kind, entry] of this.kinds) {
      non2xx += entry.non2xx;
      byKind[kind] = { count: entry.latencies.length, non2xx: entry.non2xx, ...percentiles(entry.latencies) };
    }
    const ok = this.all.length - non2xx;
    return {
      mode,
      seconds,
      load,
      requests: this.all.length,
      sent: this.sent,
      throughput: round(ok / seconds),
      ...percentiles(this.all),
      errors: this.errors,
      non2xx,
      byKind,
      statuses: this.statuses,
    };
  }
}

function percentiles(values: number[]): { p50: number; p90: number; p99: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length === 0 ? 0 : round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!));
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99) };
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Throughput at saturation: autocannon keeps a fixed number of connections busy (a closed model).
 * Each connection has one request in flight, so its context remembers which operation it was.
 * With `amount`, the run sends that many requests instead of lasting `seconds` (for operations that
 * use their fixtures up), and the throughput is over the time they took.
 */
export async function saturate(
  urls: readonly string[],
  connections: number,
  seconds: number,
  next: NextOperation,
  amount?: number,
): Promise<RunResult> {
  const samples = new Samples();
  const share = (total: number, i: number) => Math.floor(total / urls.length) + (i < total % urls.length ? 1 : 0);
  const started = performance.now();
  // Several api instances share the connections (and the requests) evenly, one autocannon each, all at once.
  const results = await Promise.all(
    urls.flatMap((url, i) => {
      const requests = amount === undefined ? undefined : share(amount, i);
      if (requests === 0) return [];
      const conns = Math.max(1, Math.min(share(connections, i), requests ?? Infinity));
      return [cannon(url, conns, requests === undefined ? { duration: seconds } : { amount: requests }, next, samples)];
    }),
  );
  samples.errors = results.reduce((sum, result) => sum + result.errors + result.timeouts, 0);
  // autocannon notices the last answer only at its next one-second tick: the run lasted until that answer.
  const elapsed =
    amount === undefined ? seconds : Math.max(0.001, Math.round((samples.lastAnswerAt ?? performance.now()) - started) / 1000);
  return samples.result('saturation', elapsed, connections);
}

function cannon(
  url: string,
  connections: number,
  length: { duration: number } | { amount: number },
  next: NextOperation,
  samples: Samples,
) {
  return autocannon({
    url,
    connections,
    ...length,
    requests: [
      {
        setupRequest: (request, context) => {
          const op = next();
          if (op instanceof Promise)
            throw new Error('an operation that waits for its user cannot run at saturation (more connections than users)');
          samples.sent += 1;
          Object.assign(context, { op, started: performance.now() });
          return {
            ...request,
            method: op.method,
            path: op.path,
            headers: { ...op.headers, ...(op.body === undefined ? {} : { 'content-type': 'application/json' }) },
            body: op.body === undefined ? undefined : JSON.stringify(op.body),
          };
        },
        onResponse: (status, body, context) => {
          const { op, started } = context as { op: Operation; started: number };
          samples.record(op.kind, status, performance.now() - started);
          op.done?.(status, body);
        },
      },
    ],
  });
}

/**
 * Latency at a fixed offered rate (an open model): requests leave on a fixed schedule whether or
 * not earlier ones have answered, each on a connection of its own when needed, and each latency
 * is counted from the moment the request was due, so a stall shows in the tail instead of
 * silently lowering the rate (no coordinated omission).
 *
 * With `warmupSeconds`, the schedule starts that long before the measured window, at the same rate
 * and on the same connections, and only the requests due within the window are timed: a request
 * held up by a backlog left from the warm-up still counts, from when it was due. All are sent (and
 * counted in `sent`, over which the meters divide their totals).
 */
export async function offer(
  urls: readonly string[],
  rate: number,
  seconds: number,
  next: NextOperation,
  warmupSeconds = 0,
): Promise<RunResult> {
  const samples = new Samples();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const targets = urls.map((url) => new URL(url));
  const warmup = Math.round(rate * warmupSeconds);
  const total = warmup + Math.round(rate * seconds);
  const interval = 1000 / rate;
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    samples.sent += 1;
    const timed = i >= warmup;
    const target = targets[i % targets.length]!;
    pending.push(
      // Several api instances take the requests in turn. A request that waits for its user leaves
      // when the user is free, still timed from when it was due.
      Promise.resolve(next()).then((op) =>
        send(agent, target, op).then(
          ({ status, body }) => {
            if (timed) samples.record(op.kind, status, performance.now() - due);
            op.done?.(status, body);
          },
          () => {
            samples.errors += 1;
            // No answer: its user is free again all the same (status 0), or a save waiting for them would wait forever.
            op.done?.(0, '');
          },
        ),
      ),
    );
  }
  await Promise.all(pending);
  agent.destroy();
  return samples.result('fixed-rate', seconds, rate);
}

function send(agent: http.Agent, target: URL, op: Operation): Promise<{ status: number; body: string }> {
  const payload = op.body === undefined ? undefined : JSON.stringify(op.body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method: op.method,
        path: op.path,
        headers: {
          ...op.headers,
          ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
        },
        timeout: 30_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
    request.end(payload);
  });
}
