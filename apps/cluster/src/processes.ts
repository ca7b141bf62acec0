import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';

export type InstanceKind = 'api' | 'worker' | 'balancer';

export interface ProcessSpec {
  /** `api-1`, `worker-2`, `balancer`: in logs and in the record of started processes. */
  readonly name: string;
  readonly kind: InstanceKind;
  /** The compiled entry point, absolute. */
  readonly script: string;
  /** Node flags before the script (the api's own, API_NODE_FLAGS). */
  readonly nodeFlags?: readonly string[];
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Every line of standard output and error is appended here. */
  readonly logFile: string;
  readonly onLine?: (name: string, line: string) => void;
}

/** One api or worker process, started detached (its own process group) so that only the launcher stops it. */
export class ManagedProcess {
  readonly name: string;
  readonly kind: InstanceKind;
  readonly logFile: string;
  private readonly child: ChildProcess;
  private readonly log: WriteStream;
  private readonly exited: Promise<number | null>;
  private readonly lineListeners = new Set<(line: string) => void>();
  private exitCode: number | null | undefined;

  constructor(readonly spec: ProcessSpec) {
    this.name = spec.name;
    this.kind = spec.kind;
    this.logFile = spec.logFile;
    this.log = createWriteStream(spec.logFile, { flags: 'a' });
    this.child = spawn(process.execPath, [...(spec.nodeFlags ?? []), spec.script], {
      cwd: spec.cwd,
      env: spec.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    for (const stream of [this.child.stdout!, this.child.stderr!]) {
      createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
        if (!this.log.writableEnded) this.log.write(`${line}\n`);
        spec.onLine?.(spec.name, line);
        for (const listener of this.lineListeners) listener(line);
      });
    }
    this.exited = new Promise((resolve) => {
      // 'close', not 'exit': the process has ended and its output is read to the end.
      this.child.once('close', (code, signal) => {
        this.exitCode = code ?? (signal ? null : 0);
        resolve(this.exitCode);
      });
      this.child.once('error', () => {
        this.exitCode = null;
        resolve(null);
      });
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** Resolves with the exit code (null when killed by a signal) once the process has ended. */
  whenExited(): Promise<number | null> {
    return this.exited;
  }

  get running(): boolean {
    return this.exitCode === undefined;
  }

  /** Resolves when `ready` answers true (polled), rejects if the process exits first or time runs out. */
  async waitUntil(ready: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.running) {
      if (await ready().catch(() => false)) return;
      if (Date.now() > deadline) throw new Error(`${this.name} was not ${what} after ${timeoutMs} ms; see ${this.logFile}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`${this.name} exited (code ${String(this.exitCode)}) before it was ${what}; see ${this.logFile}`);
  }

  /** Resolves at the first output line that `match` accepts; rejects on exit or timeout. */
  waitForLine(match: (line: string) => boolean, timeoutMs: number, what: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        clearTimeout(timer);
        this.lineListeners.delete(listener);
        if (error) reject(error);
        else resolve();
      };
      const listener = (line: string) => {
        if (match(line)) done();
      };
      const timer = setTimeout(() => done(new Error(`${this.name} was not ${what} after ${timeoutMs} ms; see ${this.logFile}`)), timeoutMs);
      this.lineListeners.add(listener);
      void this.exited.then(() =>
        done(new Error(`${this.name} exited (code ${String(this.exitCode)}) before it was ${what}; see ${this.logFile}`)),
      );
    });
  }

  /**
   * SIGTERM, the process's own clean shutdown (it closes its HTTP server, job loops and pool), then
   * SIGKILL if it has not exited after `graceMs`.
   */
  async stop(graceMs = 25_000): Promise<void> {
    if (this.running) {
      this.signal('SIGTERM');
      const timer = setTimeout(() => this.signal('SIGKILL'), graceMs);
      await this.exited;
      clearTimeout(timer);
    }
    await new Promise<void>((resolve) => this.log.end(() => resolve()));
  }

  /** Ends the process at once (a second Ctrl-C). */
  kill(): void {
    if (this.running) this.signal('SIGKILL');
  }

  private signal(signal: NodeJS.Signals): void {
    try {
      this.child.kill(signal);
    } catch {
      // already gone
    }
  }
}

interface ProcessRecord {
  readonly launcher: number;
  readonly processes: readonly { readonly name: string; readonly pid: number; readonly script: string }[];
}

/**
 * The launcher's pid and those of the processes it started, kept in DATA_DIR: a second launcher on
 * the same folder is refused while the first lives, and processes left behind by a launcher that
 * was killed hard are stopped by the next one.
 */
export class ProcessRecordFile {
  constructor(private readonly file: string) {}

  /** Refuses a live launcher's folder; stops what a dead launcher left running. */
  async claim(log: (message: string) => void): Promise<void> {
    const record = await this.read();
    if (record !== undefined && record.launcher !== process.pid && (await isNodeProcess(record.launcher))) {
      throw new Error(`This DATA_DIR is in use by a running cluster launcher (pid ${record.launcher}); stop it first`);
    }
    for (const left of record?.processes ?? []) {
      if (!(await isProcessRunning(left.pid, left.script))) continue;
      log(`stopping ${left.name} (pid ${left.pid}) left running by an earlier launcher`);
      await endProcess(left.pid, left.script);
    }
    await this.write([]);
  }

  async write(processes: readonly ManagedProcess[]): Promise<void> {
    const record: ProcessRecord = {
      launcher: process.pid,
      processes: processes.map((p) => ({ name: p.name, pid: p.pid, script: p.spec.script })),
    };
    await writeFile(this.file, `${JSON.stringify(record, null, 2)}\n`);
  }

  async remove(): Promise<void> {
    await rm(this.file, { force: true });
  }

  private async read(): Promise<ProcessRecord | undefined> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as ProcessRecord;
    } catch {
      return undefined;
    }
  }
}

async function commandLine(pid: number): Promise<string | undefined> {
  return readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
}

async function isNodeProcess(pid: number): Promise<boolean> {
  if (!alive(pid)) return false;
  const cmdline = await commandLine(pid);
  return cmdline === undefined || cmdline.includes('node');
}

/** The pid still runs, and runs the same script (a pid may have been reused since). */
async function isProcessRunning(pid: number, script: string): Promise<boolean> {
  if (!alive(pid)) return false;
  return (await commandLine(pid))?.includes(script) ?? false;
}

async function endProcess(pid: number, script: string): Promise<void> {
  process.kill(pid, 'SIGTERM');
  const until = Date.now() + 15_000;
  while (await isProcessRunning(pid, script)) {
    if (Date.now() > until) {
      process.kill(pid, 'SIGKILL');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
